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
        if reserved.contains(s.lowercased()) { return false }
        for b in s.utf8 {
            if ASCII.isAlnum(b) || b == ASCII.space || b == ASCII.period || b == ASCII.slash || b == ASCII.hyphen || b == ASCII.openParen || b == ASCII.closeParen { continue }
            return false
        }
        return !s.contains("  ")
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let v = scalar.value
                if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF {
                    out += "\\u" + hex4(v)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex4(_ v: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(v >> 12 & 0xF)], digits[Int(v >> 8 & 0xF)], digits[Int(v >> 4 & 0xF)], digits[Int(v & 0xF)]])
    }

    /// `[A, "B, C"]`
    static func flowList(_ items: [String]) -> String {
        "[" + items.map { isPlainSafe($0) && !$0.contains(",") && !$0.contains("[") ? $0 : quoted($0) }.joined(separator: ", ") + "]"
    }
}
