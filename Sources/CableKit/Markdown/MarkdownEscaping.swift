/// Escapes cable text so that CommonMark (and GFM) reads it as plain text: no raw HTML, no emphasis,
/// links, code spans, tables or headings can arise from what a cable says.
public enum MarkdownEscaping {
    /// Escapes inline text. `lineStart` also escapes what would open a block at the start of a line
    /// (`#`, `>`, `-`, `+`, `=`, `1.`).
    public static func escape(_ text: String, lineStart: Bool = true) -> String {
        var out = [UInt8]()
        let bytes = Array(text.utf8)
        out.reserveCapacity(bytes.count + bytes.count / 16)
        var i = 0
        if lineStart {
            // leading block markers
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
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "&"), UInt8(ascii: "!"):
                out.append(UInt8(ascii: "\\")); out.append(b)
            case ASCII.newline:
                out.append(ASCII.space)
            default:
                out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
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
