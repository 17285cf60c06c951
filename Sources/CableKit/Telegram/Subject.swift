/// Cleans a SUBJECT value into the cable's title: one line, no leading classification marking
/// (`(C)`, `(S/NF)`), no trailing punctuation of the wrap.
enum Subject {
    static func clean(_ value: String) -> String? {
        var s = squeezeSpaces(value)
        // leading marking "(C) ", "(SBU) ", "(S/NF) "
        let bytes = ArraySlice(Array(s.utf8))
        if let (_, end) = Paragraphs.marking(bytes, at: bytes.startIndex) {
            s = String(decoding: bytes[end...], as: UTF8.self).trimming(" ")
        }
        s = s.trimming(" :;,")
        return s.isEmpty ? nil : s
    }
}

/// The signature line that closes a cable: `RICE`, `Chamberlin`, `MCDONALD`, upper-cased.
enum Signature {
    /// A signature run on at the end of the last paragraph, as WikiLeaks' text often has it: where the name starts,
    /// and the name; nil when the line does not end with one. The name is one to three words in capitals after a
    /// sentence (`… End Comment. BRUSH`, `… in both FATA and NWFP. VIA`); one name in mixed case after a sentence,
    /// a word `body` never writes in lower case and names twice at most besides (`… as warranted. McMullen`; not
    /// `… the reform. Things`, nor `… results. Netanyahu` in a cable about him); or one or two words in capitals
    /// after what is no prose, in a text of mixed case: a number, a rule of asterisks, a web address (`… spoiled:
    /// 14 EIKENBERRY`, `**** CUNNINGHAM`, `…Portal:Unit ed_Kingdom LEBARON`; not `… SEE PARA 5 ABOVE` in capitals).
    /// A name in mixed case after a paragraph number (`¶3. Koenig`) is one too, on the same terms as after a sentence.
    static func runOn(_ line: ArraySlice<UInt8>, in body: [ArraySlice<UInt8>] = []) -> (start: Int, name: String)? {
        let t = line.trimmed
        guard !t.isEmpty else { return nil }
        // the words after the last space, walking back from the end of the line
        var i = t.endIndex
        var words = 0
        while i > t.startIndex {
            var k = i
            while k > t.startIndex, t[k - 1] != ASCII.space { k -= 1 }
            let word = t[k..<i]
            let capitals = isCapitalsWord(word)
            guard capitals || words == 0 && isMixedCaseName(word) else { return nil }
            words += 1
            var before = k
            while before > t.startIndex, t[before - 1] == ASCII.space { before -= 1 }
            guard before > t.startIndex, words <= 3 else { return nil }
            let prose = t[t.startIndex..<before]
            let name: () -> String? = { t.endIndex - k <= 32 ? find(in: [t[k...]]) : nil }
            // after a sentence, or a name in mixed case after a paragraph number; a name in mixed case must be
            // no word of the text
            if endsSentence(prose) || !capitals && endsWithParagraphNumber(prose) {
                guard let found = name(), capitals || isNameOnlyHere(word, in: body) else { return nil }
                return (k, found)
            }
            guard capitals else { return nil }
            if words <= 2, endsWithNonProse(prose) || endsAbbreviationAfterProse(prose), isMixedCase(body.isEmpty ? [t] : body),
               t[k..<t.endIndex].filter(ASCII.isLetter).count >= 4,
               t[k..<t.endIndex].allSatisfy({ ASCII.isUpper($0) || $0 == ASCII.space || $0 == UInt8(ascii: "'") }) {
                guard let found = name() else { return nil }
                return (k, found)
            }
            i = before
        }
        return nil
    }

    /// Text whose last word is a paragraph number, `3.` or `¶3.`: what a wrap leaves when it puts the number a
    /// sentence ends with at a line's start (`… posed in paragraph` | `¶3. Koenig`), or a paragraph that holds
    /// only the signature.
    private static func endsWithParagraphNumber(_ t: ArraySlice<UInt8>) -> Bool {
        var word = lastWord(t)
        if word.starts(with: [0xC2, 0xB6]) { word = word.dropFirst(2) }   // ¶
        guard word.last == ASCII.period else { return false }
        let digits = word.dropLast()
        return (1...3).contains(digits.count) && digits.allSatisfy(ASCII.isDigit)
    }

    /// `BRUSH`, `TIMKEN`, `O'BRIEN`, `JR.`: capitals (and `-`, `'`, `.`), opening with a capital.
    private static func isCapitalsWord(_ word: ArraySlice<UInt8>) -> Bool {
        guard let first = word.first, ASCII.isUpper(first) else { return false }
        return word.allSatisfy { ASCII.isUpper($0) || $0 == ASCII.hyphen || $0 == UInt8(ascii: "'") || $0 == ASCII.period }
    }

    /// `Randt`, `McMullen`, `O'Neill`: a capital, then letters (some in lower case), three or more in all.
    private static func isMixedCaseName(_ word: ArraySlice<UInt8>) -> Bool {
        guard word.count >= 3, let first = word.first, ASCII.isUpper(first), word.contains(where: ASCII.isLower) else { return false }
        return word.allSatisfy { ASCII.isLetter($0) || $0 == UInt8(ascii: "'") || $0 == ASCII.hyphen }
    }

    /// `word` is never written in lower case in `body` (`things`, `although`: an ordinary word opening a sentence),
    /// and written as it is at most three times, the signature included (the person a cable is about is named
    /// throughout it).
    private static func isNameOnlyHere(_ word: ArraySlice<UInt8>, in body: [ArraySlice<UInt8>]) -> Bool {
        let lower = word.map(ASCII.lower)
        var named = 0
        for line in body {
            for token in line.split(whereSeparator: { !ASCII.isLetter($0) && $0 != UInt8(ascii: "'") && $0 != ASCII.hyphen }) {
                if token.elementsEqual(lower) { return false }
                if token.elementsEqual(word) { named += 1 }
            }
        }
        return named <= 3
    }

    /// More letters in lower case than in capitals: a text where a word in capitals stands out.
    private static func isMixedCase(_ lines: [ArraySlice<UInt8>]) -> Bool {
        var lower = 0, upper = 0
        for line in lines {
            for b in line where ASCII.isLetter(b) {
                if ASCII.isLower(b) { lower += 1 } else { upper += 1 }
            }
        }
        return lower > upper
    }

    /// Text that ends with an abbreviation's stop after a word in lower case (`… resettled in the U.S.`, `… NEA,
    /// and T.`): in a text of mixed case, a name in capitals after it starts anew (an initial after a name in
    /// capitals, `WILLIAM J.`, is part of the name).
    private static func endsAbbreviationAfterProse(_ t: ArraySlice<UInt8>) -> Bool {
        guard t.last == ASCII.period else { return false }
        let words = t.split(separator: ASCII.space)
        guard words.count >= 2 else { return false }
        return words[words.count - 2].contains(where: ASCII.isLower)
    }

    /// Text whose last word is no prose a name in capitals could continue: a number or a rule (no letters,
    /// `14`, `*****`), or a web address (`/`, `_`, `:`, `@` or `=` in it).
    private static func endsWithNonProse(_ t: ArraySlice<UInt8>) -> Bool {
        let word = lastWord(t)
        guard !word.isEmpty else { return false }
        return !word.contains(where: ASCII.isLetter) || word.contains(where: { "/_:@=".utf8.contains($0) })
    }

    /// The text after the last space.
    private static func lastWord(_ t: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var k = t.endIndex
        while k > t.startIndex, t[k - 1] != ASCII.space { k -= 1 }
        return t[k..<t.endIndex]
    }

    /// A word or words that close a telegram or mark it, not a name: `END`, `NNNN`, `BT`, `SUMMARY`, a
    /// classification or caveat (`SECRET`, `NOFORN`), `END TEXT`.
    private static func isMarkNotName(_ upper: String) -> Bool {
        ["END", "NNNN", "BT", "SUMMARY", "COMMENT"].contains(upper) || Classification(label: upper) != nil
            || Caveats.known.contains(upper) || upper.hasPrefix("END ")
    }

    /// Text that ends a sentence: a stop (and perhaps a closing quote or parenthesis) after a word that is not an
    /// initial or a short abbreviation in capitals (`F.`, `ST.`, `U.S.`).
    private static func endsSentence(_ t: ArraySlice<UInt8>) -> Bool {
        var end = t.endIndex
        while end > t.startIndex, t[end - 1] == UInt8(ascii: "\"") || t[end - 1] == UInt8(ascii: "'") || t[end - 1] == ASCII.closeParen
            || t[end - 1] == 0x9D && end - 3 >= t.startIndex && t[end - 3] == 0xE2 { end -= t[end - 1] == 0x9D ? 3 : 1 }  // ” too
        guard end > t.startIndex, ".!?".utf8.contains(t[end - 1]) else { return false }
        var k = end - 1
        while k > t.startIndex, t[k - 1] != ASCII.space { k -= 1 }
        let word = t[k..<(end - 1)]
        return word.contains(where: ASCII.isLower) || word.filter(ASCII.isLetter).count > 3
    }

    /// The signature on the last line of `body`: one to three words opening with capitals (`RICE`, `Chamberlin`,
    /// `TIMKEN JR`), a stray stop or mark after them dropped (`MURRAY .`); or one word in lower case (`clinton`,
    /// `tuttle`) right after what no sentence runs on from: a rule of asterisks, a web address, a sign-off (`Jeff`).
    static func find(in body: [ArraySlice<UInt8>]) -> String? {
        guard let last = body.lastIndex(where: { !$0.isBlank }) else { return nil }
        var t = body[last].trimmed
        // a stray stop or mark after the name
        while let space = t.lastIndex(of: ASCII.space), t[(space + 1)...].allSatisfy({ ".#,;*".utf8.contains($0) }) { t = t[..<space].trimmed }
        if let word = lowerCaseSignature(t, after: body[..<last]) { return word }
        return name(t)
    }

    /// One word in lower case alone on the last line, which the line before cannot run into.
    private static func lowerCaseSignature(_ t: ArraySlice<UInt8>, after before: ArraySlice<ArraySlice<UInt8>>) -> String? {
        guard (3...20).contains(t.count), t.allSatisfy(ASCII.isLower) else { return nil }
        guard let previous = before.last?.trimmed else { return nil }
        let upper = t.string.uppercased()
        if isMarkNotName(upper) { return nil }
        // a rule (`***** *****`), a web address, a sign-off in mixed case (`Jeff`)
        if !previous.isEmpty, !previous.contains(where: ASCII.isAlnum) { return upper }
        if previous.firstRange(of: "://".utf8) != nil || previous.firstRange(of: "www.".utf8) != nil { return upper }
        if isSignOff(previous) { return upper }
        return nil
    }

    /// A sign-off before the signature, a first name alone on its line (`Jeff`): it stays with the signature
    /// (alone, it would read as a heading).
    static func isSignOff(_ line: ArraySlice<UInt8>) -> Bool {
        let t = line.trimmed
        guard (2...20).contains(t.count), let f = t.first, ASCII.isUpper(f) else { return false }
        return t.dropFirst().allSatisfy(ASCII.isLower)
    }

    /// One to three words opening with capitals, upper-cased (a name written twice, `SHANNON Shannon`, once); nil
    /// for anything else.
    private static func name(_ t: ArraySlice<UInt8>) -> String? {
        guard t.count <= 32, let first = t.first, ASCII.isUpper(first) else { return nil }
        var words = 1
        for (k, b) in t.enumerated() {
            if b == ASCII.space {
                words += 1
                guard k + 1 < t.count, ASCII.isUpper(t[t.startIndex + k + 1]) else { return nil }
            } else if !(ASCII.isLetter(b) || b == ASCII.hyphen || b == UInt8(ascii: "'") || b == ASCII.period) {
                return nil
            }
        }
        guard words <= 3 else { return nil }
        var upper = t.string.uppercased().trimming(".")
        // the name written twice, in capitals and as typed (`SHANNON Shannon`), is one name
        let parts = upper.split(separator: " ")
        if parts.count == 2, parts[0] == parts[1] { upper = String(parts[0]) }
        return isMarkNotName(upper) ? nil : upper
    }
}

/// The cable's own summary: the paragraph that opens with `Summary:` (up to `End summary`), or the text
/// under a `Summary` heading; near the top of the cable only.
enum SummaryFinder {
    static func find(in lines: [ArraySlice<UInt8>], blocks: [BodyWriter.Block]) -> String? {
        var seen = 0
        for (k, block) in blocks.enumerated() {
            let text = ArraySlice(BodyWriter.reflow(lines[block.range]))
            seen += text.count
            if seen > 4000 { return nil }
            guard let at = text.firstWord(caseInsensitive: "SUMMARY") else { continue }
            // "SUMMARY" as the first word, after a paragraph number and marking
            var lead = text[text.startIndex..<at]
            if let p = Paragraphs.start(lead + [ASCII.space]) { lead = lead[min(p.textStart, lead.endIndex)...] }
            lead = lead.trimmed
            if let (_, end) = Paragraphs.marking(lead, at: lead.startIndex) { lead = lead[end...].trimmed }
            if lead.elementsEqual("BEGIN".utf8) || lead.elementsEqual("Begin".utf8) { lead = lead[lead.endIndex...] }
            guard lead.isEmpty else { continue }
            let afterWord = text[(at + 7)...]
            var summary: [UInt8]
            if block.kind == .heading || text.count < 60 && !text.contains(ASCII.colon) {
                // the text under a heading, up to "End summary" or the next heading
                var parts: [UInt8] = []
                var count = 0
                for next in blocks[(k + 1)...] {
                    if next.kind == .heading { break }
                    let t = ArraySlice(BodyWriter.reflow(lines[next.range]))
                    if t.firstWord(caseInsensitive: "END SUMMARY") != nil, t.count < 60 { break }
                    if !parts.isEmpty { parts.append(ASCII.space) }
                    parts += stripNumbering(t)
                    count += 1
                    if count >= 3 { break }
                }
                summary = parts
            } else {
                summary = Array(labelTail(afterWord).drop(while: { $0 == ASCII.colon || $0 == ASCII.period || $0 == ASCII.space || $0 == ASCII.hyphen }))
            }
            let s = ArraySlice(summary)
            if let end = s.firstWord(caseInsensitive: "END SUMMARY") { summary = Array(s[..<end]) }
            let result = endingAsWritten(stripNumbering(ArraySlice(summary))).string
            return result.utf8.count >= 40 ? result : nil
        }
        return nil
    }

    /// What follows a label that goes on after "Summary" (`Summary and Comment:`, `SUMMARY AND ACTION REQUEST.`,
    /// `Summary and Key Points --`, `SUMMARY & COMMENT:`): the text after the label's colon, stop or dash, when
    /// `and` (or `&`) and at most four more words come before it; else `text` as it is.
    static func labelTail(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let t = text.drop(while: { $0 == ASCII.space })
        let and = t.prefix(4).map(ASCII.lower).elementsEqual("and ".utf8) ? 4 : t.prefix(2).elementsEqual("& ".utf8) ? 2 : 0
        guard and > 0, t.count > and else { return text }
        var words = 2  // `and`, and the word at `i`
        var i = t.startIndex + and
        while i < t.endIndex, i - t.startIndex < 60 {
            let b = t[i]
            let next = i + 1 < t.endIndex ? t[i + 1] : ASCII.space
            if b == ASCII.colon || b == ASCII.period || b == ASCII.hyphen && (next == ASCII.hyphen || t[i - 1] == ASCII.space && next == ASCII.space) {
                return i > t.startIndex + and ? t[(i + 1)...] : text
            }
            if b == ASCII.space {
                if t[i - 1] != ASCII.space { words += 1 }
                if words > 5 { return text }
            } else if !(ASCII.isLetter(b) || b == ASCII.hyphen || b == UInt8(ascii: "/")) {
                return text
            }
            i += 1
        }
        return text
    }

    /// The summary without what opened or closed its marker — stops, dashes and spaces before it, the `(` of
    /// `(End Summary)`, an `End` a line break parted from its `Summary` (`… spare parts. End` | `Summary and Action
    /// Request.`) — and ending as its last sentence does: `… lasted the full day.  End Summary.` keeps its stop.
    static func endingAsWritten(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var t = text.drop { $0 == ASCII.space || $0 == ASCII.period || $0 == ASCII.hyphen }
        func dropMarkerRemains() {
            while let last = t.last, last == ASCII.space || last == ASCII.hyphen || last == ASCII.openParen || last == UInt8(ascii: "[") { t = t.dropLast() }
        }
        dropMarkerRemains()
        // `End` alone after a sentence: the marker's first word, its `Summary` on the next line
        if t.count > 4, t.suffix(4).map(ASCII.upper).elementsEqual(" END".utf8) {
            let before = t.dropLast(4)
            if [".", "!", "?", "\"", "'", ")", "”"].contains(where: { before.reversed().starts(with: $0.utf8.reversed()) }) { t = before; dropMarkerRemains() }
        }
        return t
    }

    private static func stripNumbering(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var bytes = text
        if let p = Paragraphs.start(bytes) { bytes = bytes[p.textStart...] }
        if let (_, end) = Paragraphs.marking(bytes, at: bytes.startIndex) { bytes = bytes[end...] }
        return bytes.trimmed
    }
}
