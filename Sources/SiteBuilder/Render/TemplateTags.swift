/// A Mustache template's tags and the text between them, in order, as the parser reads them: a
/// set-delimiter tag (`{{=<% %>=}}`) changes the delimiters of the tags after it. Each piece comes with the
/// line and column (1-based, in bytes) where it starts, for errors that point at it.
struct TemplateTags {
    enum Piece {
        /// Text between tags.
        case text(ArraySlice<UInt8>, line: Int, column: Int)
        /// A tag's content between its delimiters (`>header`, `$head`, `/layout`).
        case tag(ArraySlice<UInt8>, line: Int, column: Int)
    }

    /// The pieces of `text`; an unclosed tag ends the list (the parser reports it).
    static func pieces(of text: String) -> [Piece] {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        func delimiter(_ d: [UInt8], at k: Int) -> Bool { k + d.count <= bytes.count && bytes[k..<k + d.count].elementsEqual(d) }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var out: [Piece] = []
        var line = 1, lineStart = 0
        var textStart = 0, textLine = 1, textColumn = 1
        var i = 0
        while i < bytes.count {
            guard delimiter(open, at: i) else {
                if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
                i += 1
                continue
            }
            if textStart < i { out.append(.text(bytes[textStart..<i], line: textLine, column: textColumn)) }
            let start = i + open.count
            var end = start
            while end < bytes.count && !delimiter(close, at: end) { end += 1 }
            guard end < bytes.count else { return out }
            let tag = bytes[start..<end]
            out.append(.tag(tag, line: line, column: i - lineStart + 1))
            for k in i..<end where bytes[k] == 0x0A { line += 1; lineStart = k + 1 }
            i = end + close.count
            (textStart, textLine, textColumn) = (i, line, i - lineStart + 1)
            // `=<% %>=`: the two new delimiters, between the equals signs
            if tag.first == UInt8(ascii: "="), tag.count > 2, tag.last == UInt8(ascii: "=") {
                let parts = tag.dropFirst().dropLast().split(whereSeparator: isSpace)
                if parts.count == 2 { open = Array(parts[0]); close = Array(parts[1]) }
            }
        }
        if textStart < bytes.count { out.append(.text(bytes[textStart...], line: textLine, column: textColumn)) }
        return out
    }

    /// The partials and parents a template names (`{{> header}}`, `{{< layout}}`), with their lines.
    static func partials(in text: String) -> [(String, Int)] {
        pieces(of: text).compactMap { piece in
            guard case let .tag(tag, line, _) = piece, tag.first == UInt8(ascii: ">") || tag.first == UInt8(ascii: "<") else { return nil }
            let name = String(decoding: tag.dropFirst(), as: UTF8.self).trimmingSpaces
            return !name.isEmpty && !name.contains(" ") ? (name, line) : nil
        }
    }

    /// Where an inheriting partial (`{{<layout}}…{{/layout}}`) holds a tag other than block overrides
    /// (`{{$head}}…{{/head}}`) and comments, which the parser notices only at the partial's end: the line,
    /// column and text of the first such tag.
    static func firstNonBlockInInheritance(of text: String) -> (line: Int, column: Int, text: String)? {
        var inheriting = false, depth = 0
        for piece in pieces(of: text) {
            guard case let .tag(tag, line, column) = piece else { continue }
            let kind = tag.first
            if !inheriting {
                if kind == UInt8(ascii: "<") { inheriting = true; depth = 0 }
                continue
            }
            switch kind {
            case UInt8(ascii: "!"), UInt8(ascii: "="):
                continue
            case UInt8(ascii: "/"):
                if depth == 0 { inheriting = false } else { depth -= 1 }
            case UInt8(ascii: "$"), UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "<"):
                if depth == 0 && kind != UInt8(ascii: "$") {
                    return (line, column, "{{" + String(decoding: tag, as: UTF8.self) + "}}")
                }
                depth += 1
            default:
                if depth == 0 { return (line, column, "{{" + String(decoding: tag, as: UTF8.self) + "}}") }
            }
        }
        return nil
    }
}
