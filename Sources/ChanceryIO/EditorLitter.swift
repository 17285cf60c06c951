/// Swap, backup, lock and probe files that editors and file managers write beside the real ones (`style.css~`,
/// `.style.css.swp`, `Thumbs.db`): never content, never published, never a reason to rebuild.
public enum EditorLitter {
    /// Whether a file of this name is such litter (hidden files are left to the caller).
    public static func matches<S: StringProtocol>(_ name: S) -> Bool {
        if name.hasSuffix("~") { return true }                                   // emacs, gedit backups
        if name.hasPrefix("#") && name.hasSuffix("#") { return true }            // emacs auto-save
        if name == "4913" { return true }                                        // vim's write probe
        if name == "Thumbs.db" || name == "desktop.ini" { return true }
        for suffix in [".swp", ".swo", ".swx", ".swpx", ".kate-swp", ".crswap", ".tmp"] where name.hasSuffix(suffix) { return true }
        return name.contains(".tmp-")                                            // our atomic-write temp files
    }
}
