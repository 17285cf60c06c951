/// Header lines of an OCR'd telegram put back into the shape the telegram parser reads, where the reading is
/// forced: a classification line spaced or punctuated by OCR (`SE CRE T MADRID 1429`, `LIMITED OFFICIAL USE.
/// STATE [81198` → `LIMITED OFFICIAL USE STATE 181198`), a date-time group with letters for digits (`R O11752Z
/// MAR 78` → `R 011752Z MAR 78`), a SUBJECT label with OCR's punctuation (`SUBJECT + WELFARE`, `SUBJECT.`,
/// `subject.`, `SUBdECT:..`, `5UBJECT:`), specks before it (`(SUBJECT:`) or junk before its value (`SUBJECT: ~ ACTING`).
enum OCRHeaderLine {
    /// The line normalised, or nil when it needs nothing.
    static func normalise(_ t: ArraySlice<UInt8>) -> String? {
        classificationLine(t) ?? subjectLine(t) ?? dateTimeGroup(t)
    }

    // MARK: classification line

    static let classifications: [(letters: String, written: String)] = [
        ("TOPSECRET", "TOP SECRET"), ("SECRET", "SECRET"), ("CONFIDENTIAL", "CONFIDENTIAL"),
        ("UNCLASSIFIED", "UNCLASSIFIED"), ("UNCLAS", "UNCLAS"), ("LIMITEDOFFICIALUSE", "LIMITED OFFICIAL USE"),
    ]

    /// `SE CRE T MADRID 1429 “ a` → `SECRET MADRID 1429 “ a`; `LIMITED OFFICIAL USE. STATE [81198` →
    /// `LIMITED OFFICIAL USE STATE 181198`. Needs the post and a serial after the classification.
    static func classificationLine(_ t: ArraySlice<UInt8>) -> String? {
        if let c = ClassificationLine.parse(t), c.serial != nil { return nil }
        var tokens = t.split(separator: ASCII.space)
        while let first = tokens.first, !first.contains(where: ASCII.isLetter) { tokens.removeFirst() }
        // the classification's letters, however OCR spaced them
        var letters: [UInt8] = []
        var consumed = 0
        var written: String?
        for (k, token) in tokens.prefix(6).enumerated() {
            letters += token.filter(ASCII.isLetter)
            guard classifications.contains(where: { $0.letters.utf8.starts(with: letters) }) else { break }
            if let match = classifications.first(where: { $0.letters.utf8.elementsEqual(letters) }) { written = match.written; consumed = k + 1 }
        }
        guard let written else { return nil }
        // post words, an optional dash, then the serial
        var k = consumed
        var post: [String] = []
        while k < tokens.count, post.count < 4, tokens[k].allSatisfy(ASCII.isUpper) { post.append(tokens[k].string); k += 1 }
        if k < tokens.count, tokens[k].elementsEqual("-".utf8) { k += 1 }
        guard !post.isEmpty, k < tokens.count, tokens[k].count >= 3,
              let serial = OCRConfusion.number(tokens[k], realDigits: max(3, tokens[k].count - 1)) else { return nil }
        let rest = tokens[(k + 1)...].map { $0.string }
        return ([written] + post + [serial.string] + rest).joined(separator: " ")
    }

    // MARK: subject

    /// `SUBJECT + WELFARE RICHARD CASE`, `SUBJECT. DEPUTY SECRETARY'S`, `SUBdECT:..W1WARDNADZE`, `SUBJECT: ~ ACTING`,
    /// `subject. …`, `5UBJECT: …`, `(SUBJECT: …` → `SUBJECT: …` with the value starting at its first letter, digit or
    /// parenthesis: a label in either case (in lower case before a value in capitals), its S read as `5` or `$`,
    /// after margin specks (up to three marks before it).
    static func subjectLine(_ t: ArraySlice<UInt8>) -> String? {
        var start = t.startIndex
        while start < t.endIndex, start - t.startIndex < 3, !ASCII.isAlnum(t[start]), t[start] != UInt8(ascii: "$"), t[start] < 0x80 { start += 1 }
        while start < t.endIndex, ASCII.isSpace(t[start]) { start += 1 }
        guard start < t.endIndex, [UInt8(ascii: "S"), UInt8(ascii: "s"), UInt8(ascii: "5"), UInt8(ascii: "$")].contains(t[start]) else { return nil }
        let label = [UInt8(ascii: "S")] + t[(start + 1)...].prefix(while: ASCII.isLetter)
        guard label.count == 7, OCRConfusion.distance(label.map(ASCII.upper), Array("SUBJECT".utf8), limit: 2) <= 2 else { return nil }
        let labelEnd = start + 7
        var i = labelEnd
        while i < t.endIndex, !startsValue(t, at: i) { i += 1 }
        // a label without punctuation after it is prose ("SUBJECT TO …"); so is one in lower case before words in
        // lower case ("subject. The Minister …", a wrapped sentence)
        guard t[labelEnd..<i].contains(where: { !ASCII.isSpace($0) }) else { return nil }
        if t[(start + 1)..<labelEnd].contains(where: ASCII.isLower), t[i...].prefix(while: { $0 != ASCII.space }).contains(where: ASCII.isLower) { return nil }
        let normal = "SUBJECT: " + t[i...].string
        return normal == t.string ? nil : normal
    }

    /// A value starts at a letter, a digit, a parenthesis or bracket, or a quote (`"LORDS OF THE MOUNTAINS"`, `‘…`, `“…`).
    private static func startsValue(_ t: ArraySlice<UInt8>, at i: Int) -> Bool {
        let b = t[i]
        if ASCII.isAlnum(b) || b == ASCII.openParen || b == UInt8(ascii: "[") || b == UInt8(ascii: "\"") { return true }
        return b == 0xE2 && i + 2 < t.endIndex && t[i + 1] == 0x80 && (t[i + 2] == 0x98 || t[i + 2] == 0x9C)
    }

    // MARK: date-time group

    /// `R O11752Z MAR 78` → `R 011752Z MAR 78`: six characters and a Z before a month and year, where the
    /// letters can only be digits.
    static func dateTimeGroup(_ t: ArraySlice<UInt8>) -> String? {
        var tokens = t.split(separator: ASCII.space, omittingEmptySubsequences: false).map { Array($0) }
        var changed = false
        for k in tokens.indices where k + 2 < tokens.count {
            let w = tokens[k]
            guard w.count == 7, w.last == UInt8(ascii: "Z"), DateTimeGroup.month(tokens[k + 1][...]) != nil, tokens[k + 1].count == 3,
                  tokens[k + 2].count == 2, tokens[k + 2].allSatisfy(ASCII.isDigit),
                  !w.dropLast().allSatisfy(ASCII.isDigit), let digits = OCRConfusion.number(w.dropLast(), realDigits: 4) else { continue }
            tokens[k] = digits + [UInt8(ascii: "Z")]
            changed = true
        }
        return changed ? tokens.map { $0.string }.joined(separator: " ") : nil
    }
}
