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

    /// For a printout page header (`PAGE 02 HARARE 06677 01 OF 03 291400Z …`, `PAGE 03 RUEHFRA2440 C O N F I D E N T I A L PARIS 002440`) the index where the text after it
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
        var words = 0
        // ten words at most, a classification spelled out (`C O N F I D E N T I A L`) counting as one
        while words < 10 {
            let save = i
            let w = word()
            if w.isEmpty { return sawSerial ? t.endIndex : nil }
            if w.count > 1 || !ASCII.isUpper(w[w.startIndex]) { words += 1 }
            if w.count >= 6, w.count <= 7, w.last == UInt8(ascii: "Z"), w.dropLast().allSatisfy(ASCII.isDigit) { return i }
            if w.allSatisfy(ASCII.isDigit) { sawSerial = true; continue }
            if w.map(ASCII.upper).elementsEqual("OF".utf8) { continue }
            if w.allSatisfy(ASCII.isLetter), !sawSerial { continue }
            // the routing indicator and serial of the copy (`PAGE 03 RUEHFRA2440 C O N F I D E N T I A L PARIS 002440`)
            if !sawSerial, isRoutingSerial(w) { continue }
            i = save
            return sawSerial ? i : nil
        }
        return nil
    }

    /// `RUEHFRA2440`: four capitals or more, then digits.
    private static func isRoutingSerial(_ w: ArraySlice<UInt8>) -> Bool {
        let letters = w.prefix(while: ASCII.isUpper).count
        return letters >= 4 && letters < w.count && w.dropFirst(letters).allSatisfy(ASCII.isDigit)
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

    /// A continuation marker run into a line of text, as the text of one paragraph a line has it (`… minimize damage
    /// and to TEGUCIGALP 00000459 004 OF 004 protect our …`, `ASHGABAT 00001182 002.2 OF 003 THE EDUCATION SYSTEM`):
    /// the range of the marker and the spaces around it, or nil. Such a marker carries the cable's own serial in
    /// eight digits, a page (`004`, `002.2`) `OF` the pages, and before the serial one or two words in capitals
    /// that `post`, the post as the classification line writes it, contains (`TEGUCIGALP` of `TEGUCIGALPA`).
    static func inlineContinuationMarker(in t: ArraySlice<UInt8>, post: ArraySlice<UInt8>, serial needle: [UInt8]) -> Range<Int>? {
        guard needle.count == 8, !post.isEmpty else { return nil }
        var from = t.startIndex
        while let at = firstIndex(of: needle, in: t[from...]) {
            from = at + 1
            let end = at + needle.count
            guard at > t.startIndex, t[at - 1] == ASCII.space, end < t.endIndex, t[end] == ASCII.space else { continue }
            // the page, `OF`, the pages
            var i = end + 1
            let page = i
            while i < t.endIndex, ASCII.isDigit(t[i]) || t[i] == ASCII.period { i += 1 }
            guard i - page >= 3, ASCII.isDigit(t[page]), t[i...].starts(with: " OF ".utf8) else { continue }
            i += 4
            let pages = i
            while i < t.endIndex, ASCII.isDigit(t[i]) { i += 1 }
            guard i > pages, i == t.endIndex || t[i] == ASCII.space else { continue }
            // the post: one or two words in capitals before the serial
            var start: Int?
            var k = at - 1
            for _ in 0..<2 {
                var w = k
                while w > t.startIndex, t[w - 1] != ASCII.space { w -= 1 }
                guard w < k, t[w..<k].allSatisfy(ASCII.isUpper) else { break }
                if firstIndex(of: Array(t[w..<(at - 1)]), in: post) != nil { start = w }
                guard w > t.startIndex + 1, t[w - 1] == ASCII.space else { break }
                k = w - 1
            }
            guard var lo = start else { continue }
            while lo > t.startIndex, t[lo - 1] == ASCII.space { lo -= 1 }
            while i < t.endIndex, t[i] == ASCII.space { i += 1 }
            return lo..<i
        }
        return nil
    }

    /// The serial as a continuation marker writes it, in eight digits (`00000459`); nil when it has more.
    static func markerSerial(_ serial: Int) -> [UInt8]? {
        let digits = Array(String(serial).utf8)
        guard serial > 0, digits.count <= 8 else { return nil }
        return [UInt8](repeating: UInt8(ascii: "0"), count: 8 - digits.count) + digits
    }

    /// Where `needle` first occurs in `t`.
    private static func firstIndex(of needle: [UInt8], in t: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, needle.count <= t.count else { return nil }
        var i = t.startIndex
        let last = t.endIndex - needle.count
        while i <= last {
            if t[i] == first, t[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// A continuation page's header repeats the subject, cut to the width of the line, and the text of the page
    /// runs on after it (`SUBJECT: NUCLEAR NONPROLIFERATION TREATY (NPT) BILATERALS WITH UK, FRANCE, AND GERMA credit for
    /// our …`): the index where that text starts (the line's end when nothing follows), or nil when `t` does not open
    /// with `SUBJECT:` (or `SUBJ:`) and a prefix of `subject` — ten bytes of it at least, or all of it —, compared
    /// case-insensitively with any run of spaces as one. The repeat ends where the line has a space: at the end of
    /// the subject or where it was cut, else (the page's text began with the letters the subject went on with) at
    /// the last word they share.
    static func repeatedSubjectEnd(_ t: ArraySlice<UInt8>, subject: ArraySlice<UInt8>) -> Int? {
        let label: Int
        if t.hasPrefix(caseInsensitive: "SUBJECT:") { label = 8 } else if t.hasPrefix(caseInsensitive: "SUBJ:") { label = 5 } else { return nil }
        // the subject as the header field holds it: its lines joined by line feeds
        func isGap(_ b: UInt8) -> Bool { ASCII.isSpace(b) || b == ASCII.newline }
        let s = subject.trimmed
        guard !s.isEmpty else { return nil }
        var i = t.startIndex + label
        while i < t.endIndex, t[i] == ASCII.space { i += 1 }
        var k = s.startIndex
        var matched = 0
        var lastWordEnd: (index: Int, matched: Int)?  // in `t`: after the last word both share whole
        while i < t.endIndex, k < s.endIndex {
            if isGap(t[i]), isGap(s[k]) {
                lastWordEnd = (i, matched)
                while i < t.endIndex, isGap(t[i]) { i += 1 }
                while k < s.endIndex, isGap(s[k]) { k += 1 }
                continue
            }
            guard ASCII.upper(t[i]) == ASCII.upper(s[k]) else { break }
            i += 1; k += 1; matched += 1
        }
        let needed = min(10, s.count { !isGap($0) })
        guard matched >= needed else { return nil }
        if i == t.endIndex { return t.endIndex }
        if isGap(t[i]) { return i }
        // the text's first word began as the subject went on: the repeat ends at the last shared word
        guard let end = lastWordEnd, end.matched >= needed else { return nil }
        return end.index
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
