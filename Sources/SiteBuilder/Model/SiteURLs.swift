import CableKit

/// Every address in the reading room, in one place. Paths start with the site's base path and end in `/`
/// for pages (served as `index.html`); `file(for:)` maps a path to the file under `Public/`.
public struct SiteURLs: Sendable {
    public let base: String
    public let baseURL: String

    public init(config: SiteConfig) {
        base = config.basePath
        baseURL = config.baseURL
    }

    public var home: String { base + "/" }
    public func cable(id: String, date: CableDate?) -> String {
        base + "/cable/" + cableFolder(id: id, date: date) + "/"
    }
    /// `2008/04/08STATE37957` (cables without a date are filed under their id's year, month 00).
    public func cableFolder(id: String, date: CableDate?) -> String {
        if let d = date { return "\(d.year)/\(twoDigits(d.month))/\(id)" }
        let year = ReferenceID.parts(id)?.year ?? 0
        return "\(year)/00/\(id)"
    }
    public func original(id: String, date: CableDate?, name: String) -> String { cable(id: id, date: date) + name }

    public var dates: String { base + "/date/" }
    public func year(_ y: Int) -> String { base + "/date/\(y)/" }
    public func month(_ y: Int, _ m: Int) -> String { base + "/date/\(y)/\(twoDigits(m))/" }
    public var tags: String { base + "/tag/" }
    public func tag(_ code: String) -> String { base + "/tag/" + SiteURLs.slug(tag: code) + "/" }
    public var origins: String { base + "/origin/" }
    public func origin(_ name: String) -> String { base + "/origin/" + SiteURLs.slug(name) + "/" }
    public var classifications: String { base + "/classification/" }
    public func classification(_ c: Classification) -> String { base + "/classification/" + c.slug + "/" }
    public func page(_ slug: String) -> String { base + "/" + slug + "/" }
    public var search: String { base + "/search/" }
    public var feed: String { base + "/feed.xml" }
    public func asset(_ name: String) -> String { base + "/assets/" + name }

    /// Page N of a paginated index at `first` (page 1 is `first` itself).
    public func page(_ first: String, number: Int) -> String { number <= 1 ? first : first + "page/\(number)/" }

    public func absolute(_ path: String) -> String {
        // path already starts with base
        let host = base.isEmpty ? baseURL : String(baseURL.dropLast(base.count))
        return host + path
    }

    /// The file under Public/ for a site path: `/archive/tag/PREL/` → `tag/PREL/index.html`.
    public func file(for path: String) -> String {
        var p = Substring(path)
        if !base.isEmpty, p.hasPrefix(base) { p = p.dropFirst(base.count) }
        while p.hasPrefix("/") { p = p.dropFirst() }
        if p.isEmpty || p.hasSuffix("/") { return String(p) + "index.html" }
        return String(p)
    }

    /// A URL segment for a tag: letters and digits kept (upper-case), other runs become `-`:
    /// `PREL` → `PREL`, `STEINBERG, JAMES B.` → `STEINBERG-JAMES-B`.
    public static func slug(tag: String) -> String {
        var out = ""
        var dash = false
        for scalar in tag.uppercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if dash, !out.isEmpty { out.append("-") }
                dash = false
                out.unicodeScalars.append(scalar)
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "_" : out
    }

    /// A lower-case URL segment: `Embassy La Paz` → `embassy-la-paz`.
    public static func slug(_ text: String) -> String { slug(tag: text).lowercased() }
}

@inline(__always) func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
