#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CTextScan
import Templates

/// The Markdown `chancery import` writes, rendered without libcmark-gfm: paragraphs (lines joined by soft or
/// backslash hard breaks), ATX headings, `-` lists of one-line items and fenced code blocks, with backslash
/// escapes and the entities `&lt;` `&gt;` `&amp;` `&quot;` — to exactly the HTML libcmark-gfm gives for them
/// (a test checks the two agree on every cable of the corpus and on generated texts built to trip them).
///
/// A block it does not render — one holding a byte that could open emphasis, a code span, a link, raw HTML, a
/// table, strikethrough or an autolink (`*_`[]<>!~|@`, `://`, `www.`), a line that could open another block or
/// continue one lazily (indentation, `>`, `+`, `*`, `=`, `1.`, `:`…), an entity other than those four, a tab,
/// a carriage return, a NUL, trailing spaces — goes to `rest` (libcmark-gfm) with the blocks around it up to
/// blank lines after which nothing can go on: a line that starts plain text, a heading or a fence, never a list
/// item or an indented line. When that part holds what could reach across the split (`[` a link definition or
/// footnote, `<` an HTML block, a fence), the whole text goes to `rest` instead. Cables are plain text but for a
/// URL or an e-mail address here and there, so nearly all of a build's bodies take this path; libcmark-gfm's
/// parse (which holds a process-wide lock) was a sixth of a build's instructions.
enum PlainMarkdown {
    /// The HTML of `markdown` (valid UTF-8), the parts this path does not render given by `rest`; nil when the
    /// text is to be rendered whole by `rest` (or, without `rest`, when it holds anything this path does not render).
    static func html(_ markdown: UnsafeBufferPointer<UInt8>, rest: ((UnsafeBufferPointer<UInt8>) -> [UInt8])? = nil) -> [UInt8]? {
        guard let base = markdown.baseAddress else { return [] }
        var writer = Writer(base: base, count: markdown.count, rest: rest)
        return writer.run() ? writer.out : nil
    }

    /// The entity libcmark-gfm writes for `b` in text and in code (`&`, `<`, `>`, `"`); nil for any other byte.
    static func entity(_ b: UInt8) -> StaticString? {
        switch b {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        default: return nil
        }
    }

    /// What an inline byte asks for: 0 plain (copied), else looked at one by one. `chancery_next_inline_mark`
    /// finds the same bytes (`.` and `:` only where they matter); a test holds the two together.
    static let inlineClass: [UInt8] = (0..<256).map { c in
        switch UInt8(c) {
        case UInt8(ascii: "\\"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: ">"), UInt8(ascii: ":"), UInt8(ascii: "."): return 1
        case UInt8(ascii: "<"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "!"), UInt8(ascii: "~"), UInt8(ascii: "|"), UInt8(ascii: "@"), 0x00, 0x09, 0x0D, 0x0A: return 2
        default: return 0
        }
    }

    /// Whether a line starting with this byte is plain text that neither opens a block nor (after a paragraph's
    /// first line) could turn the paragraph into a setext heading or a table: letters, non-ASCII, and a few
    /// punctuation marks. Digits are looked at further (`1.` opens a list), a backslash by the inline rules.
    private static let plainStart: [Bool] = (0..<256).map { c in
        let b = UInt8(c)
        if b >= 0x80 { return true }
        if (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") { return true }
        return "(\"'.,;?/$%{}^\\)".utf8.contains(b)
    }

    private struct Writer {
        let base: UnsafePointer<UInt8>
        let count: Int
        let rest: ((UnsafeBufferPointer<UInt8>) -> [UInt8])?
        var out: [UInt8] = []
        /// Where the blocks that a part given to `rest` would start from begin: the first line after the last
        /// blank line that closed everything before it, and the length of `out` then.
        var chunkStart = 0, chunkOut = 0

        init(base: UnsafePointer<UInt8>, count: Int, rest: ((UnsafeBufferPointer<UInt8>) -> [UInt8])?) {
            self.base = base
            self.count = count
            self.rest = rest
            out.reserveCapacity(count + count / 8 + 64)
        }

        /// What is open after the line just read.
        enum Open { case nothing, paragraph, list, listThenBlank }

        mutating func run() -> Bool {
            if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { return false }   // a byte-order mark
            var open = Open.nothing
            // the paragraph's last line ended with a backslash: a hard break if another line follows
            var hardBreak = false
            var afterBlank = true
            var i = 0
            while i < count {
                let end = lineEnd(from: i)
                if end == i {
                    // a blank line ends a paragraph; a list waits to see whether the next line continues it
                    switch open {
                    case .paragraph:
                        if hardBreak {
                            // a backslash ending a paragraph is text, not a break
                            guard let resume = fallBack(at: i) else { return false }
                            (i, open, hardBreak, afterBlank) = (resume, .nothing, false, true)
                            continue
                        }
                        out.append(contentsOf: "</p>\n".utf8)
                        open = .nothing
                    case .list: open = .listThenBlank
                    case .nothing, .listThenBlank: break
                    }
                    afterBlank = true
                    i = end + 1
                    continue
                }
                if afterBlank {
                    if open == .listThenBlank, base[i] != UInt8(ascii: "-") {
                        out.append(contentsOf: "</ul>\n".utf8)
                        open = .nothing
                    }
                    if open == .nothing { chunkStart = i; chunkOut = out.count }
                    afterBlank = false
                }
                if let after = line(i, end, &open, &hardBreak) {
                    i = after
                    continue
                }
                guard let resume = fallBack(at: i) else { return false }
                (i, open, hardBreak, afterBlank) = (resume, .nothing, false, true)
            }
            switch open {
            case .paragraph:
                if hardBreak { return fallBack(at: count) != nil }
                out.append(contentsOf: "</p>\n".utf8)
            case .list, .listThenBlank: out.append(contentsOf: "</ul>\n".utf8)
            case .nothing: break
            }
            return true
        }

        /// Renders the line `i..<end` (not blank) given what is open; returns where the text goes on, or nil
        /// when it is not rendered here.
        mutating func line(_ i: Int, _ end: Int, _ open: inout Open, _ hardBreak: inout Bool) -> Int? {
            let first = base[i]
            if base[end - 1] == UInt8(ascii: " ") { return nil }
            switch open {
            case .paragraph:
                // a line that continues the paragraph (anything else could interrupt it or change what it is)
                guard startsPlainText(i, end) else { return nil }
                out.append(contentsOf: hardBreak ? "<br />\n".utf8 : "\n".utf8)
                guard let endsInBackslash = inline(i, end) else { return nil }
                hardBreak = endsInBackslash
                return end + 1
            case .list:
                // a lazy continuation line, or a block after the list, is not rendered here
                guard isListItem(i, end), inlineItem(i, end) else { return nil }
                return end + 1
            case .listThenBlank:
                return nil   // the list goes on, loose
            case .nothing:
                break
            }
            // a new block
            if first == UInt8(ascii: "#") {
                return heading(i, end) ? end + 1 : nil
            } else if first == UInt8(ascii: "`") {
                return codeBlock(i, end)
            } else if first == UInt8(ascii: "-") {
                guard isListItem(i, end) else { return nil }
                out.append(contentsOf: "<ul>\n".utf8)
                guard inlineItem(i, end) else { return nil }
                open = .list
                return end + 1
            } else if startsPlainText(i, end) {
                out.append(contentsOf: "<p>".utf8)
                guard let endsInBackslash = inline(i, end) else { return nil }
                hardBreak = endsInBackslash
                open = .paragraph
                return end + 1
            }
            return nil
        }

        /// Gives the blocks from `chunkStart` to the next place a block can start afresh after the line at `i`
        /// (which this path does not render) to `rest`, in place of what was written of them; returns where the
        /// text goes on, or nil when the part holds what could reach across the split.
        mutating func fallBack(at i: Int) -> Int? {
            guard let rest else { return nil }
            let end = chunkEnd(after: i)
            let start = base + chunkStart, length = end - chunkStart
            // a byte-order mark is dropped at the start of a text only; link definitions, footnotes, HTML blocks
            // and fences may reach beyond the part
            if chunkStart > 0, length >= 3, start[0] == 0xEF, start[1] == 0xBB, start[2] == 0xBF { return nil }
            if memchr(start, Int32(UInt8(ascii: "[")), length) != nil || memchr(start, Int32(UInt8(ascii: "<")), length) != nil
                || hasRun(of: UInt8(ascii: "`"), start, length) || hasRun(of: UInt8(ascii: "~"), start, length) { return nil }
            let part = UnsafeBufferPointer(start: start, count: length)
            out.removeSubrange(chunkOut...)
            out.append(contentsOf: rest(part))
            chunkStart = end
            chunkOut = out.count
            return end
        }

        /// The start of the first line after the line at `i` that follows a blank line and starts a block that
        /// nothing before it can hold (plain text, a heading, a fence), or the end of the text.
        func chunkEnd(after i: Int) -> Int {
            var line = i, blank = false
            while line < count {
                let end = lineEnd(from: line)
                if end == line {
                    blank = true
                } else {
                    if blank, line > i, startsPlainText(line, end) || base[line] == UInt8(ascii: "#") || base[line] == UInt8(ascii: "`") {
                        return line
                    }
                    blank = false
                }
                line = end + 1
            }
            return count
        }

        /// Whether three `byte`s in a row (a fence) are among the `length` bytes at `start`.
        func hasRun(of byte: UInt8, _ start: UnsafePointer<UInt8>, _ length: Int) -> Bool {
            var k = 0
            while k + 2 < length, let found = memchr(start + k, Int32(byte), length - k) {
                let at = start.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if at + 2 < length, start[at + 1] == byte, start[at + 2] == byte { return true }
                k = at + 1
            }
            return false
        }

        /// The index of the line feed ending the line that starts at `i` (or the end of the text).
        func lineEnd(from i: Int) -> Int {
            guard let found = memchr(base + i, 0x0A, count - i) else { return count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        /// Whether the line `i..<end` starts as plain text: a letter, a non-ASCII scalar, some punctuation, or
        /// digits not followed by `.` or `)` (a list).
        func startsPlainText(_ i: Int, _ end: Int) -> Bool {
            let first = base[i]
            if first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") {
                // `12.` or `3)` followed by a space or the line's end opens an ordered list (`12.5` does not)
                var j = i
                while j < end, base[j] >= UInt8(ascii: "0"), base[j] <= UInt8(ascii: "9") { j += 1 }
                guard j < end, base[j] == UInt8(ascii: ".") || base[j] == UInt8(ascii: ")") else { return true }
                return j + 1 < end && base[j + 1] != UInt8(ascii: " ") && base[j + 1] != 0x09
            }
            return PlainMarkdown.plainStart[Int(first)]
        }

        /// `- text`: one space, then text that opens no block of its own inside the item.
        func isListItem(_ i: Int, _ end: Int) -> Bool {
            end - i >= 3 && base[i] == UInt8(ascii: "-") && base[i + 1] == UInt8(ascii: " ") && startsPlainText(i + 2, end)
        }

        mutating func inlineItem(_ i: Int, _ end: Int) -> Bool {
            out.append(contentsOf: "<li>".utf8)
            guard let endsInBackslash = inline(i + 2, end), !endsInBackslash else { return false }
            out.append(contentsOf: "</li>\n".utf8)
            return true
        }

        /// `## Heading`: one to six `#`, one space, text that does not end in `#` (a closing sequence).
        mutating func heading(_ i: Int, _ end: Int) -> Bool {
            var j = i
            while j < end, base[j] == UInt8(ascii: "#") { j += 1 }
            let level = j - i
            guard level <= 6, j + 1 < end, base[j] == UInt8(ascii: " "), base[j + 1] != UInt8(ascii: " "),
                  base[end - 1] != UInt8(ascii: "#") else { return false }
            let tag = UInt8(ascii: "0") + UInt8(level)
            out.append(contentsOf: "<h".utf8); out.append(tag); out.append(UInt8(ascii: ">"))
            guard let endsInBackslash = inline(j + 1, end), !endsInBackslash else { return false }
            out.append(contentsOf: "</h".utf8); out.append(tag); out.append(contentsOf: ">\n".utf8)
            return true
        }

        /// A fence of three or more backticks with a one-word info string, lines kept verbatim (escaped), and
        /// the same fence alone on a line: returns where the text goes on after it.
        mutating func codeBlock(_ i: Int, _ end: Int) -> Int? {
            var j = i
            while j < end, base[j] == UInt8(ascii: "`") { j += 1 }
            let fence = j - i
            guard fence >= 3 else { return nil }
            let info = j
            while j < end, isWordByte(base[j]) { j += 1 }
            guard j == end else { return nil }
            if info == end {
                out.append(contentsOf: "<pre><code>".utf8)
            } else {
                out.append(contentsOf: "<pre><code class=\"language-".utf8)
                out.append(contentsOf: UnsafeBufferPointer(start: base + info, count: end - info))
                out.append(contentsOf: "\">".utf8)
            }
            var line = end + 1
            while line < count {
                let lineEnd = self.lineEnd(from: line)
                // a line that could close the fence: closes it when it is the fence alone, else is not rendered here
                var k = line
                while k < lineEnd, k - line < 3, base[k] == UInt8(ascii: " ") { k += 1 }
                var ticks = k
                while ticks < lineEnd, base[ticks] == UInt8(ascii: "`") { ticks += 1 }
                if ticks - k >= fence {
                    guard k == line, ticks - k == fence, ticks == lineEnd else { return nil }
                    out.append(contentsOf: "</code></pre>\n".utf8)
                    return lineEnd + 1
                }
                guard escapeVerbatim(line, lineEnd) else { return nil }
                out.append(0x0A)
                line = lineEnd + 1
            }
            return nil   // not closed
        }

        func isWordByte(_ b: UInt8) -> Bool {
            (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
        }

        /// A code line, HTML-escaped as libcmark-gfm escapes (`&`, `<`, `>`, `"`); false on a NUL or CR.
        mutating func escapeVerbatim(_ i: Int, _ end: Int) -> Bool {
            var j = i, copied = i
            while j < end {
                let b = base[j]
                if b == 0x00 || b == 0x0D { return false }
                guard let entity = PlainMarkdown.entity(b) else { j += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: j - copied))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                j += 1
                copied = j
            }
            out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: end - copied))
            return true
        }

        /// The inline text `i..<end` rendered; nil when it holds anything not rendered here. True when it ends
        /// in a backslash that escapes nothing (a hard break when another line of the paragraph follows; not
        /// written).
        mutating func inline(_ i: Int, _ end: Int) -> Bool? {
            let table = PlainMarkdown.inlineClass
            return table.withUnsafeBufferPointer { kind -> Bool? in
                var j = i, copied = i
                while true {
                    // plain text, to the next byte that asks for something (sixteen bytes at a time; a `.` or `:`
                    // only where it would make an autolink, the only thing it asks for)
                    j = chancery_next_inline_mark(base, i, j, end)
                    if j == end { break }
                    let b = base[j]
                    if kind[Int(b)] == 2 { return nil }
                    var replacement: StaticString? = nil
                    switch b {
                    case UInt8(ascii: "\\"):
                        if j + 1 == end {
                            out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: j - copied))
                            return true
                        }
                        let c = base[j + 1]
                        if isASCIIPunctuation(c) {
                            // the escaped byte as text
                            out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: j - copied))
                            if let entity = PlainMarkdown.entity(c) {
                                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                            } else {
                                out.append(c)
                            }
                            j += 2
                            copied = j
                            continue
                        }
                        j += 1   // a backslash before anything else is itself
                        continue
                    case UInt8(ascii: "&"):
                        // the four entities the escaping writes stand as they are; a bare `&` is escaped; any other
                        // entity (named, numeric) goes to libcmark-gfm
                        if let length = knownEntity(j, end) { j += length; continue }
                        if j + 1 < end, isWordByte(base[j + 1]) || base[j + 1] == UInt8(ascii: "#") { return nil }
                        replacement = PlainMarkdown.entity(b)
                    case UInt8(ascii: "\""), UInt8(ascii: ">"): replacement = PlainMarkdown.entity(b)
                    default:
                        // `:` before `/` (a URL's scheme) or `.` after `www`: an autolink (the scan stops at a `:`
                        // or `.` only there)
                        return nil
                    }
                    if let replacement {
                        out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: j - copied))
                        out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                        copied = j + 1
                    }
                    j += 1
                }
                out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: end - copied))
                return false
            }
        }

        /// The length of `&lt;`, `&gt;`, `&amp;` or `&quot;` at `j`, else nil.
        func knownEntity(_ j: Int, _ end: Int) -> Int? {
            func matches(_ s: StaticString) -> Bool {
                let n = s.utf8CodeUnitCount
                return end - j >= n && memcmp(base + j, s.utf8Start, n) == 0
            }
            if matches("&lt;") || matches("&gt;") { return 4 }
            if matches("&amp;") { return 5 }
            if matches("&quot;") { return 6 }
            return nil
        }

        func isASCIIPunctuation(_ c: UInt8) -> Bool {
            (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)
        }
    }
}
