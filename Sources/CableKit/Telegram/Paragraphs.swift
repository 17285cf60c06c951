/// How cable paragraphs begin: `¶1. (C) …`, `1. (S/NF) …`, `- 1. (S) …` (FOIA OCR), `14.` where OCR read `¶4.`,
/// and the per-paragraph classification marking that follows the number.
enum Paragraphs {
    struct Start: Equatable {
        /// The paragraph number.
        var number: Int
        /// `true` when the number was written with the pilcrow `¶`.
        var pilcrow: Bool
        /// Byte index (in the line) where the text after the number and its period begins.
        var textStart: Int
    }

    /// The numbered-paragraph start of a line, if any.
    static func start(_ t: ArraySlice<UInt8>) -> Start? {
        var i = t.startIndex
        // FOIA OCR sometimes prints "- 1. (S)"
        if i + 1 < t.endIndex, t[i] == ASCII.hyphen, t[i + 1] == ASCII.space { i += 2 }
        var pilcrow = false
        if t[i...].starts(with: "¶".utf8) { pilcrow = true; i += 2; while i < t.endIndex, t[i] == ASCII.space { i += 1 } }
        let digitsStart = i
        while i < t.endIndex, ASCII.isDigit(t[i]), i - digitsStart < 3 { i += 1 }
        guard i > digitsStart, i < t.endIndex, let number = Int(t[digitsStart..<i].string), number > 0 else { return nil }
        // "1." / "1.(C)" / "1)"; never "1.4" (a decimal)
        guard t[i] == ASCII.period || t[i] == ASCII.closeParen && pilcrow else { return nil }
        i += 1
        if i < t.endIndex, ASCII.isDigit(t[i]) { return nil }
        if i < t.endIndex, t[i] != ASCII.space, t[i] != ASCII.openParen, !(pilcrow || ASCII.isUpper(t[i])) { return nil }
        while i < t.endIndex, t[i] == ASCII.space { i += 1 }
        return Start(number: number, pilcrow: pilcrow, textStart: i)
    }

    static func startsNumberedParagraph(_ t: ArraySlice<UInt8>) -> Bool { start(t) != nil }

    /// Whether `line`, which opens like a numbered paragraph, is the number of a date or a paragraph reference
    /// that a line break put at the start of a line, the sentence of `previous` (the line before it, in the same
    /// block) going on: `… met Prime Minister Netanyahu November` / `¶16.  Netanyahu was joined …` (Cablegate's
    /// text turned such a `16.` into `¶16.`), `… as requested in paragraph` / `3. The Embassy …`. It is when the
    /// previous line ends with a month's name (and the number could be a day) or with `para`/`paragraph`, and
    /// no classification marking follows the number, as one does a real paragraph's.
    static func isWrappedNumber(_ line: ArraySlice<UInt8>, after previous: ArraySlice<UInt8>) -> Bool {
        guard let start = start(line), !line.starts(with: "- ".utf8), marking(line, at: start.textStart) == nil else { return false }
        var end = previous.endIndex
        while end > previous.startIndex, ASCII.isSpace(previous[end - 1]) { end -= 1 }
        var begin = end
        while begin > previous.startIndex, ASCII.isLetter(previous[begin - 1]) { begin -= 1 }
        guard begin < end, begin == previous.startIndex || previous[begin - 1] == ASCII.space else { return false }
        let word = String(decoding: previous[begin..<end].map(ASCII.upper), as: UTF8.self)
        if ["PARA", "PARAS", "PARAGRAPH", "PARAGRAPHS"].contains(word) { return true }
        return start.number <= 31 && monthNames.contains(word)
    }

    private static let monthNames: Set<String> = [
        "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER",
        "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC",
    ]

    /// The classification marking at `i` (`(S/NF)`, `(C)`, `(SBU)`, `(U)`, `(S/Rel Pakistan)`), returned with the index after it.
    static func marking(_ t: ArraySlice<UInt8>, at i: Int) -> (String, Int)? {
        guard i < t.endIndex, t[i] == ASCII.openParen, let close = t[i...].firstIndex(of: ASCII.closeParen), close - i <= 24 else { return nil }
        let inner = t[(i + 1)..<close]
        guard let first = inner.first, ["U", "C", "S", "T"].contains(Character(UnicodeScalar(ASCII.upper(first)))) else { return nil }
        let head = inner.prefix(while: { $0 != ASCII.slash && $0 != ASCII.space }).map(ASCII.upper)
        let heads: [[UInt8]] = ["U", "C", "S", "TS", "SBU", "LOU", "CUI"].map { Array($0.utf8) }
        guard heads.contains(head) else { return nil }
        return (t[i...close].string, close + 1)
    }
}
