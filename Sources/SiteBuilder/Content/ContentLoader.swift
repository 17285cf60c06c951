import CableKit
import ChanceryIO

/// Loads `Content/cables/**/*.md` (front matter only) and `Content/pages/*.md`, in parallel; a file that
/// cannot be read becomes an error naming it (and its line) and the rest load on.
struct ContentLoader {
    let root: String

    struct Result: Sendable {
        var records: [CableRecord] = []
        var errors: [BuildError] = []
        var files = 0
        /// How many cables were read and parsed (the rest came from the build cache unchanged).
        var read = 0
        /// The cache entries for the next build.
        var entries: [String: BuildCache.CachedCable] = [:]
    }

    var cablesDirectory: String { root + "/Content/cables" }

    /// Markdown files under Content/cables, relative to the site root, sorted, and the originals beside them.
    func cableFiles() -> (files: [String], originals: Set<String>) {
        var files: [String] = []
        var originals = Set<String>()
        func walk(_ relative: String, depth: Int) {
            guard depth < 8, let entries = DiskIO.list(root + "/" + relative) else { return }
            for entry in entries where !entry.name.hasPrefix(".") {
                let path = relative + "/" + entry.name
                if entry.isDirectory { walk(path, depth: depth + 1) }
                else if entry.name.hasSuffix(".md") { files.append(path) }
                else if entry.name.hasSuffix(".txt") || entry.name.hasSuffix(".html") { originals.insert(path) }
            }
        }
        walk("Content/cables", depth: 0)
        return (files, originals)
    }

    /// Loads every cable; a file whose size and modification time match the cache is taken from it.
    func loadCables(cache: [String: BuildCache.CachedCable] = [:], progress: ((Int, Int) -> Void)? = nil) -> Result {
        let (files, originals) = cableFiles()
        var result = Result()
        result.files = files.count
        let root = self.root
        let batch = 4096
        for start in stride(from: 0, to: files.count, by: batch) {
            let slice = Array(files[start..<min(files.count, start + batch)])
            let loaded = parallelMap(slice) { path -> (Swift.Result<BuildCache.CachedCable, BuildError>, Bool) in
                let base = String(path.dropLast(3))
                let originalName: String? = originals.contains(base + ".txt") ? ".txt" : (originals.contains(base + ".html") ? ".html" : nil)
                guard let stamp = DiskIO.stamp(root + "/" + path) else {
                    return (.failure(BuildError(path: path, message: "cannot read the file")), true)
                }
                let originalStamp = originalName.flatMap { DiskIO.stamp(root + "/" + base + $0) }
                if let cached = cache[path], cached.stamp == stamp {
                    var entry = cached
                    entry.originalStamp = originalStamp
                    entry.record = cached.record.with(originalName: originalName.map { String(base[base.index(after: base.lastIndex(of: "/")!)...]) + $0 })
                    return (.success(entry), false)
                }
                return (ContentLoader.loadRecord(root: root, path: path, originalSuffix: originalName).map {
                    BuildCache.CachedCable(stamp: stamp, originalStamp: originalStamp, record: $0)
                }, true)
            }
            for (path, (item, wasRead)) in zip(slice, loaded) {
                if wasRead { result.read += 1 }
                switch item {
                case .success(let entry): result.records.append(entry.record); result.entries[path] = entry
                case .failure(let error): result.errors.append(error)
                }
            }
            progress?(min(files.count, start + batch), files.count)
        }
        return result
    }

    static func loadRecord(root: String, path: String, originalSuffix: String?) -> Swift.Result<CableRecord, BuildError> {
        do {
            guard let bytes = try DiskIO.read(root + "/" + path) else { return .failure(BuildError(path: path, message: "cannot read the file")) }
            let (text, _) = TextDecoding.decode(bytes)
            let cable = try CableFile.read(text, includeBody: false)
            guard let id = cable.id else { return .failure(BuildError(path: path, line: 1, message: "no 'id' in the front matter")) }
            let base = String(path.dropLast(3))
            let expected = base[base.index(after: base.lastIndex(of: "/")!)...]
            guard expected == id else {
                return .failure(BuildError(path: path, line: 2, message: "the id '\(id)' does not match the file name '\(expected).md'"))
            }
            return .success(CableRecord(cable: cable, path: path, originalName: originalSuffix.map { id + $0 }, contentHash: FastHash.of(bytes)))
        } catch let failure as FrontMatterParser.Failure {
            return .failure(BuildError(path: path, line: failure.line, message: failure.message))
        } catch let failure as DiskIO.Failure {
            return .failure(BuildError(path: path, message: failure.message))
        } catch {
            return .failure(BuildError(path: path, message: "\(error)"))
        }
    }

    /// A free page: `Content/pages/about.md` (optional front matter with `title`), served at `/about/`.
    struct Page: Sendable {
        var slug: String
        var title: String
        var markdown: String
        var path: String
    }

    func loadPages() -> (pages: [Page], errors: [BuildError]) {
        var pages: [Page] = []
        var errors: [BuildError] = []
        for entry in DiskIO.list(root + "/Content/pages") ?? [] where entry.name.hasSuffix(".md") && !entry.name.hasPrefix(".") {
            let path = "Content/pages/" + entry.name
            let slug = String(entry.name.dropLast(3)).lowercased()
            guard !slug.isEmpty, slug.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                errors.append(BuildError(path: path, message: "page file names may use letters, digits, - and _ only"))
                continue
            }
            do {
                guard let bytes = try DiskIO.read(root + "/" + path) else { continue }
                let text = TextDecoding.decode(bytes).text
                var title = slug.prefix(1).uppercased() + slug.dropFirst()
                var markdown = Substring(text)
                if text.hasPrefix("---") {
                    let doc = try FrontMatterParser.split(text)
                    if let t = doc.fields.first(where: { $0.key == "title" })?.value.text { title = t }
                    markdown = doc.body
                } else if let heading = text.split(separator: "\n", maxSplits: 1).first, heading.hasPrefix("# ") {
                    title = String(heading.dropFirst(2))
                    markdown = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first ?? ""
                }
                pages.append(Page(slug: slug, title: title, markdown: String(markdown), path: path))
            } catch let failure as FrontMatterParser.Failure {
                errors.append(BuildError(path: path, line: failure.line, message: failure.message))
            } catch {
                errors.append(BuildError(path: path, message: "\(error)"))
            }
        }
        return (pages, errors)
    }
}
