/// A cable's metadata as a JSON object with exactly the front-matter keys, in front-matter order
/// (`chancery inspect --json`, `/data/cables.json`). Deterministic output; no Foundation encoder.
public enum CableJSON {
    /// `extra` fields (name, JSON value) are appended after the front-matter keys.
    public static func object(_ c: Cable, indent: String = "  ", extra: [(String, String)] = []) -> String {
        var fields: [(String, String)] = [
            ("id", str(c.id)), ("title", str(c.title)), ("date", str(c.date?.iso8601)),
            ("date_estimated", c.dateEstimated ? "true" : "false"), ("origin", str(c.origin)),
            ("classification", str(c.classification?.rawValue)), ("caveats", list(c.caveats)),
            ("precedence", str(c.precedence)), ("to", list(c.to)), ("info", list(c.info)), ("tags", list(c.tags)),
            ("references", list(c.references)), ("classified_by", str(c.classifiedBy)), ("reasons", list(c.reasons)),
            ("declassify_on", str(c.declassifyOn)), ("signed_by", str(c.signedBy)), ("summary", str(c.summary)),
            ("partial", c.partial ? "true" : "false"),
        ]
        if let r = c.release {
            fields.append(("release", "{\"status\": \(str(r.status)), \"exemptions\": \(list(r.exemptions)), \"reviewer\": \(str(r.reviewer)), \"review_date\": \(str(r.reviewDate)), \"case\": \(str(r.caseID))}"))
        } else {
            fields.append(("release", "null"))
        }
        var source = "{\"format\": \(str(c.source.format?.rawValue)), \"file\": \(str(c.source.file)), \"sha256\": \(str(c.source.sha256))"
        if let e = c.source.encoding { source += ", \"encoding\": \(str(e))" }
        fields.append(("source", source + "}"))
        fields.append(("repairs", "[" + c.repairs.map {
            "{\"kind\": \(str($0.kind)), \"line\": \($0.line.map(String.init) ?? "null"), \"original\": \(str($0.original)), \"replacement\": \(str($0.replacement))}"
        }.joined(separator: ", ") + "]"))
        fields += extra
        return "{\n" + fields.map { "\(indent)\(indent)\(string($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n\(indent)}"
    }

    public static func array(_ cables: [Cable]) -> String {
        cables.isEmpty ? "[]" : "[\n" + cables.map { "  " + object($0) }.joined(separator: ",\n") + "\n]"
    }

    static func str(_ s: String?) -> String { s.map(string) ?? "null" }
    static func list(_ items: [String]) -> String { "[" + items.map(string).joined(separator: ", ") + "]" }

    /// A JSON string literal with the escapes RFC 8259 requires (and `<`, `>`, `&` as \u escapes so the
    /// JSON is safe inside HTML).
    public static func string(_ s: String) -> String {
        var out = [UInt8](); out.reserveCapacity(s.utf8.count + 2)
        out.append(UInt8(ascii: "\""))
        let hex = Array("0123456789abcdef".utf8)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out += [92, 34]
            case UInt8(ascii: "\\"): out += [92, 92]
            case ASCII.newline: out += [92, UInt8(ascii: "n")]
            case ASCII.cr: out += [92, UInt8(ascii: "r")]
            case ASCII.tab: out += [92, UInt8(ascii: "t")]
            case 0..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                out += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
