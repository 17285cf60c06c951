import CableKit
import ChanceryIO

/// `chancery check`: validates the content (site.yml, the front matter of cables and free pages, duplicate
/// ids, references to cables not in the archive) and the built site (broken internal links, missing
/// assets). Each finding is a `path:line: error|warning: message`.
public struct SiteCheck: Sendable {
    public let root: String
    public let output: String

    public init(root: String = ".", output: String? = nil) {
        self.root = root
        self.output = output ?? (root == "." ? "Public" : root + "/Public")
    }

    public struct Report: Sendable {
        public var findings: [BuildError] = []
        public var cables = 0
        public var pages = 0
        public var links = 0
        public var seconds = 0.0
        public var failed: Bool { findings.contains { !$0.isWarning } }
        /// `Checked 310 cables and 1,234 pages (25,000 internal links) in 1.2 s: 1 error, 2 warnings`
        public var summary: String {
            let errors = findings.filter { !$0.isWarning }.count
            return "Checked \(counted(cables, "cable")) and \(counted(pages, "page")) (\(counted(links, "internal link"))) in \(String(format1: seconds)) s: "
                + "\(counted(errors, "error")), \(counted(findings.count - errors, "warning"))"
        }

        private func counted(_ n: Int, _ noun: String) -> String { "\(n.grouped) \(noun)\(n == 1 ? "" : "s")" }
    }

    /// What a check has done so far: the phase ("Reading cables", "Checking pages"), then done of total.
    public typealias Progress = @Sendable (String, Int, Int) -> Void

    public func run(progress: Progress? = nil) -> Report {
        let started = ContinuousClock.now
        var report = Report()
        if let problem = SiteRoot.problem(root) {
            report.findings.append(problem)
            return report
        }
        let cablePages = checkContent(&report, progress: progress)
        checkSite(&report, cablePages: cablePages, progress: progress)
        let elapsed = ContinuousClock.now - started
        report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return report
    }

    /// The end of the warning for a reference to a cable the archive does not hold.
    static let notInArchive = "is not in this archive"

    /// A warning for a reference to a cable the archive does not hold: an archive of part of a collection
    /// has thousands (`chancery check` lists the first few and counts the rest).
    public static func isAbsentReference(_ finding: BuildError) -> Bool {
        finding.isWarning && finding.message.hasPrefix("reference ") && finding.message.hasSuffix(notInArchive)
    }

    /// The key a warning of a key that is not part of the format names (`box`, `release.reviewr`): a site
    /// keeping a key of its own on every cable has one per cable (`chancery check` lists the first few of each).
    public static func unknownKey(_ finding: BuildError) -> String? {
        guard finding.isWarning, finding.message.hasPrefix("unknown key '") else { return nil }
        let rest = finding.message.dropFirst("unknown key '".count)
        return rest.firstIndex(of: "'").map { String(rest[..<$0]) }
    }

    // MARK: content

    /// Returns the file of each cable's page under Public/ (`cable/2008/04/08STATE37957/index.html`) → its id.
    func checkContent(_ report: inout Report, progress: Progress? = nil) -> [String: String] {
        // what stops or fails the build: site.yml, the free pages, the cables
        var config: SiteConfig?
        if let bytes = try? DiskIO.read(root + "/Content/site.yml") {
            do { config = try SiteConfig.parse(String(decoding: bytes, as: UTF8.self), path: "Content/site.yml") } catch { report.findings.append(error) }
        } else {
            config = SiteConfig()
        }
        // the site's absolute URLs name the preview server: site.yml has no base_url and the site was not built
        // with --base-url (its robots.txt names the URL it was built with)
        if let config, !config.setsBaseURL, builtBaseURL().map({ $0 == SiteConfig.localBaseURL }) ?? true {
            report.findings.append(SiteConfig.unsetBaseURLWarning)
        }
        // every key that is not part of the format is named (the build ignores them)
        let loader = ContentLoader(root: root, reportsUnknownKeys: true)
        report.findings += loader.loadPages().errors
        let loaded = loader.loadCables { progress?("Reading cables", $0, $1) }
        // a cable's folder under Public/ does not depend on the base path
        let urls = SiteURLs(config: SiteConfig())
        var cablePages: [String: String] = [:]
        for record in loaded.records { cablePages["cable/" + urls.cableFolder(id: record.id, date: record.date, estimated: record.dateEstimated) + "/index.html"] = record.id }
        report.findings += loaded.errors
        report.cables = loaded.records.count
        var byID: [String: String] = [:]
        for record in loaded.records.sorted(by: { $0.path < $1.path }) {
            if let first = byID[record.id] {
                report.findings.append(BuildError(path: record.path, line: 2, message: "duplicate id \(record.id): also in \(first)"))
            } else {
                byID[record.id] = record.path
            }
        }
        // the cables whose files are there but could not be read (their errors are above): by the id their name promises
        var unreadable: [String: String] = [:]
        for error in loaded.errors where !error.isWarning && error.path.hasSuffix(".md") && unreadable[ContentLoader.fileName(error.path)] == nil {
            unreadable[ContentLoader.fileName(error.path)] = error.path
        }
        for record in loaded.records.sorted(by: { $0.path < $1.path }) {
            let absent = record.references.filter { byID[$0] == nil }
            guard !absent.isEmpty else { continue }
            let line = lineOfKey("references", in: record.path)
            for id in absent {
                let message = unreadable[id].map { "reference \(id) could not be read: its file \($0) has errors" }
                    ?? "reference \(id) \(Self.notInArchive)"
                report.findings.append(BuildError(path: record.path, line: line, message: message, isWarning: true))
            }
        }
        checkSpellingsOfPosts(loaded.records, &report)
        return cablePages
    }

    /// Names of a post that differ only in case (`Embassy Madrid`, `embassy madrid`) are two posts with two
    /// indexes: each cable of a spelling other than the most frequent one is told so, on its `origin` line.
    private func checkSpellingsOfPosts(_ records: [CableRecord], _ report: inout Report) {
        var counts: [String: Int] = [:]
        for record in records { if let origin = record.origin { counts[origin, default: 0] += 1 } }
        var spellings: [String: [String]] = [:]
        for name in counts.keys { spellings[name.lowercased(), default: []].append(name) }
        var preferred: [String: String] = [:]
        for (_, names) in spellings where names.count > 1 {
            // the most frequent spelling, then the post directory's, then the first by byte order
            let best = names.sorted { a, b in
                if counts[a]! != counts[b]! { return counts[a]! > counts[b]! }
                let ca = PostDirectory.standard.isCanonicalSpelling(a), cb = PostDirectory.standard.isCanonicalSpelling(b)
                return ca != cb ? ca : a < b
            }[0]
            for name in names where name != best { preferred[name] = best }
        }
        guard !preferred.isEmpty else { return }
        for record in records.sorted(by: { $0.path < $1.path }) {
            guard let origin = record.origin, let best = preferred[origin] else { continue }
            report.findings.append(BuildError(path: record.path, line: lineOfKey("origin", in: record.path),
                message: "origin '\(origin)' differs from '\(best)' (\(counts[best]!.grouped) \(counts[best]! == 1 ? "cable" : "cables")) only in case: they are two posts, each with an index of its own",
                isWarning: true))
        }
    }

    private func lineOfKey(_ key: String, in path: String) -> Int? {
        guard let bytes = try? DiskIO.read(root + "/" + path) else { return nil }
        var line = 1
        var atLineStart = true
        let needle = Array((key + ":").utf8)
        var i = 0
        while i < bytes.count {
            if atLineStart, bytes.count - i >= needle.count, Array(bytes[i..<(i + needle.count)]) == needle { return line }
            atLineStart = bytes[i] == 0x0A
            if atLineStart { line += 1 }
            i += 1
        }
        return nil
    }

    // MARK: built site

    /// `cablePages`: the page file of each cable in Content/, to say so when a link to one is broken.
    func checkSite(_ report: inout Report, cablePages: [String: String] = [:], progress: Progress? = nil) {
        guard DiskIO.isDirectory(output) else {
            report.findings.append(BuildError(path: output, message: "the site is not built (run chancery build first)"))
            return
        }
        var files = Set<String>()
        var pages: [String] = []
        func walk(_ relative: String) {
            for entry in DiskIO.list(relative.isEmpty ? output : output + "/" + relative) ?? [] where !entry.name.hasPrefix(".") {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isDirectory { walk(path) } else {
                    files.insert(path)
                    // the site's own pages (a cable's original beside its page is not checked)
                    if entry.name == "index.html" || (relative.isEmpty && entry.name.hasSuffix(".html")) { pages.append(path) }
                }
            }
        }
        walk("")
        report.pages = pages.count
        let base = basePath()
        let known = files
        /// One page's links: the broken ones, how many were checked, and its links into another page's
        /// fragment (`/tag/PREL/page/7/#y2009`), checked once every page is read.
        @Sendable func check(_ page: String) -> PageLinks {
            var result = PageLinks()
            guard let bytes = try? DiskIO.read(output + "/" + page) else { return result }
            // the page's own ids, read the first time a link needs them (`#p4`, or its own address with a fragment)
            var ownIDs: Set<String>? = nil
            func checkOwn(_ fragment: String, _ target: String, _ line: Int) {
                if ownIDs == nil { ownIDs = LinkScanner.ids(in: bytes) }
                guard !ownIDs!.contains(fragment) else { return }
                result.broken.append(BuildError(path: "Public/" + page, line: line, message: "broken link \(target) (no element of this page has the id \(fragment))"))
            }
            for (target, line) in LinkScanner.links(in: bytes) {
                let fragment = LinkScanner.fragment(of: target)
                if target.hasPrefix("#") {
                    guard let fragment else { continue }
                    result.count += 1
                    checkOwn(fragment, target, line)
                    continue
                }
                // a page that is not the site's, which no file of Public/ can tell about
                if SiteURLs.isOutside(target, base: base) {
                    result.count += 1
                    result.broken.append(BuildError(path: "Public/" + page, line: line, message:
                        "broken link \(target) (outside the site, which is published under \(base)/: write \(base)\(target))"))
                    continue
                }
                guard let resolved = LinkScanner.resolve(target, from: page, base: base) else { continue }
                result.count += 1
                let candidates = resolved.hasSuffix("/") || resolved.isEmpty ? [resolved + "index.html"] : [resolved, resolved + "/index.html"]
                if let file = candidates.first(where: known.contains) {
                    guard let fragment, file.hasSuffix(".html") else { continue }
                    if file == page { checkOwn(fragment, target, line) }
                    else { result.fragments.append(FragmentLink(page: page, line: line, target: target, file: file, fragment: fragment)) }
                } else {
                    // a cable of the archive whose page is gone from Public/ (deleted by hand since the build)
                    let missing = candidates.lazy.compactMap { cablePages[$0] }.first.map {
                        " (the page of \($0), a cable of this archive, is missing from Public/: `chancery build --clean` writes it again)"
                    }
                    result.broken.append(BuildError(path: "Public/" + page, line: line, message: "broken link \(target)" + (missing ?? "")))
                }
            }
            return result
        }
        // a thousand pages at a time, on all cores
        let sorted = pages.sorted()
        var results: [PageLinks] = []
        results.reserveCapacity(sorted.count)
        for start in stride(from: 0, to: sorted.count, by: 1024) {
            results += parallelMap(Array(sorted[start..<min(sorted.count, start + 1024)])) { page in check(page) }
            progress?("Checking pages", min(sorted.count, start + 1024), sorted.count)
        }
        // links into other pages' fragments: each target page read once more, for its ids
        var byFile: [String: [FragmentLink]] = [:]
        for result in results { for link in result.fragments { byFile[link.file, default: []].append(link) } }
        let targets = byFile.keys.sorted()
        var missingFragments: [String: [BuildError]] = [:]
        for start in stride(from: 0, to: targets.count, by: 1024) {
            let chunk = Array(targets[start..<min(targets.count, start + 1024)])
            let output = output
            let found = parallelMap(chunk) { file -> Set<String> in
                (try? DiskIO.read(output + "/" + file)).map(LinkScanner.ids(in:)) ?? []
            }
            for (file, ids) in zip(chunk, found) {
                for link in byFile[file]! where !ids.contains(link.fragment) {
                    missingFragments[link.page, default: []].append(BuildError(
                        path: "Public/" + link.page, line: link.line,
                        message: "broken link \(link.target) (no element of Public/\(file) has the id \(link.fragment))"))
                }
            }
        }
        for (page, result) in zip(sorted, results) {
            report.findings += result.broken + (missingFragments[page] ?? [])
            report.links += result.count
        }
    }

    /// What checking one page found.
    struct PageLinks: Sendable {
        var broken: [BuildError] = []
        var count = 0
        var fragments: [FragmentLink] = []
    }

    /// A link from `page` (line `line`) to `#fragment` of another built page, `file`.
    struct FragmentLink: Sendable {
        var page: String
        var line: Int
        var target: String
        var file: String
        var fragment: String
    }

    /// The base path the site was built with (`/archive`), so absolute links map to files: that of the base
    /// URL its robots.txt names (the build writes it from the URL it used, `--base-url` included), else that
    /// of site.yml's base_url.
    private func basePath() -> String {
        if let url = builtBaseURL() {
            var config = SiteConfig()
            config.baseURL = url
            return config.basePath
        }
        guard let bytes = try? DiskIO.read(root + "/Content/site.yml"),
              let config = try? SiteConfig.parse(String(decoding: bytes, as: UTF8.self), path: "Content/site.yml") else { return "" }
        return config.basePath
    }

    /// The base URL the built site's robots.txt names, or nil when there is none.
    private func builtBaseURL() -> String? {
        guard let bytes = try? DiskIO.read(output + "/robots.txt") else { return nil }
        return Self.baseURL(robots: String(decoding: bytes, as: UTF8.self))
    }

    /// The base URL of the site a robots.txt was written for, from its `Sitemap: <base URL>/sitemap.xml` line.
    static func baseURL(robots: String) -> String? {
        for line in robots.split(separator: "\n") where line.hasPrefix("Sitemap: ") {
            let url = line.dropFirst("Sitemap: ".count).trimmingSpaces
            guard url.hasSuffix("/sitemap.xml") else { return nil }
            return SiteConfig.baseURL(String(url.dropLast("/sitemap.xml".count)))
        }
        return nil
    }
}

/// Finds `href="…"` and `src="…"` in HTML and resolves site-internal targets to file paths.
enum LinkScanner {
    static func links(in bytes: [UInt8]) -> [(String, Int)] {
        var out: [(String, Int)] = []
        var line = 1
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x0A { line += 1 }
            // href=" or src="
            if (b == UInt8(ascii: "h") && i + 6 < n && bytes[i + 1] == UInt8(ascii: "r") && bytes[i + 2] == UInt8(ascii: "e") && bytes[i + 3] == UInt8(ascii: "f")
                && bytes[i + 4] == UInt8(ascii: "=") && bytes[i + 5] == UInt8(ascii: "\"")) {
                let start = i + 6
                var j = start
                while j < n, bytes[j] != UInt8(ascii: "\"") { j += 1 }
                out.append((String(decoding: bytes[start..<j], as: UTF8.self), line))
                i = j
                continue
            }
            if b == UInt8(ascii: "s") && i + 5 < n && bytes[i + 1] == UInt8(ascii: "r") && bytes[i + 2] == UInt8(ascii: "c")
                && bytes[i + 3] == UInt8(ascii: "=") && bytes[i + 4] == UInt8(ascii: "\"") && (i == 0 || bytes[i - 1] == 0x20) {
                let start = i + 5
                var j = start
                while j < n, bytes[j] != UInt8(ascii: "\"") { j += 1 }
                out.append((String(decoding: bytes[start..<j], as: UTF8.self), line))
                i = j
                continue
            }
            i += 1
        }
        return out
    }

    /// The fragment a link names (`p4` of `../08STATE37957/#p4`), its entities and percent-escapes decoded;
    /// nil when it names none (or an empty one).
    static func fragment(of target: String) -> String? {
        guard let hash = target.firstIndex(of: "#") else { return nil }
        let fragment = String(target[target.index(after: hash)...]).replacingEntities
        guard !fragment.isEmpty else { return nil }
        return percentDecoded(fragment)
    }

    /// Whether a link names a scheme and host (`https://…`): `://` in it, found on its bytes (with Foundation's
    /// `contains`, which the module's imports make the one called, a check of 50,000 cables took 23.9 s, not 13.6).
    static func hasScheme(_ t: Substring) -> Bool {
        var colon = false, slashes = 0
        for b in t.utf8 {
            if b == UInt8(ascii: ":") { colon = true; slashes = 0 }
            else if colon, b == UInt8(ascii: "/") { slashes += 1; if slashes == 2 { return true } }
            else { colon = false; slashes = 0 }
        }
        return false
    }

    /// `caf%C3%A9` → `café`; a `%` not followed by two hex digits stays as it is.
    static func percentDecoded(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "%")) else { return s }
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 48...57: b - 48
            case 65...70: b - 55
            case 97...102: b - 87
            default: nil
            }
        }
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The ids of a page's elements (`id="p4"`, and an `<a name="…">`'s name), entities decoded.
    static func ids(in bytes: [UInt8]) -> Set<String> {
        var out = Set<String>()
        let n = bytes.count
        var i = 1
        while i + 4 < n {
            // ` id="` or ` name="` after white space
            let b = bytes[i - 1]
            if b == 0x20 || b == 0x0A || b == 0x09 {
                var start = -1
                if bytes[i] == UInt8(ascii: "i"), bytes[i + 1] == UInt8(ascii: "d"), bytes[i + 2] == UInt8(ascii: "="), bytes[i + 3] == UInt8(ascii: "\"") {
                    start = i + 4
                } else if i + 6 < n, bytes[i] == UInt8(ascii: "n"), bytes[i + 1] == UInt8(ascii: "a"), bytes[i + 2] == UInt8(ascii: "m"),
                          bytes[i + 3] == UInt8(ascii: "e"), bytes[i + 4] == UInt8(ascii: "="), bytes[i + 5] == UInt8(ascii: "\"") {
                    start = i + 6
                }
                if start >= 0 {
                    var j = start
                    while j < n, bytes[j] != UInt8(ascii: "\"") { j += 1 }
                    out.insert(String(decoding: bytes[start..<j], as: UTF8.self).replacingEntities)
                    i = j
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// The file path (relative to Public/) a link points to, or nil for external, fragment-only or query-only links.
    static func resolve(_ target: String, from page: String, base: String) -> String? {
        var t = Substring(target.replacingEntities)
        if t.isEmpty || t.hasPrefix("#") || t.hasPrefix("?") || t.hasPrefix("mailto:") || t.hasPrefix("data:") { return nil }
        if t.hasPrefix("//") || hasScheme(t) { return nil }
        if let hash = t.firstIndex(of: "#") { t = t[..<hash] }
        if let query = t.firstIndex(of: "?") { t = t[..<query] }
        var parts: [Substring]
        if t.hasPrefix("/") {
            var path = t
            if !base.isEmpty, path == base || path.hasPrefix(base + "/") { path = path.dropFirst(base.count) }
            parts = path.split(separator: "/", omittingEmptySubsequences: true)
        } else {
            parts = page.split(separator: "/").dropLast() + t.split(separator: "/", omittingEmptySubsequences: true)
        }
        var stack: [Substring] = []
        for p in parts {
            if p == "." { continue }
            if p == ".." { _ = stack.popLast(); continue }
            stack.append(p)
        }
        let joined = stack.joined(separator: "/")
        return t.hasSuffix("/") ? (joined.isEmpty ? "" : joined + "/") : joined
    }
}

extension String {
    var replacingEntities: String {
        guard utf8.contains(UInt8(ascii: "&")) else { return self }
        var s = self
        for (entity, char) in [("&amp;", "&"), ("&#39;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">")] {
            while let r = s.firstRange(of: entity) { s.replaceSubrange(r, with: char) }
        }
        return s
    }
}
