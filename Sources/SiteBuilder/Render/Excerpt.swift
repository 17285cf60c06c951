/// Text shortened to fit a length budget for a page's `<meta name="description">` and `og:description`:
/// cut after the last whole word that fits and ended with `…`, so a reader (or a search engine's snippet)
/// never sees half a word.
enum Excerpt {
    /// `text` itself when it has at most `limit` characters; otherwise its words that fit in `limit - 1`
    /// characters, without the spaces and punctuation (`,` `;` `:`) they end on, then `…` — at most `limit`
    /// characters in all. A first word longer than the budget is cut where the budget ends.
    static func of(_ text: String, limit: Int) -> String {
        // (without counting every character of a summary thousands long: a thirtieth of a cable page's work)
        guard limit > 1, text.utf8.count > limit else { return text }
        // each byte a character of its own: cut by bytes (reading characters costs a hundred times more)
        if let cut = text.utf8.withContiguousStorageIfAvailable({ asciiExcerpt($0, limit: limit) }), let cut { return cut }
        let budget = limit - 1
        guard let beyond = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), beyond < text.endIndex else { return text }
        let head = text.prefix(budget)
        var end = head.endIndex
        // the character after the budget ends a word when it is a space: the last word fits whole
        if !text[end].isWhitespace {
            if let space = head.lastIndex(where: \.isWhitespace) { end = space }
        }
        var kept = head[..<end]
        while let last = kept.last, last.isWhitespace || last == "," || last == ";" || last == ":" || last == "-" || last == "—" { kept = kept.dropLast() }
        if kept.isEmpty { kept = head }
        return kept + "…"
    }

    /// `of` for a text whose first `limit + 1` bytes are ASCII other than a carriage return (which joins a
    /// line feed after it in one character), so that each is a character of its own; nil for any other text.
    private static func asciiExcerpt(_ b: UnsafeBufferPointer<UInt8>, limit: Int) -> String? {
        guard b.count > limit, !b[...limit].contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (0x09...0x0C).contains(c) }
        func isTrailingPunctuation(_ c: UInt8) -> Bool { c == 0x2C || c == 0x3B || c == 0x3A || c == 0x2D }   // , ; : -
        let budget = limit - 1
        var end = budget
        // the byte after the budget ends a word when it is a space: the last word fits whole
        if !isSpace(b[budget]), let space = b[..<budget].lastIndex(where: isSpace) { end = space }
        while end > 0, isSpace(b[end - 1]) || isTrailingPunctuation(b[end - 1]) { end -= 1 }
        if end == 0 { end = budget }
        return String(decoding: b[..<end], as: UTF8.self) + "…"
    }
}
