import CableKit
import ChanceryIO

/// Loads `Content/cables/**/*.md` (front matter only) and `Content/pages/*.md`, in parallel; a file that
/// cannot be read becomes an error naming it (and its line) and the rest load on.
struct ContentLoader {
    /// The site folder.
    var root: String { files.path }
    /// Whether the free pages marked `draft: true` are loaded (`chancery serve`) or left out (`chancery build`).
    var drafts = false
    /// Whether a key that is not part of the content format is a warning (`chancery check`); the build
    /// ignores such keys, so that a site may keep keys of its own.
    var reportsUnknownKeys = false
    /// The site's files, read by their paths under `root`.
    let files: FolderFiles

    init(root: String, drafts: Bool = false, reportsUnknownKeys: Bool = false) {
        self.drafts = drafts
        self.reportsUnknownKeys = reportsUnknownKeys
        files = FolderFiles(root)
    }

    struct Result: Sendable {
        var records: [CableRecord] = []
        var errors: [BuildError] = []
        var files = 0
        /// How many cables were read and parsed (the rest came from the build cache).
        var read = 0
        /// How many of those from the cache were read and found unchanged under a new stamp (a fresh checkout).
        var restamped = 0
        /// The cache entries for the next build.
        var entries: [String: BuildCache.CachedCable] = [:]
        /// How many of those are of files the cache did not have.
        var added = 0
    }

    var cablesDirectory: String { root + "/Content/cables" }

    /// Markdown files under Content/cables, relative to the site root, sorted, each with the suffix of the
    /// original beside it (`.txt` before `.html`), if any. A linked folder is walked once; a link back to a
    /// folder it is inside (a loop) is a warning, not followed.
    func cableFiles() -> (files: [(path: String, originalSuffix: String?)], warnings: [BuildError]) {
        var files: [(path: String, originalSuffix: String?)] = []
        var warnings: [BuildError] = []
        var visited = Set<[UInt64]>()
        func walk(_ relative: String, depth: Int, ancestors: Set<[UInt64]>) {
            guard let identity = DiskIO.identity(root + "/" + relative) else { return }
            if ancestors.contains(identity) {
                warnings.append(BuildError(path: relative, message: "symlink loop: this links back to a folder it is inside; not followed", isWarning: true))
                return
            }
            guard visited.insert(identity).inserted, depth < 16, let listed = DiskIO.list(root + "/" + relative) else { return }
            let inside = ancestors.union([identity])
            let entries = listed.filter { !$0.name.hasPrefix(".") }
            for (k, entry) in entries.enumerated() {
                if entry.isDirectory { walk(relative + "/" + entry.name, depth: depth + 1, ancestors: inside); continue }
                guard entry.name.hasSuffix(".md") else { continue }
                let suffix = ContentLoader.hasFile(named: entry.name, as: "txt", near: k, in: entries) ? ".txt"
                    : ContentLoader.hasFile(named: entry.name, as: "html", near: k, in: entries) ? ".html" : nil
                files.append((relative + "/" + entry.name, suffix))
            }
        }
        // the folders Content/cables is inside count as ancestors: a link up to Content/ or the site is a loop too
        var above = Set<[UInt64]>()
        var folder = root + "/Content"
        for _ in 0..<64 {
            guard let identity = DiskIO.identity(folder), above.insert(identity).inserted else { break }
            folder += "/.."
        }
        walk("Content/cables", depth: 0, ancestors: above)
        return (files, warnings)
    }

    /// Whether `entries` (one folder's, sorted) hold a file named as `markdown` (at `k`, `X.md`) with `ext`
    /// instead of `md`: the names that start with `X.` sort next to it, so only those are looked at.
    static func hasFile(named markdown: String, as ext: String, near k: Int, in entries: [(name: String, isDirectory: Bool, isLink: Bool)]) -> Bool {
        let stem = markdown.utf8.dropLast(2)
        for step in [1, -1] {
            var j = k + step
            while j >= 0, j < entries.count, entries[j].name.utf8.starts(with: stem) {
                let name = entries[j].name.utf8
                if !entries[j].isDirectory, name.count == stem.count + ext.utf8.count, name.suffix(ext.utf8.count).elementsEqual(ext.utf8) { return true }
                j += step
            }
        }
        return false
    }

    /// The suffix of the original published beside `base.md` (`.txt` before `.html`), if any.
    static func originalSuffix<S: StringProtocol>(of base: S, in originals: Set<String>) -> String? {
        [".txt", ".html"].first { originals.contains(base + $0) }
    }

    /// The cable files with their originals, each stated once.
    func listing() -> CableListing {
        let (files, warnings) = cableFiles()
        return CableListing(files: files, warnings: warnings, root: root)
    }

    /// Files read at once while loading the cables: their Markdown and originals are read whole (5 GB at
    /// 250,000 cables), and when they are not in the page cache the loading waits on the disk, which serves
    /// eight reads in flight nearly twice as fast as two (a cold 250,000-cable content took 22 s on two threads).
    static let readers = 8

    /// Loads every cable; a file whose size and modification time (from `listing`) match the cache is
    /// taken from it without being read, and one whose bytes hash as before (a fresh checkout) without
    /// being parsed.
    func loadCables(listing given: CableListing? = nil, cache: [String: BuildCache.CachedCable] = [:],
                    progress: ((Int, Int) -> Void)? = nil) -> Result {
        let listing = given ?? self.listing()
        let entries = listing.entries
        var result = Result()
        result.errors += listing.warnings
        result.files = entries.count
        // the next build's entries start as the cache's (shared, not copied, while unchanged); only the
        // entries that differ are set below
        result.entries = cache
        let files = self.files, reportsUnknownKeys = self.reportsUnknownKeys
        let batch = 4096
        for start in stride(from: 0, to: entries.count, by: batch) {
            let slice = Array(entries[start..<min(entries.count, start + batch)])
            let loaded = parallelMap(slice, threads: ContentLoader.readers) { file -> (Swift.Result<BuildCache.CachedCable, BuildError>, Source, unchanged: Bool, warnings: [BuildError]) in
                let path = file.path
                guard let stamp = file.stamp else {
                    return (.failure(BuildError(path: path, message: "cannot read the file")), .parsed, false, [])
                }
                let cached = cache[path]
                // (an entry's original is named after its file, `.txt` or `.html`: only the suffix can differ)
                if let cached, cached.stamp == stamp, cached.originalStamp == file.originalStamp,
                   cached.record.originalName.map({ $0.hasSuffix(".html") ? ".html" : ".txt" }) == file.originalSuffix {
                    return (.success(cached), .cached, true, [])
                }
                // the original's hash (`OriginalHash`): the cached one while its stamp is the same; for a cable
                // new to the cache, the one its front matter records for that file; else its bytes hashed again
                func originalHash(recorded: String?) -> UInt64? {
                    guard let suffix = file.originalSuffix else { return nil }
                    if let cached {
                        if cached.originalStamp == file.originalStamp, let hash = cached.originalHash { return hash }
                    } else if let recorded = recorded.flatMap(OriginalHash.init(sha256:)) {
                        return recorded.value
                    }
                    return (try? files.read(String(path.dropLast(3)) + suffix)).map { OriginalHash(of: $0).value }
                }
                // the same stamp, or the same bytes under a new stamp (a fresh checkout in CI): the cached record stands
                var bytes: [UInt8]?
                if let cached {
                    var source = Source.cached
                    if cached.stamp != stamp {
                        bytes = try? files.read(path)
                        source = bytes.map { FastHash.ofContents($0) } == cached.record.contentHash ? .rehashed : .parsed
                    }
                    if source != .parsed {
                        var entry = cached
                        entry.stamp = stamp
                        entry.originalStamp = file.originalStamp
                        entry.originalHash = originalHash(recorded: nil)
                        entry.record = cached.record.with(originalName: file.originalSuffix.map { ContentLoader.fileName(path) + $0 })
                        return (.success(entry), source, false, [])
                    }
                }
                var warnings: [BuildError] = []
                var recorded: String?
                let record = ContentLoader.loadRecord(files, path: path, bytes: bytes, originalSuffix: file.originalSuffix, warnings: &warnings,
                                                      recordedOriginalHash: &recorded)
                return (record.map {
                    BuildCache.CachedCable(stamp: stamp, originalStamp: file.originalStamp, originalHash: originalHash(recorded: recorded), record: $0)
                }, .parsed, false, reportsUnknownKeys ? warnings : [])
            }
            for (file, (item, source, unchanged, warnings)) in zip(slice, loaded) {
                result.errors += warnings
                switch source {
                case .parsed: result.read += 1
                case .rehashed: result.restamped += 1
                case .cached: break
                }
                switch item {
                case .success(let entry):
                    result.records.append(entry.record)
                    if !unchanged, result.entries.updateValue(entry, forKey: file.path) == nil { result.added += 1 }
                case .failure(let error):
                    result.errors.append(error)
                    result.entries[file.path] = nil
                }
            }
            progress?(min(entries.count, start + batch), entries.count)
        }
        // cables gone since the last build
        if result.entries.count != result.records.count {
            let present = Set(entries.map(\.path))
            result.entries = result.entries.filter { present.contains($0.key) }
        }
        return result
    }

    /// Where a cable's record came from.
    enum Source { case parsed, rehashed, cached }

    /// `Content/cables/2008/08STATE37957.md` → `08STATE37957`: the id the file's name promises.
    static func fileName(_ path: String) -> String {
        let base = path.dropLast(3)
        return String(base[(DiskIO.lastSlash(base).map(base.utf8.index(after:)) ?? base.startIndex)...])
    }

    /// Reads (unless `bytes` are given) and parses one cable file into its record; the keys that are not part
    /// of the content format are added to `warnings`; `recordedOriginalHash` receives the SHA-256 its front
    /// matter records for its original (`source.sha256`, when `source.file` names the original beside it).
    static func loadRecord(_ files: FolderFiles, path: String, bytes given: [UInt8]? = nil, originalSuffix: String?,
                           warnings: inout [BuildError], recordedOriginalHash: inout String?) -> Swift.Result<CableRecord, BuildError> {
        do {
            guard let bytes = try given ?? files.read(path) else { return .failure(BuildError(path: path, message: "cannot read the file")) }
            // the metadata only: the front matter is decoded, not the body (a tenth of the bytes; a byte that is
            // not UTF-8 decodes the same whether the body is read with it or not)
            let (text, _) = TextDecoding.decode(FrontMatterParser.frontMatterEnd(bytes).map { bytes[..<$0] } ?? bytes[...])
            var unknown: [FrontMatterParser.Failure] = []
            let cable = try CableFile.read(text, includeBody: false, warnings: &unknown)
            warnings += unknown.map { BuildError(path: path, line: $0.line, message: $0.message, isWarning: true) }
            guard let id = cable.id else { return .failure(BuildError(path: path, line: 1, message: "no 'id' in the front matter")) }
            let expected = fileName(path)
            guard expected == id else {
                return .failure(BuildError(path: path, line: line(ofKey: "id", in: bytes) ?? 2, message: "the id '\(id)' does not match the file name '\(expected).md'"))
            }
            let originalName = originalSuffix.map { id + $0 }
            if let originalName, cable.source.file == originalName { recordedOriginalHash = cable.source.sha256 }
            return .success(CableRecord(cable: cable, path: path, originalName: originalName, contentHash: FastHash.ofContents(bytes)))
        } catch let failure as FrontMatterParser.Failure {
            return .failure(BuildError(path: path, line: failure.line, message: failure.message))
        } catch let failure as DiskIO.Failure {
            return .failure(BuildError(path: path, message: failure.message))
        } catch {
            return .failure(BuildError(path: path, message: "\(error)"))
        }
    }

    /// The line (from 1) of `key:` in a file's front matter, for errors about that key's value.
    static func line(ofKey key: String, in bytes: [UInt8]) -> Int? {
        let prefix = Array(key.utf8) + [UInt8(ascii: ":")]
        var line = 1, start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let text = bytes[start..<end]
            if line > 1, text.starts(with: Array("---".utf8)) { return nil }
            if line > 1, text.starts(with: prefix) { return line }
            line += 1
            start = end + 1
        }
        return nil
    }

    /// The line of `key:` in the front matter of the file at `path` under `root` (nil when it cannot be read).
    static func line(ofKey key: String, root: String, path: String) -> Int? {
        guard let bytes = try? DiskIO.read(root + "/" + path) else { return nil }
        return line(ofKey: key, in: bytes)
    }

    /// Names a free page may not take: the sections and files of the reading room itself.
    static let reservedPageNames: Set<String> = [
        "cable", "date", "tag", "origin", "classification", "search", "assets", "data", "sitemaps", "page", "404",
        "index", "feed", "sitemap", "robots",
    ]

    /// A free page: `Content/pages/about.md` (optional front matter with `title`, `menu`: the label of its link
    /// in every page's header and footer, and `draft: true` to leave it unpublished), served at `/about/`.
    struct Page: Sendable {
        var slug: String
        var title: String
        var markdown: String
        var path: String
        var menu: String? = nil
        /// Marked `draft: true` (loaded only for a preview).
        var draft = false
    }

    /// The Markdown files of the free pages, relative to the site root, sorted.
    func pageFiles() -> [String] {
        (DiskIO.list(root + "/Content/pages") ?? []).filter { $0.name.hasSuffix(".md") && !$0.name.hasPrefix(".") }.map { "Content/pages/" + $0.name }.sorted()
    }

    /// The free pages to publish, the errors in them, and the drafts left out (without `drafts`), by file.
    func loadPages() -> (pages: [Page], errors: [BuildError], draftsLeftOut: [String]) {
        var pages: [Page] = []
        var errors: [BuildError] = []
        var draftsLeftOut: [String] = []
        // the file that took each address: `About.md` and `about.md` would both be /about/ (the first by name keeps it)
        var taken: [String: String] = [:]
        for path in pageFiles() {
            let slug = String(path.dropFirst("Content/pages/".count).dropLast(3)).lowercased()
            guard !slug.isEmpty, slug.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                errors.append(BuildError(path: path, message: "page file names may use letters, digits, - and _ only"))
                continue
            }
            guard !ContentLoader.reservedPageNames.contains(slug) else {
                errors.append(BuildError(path: path, message: "a page cannot be named '\(slug)': /\(slug)/ is part of the reading room (reserved: \(ContentLoader.reservedPageNames.sorted().joined(separator: ", ")))"))
                continue
            }
            if let first = taken.updateValue(path, forKey: slug) {
                taken[slug] = first
                errors.append(BuildError(path: path, message: "this page's address /\(slug)/ is already taken by \(first) (page addresses are lower case)"))
                continue
            }
            do {
                guard let bytes = try DiskIO.read(root + "/" + path) else { continue }
                let text = TextDecoding.decode(bytes).text
                var title = slug.prefix(1).uppercased() + slug.dropFirst()
                var markdown = Substring(text)
                var menu: String?
                var draft = false
                if text.hasPrefix("---") {
                    let doc = try FrontMatterParser.split(text)
                    for (key, value, line) in doc.fields {
                        switch (key, value) {
                        case ("title", .null), ("menu", .null), ("draft", .null): break
                        case ("title", _), ("menu", _):
                            guard let text = value.text else { throw FrontMatterParser.Failure(line: line, message: "'\(key)' must be text") }
                            let trimmed = text.trimmingSpaces
                            if trimmed.isEmpty { break }
                            if key == "title" { title = trimmed } else { menu = trimmed }
                        case ("draft", .bool(let b)): draft = b
                        case ("draft", _): throw FrontMatterParser.Failure(line: line, message: "'draft' must be true or false")
                        default:
                            if reportsUnknownKeys {
                                let warning = FrontMatterKeys.unknown(key, known: FrontMatterKeys.page, line: line)
                                errors.append(BuildError(path: path, line: line, message: warning.message, isWarning: true))
                            }
                        }
                    }
                    if draft, !drafts { draftsLeftOut.append(path); continue }
                    markdown = doc.body
                } else if text.hasPrefix("# ") {
                    // the first line is the title (ended by LF or CRLF: a "\r\n" is one Character, not a "\n")
                    let end = text.firstIndex(where: \.isNewline) ?? text.endIndex
                    let heading = text[text.index(text.startIndex, offsetBy: 2)..<end].trimmingSpaces
                    if !heading.isEmpty { title = heading }
                    markdown = end < text.endIndex ? text[text.index(after: end)...] : ""
                }
                pages.append(Page(slug: slug, title: title, markdown: String(markdown), path: path, menu: menu, draft: draft))
            } catch let failure as FrontMatterParser.Failure {
                errors.append(BuildError(path: path, line: failure.line, message: failure.message))
            } catch {
                errors.append(BuildError(path: path, message: "\(error)"))
            }
        }
        return (pages, errors, draftsLeftOut)
    }
}
