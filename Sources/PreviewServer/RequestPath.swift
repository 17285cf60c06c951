/// A request target reduced to plain path segments that are safe to join under `Public/`, or nothing when
/// the target must not be served. Pure: it looks at the string only (symlinks are checked by `StaticFiles`).
///
/// Rejected (the caller answers 404): targets not starting with `/` (absolute-form URLs, `*`), backslashes
/// and control characters (raw or percent-encoded), encoded slashes (`%2F`), `.` and `..` segments in any
/// spelling (`/../`, `%2e%2e`), a `%` left after decoding (double encoding such as `%252e%252e`), invalid
/// escapes or UTF-8, and hidden names (`.staging-…`, `.x.tmp-…`: the builder's work files).
public struct RequestPath: Equatable, Sendable {
    /// Decoded segments, none empty; `[]` is the root.
    public var segments: [String]
    /// The target ended in `/` (a folder was asked for).
    public var trailingSlash: Bool

    public init(segments: [String], trailingSlash: Bool) {
        self.segments = segments
        self.trailingSlash = trailingSlash
    }

    /// The longest raw path accepted (longer targets get 414).
    public static let maximumLength = 8192

    /// The segments joined with `/` (`tag/PREL/index.html`).
    public var relative: String { segments.joined(separator: "/") }

    /// Parses the raw request target (`/tag/PREL/?page=2`); the query and fragment are dropped.
    public static func parse(_ target: String) -> RequestPath? {
        var raw = Substring(target)
        if let end = raw.firstIndex(where: { $0 == "?" || $0 == "#" }) { raw = raw[..<end] }
        guard raw.first == "/", raw.utf8.count <= maximumLength else { return nil }
        var segments: [String] = []
        for piece in raw.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            guard let segment = decode(piece) else { return nil }
            segments.append(segment)
        }
        return RequestPath(segments: segments, trailingSlash: raw.hasSuffix("/"))
    }

    /// Percent-decodes one raw segment and checks the result is a plain, visible file name.
    static func decode(_ raw: Substring.UTF8View.SubSequence) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == UInt8(ascii: "%") {
                let first = raw.index(after: index)
                guard first < raw.endIndex else { return nil }
                let second = raw.index(after: first)
                guard second < raw.endIndex, let high = hexValue(raw[first]), let low = hexValue(raw[second]) else { return nil }
                bytes.append(high << 4 | low)
                index = raw.index(after: second)
            } else {
                bytes.append(byte)
                index = raw.index(after: index)
            }
        }
        for byte in bytes {
            // control characters (NUL included), slash, backslash, a `%` surviving decoding, DEL
            if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "%") { return nil }
        }
        guard let first = bytes.first, first != UInt8(ascii: ".") else { return nil }  // `.`, `..`, hidden files
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
