/// Writes YAML scalars that always read back as the same string: plain when that is unambiguous,
/// double-quoted with escapes otherwise. Cable text never breaks out of its value.
enum YAMLScalar {
    /// Words YAML 1.1/1.2 would read as booleans or null.
    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]

    static func string(_ s: String) -> String {
        isPlainSafe(s) ? s : quoted(s)
    }

    static func optional(_ s: String?) -> String { s.map(string) ?? "null" }

    /// Plain style only for simple tokens: letters, digits, space and `.,/()'-` inside, no leading
    /// indicator, not a number, date or reserved word.
    static func isPlainSafe(_ s: String) -> Bool {
        guard let first = s.utf8.first, let last = s.utf8.last, s.utf8.count <= 200 else { return false }
        guard ASCII.isLetter(first), last != ASCII.space, last != ASCII.colon else { return false }
        var previous: UInt8 = 0
        for b in s.utf8 {
            defer { previous = b }
            if b == ASCII.space, previous == ASCII.space { return false }  // two spaces would not read back
            if ASCII.isAlnum(b) || b == ASCII.space || b == ASCII.period || b == ASCII.slash || b == ASCII.hyphen || b == ASCII.openParen || b == ASCII.closeParen { continue }
            return false
        }
        return s.utf8.count > 5 || !reserved.contains(s.lowercased())
    }

    static func quoted(_ s: String) -> String {
        // most values hold nothing to escape: quoted as they are
        if s.utf8.withContiguousStorageIfAvailable({ !$0.contains(where: mayNeedEscape) }) == true { return "\"" + s + "\"" }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(s.utf8.count + 8)
        func escape(_ v: UInt32) { out += Array("\\u".utf8) + Array(hex4(v).utf8) }
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            // the run up to the next byte that may need an escape, copied whole
            var j = i
            while j < b.count, !mayNeedEscape(b[j]) { j += 1 }
            if j > i { out.append(contentsOf: b[i..<j]); i = j; continue }
            let c = b[i]
            switch c {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), c]
            case UInt8(ascii: "\\"): out += [c, c]
            case ASCII.newline: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case ASCII.tab: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case ASCII.cr: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0..<0x20, 0x7F: escape(UInt32(c))
            // C1 controls (U+0080–U+009F), line and paragraph separators (U+2028, U+2029), BOM (U+FEFF)
            case 0xC2 where i + 1 < b.count && (0x80...0x9F).contains(b[i + 1]):
                escape(UInt32(b[i + 1])); i += 1
            case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                escape(0x2000 + UInt32(b[i + 2]) - 0x80); i += 2
            case 0xEF where i + 2 < b.count && b[i + 1] == 0xBB && b[i + 2] == 0xBF:
                escape(0xFEFF); i += 2
            default: out.append(c)
            }
            i += 1
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// A byte that `quoted` escapes, or that may start a sequence it escapes (C1 controls, U+2028/9, BOM).
    private static func mayNeedEscape(_ c: UInt8) -> Bool {
        c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c == 0x7F || c == 0xC2 || c == 0xE2 || c == 0xEF
    }

    private static func hex4(_ v: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(v >> 12 & 0xF)], digits[Int(v >> 8 & 0xF)], digits[Int(v >> 4 & 0xF)], digits[Int(v & 0xF)]])
    }

    /// `[A, "B, C"]`
    static func flowList(_ items: [String]) -> String {
        "[" + items.map { isPlainSafe($0) ? $0 : quoted($0) }.joined(separator: ", ") + "]"  // plain has no `,` or `[`
    }
}
