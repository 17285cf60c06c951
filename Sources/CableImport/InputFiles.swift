import CableKit
import ChanceryIO

/// Expands the paths given to `chancery import` into the files to read: files as given, folders walked
/// recursively in sorted order (hidden entries, Markdown and temporary files skipped), symlinked folders
/// followed. A folder already walked (given twice, or reached again by a link) is not walked again; a link
/// back to a folder it is inside is a symlink loop, reported as a warning and not followed. A file is read
/// once however often it is named, and a file named is not read again from a folder walked. The site's
/// `Public/` is passed by.
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

    /// `passing`: folders a walk passes by without entering (the site's `Public/`, whose pages and `<ID>.txt`
    /// copies are no input: `import .` at the site's root read them all); given themselves, they are walked.
    public static func expand(_ paths: [String], passing: [String] = []) -> Result {
        var result = Result()
        var visited = Set<[UInt64]>()
        let passed = Set(passing.compactMap(DiskIO.identity))
        // the files named, by their own identity, and by their folder's identity and their name: a walk
        // lists names without a stat for each
        var named = Set<[UInt64]>()
        var namedIn: [[UInt64]: Set<String>] = [:]
        for path in paths where !DiskIO.isDirectory(path) {
            if let folder = DiskIO.identity(DiskIO.parent(path)) { namedIn[folder, default: []].insert(fileName(path)) }
        }
        for path in paths {
            if DiskIO.isDirectory(path) {
                walk(trimSlash(path), into: &result, visited: &visited, ancestors: [], skipping: namedIn, passing: passed)
            } else if DiskIO.exists(path) {
                if let identity = DiskIO.identity(path), !named.insert(identity).inserted { continue }
                result.files.append(path)
            } else {
                result.problems.append(Problem(path: path, message: "no such file or folder"))
            }
        }
        return result
    }

    /// `visited`: every folder walked in this expansion; `ancestors`: the folders `dir` is inside, on the
    /// way it was reached; `skipping`: the names of files named on their own, by their folder's identity.
    private static func walk(_ dir: String, into result: inout Result, visited: inout Set<[UInt64]>, ancestors: Set<[UInt64]>,
                             skipping: [[UInt64]: Set<String>], passing: Set<[UInt64]>) {
        guard let identity = DiskIO.identity(dir) else { result.problems.append(Problem(path: dir, message: "cannot read the folder")); return }
        if !ancestors.isEmpty, passing.contains(identity) { return }
        if ancestors.contains(identity) {
            result.problems.append(Problem(path: dir, message: "symlink loop: this links back to a folder it is inside; not followed", isWarning: true))
            return
        }
        guard visited.insert(identity).inserted else { return }   // walked already by another path
        guard let entries = DiskIO.list(dir) else { result.problems.append(Problem(path: dir, message: "cannot read the folder")); return }
        let inside = ancestors.union([identity])
        let named = skipping[identity] ?? []
        var pdfs: [String] = []
        for entry in entries where !entry.name.hasPrefix(".") {
            let path = dir + "/" + entry.name
            if entry.isDirectory {
                walk(path, into: &result, visited: &visited, ancestors: inside, skipping: skipping, passing: passing)
            } else if isCandidate(entry.name), !named.contains(entry.name) {
                result.files.append(path)
            } else if entry.name.lowercased().hasSuffix(".pdf") {
                pdfs.append(entry.name)
            }
        }
        // a folder of released PDFs is the likeliest thing to be walked for nothing: say so
        if !pdfs.isEmpty {
            let shown = pdfs.prefix(3).joined(separator: ", ") + (pdfs.count > 3 ? ", …" : "")
            result.problems.append(Problem(path: dir, message: "\(pdfs.count) PDF file\(pdfs.count == 1 ? "" : "s") not imported (\(shown)): \(CableReader.pdfAdvice)",
                                           isWarning: true))
        }
    }

    static func isCandidate(_ name: String) -> Bool {
        let lower = name.lowercased()
        return extensions.contains { lower.hasSuffix($0) }
    }

    /// The last component of a path (`in/x.csv` → `x.csv`).
    static func fileName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func trimSlash(_ p: String) -> String {
        var s = p
        while s.count > 1, s.hasSuffix("/") { s.removeLast() }
        return s
    }
}
