/// Text saved double-spaced — a blank line after every line, as some PDF extractions, e-mail clients and
/// OCR leave it — read as the text it stands for: one blank line is a line break, two or more a paragraph
/// break. Double-spacing is told by the first 300 lines: ten or more lines with text, hardly any two of them
/// adjacent (a twentieth at most), a third or more with one blank line after them, and half of those gaps inside
/// a sentence (the line before ends with no stop, colon or closing mark). A text of one line per paragraph
/// (WikiLeaks' text) has its gaps after sentences, and its header lines adjacent.
enum DoubleSpacing {
    /// The lines with the single blank lines left out (each keeps its number in the file); nil when the text is
    /// not double-spaced.
    static func collapsed(_ lines: SourceLines) -> SourceLines? {
        guard isDoubleSpaced(lines) else { return nil }
        var ranges: [Range<Int>] = []
        var numbers: [Int] = []
        var blanks: [Int] = []    // the blank lines since the last line with text
        var seenText = false
        for i in 0..<lines.count {
            if lines.isBlank(i) { blanks.append(i); continue }
            // after text, one blank line is a line break, more a paragraph break; blank lines at the start stay
            let kept = !seenText ? blanks : blanks.count >= 2 ? [blanks[0]] : []
            for b in kept { ranges.append(lines.ranges[b]); numbers.append(b + 1) }
            ranges.append(lines.ranges[i]); numbers.append(i + 1)
            blanks = []
            seenText = true
        }
        for b in blanks { ranges.append(lines.ranges[b]); numbers.append(b + 1) }
        return SourceLines(bytes: lines.bytes, ranges: ranges, numbers: numbers)
    }

    static func isDoubleSpaced(_ lines: SourceLines) -> Bool {
        let limit = min(lines.count, 300)
        var text = 0, adjacent = 0, gaps = 0, inSentence = 0
        var previous: Int?
        for i in 0..<limit where !lines.isBlank(i) {
            text += 1
            if let p = previous {
                if i == p + 1 { adjacent += 1 }
                if i == p + 2 {
                    gaps += 1
                    if !endsSentence(lines.trimmed(p)) { inSentence += 1 }
                }
            }
            previous = i
        }
        return text >= 10 && adjacent * 20 <= text && gaps * 3 >= text && inSentence * 2 >= gaps
    }

    /// A line that ends with a stop, a colon or a closing mark (`.`, `!`, `?`, `:`, `)`, `"`, `”`).
    private static func endsSentence(_ t: ArraySlice<UInt8>) -> Bool {
        guard let last = t.last else { return true }
        if ".!?:)\"".utf8.contains(last) { return true }
        return t.count >= 3 && t.suffix(3).elementsEqual([0xE2, 0x80, 0x9D])
    }
}
