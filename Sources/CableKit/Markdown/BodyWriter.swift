/// Turns a cable body (hard-wrapped telegram lines) into Markdown: paragraphs re-flowed, numbered paragraphs
/// as `¶N. (MARKING) text`, headings as `## Heading`, `-`/`--` bullets as a list, aligned tables and short
/// lists of lines kept as they were, everything escaped so nothing can become HTML.
public enum BodyWriter {
    public struct Output: Sendable, Equatable {
        public var markdown: String
        /// OCR repairs of paragraph numbers (`14.` → `¶4.`).
        public var repairs: [Repair]
    }

    /// `lines` are the body lines (without page furniture); `lineNumbers` their 1-based numbers in the source.
    public static func markdown(lines: [String], lineNumbers: [Int]? = nil) -> Output {
        let blocks = split(lines)
        var out: [String] = []
        var previousWasBullet = false
        var repairs: [Repair] = []
        var expected = 1
        let usesPilcrow = lines.contains { $0.hasPrefix("¶") }
        for block in blocks {
            defer { previousWasBullet = block.kind == .bullet }
            switch block.kind {
            case .heading:
                out.append("## " + MarkdownEscaping.escape(squeezeSpaces(block.lines.joined(separator: " ")), lineStart: false))
            case .table:
                out.append(MarkdownEscaping.codeBlock(block.lines.map { trimTrailing($0) }))
            case .bullet:
                let text = reflow(block.lines)
                let item = text.drop(while: { $0 == "-" || $0 == " " || $0 == "*" || $0 == "•" })
                let entry = "- " + MarkdownEscaping.escape(String(item), lineStart: false)
                if previousWasBullet, let last = out.popLast() { out.append(last + "\n" + entry) } else { out.append(entry) }
            case .lines:
                out.append(block.lines.map { MarkdownEscaping.escape($0.trimming(" "), lineStart: true) }.joined(separator: "\\\n"))
            case .paragraph:
                let text = reflow(block.lines)
                let bytes = ArraySlice(Array(text.utf8))
                if let start = Paragraphs.start(bytes) {
                    var number = start.number
                    if !start.pilcrow, usesPilcrow, number >= 11, number <= 19, number - 10 == expected, number != expected {
                        let original = String(decoding: bytes[bytes.startIndex..<start.textStart], as: UTF8.self).trimming(" ")
                        number -= 10
                        let line = lineNumbers.flatMap { $0.indices.contains(block.first) ? $0[block.first] : nil }
                        repairs.append(Repair(kind: "paragraph-number", original: original, replacement: "¶\(number).", line: line))
                    }
                    expected = number + 1
                    let rest = String(decoding: bytes[start.textStart...], as: UTF8.self)
                    out.append("¶\(number). " + MarkdownEscaping.escape(rest, lineStart: false))
                } else {
                    out.append(MarkdownEscaping.escape(text, lineStart: true))
                }
            }
        }
        return Output(markdown: out.joined(separator: "\n\n") + (out.isEmpty ? "" : "\n"), repairs: repairs)
    }

    // MARK: blocks

    enum Kind { case paragraph, heading, bullet, table, lines }

    struct Block {
        var kind: Kind
        var lines: [String]
        var first: Int
    }

    /// Groups lines into blocks: blank lines separate; a numbered paragraph or bullet starts a new block;
    /// dashed rules frame headings.
    static func split(_ lines: [String]) -> [Block] {
        var raw: [Block] = []
        var current: [String] = []
        var first = 0
        func flush() {
            if !current.isEmpty { raw.append(Block(kind: .paragraph, lines: current, first: first)) }
            current = []
        }
        for (n, line) in lines.enumerated() {
            let t = line.trimming(" \t")
            if t.isEmpty { flush(); continue }
            if isRule(t) {
                // "-------" under or around a heading
                flush()
                if let last = raw.last, last.lines.count == 1, last.kind == .paragraph, isHeadingText(last.lines[0]) {
                    raw[raw.count - 1].kind = .heading
                }
                continue
            }
            let bytes = ArraySlice(Array(t.utf8))
            if !current.isEmpty, Paragraphs.startsNumberedParagraph(bytes) || isBulletStart(t) { flush() }
            if current.isEmpty { first = n }
            current.append(line)
        }
        flush()
        // classify
        for k in raw.indices {
            var block = raw[k]
            let firstLine = block.lines[0].trimming(" \t")
            if block.kind == .heading { continue }
            if isTable(block.lines) { block.kind = .table }
            else if Paragraphs.startsNumberedParagraph(ArraySlice(Array(firstLine.utf8))) { block.kind = .paragraph }
            else if isBulletStart(firstLine) { block.kind = .bullet }
            else if block.lines.count == 1, isHeadingText(firstLine), k + 1 < raw.count { block.kind = .heading }
            else if isLineList(block.lines) { block.kind = .lines }
            raw[k] = block
        }
        return raw
    }

    static func isRule(_ t: String) -> Bool {
        t.count >= 3 && t.allSatisfy { $0 == "-" || $0 == "=" || $0 == "_" || $0 == "*" }
    }

    static func isBulletStart(_ t: String) -> Bool {
        if t.hasPrefix("-- ") || t.hasPrefix("- ") || t.hasPrefix("* ") || t.hasPrefix("• ") { return true }
        if t.hasPrefix("--"), t.count > 2, let third = t.dropFirst(2).first, third.isLetter || third == "(" { return true }
        return false
    }

    /// A short line standing alone that names a section: `BACKGROUND`, `Talking Points`, `Summary`.
    static func isHeadingText(_ t: String) -> Bool {
        let s = t.trimming(" \t")
        guard s.count >= 3, s.count <= 80, let first = s.first, first.isLetter || first == "(" else { return false }
        if s.hasSuffix(".") && !s.uppercased().hasSuffix("ETC.") || s.hasSuffix(",") || s.hasSuffix(";") { return false }
        if Paragraphs.startsNumberedParagraph(ArraySlice(Array(s.utf8))) { return false }
        let words = s.split(separator: " ")
        guard words.count <= 12 else { return false }
        // Title Case or ALL CAPS: most words start with a capital
        let capitalised = words.filter { $0.first?.isUppercase == true || $0.first?.isNumber == true || $0.first == "(" }.count
        return capitalised * 3 >= words.count * 2
    }

    /// Aligned columns: most lines have an inner run of three or more spaces.
    static func isTable(_ lines: [String]) -> Bool {
        guard lines.count >= 2 else { return false }
        var aligned = 0
        for line in lines {
            let t = line.trimming(" \t")
            if t.contains("   ") || t.contains("\t") { aligned += 1 }
        }
        return aligned * 2 >= lines.count + 1
    }

    /// Short lines that were never one paragraph: addresses, names, a list of participants.
    static func isLineList(_ lines: [String]) -> Bool {
        guard lines.count >= 3 else { return false }
        let lengths = lines.map { $0.trimming(" \t").count }
        return lengths.max()! <= 40 && lengths.reduce(0, +) / lengths.count <= 30
    }

    /// Joins hard-wrapped lines into one paragraph; a line ending in a hyphen joins without a space.
    static func reflow(_ lines: [String]) -> String {
        var out = ""
        out.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for line in lines {
            let t = line.trimming(" \t")
            if t.isEmpty { continue }
            if !out.isEmpty, !(out.hasSuffix("-") && !out.hasSuffix(" -") && !out.hasSuffix("--")) { out += " " }
            out += t
        }
        return out
    }

    static func trimTrailing(_ s: String) -> String {
        var t = Substring(s)
        while let last = t.last, last == " " || last == "\t" { t.removeLast() }
        return String(t)
    }
}
