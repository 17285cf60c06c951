import CableKit
import ChanceryIO

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
    public func cable(id: String, date: CableDate?, estimated: Bool) -> String {
        base + "/cable/" + cableFolder(id: id, date: date, estimated: estimated) + "/"
    }
    /// `2008/04/08STATE37957`. A cable whose date is estimated is filed under its year and month 00 (its month is
    /// not known: the pages show its year alone), as a cable without a date is under its id's year.
    public func cableFolder(id: String, date: CableDate?, estimated: Bool) -> String {
        if let d = date { return "\(d.year)/\(twoDigits(Self.filingMonth(d, estimated: estimated)))/\(id)" }
        let year = ReferenceID.parts(id)?.year ?? 0
        return "\(year)/00/\(id)"
    }

    /// The month a cable is filed under: its date's, or 0 when the date is estimated (its month is not known:
    /// `/cable/2005/00/…`, and in the year's list after its months).
    public static func filingMonth(_ date: CableDate, estimated: Bool) -> Int { estimated ? 0 : date.month }

    /// Whether `path` is a path from the host's root that is not below the site's base path `base` (`/tag/PREL/`
    /// on a site published under `/archive`); false for any path when the site is at the host's root.
    public static func isOutside(_ path: String, base: String) -> Bool {
        guard !base.isEmpty, path.hasPrefix("/"), !path.hasPrefix("//") else { return false }
        var p = Substring(path)
        if let end = p.firstIndex(where: { $0 == "?" || $0 == "#" }) { p = p[..<end] }
        return p != base && !p.hasPrefix(base + "/")
    }

    public var dates: String { base + "/date/" }
    public func year(_ y: Int) -> String { base + "/date/\(y)/" }
    public func month(_ y: Int, _ m: Int) -> String { base + "/date/\(y)/\(twoDigits(m))/" }
    public var tags: String { base + "/tag/" }
    public func tag(_ code: String) -> String { base + "/tag/" + SiteURLs.slug(tag: code) + "/" }
    public var origins: String { base + "/origin/" }
    public func origin(_ name: String) -> String { base + "/origin/" + SiteURLs.slug(origin: name) + "/" }
    public var classifications: String { base + "/classification/" }
    public func classification(_ c: Classification) -> String { base + "/classification/" + c.slug + "/" }
    public func page(_ slug: String) -> String { base + "/" + slug + "/" }
    public var search: String { base + "/search/" }
    /// The search page with one filter set: `/search/?tag=OVIP%20%28RICE%2C%20CONDOLEEZZA%29`.
    public func search(filter: String, value: String) -> String { search + "?" + filter + "=" + SiteURLs.queryValue(value) }
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
        // on the UTF-8 bytes (by characters, each step is a grapheme break test: some 3,800 instructions a
        // call, two calls a cable); the base path's bytes end where a character of the path does
        var p = Substring(path)
        let slash = UInt8(ascii: "/")
        if !base.isEmpty, p.utf8.starts(with: base.utf8) { p = p[p.utf8.index(p.startIndex, offsetBy: base.utf8.count)...] }
        while p.utf8.first == slash { p = p[p.utf8.index(after: p.startIndex)...] }
        if p.isEmpty || p.utf8.last == slash { return String(p) + "index.html" }
        return String(p)
    }

    /// A URL segment for a tag. A plain code keeps its letters: `PREL` → `PREL`. Any other tag (a person tag,
    /// lower case, punctuation) is written as its letters and digits joined by `-`, at most 60 characters,
    /// then a short hash of the whole tag, so that two tags never share an address and none is too long for
    /// a file name: `OVIP (STEINBERG, JAMES B.)` → `OVIP-STEINBERG-JAMES-B-3fa2c1`.
    public static func slug(tag: String) -> String {
        if !tag.isEmpty, tag.utf8.count <= 60, tag.utf8.allSatisfy({ ASCIIClass.isUpperOrDigit($0) }) { return tag }
        return readable(tag.uppercased()) + "-" + shortHash(tag)
    }

    /// A lower-case URL segment for a post's name: `Embassy La Paz` → `embassy-la-paz`. The readable address
    /// alone is for plain words of ASCII letters and digits separated by single spaces, at most 60 bytes, spelt
    /// as the post directory spells the post (`Secretary of State`, `Mission USNATO`) or, for a post it does not
    /// hold, with every word capitalised (`Embassy Ouagadougou`); any other name — another spelling of the same
    /// letters (`embassy madrid`, `EMBASSY MADRID`), punctuation, other scripts — gets a short hash of itself
    /// too, like a tag (`embassy-madrid-1a2b3c`), so that two names never share an address.
    public static func slug(origin name: String) -> String {
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        let plain = !name.isEmpty && name.utf8.count <= 60
            && words.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy(ASCIIClass.isLetterOrDigit) }
            && PostDirectory.standard.isCanonicalSpelling(name)
        let readable = readable(name).lowercased()
        return plain ? readable : readable + "-" + shortHash(name)
    }

    /// The ASCII letters and digits of `text`, runs of anything else as one `-`, at most 60 bytes.
    private static func readable(_ text: String) -> String {
        var out: [UInt8] = []
        var dash = false
        for b in text.utf8 {
            if ASCIIClass.isLetterOrDigit(b) {
                if out.count >= 60 { break }
                if dash, !out.isEmpty { out.append(UInt8(ascii: "-")) }
                dash = false
                out.append(b)
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "_" : String(decoding: out, as: UTF8.self)
    }

    /// `text` as a URL query value: every byte but ASCII letters, digits and `-._~` percent-encoded.
    public static func queryValue(_ text: String) -> String {
        percentEncoded(text, keeping: unreserved, escapes: false)
    }

    /// `path` (a path in the site, as site.yml writes it) as a URL path: every byte but ASCII letters, digits,
    /// `/` and `-._~!$&'()*+,;=:@` percent-encoded (`carte-é.png` → `carte-%C3%A9.png`, `a#1.png` →
    /// `a%231.png`); a `%` that already starts an escape (`%20`) is kept.
    public static func pathValue(_ path: String) -> String {
        percentEncoded(path, keeping: pathBytes, escapes: true)
    }

    /// Bytes kept as they are: ASCII letters and digits with `-._~` (RFC 3986's unreserved), and for a path
    /// also its sub-delimiters, `:`, `@` and `/`.
    private static let unreserved = byteSet("-._~")
    private static let pathBytes = byteSet("-._~!$&'()*+,;=:@/")
    private static func byteSet(_ others: String) -> [Bool] {
        (0..<256).map { b in ASCIIClass.isLetterOrDigit(UInt8(b)) || others.utf8.contains(UInt8(b)) }
    }

    /// `text` with every byte not in `kept` written `%XX`; with `escapes`, a `%` followed by two hex digits kept.
    private static func percentEncoded(_ text: String, keeping kept: [Bool], escapes: Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        let bytes = Array(text.utf8)
        func isHex(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (i, b) in bytes.enumerated() {
            if kept[Int(b)] || (escapes && b == UInt8(ascii: "%") && i + 2 < bytes.count && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.append(b)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Six hex digits of a deterministic hash of `text`.
    private static func shortHash(_ text: String) -> String {
        let h = FastHash.of(Array(text.utf8)) >> 40
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 6 - hex.count) + hex
    }
}

/// Byte classes for URL segments.
private enum ASCIIClass {
    static func isUpperOrDigit(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 48 && b <= 57) }
    static func isLetterOrDigit(_ b: UInt8) -> Bool { isUpperOrDigit(b) || (b >= 97 && b <= 122) }
}

@inline(__always) func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
