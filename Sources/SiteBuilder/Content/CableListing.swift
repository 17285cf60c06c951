import ChanceryIO

/// The cable files of a site as one build sees them: every `Content/cables/**/*.md` (relative to the site
/// root, in walk order), the original published beside each, and the size and modification time of both,
/// taken once. The input fingerprint hashes these stamps and the loader compares them with the build
/// cache, so a build states each file once.
struct CableListing: Sendable {
    /// One Markdown file and the original beside it.
    struct Entry: Sendable {
        var path: String
        /// `.txt` or `.html` when an original is published beside the file.
        var originalSuffix: String?
        /// Nil when the file could not be stated (it is reported when it is loaded).
        var stamp: DiskIO.Stamp?
        var originalStamp: DiskIO.Stamp?
    }

    var entries: [Entry]
    /// Symlink loops met on the walk.
    var warnings: [BuildError]

    var files: [String] { entries.map(\.path) }

    /// States each file and its original, in parallel.
    init(files: [(path: String, originalSuffix: String?)], warnings: [BuildError], root: String) {
        self.warnings = warnings
        let chunk = 2048
        let starts = Array(stride(from: 0, to: files.count, by: chunk))
        entries = parallelMap(starts) { start -> [Entry] in
            // files come folder by folder: each folder is opened once and its files stated by name
            var folder: OpenFolder?
            var folderPath: Substring?  // relative to the root
            return files[start..<min(files.count, start + chunk)].map { (path, suffix) in
                let slash = DiskIO.lastSlash(path) ?? path.startIndex
                if folderPath != path[..<slash] {
                    folderPath = path[..<slash]
                    folder = OpenFolder(root + "/" + path[..<slash])
                }
                let name = path[path.index(after: slash)...]
                guard let folder else { return Entry(path: path, originalSuffix: suffix, stamp: nil, originalStamp: nil) }
                return Entry(path: path, originalSuffix: suffix, stamp: folder.stamp(name),
                             originalStamp: suffix.flatMap { folder.stamp(name.dropLast(3) + $0) })
            }
        }.flatMap { $0 }
    }

    /// The listing after `changes` (paths relative to the site root, as a file watcher reports them), by
    /// stating only the changed cables and originals; nil when a change needs the folders walked again (a
    /// folder, or anything but a `.md`, `.txt` or `.html` file under `Content/cables/`). Changes outside
    /// `Content/cables/` do not touch the listing.
    func updated(with changes: Set<String>, root: String) -> CableListing? {
        var byPath: [String: Int] = [:]
        byPath.reserveCapacity(entries.count)
        for (k, entry) in entries.enumerated() { byPath[entry.path] = k }
        var entries = self.entries
        var removed = Set<Int>()
        var added: [Entry] = []
        var restated = Set<String>()
        let cables = "Content/cables"
        for change in changes {
            let path = change.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }.joined(separator: "/")
            if path.isEmpty || path == cables || cables.hasPrefix(path + "/") { return nil }
            guard path.hasPrefix(cables + "/") else { continue }
            let base: String
            if path.hasSuffix(".md") { base = String(path.dropLast(3)) }
            else if path.hasSuffix(".txt") { base = String(path.dropLast(4)) }
            else if path.hasSuffix(".html") { base = String(path.dropLast(5)) }
            else { return nil }
            if DiskIO.isDirectory(root + "/" + path) { return nil }
            let markdown = base + ".md"
            guard restated.insert(markdown).inserted else { continue }
            guard DiskIO.exists(root + "/" + markdown) else {
                if let k = byPath[markdown] { removed.insert(k) }
                continue
            }
            let present = Set([".txt", ".html"].map { base + $0 }.filter { DiskIO.exists(root + "/" + $0) })
            let suffix = ContentLoader.originalSuffix(of: base, in: present)
            let entry = Entry(path: markdown, originalSuffix: suffix, stamp: DiskIO.stamp(root + "/" + markdown),
                              originalStamp: suffix.flatMap { DiskIO.stamp(root + "/" + base + $0) })
            if let k = byPath[markdown] { entries[k] = entry } else { added.append(entry) }
        }
        var result = self
        if !removed.isEmpty { result.entries = entries.enumerated().filter { !removed.contains($0.offset) }.map(\.element) } else { result.entries = entries }
        // in the walk's order: folder by folder, names sorted
        for entry in added {
            var lo = 0, hi = result.entries.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if CableListing.walkOrder(result.entries[mid].path, entry.path) { lo = mid + 1 } else { hi = mid }
            }
            result.entries.insert(entry, at: lo)
        }
        return result
    }

    /// Whether `a` comes before `b` in the walk: component by component, each folder's names sorted.
    static func walkOrder(_ a: String, _ b: String) -> Bool {
        a.split(separator: "/").lexicographicallyPrecedes(b.split(separator: "/"))
    }
}
