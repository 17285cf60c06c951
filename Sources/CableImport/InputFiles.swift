import ChanceryIO

/// Expands the paths given to `chancery import` into the files to read: files as given, folders walked
/// recursively in sorted order (hidden entries, Markdown and temporary files skipped), symlinked folders
/// followed once (a symlink loop is reported, not followed forever).
public enum InputFiles {
    /// File name endings read when walking a folder.
    public static let extensions = [".txt", ".text", ".html", ".htm", ".csv", ".cable", ".tel"]

    public struct Result: Sendable {
        public var files: [String] = []
        public var problems: [(path: String, message: String)] = []
    }

    public static func expand(_ paths: [String]) -> Result {
        var result = Result()
        var visited = Set<[UInt64]>()
        for path in paths {
            if DiskIO.isDirectory(path) {
                walk(trimSlash(path), into: &result, visited: &visited)
            } else if DiskIO.exists(path) {
                result.files.append(path)
            } else {
                result.problems.append((path, "no such file or folder"))
            }
        }
        return result
    }

    private static func walk(_ dir: String, into result: inout Result, visited: inout Set<[UInt64]>) {
        guard let identity = DiskIO.identity(dir) else { result.problems.append((dir, "cannot read the folder")); return }
        guard visited.insert(identity).inserted else {
            result.problems.append((dir, "symlink loop: this folder was already visited; not followed again"))
            return
        }
        guard let entries = DiskIO.list(dir) else { result.problems.append((dir, "cannot read the folder")); return }
        for entry in entries where !entry.name.hasPrefix(".") {
            let path = dir + "/" + entry.name
            if entry.isDirectory {
                walk(path, into: &result, visited: &visited)
            } else if isCandidate(entry.name) {
                result.files.append(path)
            }
        }
    }

    static func isCandidate(_ name: String) -> Bool {
        let lower = name.lowercased()
        return extensions.contains { lower.hasSuffix($0) }
    }

    static func trimSlash(_ p: String) -> String {
        var s = p
        while s.count > 1, s.hasSuffix("/") { s.removeLast() }
        return s
    }
}
