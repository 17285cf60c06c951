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
        var out = ByteWriter(capacity: 2048)
        write(c, indent: indent, extra: extra, to: &out)
        return out.finish()
    }

    /// `objectBytes`, appended to `out`.
    public static func write(_ c: Cable, indent: String = "  ", extra: [(String, [UInt8])] = [], to out: inout ByteWriter) {
        var w = Writer(indent: Array(indent.utf8))
        w.open(&out)
        w.field("id", c.id, &out); w.field("title", c.title, &out); w.field("date", c.date?.written, &out)
        w.raw("date_estimated", c.dateEstimated ? "true" : "false", &out); w.field("origin", c.origin, &out)
        w.field("classification", c.classification?.rawValue, &out); w.list("caveats", c.caveats, &out)
        w.field("precedence", c.precedence, &out); w.list("to", c.to, &out); w.list("info", c.info, &out); w.list("tags", c.tags, &out)
        w.list("references", c.references, &out); w.field("reference_line", c.referenceLine, &out)
        w.field("classified_by", c.classifiedBy, &out); w.list("reasons", c.reasons, &out)
        w.field("declassify_on", c.declassifyOn, &out); w.field("signed_by", c.signedBy, &out); w.field("summary", c.summary, &out)
        w.raw("partial", c.partial ? "true" : "false", &out)
        // the nested objects on one line each, written into the same bytes
        w.key("release", &out)
        if let r = c.release {
            out.append("{\"status\": "); value(r.status, &out)
            out.append(", \"exemptions\": "); values(r.exemptions, &out)
            out.append(", \"reviewer\": "); value(r.reviewer, &out)
            out.append(", \"review_date\": "); value(r.reviewDate, &out)
            out.append(", \"case\": "); value(r.caseID, &out); out.append("}")
        } else {
            out.append("null")
        }
        w.key("source", &out)
        out.append("{\"format\": "); value(c.source.format?.rawValue, &out)
        out.append(", \"file\": "); value(c.source.file, &out)
        out.append(", \"sha256\": "); value(c.source.sha256, &out)
        if let e = c.source.encoding { out.append(", \"encoding\": "); value(e, &out) }
        out.append("}")
        w.key("repairs", &out)
        out.append("[")
        for (n, r) in c.repairs.enumerated() {
            if n > 0 { out.append(", ") }
            out.append("{\"kind\": "); value(r.kind, &out)
            out.append(", \"line\": "); if let line = r.line { out.append(String(line)) } else { out.append("null") }
            out.append(", \"original\": "); value(r.original, &out)
            out.append(", \"replacement\": "); value(r.replacement, &out); out.append("}")
        }
        out.append("]")
        for (key, value) in extra { w.key(key, &out); out.append(value) }
        w.close(&out)
    }

    /// A string literal, or null.
    private static func value(_ value: String?, _ out: inout ByteWriter) {
        if let value { appendString(value, to: &out) } else { out.append("null") }
    }

    /// A list of string literals.
    private static func values(_ items: [String], _ out: inout ByteWriter) {
        out.append(UInt8(ascii: "["))
        for (n, item) in items.enumerated() {
            if n > 0 { out.append(", ") }
            appendString(item, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Writes the `"key": value` lines of one object.
    private struct Writer {
        let indent: [UInt8]
        /// What goes before a key other than the first: a comma, a line break, the indentation twice and the quote.
        private let keyStart: [UInt8]
        var first = true

        init(indent: [UInt8]) {
            self.indent = indent
            keyStart = [ASCII.comma, ASCII.newline] + indent + indent + [UInt8(ascii: "\"")]
        }

        func open(_ out: inout ByteWriter) { out.append(UInt8(ascii: "{")); out.append(ASCII.newline) }
        func close(_ out: inout ByteWriter) { out.append(ASCII.newline); out.append(indent); out.append(UInt8(ascii: "}")) }

        /// `"k": `, after a comma and a line break unless it is the first.
        mutating func key(_ k: StaticString, _ out: inout ByteWriter) {
            start(&out)
            out.append(k)
            out.append("\": ")
        }
        mutating func key(_ k: String, _ out: inout ByteWriter) {
            start(&out)
            out.append(k)
            out.append("\": ")
        }
        private mutating func start(_ out: inout ByteWriter) {
            keyStart.withUnsafeBufferPointer { out.append(first ? UnsafeBufferPointer(rebasing: $0[2...]) : $0) }
            first = false
        }
        mutating func raw(_ k: StaticString, _ value: StaticString, _ out: inout ByteWriter) { key(k, &out); out.append(value) }
        mutating func field(_ k: StaticString, _ value: String?, _ out: inout ByteWriter) {
            key(k, &out)
            CableJSON.value(value, &out)
        }
        mutating func list(_ k: StaticString, _ items: [String], _ out: inout ByteWriter) {
            key(k, &out)
            CableJSON.values(items, &out)
        }
    }

    public static func array(_ cables: [Cable]) -> String {
        cables.isEmpty ? "[]" : "[\n" + cables.map { "  " + object($0) }.joined(separator: ",\n") + "\n]"
    }

    /// A JSON string literal with the escapes RFC 8259 requires (and `<`, `>`, `&` as \u escapes so the
    /// JSON is safe inside HTML).
    public static func string(_ s: String) -> String {
        var out = [UInt8]()
        appendString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    /// `string(s)`, appended to `out` as UTF-8.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            // (escaped on the stack, or in a buffer of its own when long, then appended in one copy)
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 6 * bytes.count + 2) { buffer in
                let n = writeString(bytes, to: buffer.baseAddress!)
                out.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress!, count: n))
            }
        }
    }

    /// `string(s)`, appended to `out` as UTF-8.
    public static func appendString(_ s: String, to out: inout ByteWriter) {
        var s = s
        s.withUTF8 { bytes in
            // at most six bytes for each (`\u00XX`) and the quotes
            out.write(upTo: 6 * bytes.count + 2) { to in writeString(bytes, to: to) }
        }
    }

    /// Writes the bytes as a JSON string literal at `to` (room for six times as many and two); returns how
    /// many it wrote. Runs of bytes that need no escape are found sixteen bytes at a time and copied whole.
    private static func writeString(_ bytes: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = UInt8(ascii: "\"")
        var n = 1
        if let base = bytes.baseAddress {
            var i = 0
            while true {
                let run = Int(chancery_json_plain_prefix(base + i, bytes.count - i))
                (out + n).update(from: base + i, count: run)
                n += run
                i += run
                guard i < bytes.count else { break }
                let b = base[i]
                i += 1
                out[n] = 92
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out[n + 1] = b; n += 2
                case ASCII.newline: out[n + 1] = UInt8(ascii: "n"); n += 2
                case ASCII.cr: out[n + 1] = UInt8(ascii: "r"); n += 2
                case ASCII.tab: out[n + 1] = UInt8(ascii: "t"); n += 2
                default:  // other controls, '<', '>', '&'
                    out[n + 1] = UInt8(ascii: "u"); out[n + 2] = UInt8(ascii: "0"); out[n + 3] = UInt8(ascii: "0")
                    out[n + 4] = hexDigits[Int(b >> 4)]; out[n + 5] = hexDigits[Int(b & 15)]
                    n += 6
                }
            }
        }
        out[n] = UInt8(ascii: "\"")
        return n + 1
    }
}
