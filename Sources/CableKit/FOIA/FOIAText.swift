/// The text of a FOIA release made ready for the telegram parser: the text lines of the kept copies without
/// their furniture; a sentence split by removed furniture joined again (each join a `page-break` repair), as are
/// lines OCR set apart mid-sentence; garbled header lines put back in shape (`OCRHeaderLine`); doublings
/// repaired (each a `doubling` repair). Every line keeps its 1-based line number in the original file.
struct FOIAText {
    private(set) var lines: [String] = []
    private(set) var lineNumbers: [Int] = []
    private(set) var repairs: [Repair] = []

    init(_ layout: FOIALayout) {
        let source = layout.lines
        var gap: [Int] = []          // furniture since the last text line
        var blankGap = false
        var inHeader = true
        // the last words of the lines joined so far across gaps: a short line a join ended (`in this instance that
        // all material prepared` | `for press and`) is still open prose for the next gap (`TV be expeditiously`)
        var joinedRun: String?
        for i in 0..<source.count {
            // blank lines, and specks of OCR where a blank stood on the page, part blocks; page furniture does not
            if source.isBlank(i) || FOIAPageFurniture.isSpeck(source.trimmed(i)) { blankGap = true; continue }
            guard layout.isKeptText(i) else { gap.append(i); continue }
            let t = layout.text(i)
            var line = t.startIndex == source.trimmed(i).startIndex ? Self.trimmingTrailingSpace(source.string(i)) : t.string
            if inHeader, let normal = OCRHeaderLine.normalise(t) { line = normal }
            if Paragraphs.start(t) != nil { inHeader = false }
            // what stood between this line and the last: furniture, blank lines, or both
            var joined = false
            if let previous = lines.last, !gap.isEmpty || blankGap {
                if PageBreakJoin.joins(joinedRun ?? previous, line) {
                    joined = true
                    if !gap.isEmpty {
                        repairs.append(Self.pageBreak(previous, line, furniture: gap, of: source, line: lineNumbers[lineNumbers.count - 1]))
                    }
                } else if blankGap {
                    append("", line: source.number(i))
                }
            }
            joinedRun = joined ? PageBreakJoin.words((joinedRun ?? lines.last!) + " " + line, last: 12) : nil
            append(line, line: source.number(i))
            gap = []
            blankGap = false
        }
        repairDoublings()
    }

    /// The text for the telegram parser.
    var text: String { lines.joined(separator: "\n") }

    private mutating func append(_ line: String, line number: Int) {
        lines.append(line)
        lineNumbers.append(number)
    }

    /// The record of a join: the end of the line before, the furniture, the start of the line after.
    private static func pageBreak(_ previous: String, _ next: String, furniture: [Int], of source: SourceLines, line: Int) -> Repair {
        let before = PageBreakJoin.words(previous, last: 3), after = PageBreakJoin.words(next, first: 3)
        let removed = furniture.prefix(6).map { source.trimmed($0).string }
        return Repair(kind: "page-break", original: ([before] + removed + [after]).joined(separator: "\n"),
                      replacement: before + " " + after, line: line)
    }

    /// Repairs the doublings paragraph by paragraph; lines left without words go.
    private mutating func repairDoublings() {
        var start = 0
        var out: [String] = [], numbers: [Int] = []
        while start < lines.count {
            var end = start
            while end < lines.count, !lines[end].isEmpty { end += 1 }
            if end > start {
                let (fixed, found) = OCRDoubling.repair(Array(lines[start..<end]))
                for f in found {
                    repairs.append(Repair(kind: "doubling", original: f.original, replacement: f.replacement, line: lineNumbers[start + f.line]))
                }
                for (k, line) in fixed.enumerated() where !line.isEmpty {
                    out.append(line); numbers.append(lineNumbers[start + k])
                }
            }
            if end < lines.count { out.append(lines[end]); numbers.append(lineNumbers[end]) }
            start = end + 1
        }
        lines = out
        lineNumbers = numbers
        repairs.sort { ($0.line ?? 0) < ($1.line ?? 0) }
    }

    private static func trimmingTrailingSpace(_ s: String) -> String {
        var t = Substring(s)
        while let last = t.last, last == " " || last == "\t" || last == "\r" { t.removeLast() }
        return String(t)
    }
}
