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
        if let r = c.release {
            w.raw("release", "{\"status\": \(str(r.status)), \"exemptions\": \(list(r.exemptions)), \"reviewer\": \(str(r.reviewer)), \"review_date\": \(str(r.reviewDate)), \"case\": \(str(r.caseID))}")
        } else {
            w.raw("release", "null")
        }
        // every cable has a source: its object written as bytes, not made a string first
        w.raw("source", "{\"format\": ")
        w.value(c.source.format?.rawValue)
        w.append(", \"file\": "); w.value(c.source.file)
        w.append(", \"sha256\": "); w.value(c.source.sha256)
        if let e = c.source.encoding { w.append(", \"encoding\": "); w.value(e) }
        w.append("}")
        if c.repairs.isEmpty {
            w.raw("repairs", "[]")
        } else {
            w.raw("repairs", "[" + c.repairs.map {
                "{\"kind\": \(str($0.kind)), \"line\": \($0.line.map(String.init) ?? "null"), \"original\": \(str($0.original)), \"replacement\": \(str($0.replacement))}"
            }.joined(separator: ", ") + "]")
        }
        for (key, value) in extra { w.raw(key, value) }
        w.close()
        return w.out
    }

    /// Appends `"key": value` lines of one object.
    private struct Writer {
        var out: [UInt8] = []
        let indent: [UInt8]
        var first = true

        init(indent: [UInt8]) { self.indent = indent; out.reserveCapacity(2048) }

        mutating func open() { out.append(UInt8(ascii: "{")); out.append(ASCII.newline) }
        mutating func close() { out.append(ASCII.newline); out += indent; out.append(UInt8(ascii: "}")) }

        private mutating func key(_ k: String) {
            if !first { out.append(ASCII.comma); out.append(ASCII.newline) }
            first = false
            out += indent; out += indent
            out.append(UInt8(ascii: "\"")); out += k.utf8; out.append(UInt8(ascii: "\"")); out.append(ASCII.colon); out.append(ASCII.space)
        }
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

    static func str(_ s: String?) -> String { s.map(string) ?? "null" }
    static func list(_ items: [String]) -> String { "[" + items.map(string).joined(separator: ", ") + "]" }

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
