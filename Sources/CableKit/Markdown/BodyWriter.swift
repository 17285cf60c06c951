import Foundation

/// Turns a cable body (hard-wrapped telegram lines) into Markdown: paragraphs re-flowed, numbered paragraphs
/// as `¶N. (MARKING) text`, headings as `## Heading`, `-`/`--` bullets as a list, aligned tables and short
/// lists of lines kept as they were, everything escaped so nothing can become HTML. Works on UTF-8 bytes.
public enum BodyWriter {
    public typealias Line = ArraySlice<UInt8>

    public struct Output: Sendable, Equatable {
        public var markdown: String
        /// OCR repairs of paragraph numbers (`14.` → `¶4.`).
        public var repairs: [Repair]
    }

    public enum Kind: Sendable { case paragraph, heading, bullet, table, lines }

    /// A run of body lines that forms one Markdown block.
    public struct Block: Sendable {
        public var kind: Kind
        /// Indices into the body lines.
        public var range: Range<Int>
    }

    /// Convenience for callers holding Strings (tests, FOIA pre-pass).
    public static func markdown(lines: [String], lineNumbers: [Int]? = nil) -> Output {
        let slices = lines.map { ArraySlice(Array($0.utf8)) }
        return markdown(lines: slices, blocks: split(slices), lineNumbers: lineNumbers)
    }

    /// `lineNumbers` are the 1-based numbers of the lines in the source, for repair notes.
    public static func markdown(lines: [Line], blocks: [Block], lineNumbers: [Int]? = nil) -> Output {
        var out = [UInt8]()
        out.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 } + 256)
        var repairs: [Repair] = []
        var expected = 1
        let usesPilcrow = lines.contains { $0.starts(with: pilcrow) }
        var previous: Kind?
        for block in blocks {
            if !out.isEmpty { out += previous == .bullet && block.kind == .bullet ? [ASCII.newline] : [ASCII.newline, ASCII.newline] }
            previous = block.kind
            switch block.kind {
            case .heading:
                out += Array("## ".utf8)
                let text = reflow(lines[block.range])[...]
                MarkdownEscaping.append(Array(textBeforeTrailingRule(text) ?? text), to: &out, lineStart: false)
            case .table:
                out += Array(MarkdownEscaping.codeBlock(lines[block.range].map { trimTrailing($0).string }).utf8)
            case .bullet:
                var text = reflow(lines[block.range])[...]
                while let f = text.first, f == ASCII.hyphen || f == ASCII.space || f == UInt8(ascii: "*") { text = text.dropFirst() }
                if text.starts(with: bullet) { text = text.dropFirst(3) }
                out += Array("- ".utf8)
                // a list item's text starts a block of its own: `#`, `+`, `=`, `1.` there would open one
                MarkdownEscaping.append(Array(text), to: &out, lineStart: true)
            case .lines:
                for (k, i) in block.range.enumerated() {
                    if k > 0 { out += [UInt8(ascii: "\\"), ASCII.newline] }
                    MarkdownEscaping.append(Array(lines[i].trimmed), to: &out, lineStart: true)
                }
            case .paragraph:
                let text = reflow(lines[block.range])
                let bytes = text[...]
                if let start = Paragraphs.start(bytes) {
                    var number = start.number
                    if !start.pilcrow, usesPilcrow, number >= 11, number <= 19, number - 10 == expected {
                        let original = bytes[bytes.startIndex..<start.textStart].trimmed.string
                        number -= 10
                        let line = lineNumbers.flatMap { $0.indices.contains(block.range.lowerBound) ? $0[block.range.lowerBound] : nil }
                        repairs.append(Repair(kind: "paragraph-number", original: original, replacement: "¶\(number).", line: line))
                    }
                    expected = number + 1
                    out += pilcrow + Array("\(number).".utf8)
                    // a number alone (`¶3.` before the signature) has no space after it
                    let rest = bytes[start.textStart...]
                    if !rest.isBlank { out.append(ASCII.space) }
                    MarkdownEscaping.append(Array(rest), to: &out, lineStart: false)
                } else {
                    MarkdownEscaping.append(text, to: &out, lineStart: true)
                }
            }
        }
        if !out.isEmpty { out.append(ASCII.newline) }
        return Output(markdown: String(decoding: out, as: UTF8.self), repairs: repairs)
    }

    static let pilcrow = Array("¶".utf8)
    static let bullet = Array("•".utf8)

    // MARK: blocks

    /// Groups lines into blocks: blank lines separate; a numbered paragraph or bullet starts a new block;
    /// dashed rules frame headings. In text read from a scan (`ocr`) a heading's words must read as words
    /// (`readsAsWords`).
    public static func split(_ lines: [Line], ocr: Bool = false) -> [Block] {
        func heading(_ t: Line, underlined: Bool = false) -> Bool { isHeadingText(t, underlined: underlined) && (!ocr || readsAsWords(t)) }
        var raw: [Block] = []
        var first = -1
        func flush(_ end: Int) {
            if first >= 0 { raw.append(Block(kind: .paragraph, range: first..<end)) }
            first = -1
        }
        for (n, line) in lines.enumerated() {
            let t = line.trimmed
            if t.isEmpty { flush(n); continue }
            if isRule(t) {
                // "-------" under or around a heading
                flush(n)
                if let last = raw.last, last.range.count == 1, last.kind == .paragraph, heading(lines[last.range.lowerBound].trimmed, underlined: true) {
                    raw[raw.count - 1].kind = .heading
                }
                continue
            }
            // (a date's day or a paragraph reference a line break put at the line's start goes on with its sentence)
            // (and so does a dash a line break put at the line's start, in a paragraph that is no list)
            if first >= 0, Paragraphs.startsNumberedParagraph(t) && !Paragraphs.isWrappedNumber(t, after: lines[n - 1].trimmed)
                || isBulletStart(t) && !isWrappedDash(t, after: lines[n - 1].trimmed, blockStart: lines[first].trimmed) { flush(n) }
            if first < 0 { first = n }
        }
        flush(lines.count)
        for k in raw.indices where raw[k].kind != .heading {
            let range = raw[k].range
            let firstLine = lines[range.lowerBound].trimmed
            if isTable(lines[range]) { raw[k].kind = .table }
            else if Paragraphs.startsNumberedParagraph(firstLine) { raw[k].kind = .paragraph }
            else if isBulletStart(firstLine) { raw[k].kind = .bullet }
            else if range.count == 1, let text = textBeforeTrailingRule(firstLine), heading(text, underlined: true) { raw[k].kind = .heading }
            else if range.count == 1, heading(firstLine), k + 1 < raw.count { raw[k].kind = .heading }
            else if isLineList(lines[range]) { raw[k].kind = .lines }
        }
        return raw
    }

    /// A rule: `-----`, `=====`, `***`, or a long one a line break split (`--------------------------------------------- ---`:
    /// single spaces between runs, ten marks or more).
    static func isRule(_ t: Line) -> Bool {
        guard t.count >= 3, let first = t.first, let last = t.last, isRuleMark(first), isRuleMark(last) else { return false }
        var marks = 0, spaced = false
        for k in t.indices {
            if isRuleMark(t[k]) { marks += 1; continue }
            guard t[k] == ASCII.space, isRuleMark(t[k - 1]) else { return false }
            spaced = true
        }
        return marks >= (spaced ? 10 : 3)
    }

    private static func isRuleMark(_ b: UInt8) -> Bool {
        b == ASCII.hyphen || b == UInt8(ascii: "=") || b == UInt8(ascii: "_") || b == UInt8(ascii: "*")
    }

    /// The text of a line that a rule closes (`LULA WANTS STRONG TIES ------------`, `… Policy -------------------- ---`):
    /// a heading with its underline run on; nil when no rule of five marks or more ends the line.
    static func textBeforeTrailingRule(_ t: Line) -> Line? {
        var i = t.endIndex, marks = 0
        while i > t.startIndex {
            let b = t[i - 1]
            if b == ASCII.hyphen || b == UInt8(ascii: "=") || b == UInt8(ascii: "_") { marks += 1; i -= 1; continue }
            // a single space inside the rule
            if b == ASCII.space, i - 2 > t.startIndex, isRuleMark(t[i - 2]), marks > 0 { i -= 1; continue }
            break
        }
        guard marks >= 5, i > t.startIndex, t[i - 1] == ASCII.space else { return nil }
        let text = t[..<i].trimmed
        return text.isEmpty ? nil : text
    }

    /// Whether `t`, which opens like a `--` list item, is a dash of the sentence that `previous` (the line before
    /// it, in a block that `blockStart` opens) leaves unfinished: `… we have an opportunity` / `-- again -- to
    /// build …` (08BUENOSAIRES235: the summary ended at "opportunity", and a list item "again -- to build …"
    /// followed). Only mid-sentence: the line before ends in a small letter, a digit or a comma, and the words after
    /// the dash go on in small letters — a list's items open with a capital or a marking (`-- (S) Saudi King …`,
    /// `-- Draft Ordinance: …`), after an intro or heading; and never when the block is a list item itself.
    static func isWrappedDash(_ t: Line, after previous: Line, blockStart: Line) -> Bool {
        guard t.starts(with: "-- ".utf8), !isBulletStart(blockStart), let last = previous.last, !previous.starts(with: "--".utf8),
              let next = t.dropFirst(3).trimmed.first, ASCII.isLower(next) else { return false }
        return ASCII.isLower(last) || ASCII.isDigit(last) || last == ASCII.comma
    }

    static func isBulletStart(_ t: Line) -> Bool {
        guard let f = t.first else { return false }
        let i = t.startIndex
        if (f == ASCII.hyphen || f == UInt8(ascii: "*")) && t.count > 2 && t[i + 1] == ASCII.space { return true }
        if t.starts(with: bullet) { return true }
        if f == ASCII.hyphen, t.count > 2, t[i + 1] == ASCII.hyphen {
            let third = t[i + 2]
            return third == ASCII.space || ASCII.isLetter(third) || third == ASCII.openParen
        }
        return false
    }

    /// A short line standing alone that names a section: `BACKGROUND`, `Talking Points`, `Summary`; not a
    /// redaction alone, nor a line of numbers more than words (`DEC 9 1977`, a date stamped on a scan), nor one
    /// that opens in lower case (`pec. 9 1977`, OCR's reading of such a stamp) unless with a redacted name
    /// (`xxxxxxxxxxxx Private Plea on IRGC Designation`). A line a rule underlines is a heading on less: half its
    /// words capitalised (`Ready to Assist with Detainee`), and it may end with an abbreviation (`… THE U.S.`).
    static func isHeadingText(_ s: Line, underlined: Bool = false) -> Bool {
        guard s.count >= 3, s.count <= 80, let first = s.first, ASCII.isLetter(first) || first == ASCII.openParen else { return false }
        if ASCII.isLower(first), !s.prefix(while: { $0 != ASCII.space }).allSatisfy({ $0 == UInt8(ascii: "x") }) { return false }
        let last = s.last!
        let abbreviation = underlined && last == ASCII.period && s.dropLast().reversed().prefix { $0 != ASCII.space }.contains(ASCII.period)
        if (last == ASCII.period && !abbreviation) || last == ASCII.comma || last == UInt8(ascii: ";") { return false }
        if Paragraphs.startsNumberedParagraph(s) { return false }
        // a redaction alone (`XXXXXXXXXXXX`) names nothing
        if s.split(separator: ASCII.space).allSatisfy({ w in w.allSatisfy { $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "x") } }) { return false }
        var words = 0, capitalised = 0, numbers = 0
        var atWordStart = true
        for b in s {
            if b == ASCII.space { atWordStart = true; continue }
            if atWordStart {
                words += 1
                if ASCII.isUpper(b) || ASCII.isDigit(b) || b == ASCII.openParen || b >= 0x80 { capitalised += 1 }
                if ASCII.isDigit(b) { numbers += 1 }
                atWordStart = false
            }
        }
        return words <= 12 && (underlined ? capitalised * 2 >= words : capitalised * 3 >= words * 2) && numbers * 2 <= words
    }

    /// Every word of `t` reads as a word, the punctuation around it aside (`BACKGROUND`, `Talking Points`,
    /// `U.S.-SPAIN RELATIONS:`, `(C) 1977`, `Q & A`): what a heading of a scanned page is made of, and what its
    /// routing lines (`ACTION DEPARTMENT 250-USUN .89- LEOPOLDYILLE..80- GENEVA: NIACT : 16`), handling notes
    /// (`Note: Advance copies to AF and SS 8-11-62 CWO-M`) and signatures read through specks (`EREWSTER ’`) are not.
    static func readsAsWords(_ t: Line) -> Bool {
        t.split(separator: ASCII.space).allSatisfy { token in
            if token.allSatisfy({ $0 == ASCII.hyphen || $0 == UInt8(ascii: "&") || $0 == ASCII.slash }) { return true }
            // a typographic apostrophe inside a word is one
            var word = Array(token)
            if word.contains(0xE2) { word = Array(token.string.replacingOccurrences(of: "’", with: "'").utf8) }
            return FOIALayout.readsAsWord(FOIALayout.core(word[...]))
        }
    }

    /// Aligned columns: most lines have an inner run of three or more spaces (or a tab). Stops as soon as
    /// the count is settled either way.
    static func isTable(_ lines: ArraySlice<Line>) -> Bool {
        guard lines.count >= 2 else { return false }
        let needed = (lines.count + 2) / 2  // aligned * 2 >= count + 1
        var aligned = 0, left = lines.count
        for line in lines {
            left -= 1
            if hasInnerGap(line.trimmed) {
                aligned += 1
                if aligned >= needed { return true }
            }
            if aligned + left < needed { return false }
        }
        return false
    }

    /// A tab, or three spaces in a row, in a trimmed line. Tabs are found with memchr; for spaces only every
    /// third byte is read (each run of three holds one of them) and, when it is a space, the bytes around it.
    static func hasInnerGap(_ t: Line) -> Bool {
        t.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return false }
            if memchr(base, Int32(ASCII.tab), p.count) != nil { return true }
            var i = 2
            while i < p.count {
                if p[i] == ASCII.space {
                    var run = 1
                    if p[i - 1] == ASCII.space { run += 1; if i >= 2, p[i - 2] == ASCII.space { run += 1 } }
                    if i + 1 < p.count, p[i + 1] == ASCII.space { run += 1; if i + 2 < p.count, p[i + 2] == ASCII.space { run += 1 } }
                    if run >= 3 { return true }
                }
                i += 3
            }
            return false
        }
    }

    /// Short lines that were never one paragraph: addresses, names, a list of participants.
    static func isLineList(_ lines: ArraySlice<Line>) -> Bool {
        guard lines.count >= 3 else { return false }
        var longest = 0, total = 0
        for line in lines { let n = line.trimmed.count; longest = max(longest, n); total += n }
        return longest <= 40 && total / lines.count <= 30
    }

    /// Joins hard-wrapped lines into one paragraph; a line ending in a single hyphen joins without a space.
    public static func reflow(_ lines: ArraySlice<Line>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for line in lines {
            var t = line.trimmed
            if t.isEmpty { continue }
            // a number a line break put at a line's start inside the block (a day, a paragraph reference, a year:
            // `split`) loses the pilcrow Cablegate's text gave it
            if !out.isEmpty, t.starts(with: pilcrow), let digit = t.dropFirst(pilcrow.count).trimmed.first, ASCII.isDigit(digit) {
                t = t.dropFirst(pilcrow.count).trimmed
            }
            if !out.isEmpty {
                let n = out.count
                let joinTight = out[n - 1] == ASCII.hyphen && n >= 2 && out[n - 2] != ASCII.space && out[n - 2] != ASCII.hyphen
                if !joinTight { out.append(ASCII.space) }
            }
            out += t
        }
        return out
    }

    static func trimTrailing(_ s: Line) -> Line {
        var end = s.endIndex
        while end > s.startIndex, ASCII.isSpace(s[end - 1]) { end -= 1 }
        return s[s.startIndex..<end]
    }
}
