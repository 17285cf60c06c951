import ChanceryIO

/// Expands the paths given to `chancery import` into the files to read: files as given, folders walked
/// recursively in sorted order (hidden entries, Markdown and temporary files skipped), symlinked folders
/// followed. A folder already walked (given twice, or reached again by a link) is not walked again; a link
/// back to a folder it is inside is a symlink loop, reported as a warning and not followed.
public enum InputFiles {
    /// File name endings read when walking a folder.
    public static let extensions = [".txt", ".text", ".html", ".htm", ".csv", ".cable", ".tel"]

    public struct Result: Sendable {
        public var files: [String] = []
        public var problems: [Problem] = []
    }

    /// A path that could not be read (an error), or was not followed (a warning: nothing under it is lost).
    public struct Problem: Sendable, Equatable {
        public var path: String
        public var message: String
        public var isWarning = false
    }

    public static func expand(_ paths: [String]) -> Result {
        var result = Result()
        var visited = Set<[UInt64]>()
        for path in paths {
            if DiskIO.isDirectory(path) {
                walk(trimSlash(path), into: &result, visited: &visited, ancestors: [])
            } else if DiskIO.exists(path) {
                result.files.append(path)
            } else {
                result.problems.append(Problem(path: path, message: "no such file or folder"))
            }
        }
        return result
    }

    /// `visited`: every folder walked in this expansion; `ancestors`: the folders `dir` is inside, on the
    /// way it was reached.
    private static func walk(_ dir: String, into result: inout Result, visited: inout Set<[UInt64]>, ancestors: Set<[UInt64]>) {
        guard let identity = DiskIO.identity(dir) else { result.problems.append(Problem(path: dir, message: "cannot read the folder")); return }
        if ancestors.contains(identity) {
            result.problems.append(Problem(path: dir, message: "symlink loop: this links back to a folder it is inside; not followed", isWarning: true))
            return
        }
        guard visited.insert(identity).inserted else { return }   // walked already by another path
        guard let entries = DiskIO.list(dir) else { result.problems.append(Problem(path: dir, message: "cannot read the folder")); return }
        let inside = ancestors.union([identity])
        for entry in entries where !entry.name.hasPrefix(".") {
            let path = dir + "/" + entry.name
            if entry.isDirectory {
                walk(path, into: &result, visited: &visited, ancestors: inside)
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
