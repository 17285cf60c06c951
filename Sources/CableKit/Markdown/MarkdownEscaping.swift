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

    /// Bytes that are not copied as they are: those that get a backslash wherever they are (`<` becomes
    /// `&lt;`), and line breaks and tabs, written as spaces.
    private static let special: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for c in "\\`*_[]<>|~&!\n\r\t" { t[Int(c.asciiValue!)] = true }
        return t
    }()

    private static let lessThan = Array("&lt;".utf8)

    public static func append(_ bytes: [UInt8], to out: inout [UInt8], lineStart: Bool) {
        out.reserveCapacity(out.count + bytes.count + bytes.count / 16)
        var i = 0
        // where a backslash goes so that the text opens no block (-1: nowhere)
        var blockEscape = -1
        if lineStart {
            // what CommonMark skips before a block opener: indentation (tabs and line breaks are written as
            // spaces below) and, at the start of a document, a byte-order mark
            var k = 0
            while k < bytes.count {
                let c = bytes[k]
                if c == ASCII.space || c == ASCII.tab || c == ASCII.newline || c == ASCII.cr { k += 1; continue }
                if c == 0xEF, k + 2 < bytes.count, bytes[k + 1] == 0xBB, bytes[k + 2] == 0xBF { k += 3; continue }
                break
            }
            if k < bytes.count {
                let b = bytes[k]
                if b == UInt8(ascii: "#") || b == UInt8(ascii: "+") || b == UInt8(ascii: "=") || b == ASCII.hyphen {
                    blockEscape = k
                } else if ASCII.isDigit(b) {
                    var d = k
                    while d < bytes.count, ASCII.isDigit(bytes[d]), d - k < 9 { d += 1 }
                    if d < bytes.count, bytes[d] == ASCII.period || bytes[d] == ASCII.closeParen { blockEscape = d }
                }
            }
        }
        bytes.withUnsafeBufferPointer { bytes in
            special.withUnsafeBufferPointer { special in
                while i < bytes.count {
                    // the plain run up to the next byte that needs something (or the block escape), copied whole
                    let end = blockEscape >= i ? blockEscape : bytes.count
                    var j = i
                    while j < end, !special[Int(bytes[j])] { j += 1 }
                    if j > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j])); i = j }
                    guard i < bytes.count else { break }
                    let b = bytes[i]
                    if i == blockEscape { out.append(UInt8(ascii: "\\")) }
                    // `<` as an entity, never `\<`: GFM's autolink extension takes a URL up to the next `<` raw,
                    // backslash included (`http://x\<img …>` left `<img …>` unescaped), and with no `<` in the
                    // Markdown at all nothing can be read as raw HTML
                    if b == UInt8(ascii: "<") { out += lessThan }
                    else if b == ASCII.newline || b == ASCII.cr || b == ASCII.tab { out.append(ASCII.space) }
                    else if special[Int(b)] { out.append(UInt8(ascii: "\\")); out.append(b) }
                    else { out.append(b) }
                    i += 1
                }
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
