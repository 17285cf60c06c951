#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `make install` puts what the tool ships besides its executable: `<prefix>/share/chancery/`, found
/// from the running executable's own folder (`<prefix>/bin/chancery`). An installed chancery builds a site
/// folder without a theme of its own with the default theme installed there.
public enum InstalledFiles {
    /// `<prefix>/share/chancery` for the executable at `<prefix>/bin/chancery` (symbolic links resolved), or
    /// nil when the executable's path cannot be read.
    public static func shareFolder(executable: String? = nil) -> String? {
        guard let path = executable ?? executablePath() else { return nil }
        var parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        parts.removeLast(2)   // the executable and its folder
        return parts.joined(separator: "/") + "/share/chancery"
    }

    /// The running executable's absolute path, links resolved: Linux's `/proc/self/exe`, else the path it
    /// was started by when that names a file.
    static func executablePath() -> String? {
        for candidate in ["/proc/self/exe", CommandLine.arguments.first ?? ""] where !candidate.isEmpty {
            if let resolved = realpath(candidate, nil) {
                defer { free(resolved) }
                return String(cString: resolved)
            }
        }
        return nil
    }
}
