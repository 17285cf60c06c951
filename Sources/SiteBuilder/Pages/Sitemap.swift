import ChanceryIO

/// `sitemap.xml` (an index of sitemaps of at most 50,000 addresses each, as the protocol requires) and
/// `robots.txt` pointing at it.
struct Sitemap {
    let context: SiteContext
    static let perFile = 50_000

    /// The files `files(paths:)` writes for `count` addresses.
    static func fileNames(count: Int) -> [String] {
        (0..<max(1, (count + perFile - 1) / perFile)).map { "sitemaps/sitemap-\($0 + 1).xml" } + ["sitemap.xml", "robots.txt"]
    }

    /// What the files are made from: the addresses (in any order) of the pages other than the cables', the
    /// cables' (a function of the model's shape, `SiteIndex.shapeKey`) and the settings.
    static func key(paths: [String], cables shape: UInt64, settings: UInt64) -> UInt64 {
        var h = FastHash(seed: settings)
        h.add(shape)
        h.add(paths.count)
        for path in paths { h.add(path) }
        return h.value
    }

    func files(paths: [String]) -> [OutputFile] {
        let urls = context.urls
        let sorted = paths.sorted()
        var files: [OutputFile] = []
        var parts: [String] = []
        for (n, start) in stride(from: 0, to: max(sorted.count, 1), by: Self.perFile).enumerated() {
            let name = "sitemaps/sitemap-\(n + 1).xml"
            var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for path in sorted[start..<min(sorted.count, start + Self.perFile)] {
                xml += "  <url><loc>\(escape(Self.uri(urls.absolute(path))))</loc></url>\n"
            }
            xml += "</urlset>\n"
            files.append(OutputFile(path: name, bytes: Array(xml.utf8)))
            parts.append(name)
        }
        var index = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for part in parts { index += "  <sitemap><loc>\(escape(Self.uri(urls.absolute(urls.base + "/" + part))))</loc></sitemap>\n" }
        index += "</sitemapindex>\n"
        files.append(OutputFile(path: "sitemap.xml", bytes: Array(index.utf8)))
        let robots = "User-agent: *\nAllow: /\n\nSitemap: \(Self.uri(urls.absolute(urls.base + "/sitemap.xml")))\n"
        files.append(OutputFile(path: "robots.txt", bytes: Array(robots.utf8)))
        return files
    }

    /// The address as the sitemap protocol (and robots.txt) wants it, a URI: every byte outside printable ASCII
    /// (a free page named `über.md` is `/über/`, a base URL may be `https://example.org/archív`), and the few
    /// ASCII characters a URI may not hold, percent-encoded. Used for every address these files hold.
    static func uri(_ address: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(address.utf8.count)
        for b in address.utf8 {
            if b > 0x20, b < 0x7F, !mustEscape(b) { out.append(b); continue }
            out += [UInt8(ascii: "%"), Self.hex[Int(b >> 4)], Self.hex[Int(b & 15)]]
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    /// The printable ASCII characters a URI may not hold: space, quotation mark, less-than and greater-than
    /// signs, backslash, caret, grave accent, braces and vertical bar.
    private static func mustEscape(_ b: UInt8) -> Bool {
        switch b {
        case 0x20, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: true
        default: false
        }
    }
}
