/// Escapes cable text so that CommonMark (and GFM) reads it as plain text: no raw HTML, no emphasis,
/// links, code spans, tables or headings can arise from what a cable says.
public enum MarkdownEscaping {
    /// Escapes inline text. `lineStart` also escapes what would open a block at the start of a line
    /// (`#`, `>`, `-`, `+`, `=`, `1.`).
    public static func escape(_ text: String, lineStart: Bool = true) -> String {
        var out = [UInt8]()
        append(Array(text.utf8), to: &out, lineStart: lineStart)
        return String(decoding: out, as: UTF8.self)
    }

    /// Characters that get a backslash wherever they are.
    private static let special: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for c in "\\`*_[]<>|~&!" { t[Int(c.asciiValue!)] = true }
        return t
    }()

    public static func append(_ bytes: [UInt8], to out: inout [UInt8], lineStart: Bool) {
        out.reserveCapacity(out.count + bytes.count + bytes.count / 16)
        var i = 0
        if lineStart {
            var k = 0
            while k < bytes.count, bytes[k] == ASCII.space { k += 1 }
            if k < bytes.count {
                let b = bytes[k]
                if b == UInt8(ascii: "#") || b == UInt8(ascii: "+") || b == UInt8(ascii: "=") || b == ASCII.hyphen {
                    out += bytes[0..<k]; out.append(UInt8(ascii: "\\")); i = k
                } else if ASCII.isDigit(b) {
                    var d = k
                    while d < bytes.count, ASCII.isDigit(bytes[d]), d - k < 9 { d += 1 }
                    if d < bytes.count, bytes[d] == ASCII.period || bytes[d] == ASCII.closeParen {
                        out += bytes[0..<d]; out.append(UInt8(ascii: "\\")); i = d
                    }
                }
            }
        }
        special.withUnsafeBufferPointer { special in
            while i < bytes.count {
                let b = bytes[i]
                if special[Int(b)] { out.append(UInt8(ascii: "\\")); out.append(b) }
                else if b == ASCII.newline || b == ASCII.cr || b == ASCII.tab { out.append(ASCII.space) }
                else { out.append(b) }
                i += 1
            }
        }
    }

    /// A fenced code block holding `lines` verbatim; the fence is longer than any backtick run inside.
    public static func codeBlock(_ lines: [String]) -> String {
        var longest = 0
        for line in lines {
            var run = 0
            for b in line.utf8 { if b == UInt8(ascii: "`") { run += 1; longest = max(longest, run) } else { run = 0 } }
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + "text\n" + lines.joined(separator: "\n") + "\n" + fence
    }
}
