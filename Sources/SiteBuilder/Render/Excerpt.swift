/// Text shortened to fit a length budget for a page's `<meta name="description">` and `og:description`:
/// cut after the last whole word that fits and ended with `…`, so a reader (or a search engine's snippet)
/// never sees half a word.
enum Excerpt {
    /// `text` itself when it has at most `limit` characters; otherwise its words that fit in `limit - 1`
    /// characters, without the spaces and punctuation (`,` `;` `:`) they end on, then `…` — at most `limit`
    /// characters in all. A first word longer than the budget is cut where the budget ends.
    static func of(_ text: String, limit: Int) -> String {
        // (without counting every character of a summary thousands long: a thirtieth of a cable page's work)
        guard limit > 1, text.utf8.count > limit,
              let beyond = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), beyond < text.endIndex else { return text }
        let budget = limit - 1
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
}
