import CTextScan

/// A cable's metadata as a JSON object with exactly the front-matter keys, in front-matter order
/// (`chancery inspect --json`, `/data/cables.json`). Deterministic output; no Foundation encoder.
public enum CableJSON {
    /// `extra` fields (name, JSON value) are appended after the front-matter keys.
    public static func object(_ c: Cable, indent: String = "  ", extra: [(String, String)] = []) -> String {
        String(decoding: objectBytes(c, indent: indent, extra: extra.map { ($0.0, Array($0.1.utf8)) }), as: UTF8.self)
    }

    /// `object`, as UTF-8 (`extra` values as UTF-8 too): what `/data/cables.json` writes, without a `String` between.
    public static func objectBytes(_ c: Cable, indent: String = "  ", extra: [(String, [UInt8])] = []) -> [UInt8] {
        var w = Writer(indent: Array(indent.utf8))
        w.open()
        w.field("id", c.id); w.field("title", c.title); w.field("date", c.date?.written)
        w.raw("date_estimated", c.dateEstimated ? "true" : "false"); w.field("origin", c.origin)
        w.field("classification", c.classification?.rawValue); w.list("caveats", c.caveats)
        w.field("precedence", c.precedence); w.list("to", c.to); w.list("info", c.info); w.list("tags", c.tags)
        w.list("references", c.references); w.field("reference_line", c.referenceLine)
        w.field("classified_by", c.classifiedBy); w.list("reasons", c.reasons)
        w.field("declassify_on", c.declassifyOn); w.field("signed_by", c.signedBy); w.field("summary", c.summary)
        w.raw("partial", c.partial ? "true" : "false")
        // the nested objects on one line each, written into the same bytes
        w.key("release")
        if let r = c.release {
            w.append("{\"status\": "); w.value(r.status)
            w.append(", \"exemptions\": "); w.values(r.exemptions)
            w.append(", \"reviewer\": "); w.value(r.reviewer)
            w.append(", \"review_date\": "); w.value(r.reviewDate)
            w.append(", \"case\": "); w.value(r.caseID); w.append("}")
        } else {
            w.append("null")
        }
        w.key("source")
        w.append("{\"format\": "); w.value(c.source.format?.rawValue)
        w.append(", \"file\": "); w.value(c.source.file)
        w.append(", \"sha256\": "); w.value(c.source.sha256)
        if let e = c.source.encoding { w.append(", \"encoding\": "); w.value(e) }
        w.append("}")
        w.key("repairs")
        w.append("[")
        for (n, r) in c.repairs.enumerated() {
            if n > 0 { w.append(", ") }
            w.append("{\"kind\": "); w.value(r.kind)
            w.append(", \"line\": "); w.append(r.line.map(String.init) ?? "null")
            w.append(", \"original\": "); w.value(r.original)
            w.append(", \"replacement\": "); w.value(r.replacement); w.append("}")
        }
        w.append("]")
        for (key, value) in extra { w.raw(key, value) }
        w.close()
        return w.out
    }

    /// Appends `"key": value` lines of one object.
    private struct Writer {
        var out: [UInt8] = []
        let indent: [UInt8]
        /// What goes before a key other than the first: a comma, a line break, the indentation twice and the quote.
        private let keyStart: [UInt8]
        var first = true

        init(indent: [UInt8]) {
            self.indent = indent
            keyStart = [ASCII.comma, ASCII.newline] + indent + indent + [UInt8(ascii: "\"")]
            out.reserveCapacity(2048)
        }

        mutating func open() { out.append(UInt8(ascii: "{")); out.append(ASCII.newline) }
        mutating func close() { out.append(ASCII.newline); out += indent; out.append(UInt8(ascii: "}")) }

        /// `"k": `, after a comma and a line break unless it is the first: three copies (appended a byte or an
        /// indentation at a time, a key cost a fifth more).
        mutating func key(_ k: String) {
            out.append(contentsOf: keyStart[(first ? 2 : 0)...])
            first = false
            var k = k
            k.withUTF8 { out.append(contentsOf: $0) }
            out.append(contentsOf: Writer.keyEnd)
        }
        private static let keyEnd: [UInt8] = Array("\": ".utf8)
        mutating func raw(_ k: String, _ value: String) { key(k); out += value.utf8 }
        mutating func raw(_ k: String, _ value: [UInt8]) { key(k); out += value }
        mutating func field(_ k: String, _ value: String?) {
            key(k)
            self.value(value)
        }
        /// A string literal, or null.
        mutating func value(_ value: String?) {
            if let value { CableJSON.appendString(value, to: &out) } else { out += "null".utf8 }
        }
        mutating func append(_ text: String) { out += text.utf8 }
        mutating func list(_ k: String, _ items: [String]) {
            key(k)
            values(items)
        }
        /// A list of string literals.
        mutating func values(_ items: [String]) {
            out.append(UInt8(ascii: "["))
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(ASCII.comma); out.append(ASCII.space) }
                CableJSON.appendString(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
    }

    public static func array(_ cables: [Cable]) -> String {
        cables.isEmpty ? "[]" : "[\n" + cables.map { "  " + object($0) }.joined(separator: ",\n") + "\n]"
    }

    /// A JSON string literal with the escapes RFC 8259 requires (and `<`, `>`, `&` as \u escapes so the
    /// JSON is safe inside HTML).
    public static func string(_ s: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count + 2)
        appendString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    /// `string(s)`, appended to `out` as UTF-8.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            // runs of bytes that need no escape are found sixteen bytes at a time and copied whole
            var i = 0
            while true {
                let run = chancery_json_plain_prefix(base + i, bytes.count - i)
                out.append(contentsOf: UnsafeBufferPointer(start: base + i, count: run))
                i += run
                guard i < bytes.count else { break }
                let b = bytes[i]
                i += 1
                switch b {
                case UInt8(ascii: "\""): out += [92, 34]
                case UInt8(ascii: "\\"): out += [92, 92]
                case ASCII.newline: out += [92, UInt8(ascii: "n")]
                case ASCII.cr: out += [92, UInt8(ascii: "r")]
                case ASCII.tab: out += [92, UInt8(ascii: "t")]
                default:  // other controls, '<', '>', '&'
                    out += [92, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigits[Int(b >> 4)], hexDigits[Int(b & 15)]]
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
