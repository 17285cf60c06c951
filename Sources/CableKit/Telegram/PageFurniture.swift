/// Recognises the furniture that printing and paging put into a cable's text, so it can leave the body:
/// page headers of printouts (`PAGE 02 HARARE 06677 01 OF 03 291400Z`), continuation markers of 2008–2010
/// cables (`MADRID 00000869 001.2 OF 004`), lone classification banners, section headers
/// (`SECTION 02 OF 02 Islamabad 5337`) and end-of-message marks (`BT`, `NNNN`).
enum PageFurniture {
    /// `MADRID 00000869 001.2 OF 004`, `DUBAI 00000056 001.2 OF 002`, and with post and serial redacted by WikiLeaks
    /// as one run of X: `XXXXXXXXXXXX  002 OF 002`.
    static func isContinuationMarker(_ t: ArraySlice<UInt8>) -> Bool {
        guard endsWithOfNumber(t) else { return false }  // most lines: rejected without splitting
        let w = t.split(separator: ASCII.space)
        if w.count == 4, w[0].count >= 6, w[0].allSatisfy({ $0 == UInt8(ascii: "X") }), w[1].count >= 3,
           w[1].allSatisfy({ ASCII.isDigit($0) || $0 == ASCII.period }), w[2].map(ASCII.upper).elementsEqual("OF".utf8) {
            return w[3].allSatisfy(ASCII.isDigit)
        }
        guard w.count >= 5, w.count <= 8 else { return false }
        let n = w.count
        guard w[n - 2].map(ASCII.upper).elementsEqual("OF".utf8), w[n - 1].allSatisfy(ASCII.isDigit),
              w[n - 3].allSatisfy({ ASCII.isDigit($0) || $0 == ASCII.period }), w[n - 4].count >= 5,
              w[n - 4].allSatisfy(ASCII.isDigit) else { return false }
        return w[0..<(n - 4)].allSatisfy { $0.allSatisfy(ASCII.isLetter) }
    }

    /// Whether the last two space-separated words of `t` are `OF` (any case) and a number.
    private static func endsWithOfNumber(_ t: ArraySlice<UInt8>) -> Bool {
        var i = t.endIndex
        while i > t.startIndex, t[i - 1] == ASCII.space { i -= 1 }
        let digitsEnd = i
        while i > t.startIndex, ASCII.isDigit(t[i - 1]) { i -= 1 }
        guard i < digitsEnd, i > t.startIndex, t[i - 1] == ASCII.space else { return false }
        while i > t.startIndex, t[i - 1] == ASCII.space { i -= 1 }
        guard i - t.startIndex >= 2, ASCII.upper(t[i - 1]) == UInt8(ascii: "F"), ASCII.upper(t[i - 2]) == UInt8(ascii: "O") else { return false }
        return i - 2 == t.startIndex || t[i - 3] == ASCII.space
    }

    /// For a printout page header (`PAGE 02 HARARE 06677 01 OF 03 291400Z …`) the index where the text after it
    /// starts (the line's end when nothing follows); nil when `t` is not a page header.
    static func pageHeaderEnd(_ t: ArraySlice<UInt8>) -> Int? {
        guard t.hasPrefix(caseInsensitive: "PAGE ") else { return nil }
        var i = t.startIndex + 5
        func skipSpaces() { while i < t.endIndex, t[i] == ASCII.space { i += 1 } }
        func word() -> ArraySlice<UInt8> {
            skipSpaces()
            let s = i
            while i < t.endIndex, t[i] != ASCII.space { i += 1 }
            return t[s..<i]
        }
        let page = word()
        guard (1...3).contains(page.count) else { return nil }
        // post words, serial, optional "NN OF NN", then a time stamp like 291400Z
        var sawSerial = false
        for _ in 0..<10 {
            let save = i
            let w = word()
            if w.isEmpty { return sawSerial ? t.endIndex : nil }
            if w.count >= 6, w.count <= 7, w.last == UInt8(ascii: "Z"), w.dropLast().allSatisfy(ASCII.isDigit) { return i }
            if w.allSatisfy(ASCII.isDigit) { sawSerial = true; continue }
            if w.map(ASCII.upper).elementsEqual("OF".utf8) { continue }
            if w.allSatisfy(ASCII.isLetter), !sawSerial { continue }
            i = save
            return sawSerial ? i : nil
        }
        return nil
    }

    /// A line that is only a classification banner: `CONFIDENTIAL`, ` SECRET`, `UNCLASSIFIED`,
    /// `CONFIDENTIAL PTQ1865`, `SECRET//NOFORN`.
    static func isBanner(_ t: ArraySlice<UInt8>) -> Bool {
        guard !t.isEmpty, t.count <= 40, let c = ClassificationLine.parse(t), c.post == nil, c.serial == nil else { return false }
        _ = c
        let words = t.split(separator: ASCII.space)
        // all words are the classification (possibly spaced), caveats, or a printout id like PTQ1865
        return words.allSatisfy { w in
            w.count == 1 || w.allSatisfy({ ASCII.isUpper($0) || $0 == ASCII.slash }) ||
                (w.count >= 5 && w.count <= 9 && w.prefix(3).allSatisfy(ASCII.isUpper) && w.dropFirst(3).allSatisfy(ASCII.isDigit))
        }
    }

    /// A classification banner printed at the end of a text line just before a page break
    /// (`…ESSENTIALLY, A  CONFIDENTIAL`): the index where the banner starts, or nil.
    static func trailingBanner(_ t: ArraySlice<UInt8>) -> Int? {
        // the banner follows two or more spaces
        var i = t.endIndex
        while i > t.startIndex, ASCII.isSpace(t[i - 1]) { i -= 1 }
        var start = i
        while start > t.startIndex, ASCII.isUpper(t[start - 1]) || t[start - 1] == ASCII.slash { start -= 1 }
        guard start > t.startIndex + 2, t[start - 1] == ASCII.space, t[start - 2] == ASCII.space else { return nil }
        let word = t[start..<i]
        guard Classification(label: word.string) != nil else { return nil }
        var cut = start
        while cut > t.startIndex, t[cut - 1] == ASCII.space { cut -= 1 }
        return cut
    }

    /// `SECTION 02 OF 02 Islamabad 5337`, `SECTION 02, OF 02 Islamabad 5337` (FOIA section header without classification).
    static func isSectionHeader(_ t: ArraySlice<UInt8>) -> Bool {
        guard t.hasPrefix(caseInsensitive: "SECTION ") else { return false }
        let w = t.split(separator: ASCII.space)
        guard w.count >= 4, w.count <= 8, w[2].map(ASCII.upper).elementsEqual("OF".utf8) else { return false }
        return w[1].contains(where: ASCII.isDigit) && w.last!.allSatisfy(ASCII.isDigit)
    }

    /// End-of-message marks and transmission trailers: `BT`, `NNNN`, `#7957`, `END OF DOCUMENT`.
    static func isTrailer(_ t: ArraySlice<UInt8>) -> Bool {
        guard t.count <= 12 else { return false }  // most lines: rejected by their length
        if t.elementsEqual("BT".utf8) || t.elementsEqual("NNNN".utf8) { return true }
        // a lone ">" that WikiLeaks' pages leave after the text
        if t.elementsEqual(">".utf8) { return true }
        if t.first == UInt8(ascii: "#"), t.count <= 12, t.dropFirst().allSatisfy({ ASCII.isDigit($0) || $0 == ASCII.slash }) { return true }
        return false
    }
}
