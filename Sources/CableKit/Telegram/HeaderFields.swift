/// The labelled fields between a telegram's classification line and its first paragraph — `E.O.`, `TAGS`,
/// `SUBJECT`, `REF`, `Classified By` — whether each stands on its own line, wraps over several, or several
/// share one line (`E.O. 12958: DECL 9/23/11 TAGS: PREL, PTER SUBJECT: …`). Also notes caveat lines
/// (`NOFORN`, `SIPDIS`, `SENSITIVE`) and where the body begins.
struct HeaderFields {
    enum Field: Int, Comparable {
        case eo, tags, subject, reference, classifiedBy
        static func < (a: Field, b: Field) -> Bool { a.rawValue < b.rawValue }
    }

    var values: [Field: String] = [:]
    var lines: [Field: Int] = [:]
    var caveats: Set<String> = []
    var sensitive = false
    /// First line of the body.
    var bodyStart: Int

    /// A line's text as the header scanner sees it: trimmed, with a printout page header removed.
    typealias LineContent = (Int) -> ArraySlice<UInt8>?

    static func scan(_ lines: SourceLines, from start: Int, content: LineContent, glossary: TagGlossary = .standard) -> HeaderFields {
        var header = HeaderFields(bodyStart: start)
        var current: Field?
        var lastLength = 0
        var lineCount = 0
        var i = start
        var sawField = false
        let limit = min(lines.count, start + 80)
        var lastConsumed = start - 1

        func append(_ field: Field, _ text: ArraySlice<UInt8>, line: Int) {
            let s = text.trimmed.string
            if let old = header.values[field] { header.values[field] = old + "\n" + s } else {
                header.values[field] = s; header.lines[field] = line
            }
            current = field
            lastLength = text.count
            sawField = true
            lastConsumed = line
        }

        /// Reads a line that starts with a keyword, with any further inline keywords.
        func readFields(_ t: ArraySlice<UInt8>, line: Int, first: (Field, Int)) {
            var (field, valueStart) = first
            var from = valueStart
            while true {
                if let (next, nextKeyword, nextValue) = inlineKeyword(t, from: from, after: field) {
                    append(field, t[valueStart..<nextKeyword], line: line)
                    lineCount = 1
                    field = next; valueStart = nextValue; from = nextValue
                } else {
                    append(field, t[valueStart...], line: line)
                    lineCount = 1
                    break
                }
            }
            lastLength = t.count
        }

        // Where the first labelled field and the subject are: lines before them (caveats, routing notes,
        // "Captions:" of printout forms) are skipped, not mistaken for the body.
        var firstFieldLine: Int?
        var subjectLine: Int?
        for j in start..<min(limit, start + 60) {
            guard let t = content(j), let (field, _) = keywordAtStart(t) else { continue }
            if firstFieldLine == nil, field != .classifiedBy { firstFieldLine = j }
            if field == .subject { subjectLine = j; break }
            if inlineKeyword(t, from: t.startIndex, after: field).map({ $0.0 == .subject }) == true { subjectLine = j; break }
        }

        while i < limit {
            guard let t = content(i) else { i += 1; continue }  // furniture
            if t.isEmpty {
                // a blank line between lettered references (`A. …` | `` | `B. …`); not after a REF line that letters
                // none, where `(U) THIS CABLE IS …` opens the text
                if current == .reference, let next = nextNonBlank(after: i, limit: limit, content: content), startsEnumeratedReference(next.1),
                   continuesLetters(header.values[.reference], with: next.1) {
                    i += 1; continue
                }
                // a label alone on its line, its value after a blank line (OCR spaces lines apart)
                if current == .subject, header.values[.subject]?.isEmpty == true,
                   let next = nextNonBlank(after: i, limit: limit, content: content), next.0 - i <= 2, keywordAtStart(next.1) == nil,
                   !Paragraphs.startsNumberedParagraph(next.1), next.1.prefix(while: { $0 != ASCII.space }).isUpperCaseText {
                    i += 1; continue
                }
                current = nil
                i += 1; continue
            }
            if let keyword = keywordAtStart(t) {
                readFields(t, line: i, first: keyword)
                i += 1; continue
            }
            if let field = current, accepts(field, t, header: header, lineCount: lineCount, lastLength: lastLength, glossary: glossary) {
                // a continuation may itself carry a later inline field ("… AMBASSADOR SOBEL REF: …")
                if let (next, nextKeyword, nextValue) = inlineKeyword(t, from: t.startIndex, after: field), nextKeyword > t.startIndex {
                    append(field, t[t.startIndex..<nextKeyword], line: i)
                    readFields(t, line: i, first: (next, nextValue))
                } else {
                    append(field, t, line: i)
                    lineCount += 1
                    lastLength = t.count
                }
                i += 1; continue
            }
            // a line between a field and the next field's keyword (a blank line between them or not) belongs to
            // the first: the tail of a wrapped line ("…IN ADVANCE OF" | "MEDVEDEV" | "VISIT" | "REF: …"), however short
            if let field = current, field != .eo, !Paragraphs.startsNumberedParagraph(t),
               let next = nextLine(after: i, limit: limit, content: content), let (nextField, _) = keywordAtStart(next),
               nextField > field, !isCaveatLine(t) {
                append(field, t, line: i)
                lineCount += 1
                i += 1; continue
            }
            current = nil
            // before the first field, and between fields before the subject: caveat lines and notes — one of
            // which may carry the E.O. line run onto it ("DEPT FOR WHA/BSC E.O. 12958: DECL: 11/22/2012")
            if i < (subjectLine ?? firstFieldLine ?? start) {
                if header.values[.eo] == nil, let (field, _, value) = inlineKeyword(t, from: t.startIndex, after: nil), field == .eo {
                    readFields(t, line: i, first: (.eo, value))
                } else if noteCaveats(t, into: &header) {
                    lastConsumed = i
                }
                i += 1; continue
            }
            if firstFieldLine == nil, noteCaveats(t, into: &header) { lastConsumed = i; i += 1; continue }
            break
        }
        if sawField {
            header.bodyStart = i < limit ? i : lastConsumed + 1
        } else {
            // No labelled fields: the body starts after the caveat lines under the classification line.
            var j = start
            while j < lines.count {
                guard let t = content(j) else { j += 1; continue }
                if t.isEmpty || noteCaveats(t, into: &header) { j += 1; continue }
                break
            }
            header.bodyStart = j
        }
        return header
    }

    private static func nextNonBlank(after i: Int, limit: Int, content: LineContent) -> (Int, ArraySlice<UInt8>)? {
        var j = i + 1
        while j < limit {
            if let t = content(j), !t.isEmpty { return (j, t) }
            j += 1
        }
        return nil
    }

    /// A caveat line such as `NOFORN`, `SIPDIS`, `NODIS EAGLE DECAPTIONED`, `SENSITIVE`, `SIPDIS, DEA HQ FOR HARRIGAN`;
    /// records its caveats and returns true when the line is one.
    @discardableResult
    static func noteCaveats(_ t: ArraySlice<UInt8>, into header: inout HeaderFields) -> Bool {
        // the first word decides; most lines are rejected here without splitting them
        let first = t.prefix(while: { ASCII.isLetter($0) })
        if first.count == 3, t.hasPrefix(caseInsensitive: "FOR OFFICIAL USE ONLY") { header.sensitive = true; return true }
        guard (5...12).contains(first.count) else { return false }
        let head = first.map(ASCII.upper)
        let firstWord = String(decoding: head, as: UTF8.self)
        if Caveats.known.contains(firstWord) || firstWord == "SENSITIVE" {
            let words = t.split(whereSeparator: { $0 == ASCII.space || $0 == ASCII.comma || $0 == ASCII.slash }).map { $0.string.uppercased() }
            for w in words where Caveats.known.contains(w) { header.caveats.insert(w) }
            if words.prefix(3).contains("SENSITIVE") { header.sensitive = true }
            return true
        }
        return false
    }

    /// The line after `i` that is not furniture, or the one after it when it is blank; nil at `limit`.
    private static func nextLine(after i: Int, limit: Int, content: LineContent) -> ArraySlice<UInt8>? {
        var j = i + 1
        var blanks = 0
        while j < limit {
            guard let t = content(j) else { j += 1; continue }
            if t.isEmpty, blanks == 0 { blanks += 1; j += 1; continue }
            return t
        }
        return nil
    }

    /// `noteCaveats` without noting anything.
    private static func isCaveatLine(_ t: ArraySlice<UInt8>) -> Bool {
        var scratch = HeaderFields(bodyStart: 0)
        return noteCaveats(t, into: &scratch)
    }

    // MARK: keywords

    /// A field keyword at the start of the line; returns the field and where its value starts.
    static func keywordAtStart(_ t: ArraySlice<UInt8>) -> (Field, Int)? {
        keyword(t, at: t.startIndex, inline: false)
    }

    /// The next keyword after `from` that introduces a field later than `field` (any field when nil).
    static func inlineKeyword(_ t: ArraySlice<UInt8>, from: Int, after field: Field?) -> (Field, Int, Int)? {
        var i = from
        while i < t.endIndex {
            if i > t.startIndex, !ASCII.isAlnum(t[i - 1]), let (f, value) = keyword(t, at: i, inline: true),
               field.map({ f > $0 || f == .classifiedBy && $0 != .classifiedBy }) ?? true {
                return (f, i, value)
            }
            i += 1
        }
        return nil
    }

    private static func keyword(_ t: ArraySlice<UInt8>, at i: Int, inline: Bool) -> (Field, Int)? {
        let s = t[i...]
        func after(_ n: Int) -> Int {
            var k = i + n
            while k < t.endIndex, t[k] == ASCII.space || t[k] == ASCII.colon || t[k] == ASCII.semicolon { k += 1 }
            return k
        }
        func followedBySeparator(_ n: Int, colonRequired: Bool = false) -> Bool {
            let k = i + n
            guard k < t.endIndex else { return !colonRequired }
            if t[k] == ASCII.colon || t[k] == ASCII.semicolon { return true }
            return !colonRequired && t[k] == ASCII.space
        }
        let first = ASCII.upper(s.first ?? 0)
        switch first {
        case UInt8(ascii: "E"):
            for form in ["E.O.", "E. O.", "E.O", "EO 1", "E.0.", "E.O 1"] where s.count >= form.utf8.count {
                if s.prefix(form.utf8.count).map(ASCII.upper).elementsEqual(form.utf8) {
                    return (.eo, after(form.hasSuffix(" 1") ? form.utf8.count - 1 : form.utf8.count))
                }
            }
        case UInt8(ascii: "D"):
            if !inline, s.hasPrefix(caseInsensitive: "DECL"), followedBySeparator(4) { return (.eo, i) }
        case UInt8(ascii: "T"):
            if s.hasPrefix(caseInsensitive: "TAGS"), followedBySeparator(4) { return (.tags, after(4)) }
            if !inline, s.hasPrefix(caseInsensitive: "TAG "), s.count > 6 { return (.tags, after(3)) }
            if !inline, s.hasPrefix(caseInsensitive: "TAG:") { return (.tags, after(4)) }
        case UInt8(ascii: "A"):
            if !inline, s.hasPrefix(caseInsensitive: "AGS:") { return (.tags, after(4)) }
            if inline, s.hasPrefix(caseInsensitive: "AGS:"), i > t.startIndex { return (.tags, after(4)) }
        case UInt8(ascii: "S"):
            if s.hasPrefix(caseInsensitive: "SUBJECT"), followedBySeparator(7, colonRequired: inline) { return (.subject, after(7)) }
            if s.hasPrefix(caseInsensitive: "SUBJ"), followedBySeparator(4, colonRequired: inline) { return (.subject, after(4)) }
        case UInt8(ascii: "U"):
            if !inline, s.hasPrefix(caseInsensitive: "UBJECT:") { return (.subject, after(7)) }
        case UInt8(ascii: "R"):
            guard s.hasPrefix(caseInsensitive: "REF") else { break }
            for form in ["REFTELS", "REFTEL", "REFERENCES", "REFERENCE", "REF(S)", "REFS", "REF"] {
                let n = form.utf8.count
                guard s.count >= n, s.prefix(n).map(ASCII.upper).elementsEqual(form.utf8) else { continue }
                guard followedBySeparator(n, colonRequired: inline) else { return nil }
                if !inline, n == 3, i + 3 < t.endIndex, t[i + 3] == ASCII.space {
                    // "REF A. …", "REF STATE 1234": a REF line without colon; not "REF TO …" prose
                    let next = t[(i + 4)...].prefix(while: { $0 != ASCII.space })
                    if next.contains(where: ASCII.isLower) { return nil }
                }
                return (.reference, after(n))
            }
        case UInt8(ascii: "C"):
            if s.hasPrefix(caseInsensitive: "CLASSIFIED BY") { return (.classifiedBy, after(13)) }
            if s.hasPrefix(caseInsensitive: "CLASSFIED BY") { return (.classifiedBy, after(12)) }
        case UInt8(ascii: "(") where !inline:
            // "(U) CLASSIFIED BY AMBASSADOR CHAMBERLIN; REASONS 1.5 (B) AND (D)"
            if let close = s.firstIndex(of: ASCII.closeParen), close - i <= 8 {
                var k = close + 1
                while k < t.endIndex, t[k] == ASCII.space { k += 1 }
                if t[k...].hasPrefix(caseInsensitive: "CLASSIFIED BY") { return (.classifiedBy, after(k - i + 13)) }
            }
        default: break
        }
        return nil
    }

    // MARK: continuation lines

    private static func accepts(_ field: Field, _ t: ArraySlice<UInt8>, header: HeaderFields, lineCount: Int, lastLength: Int, glossary: TagGlossary) -> Bool {
        if Paragraphs.startsNumberedParagraph(t) { return false }
        switch field {
        case .eo:
            return false
        case .tags:
            guard lineCount < 4 else { return false }
            if let prev = header.values[.tags], prev.hasSuffix(",") || prev.hasSuffix(";") { return true }
            let words = t.split(whereSeparator: { $0 == ASCII.space || $0 == ASCII.comma || $0 == ASCII.semicolon })
            return !words.isEmpty && words.allSatisfy { w in
                let s = w.string.uppercased()
                return glossary.isKnown(s) || TagsLine.splitGlued(s, glossary: glossary) != nil
            }
        case .subject:
            guard lineCount < 5 else { return false }
            let previous = header.values[.subject] ?? ""
            // a label alone on its line: the value is the next line
            if previous.isEmpty { return !isCaveatLine(t) }
            if t.first == ASCII.openParen, t.count < 12 { return false }
            let previousUpper = ArraySlice(previous.utf8).isUpperCaseText
            if previousUpper, t.contains(where: ASCII.isLower) { return false }
            let wrapped = lastLength >= 38 || previous.hasSuffix(",") || previous.hasSuffix("-") || previous.hasSuffix(":")
                || ["AND", "OF", "THE", "TO", "IN", "FOR", "ON", "WITH", "A", "AN"].contains(previous.split(separator: " ").last.map { $0.uppercased() } ?? "")
            if !previousUpper, let f = t.first, ASCII.isLower(f) { return true }
            return wrapped
        case .reference:
            guard lineCount < 30 else { return false }
            return startsEnumeratedReference(t) || looksLikeReference(t)
        case .classifiedBy:
            guard lineCount < 4 else { return false }
            let s = t.string.lowercased()
            let previous = (header.values[.classifiedBy] ?? "").lowercased()
            if previous.contains("1.4") || previous.contains("1.5") || previous.contains("1.6") {
                // the rest of the reasons: "(d)", "and (d)", "& (d) ."
                return s.first.map { $0 == "(" || $0 == "&" || $0.isLowercase || $0 == "d" } ?? false && s.count < 20
            }
            return true
        }
    }

    /// `B. STATE 127608`, `B) …`, `(B) …`, `¶B. …`.
    /// A lettered line after a blank line goes on with the REF value so far when its letter is the next one
    /// (`A. STATE 1234` | `` | `B. …`; `A` after a label alone); a marking is no letter (`REF: 2009 BRASILIA 1381`
    /// | `` | `(U) THIS CABLE IS …`: the text).
    static func continuesLetters(_ value: String?, with next: ArraySlice<UInt8>) -> Bool {
        var s = next
        if s.starts(with: "¶".utf8) { s = s.dropFirst(2) }
        if s.first == ASCII.openParen { s = s.dropFirst() }
        guard let first = s.first, ASCII.isLetter(first) else { return false }
        let letter = first & ~0x20    // upper case
        guard let value, let line = ReferenceLine.asWritten(value) else { return letter == UInt8(ascii: "A") }
        guard let last = ReferenceLine.cited(line, year: nil, ownID: nil).last?.letter?.utf8.first else { return false }
        return letter == (last & ~0x20) + 1
    }

    static func startsEnumeratedReference(_ t: ArraySlice<UInt8>) -> Bool {
        var s = t
        if s.starts(with: "¶".utf8) { s = s.dropFirst(2) }
        if s.first == ASCII.openParen { s = s.dropFirst() }
        guard let first = s.first, ASCII.isLetter(first), s.count >= 2 else { return false }
        let second = s[s.startIndex + 1]
        return second == ASCII.period || second == ASCII.closeParen
    }

    /// A line that names a post and a number, as a wrapped REF line does (`5361, (E) STATE 148514`).
    static func looksLikeReference(_ t: ArraySlice<UInt8>) -> Bool {
        guard t.count < 90, !t.contains(where: ASCII.isLower) || t.count < 40 else { return false }
        let words = t.split(separator: ASCII.space)
        // a line of capitals holds as many citations as fit ("LONDON 266  E. 08 LONDON 2882  F. 08 LONDON")
        let most = t.contains(where: ASCII.isLower) ? 12 : 20
        return words.contains(where: { $0.allSatisfy(ASCII.isDigit) }) && words.count <= most
    }
}
