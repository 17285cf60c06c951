/// Whether a sentence runs on across removed page furniture (`¶10. (S) Comment: Pakistan clearly fears the` |
/// banner, section header | `elimination of the Taliban …`), or across a blank line OCR put mid-sentence: the
/// line before is prose that does not end a sentence, and the next line goes on with it.
enum PageBreakJoin {
    /// Across furniture or blank lines: the line before is open prose, and the next line starts in lower case, or
    /// goes on in the same style without opening a paragraph, list item or header line: in capitals after
    /// capitals, or a capitalised word or an acronym and a lower-case one after mixed case (`fears the` |
    /// `Taliban will`, `press and` | `TV be`).
    static func joins(_ previous: String, _ next: String) -> Bool {
        let a = ArraySlice(Array(previous.utf8)).trimmed, b = ArraySlice(Array(next.utf8)).trimmed
        guard isOpenProse(a), let first = b.first else { return false }
        if ASCII.isLower(first) { return true }
        let words = b.split(separator: ASCII.space)
        guard words.count >= 2, !opensBlock(b) else { return false }
        if inCapitals(a) { return inCapitals(b) }
        // a capitalised word or an acronym (`press and` | `TV be expeditiously`), then a lower-case one
        let capitalised = words[0].dropFirst().allSatisfy(ASCII.isLower) || (2...5).contains(words[0].count) && words[0].allSatisfy(ASCII.isUpper)
        return ASCII.isUpper(first) && capitalised && words[1].first.map(ASCII.isLower) == true
    }

    /// Text in capitals, OCR's odd lower-case letter aside (`PULL OUT ALL THE STOPS To EXPEDITE`).
    static func inCapitals(_ t: ArraySlice<UInt8>) -> Bool {
        let upper = t.filter(ASCII.isUpper).count, lower = t.filter(ASCII.isLower).count
        return upper > 0 && lower * 5 < upper
    }

    /// A line of five words or more that is not a header line and does not end a sentence.
    static func isOpenProse(_ a: ArraySlice<UInt8>) -> Bool {
        guard a.split(separator: ASCII.space).count >= 5, !isHeader(a) else { return false }
        var end = a.endIndex - 1
        // a closing quote or parenthesis ends a sentence when a stop stands before it
        while end > a.startIndex, a[end] == UInt8(ascii: "\"") || a[end] == UInt8(ascii: "'") || a[end] == ASCII.closeParen { end -= 1 }
        return !".!?:".utf8.contains(a[end])
    }

    /// A numbered paragraph, a list item, a parenthesised marking, a header line, a label (`DERIVED FROM:`).
    static func opensBlock(_ t: ArraySlice<UInt8>) -> Bool {
        if Paragraphs.start(t) != nil || isHeader(t) { return true }
        if t.first == ASCII.openParen || t.first == ASCII.hyphen || t.first == UInt8(ascii: "*") { return true }
        let lead = t.split(separator: ASCII.space).prefix(3)
        return lead.contains { $0.last == ASCII.colon && $0.dropLast().allSatisfy(ASCII.isLetter) }
            && lead.prefix { $0.last != ASCII.colon }.allSatisfy { $0.allSatisfy(ASCII.isLetter) }
    }

    /// A header field, a routing line, a classification line.
    static func isHeader(_ t: ArraySlice<UInt8>) -> Bool {
        if HeaderFields.keywordAtStart(t) != nil || ClassificationLine.parse(t) != nil { return true }
        return ["FM ", "TO ", "INFO ", "ACTION ", "FROM:"].contains { t.starts(with: $0.utf8) }
    }

    /// The last (or first) `count` words of a line, for the record of a join.
    static func words(_ s: String, last count: Int) -> String {
        s.split(separator: " ").suffix(count).joined(separator: " ")
    }

    static func words(_ s: String, first count: Int) -> String {
        s.split(separator: " ").prefix(count).joined(separator: " ")
    }
}
