/// HTML escaping of template values, on UTF-8 bytes: `&`, `<`, `>`, `"` and `'` become entities, and the
/// control characters HTML does not allow in a document (C0 but tab and line breaks, and DEL: a NUL or BEL
/// from a cable's front matter is a parse error, which browsers show as U+FFFD) are dropped.
public enum HTMLEscape {
    /// `text` escaped, appended to `out`.
    public static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &out) }
    }

    /// UTF-8 `bytes` escaped, appended to `out`.
    public static func append(_ bytes: [UInt8], to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0, to: &out) }
    }

    /// Runs of plain bytes are copied whole, between the bytes that become entities or are dropped.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var run = 0
        escapes.withUnsafeBufferPointer { escapes in
            for i in 0..<bytes.count where escapes[Int(bytes[i])] {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                run = i + 1
                switch bytes[i] {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x27: out.append(contentsOf: "&#39;".utf8)
                default: break  // a control character: dropped
                }
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
    }

    /// `needsEscape` of each byte value, looked up: one load a byte in the loop over a text.
    private static let escapes = (0...255).map { needsEscape(UInt8($0)) }

    /// `text` escaped.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscape) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always) static func needsEscape(_ b: UInt8) -> Bool {
        // past '>' only DEL (letters, most of any text, are tested once)
        b > 0x3E ? b == 0x7F : b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 || isControl(b)
    }

    /// A control character an HTML document may not hold: C0 but tab, line feed and carriage return, and DEL.
    @inline(__always) public static func isControl(_ b: UInt8) -> Bool {
        (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F
    }
}
