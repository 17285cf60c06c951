import ChanceryIO

/// Where a site may be written. A build removes every file of its output folder that it did not make (and
/// a first or `--clean` build replaces the folder's content whole), so the output folder must not hold the
/// site's sources: it may be neither the site folder nor a folder above it (`--output .`, `--output ..`),
/// nor lie inside `Content/` or `Themes/` (the build would read its own output as sources next time), nor be
/// or lie inside `.chancery/` (the build cache, the import record and the locks: a `--clean` build would
/// delete them). Folders are compared by device and inode, so symbolic links and relative spellings do not
/// hide them.
enum OutputPlace {
    /// Why `output` cannot take the site of `root`, or nil when it can.
    static func problem(output: String, root: String) -> BuildError? {
        let refusal = "the output folder must not be the site folder, a folder above it, or inside its Content/, Themes/ or .chancery/: "
            + "a build removes every file there that it did not make"
        // the site folder and the folders above it
        if let target = DiskIO.identity(output), ancestors(from: root).contains(target) {
            return BuildError(path: output, message: refusal)
        }
        // the output folder (or, when it does not exist yet, the nearest folder above it that does) and those above
        var existing = output
        while DiskIO.identity(existing) == nil {
            let parent = DiskIO.parent(existing)
            guard parent != existing, !parent.isEmpty else { return nil }
            existing = parent
        }
        let above = ancestors(from: existing)
        for source in ["Content", "Themes", ".chancery"] {
            if let identity = DiskIO.identity(root + "/" + source), above.contains(identity) { return BuildError(path: output, message: refusal) }
        }
        return nil
    }

    /// Whether `output` holds a reading room a build made: its home page and its data export (another site's
    /// folder, with an `index.html` of its own, is not taken for one).
    static func holdsBuiltSite(_ output: String) -> Bool {
        DiskIO.exists(output + "/index.html") && DiskIO.exists(output + "/data/cables.json")
    }

    /// When `output`, a folder without a built site, holds files (hidden ones aside): a build
    /// without a cache for it would take them for stale pages and remove them, so it asks for an empty folder,
    /// or for `--clean`, which says to replace them.
    static func foreignContent(output: String) -> BuildError? {
        let names = (DiskIO.list(output) ?? []).map(\.name).filter { !$0.hasPrefix(".") }.sorted()
        guard !names.isEmpty else { return nil }
        let shown = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? "…" : "")
        return BuildError(path: output, message: "the output folder holds files no build made (\(shown)): build into an empty folder, "
            + "or pass --clean to replace them")
    }

    /// The identities of `folder` and of each folder above it, up to the root of the file system.
    private static func ancestors(from folder: String) -> Set<[UInt64]> {
        var found = Set<[UInt64]>()
        var path = folder
        for _ in 0..<256 {
            guard let identity = DiskIO.identity(path), found.insert(identity).inserted else { break }
            path += "/.."
        }
        return found
    }
}
