/// The printed telegram forms of the 1960s, which have no date-time group and no `FM` line: labelled boxes
/// `Control:`, `Rec'd: August 11, 1962`, `FROM: Brussels`, `TO: Secretary of State`, `NO: 250, August 11, 1 p.m.`,
/// `ACTION: Secstate 96 PRIORITY`, `DATE: September 21, 4 p.m.`, each value on the label's line or the next.
/// Read into the sender, the serial and the date; the form's header block leaves the text.
struct TelegramForm {
    /// The sender as written in the FROM box (`Brussels`).
    var sender: String?
    var serial: Int?
    var date: CableDate?

    enum Label: String { case from = "FROM", to = "TO", number = "NO", date = "DATE", action = "ACTION", info = "INFO", received = "RECD", control = "CONTROL" }

    /// Reads the form in the layout's telegram copies (kept ones first); nil when the text is not a form.
    init?(_ layout: FOIALayout) {
        let lines = layout.lines
        var values: [Label: (line: Int, value: ArraySlice<UInt8>)] = [:]
        for i in layout.evidenceOrder {
            guard let k = layout.copy(of: i), layout.formHeaders[k].contains(i), let (label, value) = Self.label(lines.trimmed(i)),
                  values[label] == nil else { continue }
            values[label] = (i, value.isEmpty ? lines.nextNonBlank(after: i).map { lines.trimmed($0) } ?? value : value)
        }
        guard values[.from] != nil || values[.number] != nil else { return nil }
        sender = values[.from].map { Self.words($0.value) }.flatMap { $0.isEmpty ? nil : $0 }
        // the serial: NO: 250, or the number after the action addressee (ACTION: Secstate 96 PRIORITY)
        if let number = values[.number] {
            serial = Self.firstNumber(number.value)
        } else if let action = values[.action] {
            serial = Self.firstNumber(action.value)
            if serial == nil, let next = lines.nextNonBlank(after: action.line) {
                serial = Self.firstNumber(lines.trimmed(next).prefix(while: { $0 != ASCII.space }))
            }
        }
        // month and day from NO: or DATE:; the year from Rec'd (or the lines under it), else another date of the
        // form's header, else the archive's record of it
        guard let dated = values[.number] ?? values[.date], let (month, day) = Self.monthDay(dated.value) else { return }
        var year: Int?
        if let received = values[.received] {
            year = Self.year(in: received.value)
            var k = received.line
            for _ in 0..<4 where year == nil {
                guard let next = lines.nextNonBlank(after: k) else { break }
                year = Self.year(in: lines.trimmed(next)); k = next
            }
        }
        if year == nil, let k = layout.copy(of: dated.line) {
            year = layout.formHeaders[k].lazy.compactMap { Self.year(in: lines.trimmed($0)) }.first
        }
        year = year ?? Self.identificationDate(layout)?.year
        // the form's time ("5 p.m.") is the post's local time: the day is known, not the UTC moment
        if let year { date = CableDate.day(year: year, month: month, day: day) }
    }

    /// The lines of a copy's form header, from the copy's start to its last labelled box (with a value line under
    /// it); empty when the copy is not a form: it has an `FM` line, or reaches a telegram field or paragraph first.
    static func headerLines(in copy: Range<Int>, of layout: FOIALayout) -> Range<Int> {
        let lines = layout.lines
        var last: Int?
        var seen = 0
        var formLabels = 0
        for i in copy where !lines.isBlank(i) && !layout.furniture[i] {
            let t = lines.trimmed(i)
            if t.hasPrefix(caseInsensitive: "FM ") { return copy.lowerBound..<copy.lowerBound }
            if Paragraphs.start(t) != nil || HeaderFields.keywordAtStart(t) != nil || DateTimeGroup.find(in: t) != nil { break }
            if let (box, value) = label(t) {
                if [.from, .number, .date, .action].contains(box) { formLabels += 1 }
                last = i
                if value.isEmpty || box == .action || box == .info,
                   let next = lines.nextNonBlank(after: i), label(lines.trimmed(next)) == nil,
                   value.isEmpty || firstNumber(lines.trimmed(next).prefix(while: { $0 != ASCII.space })) != nil {
                    last = next
                }
            }
            seen += 1
            if seen > 40 { break }
        }
        guard formLabels > 0, let last else { return copy.lowerBound..<copy.lowerBound }
        return copy.lowerBound..<(last + 1)
    }

    /// `FROM: Brussels`, `TO : Rusk`, `Rec'd:` — the box label and its value.
    static func label(_ t: ArraySlice<UInt8>) -> (Label, ArraySlice<UInt8>)? {
        guard let colon = t.prefix(12).firstIndex(where: { $0 == ASCII.colon || $0 == ASCII.semicolon }) else { return nil }
        let name = t[t.startIndex..<colon]
        guard name.allSatisfy({ ASCII.isLetter($0) || $0 == ASCII.space || $0 == UInt8(ascii: "'") }),
              let label = Label(rawValue: name.filter(ASCII.isLetter).map(ASCII.upper).string) else { return nil }
        return (label, t[(colon + 1)...].trimmed)
    }

    /// The date of a JFK identification form (`DATE : 8/26/1963`, or `DATE` with `: 09/21/64` a few lines under it).
    static func identificationDate(_ layout: FOIALayout) -> CableDate? {
        let lines = layout.lines
        for (k, copy) in layout.copies.enumerated() where layout.isForm[k] {
            var inForm = false
            for i in copy {
                let t = lines.trimmed(i)
                if FOIAPageFurniture.startsIdentificationForm(t) { inForm = true }
                guard inForm, let (box, value) = label(t), box == .date else { continue }
                if let date = slashDate(value) { return date }
                var j = i
                for _ in 0..<4 {
                    guard let next = lines.nextNonBlank(after: j) else { break }
                    let u = lines.trimmed(next)
                    if u.first == ASCII.colon, let date = slashDate(u.dropFirst()) { return date }
                    j = next
                }
            }
        }
        return nil
    }

    // MARK: values

    /// `8/26/1963`, `09/21/64`.
    static func slashDate(_ t: ArraySlice<UInt8>) -> CableDate? {
        let parts = t.trimmed.prefix(while: { $0 != ASCII.space }).split(separator: ASCII.slash)
        guard parts.count == 3, let m = Int(parts[0].string), let d = Int(parts[1].string), var y = Int(parts[2].string) else { return nil }
        if parts[2].count == 2 { y = DateTimeGroup.fullYear(y) }
        return CableDate.day(year: y, month: m, day: d)
    }

    static let monthNames = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"]

    /// `250, August:11,.1.pom.` or `September 21, 4 p.m.`: the month named and the day after it.
    static func monthDay(_ t: ArraySlice<UInt8>) -> (Int, Int)? {
        var i = t.startIndex
        while i < t.endIndex {
            guard ASCII.isLetter(t[i]) else { i += 1; continue }
            let start = i
            while i < t.endIndex, ASCII.isLetter(t[i]) { i += 1 }
            let word = t[start..<i].map(ASCII.upper)
            guard word.count >= 3, let month = monthNames.firstIndex(where: { $0.utf8.starts(with: word) }) else { continue }
            while i < t.endIndex, !ASCII.isDigit(t[i]), !ASCII.isLetter(t[i]) { i += 1 }
            let digits = t[i...].prefix(while: ASCII.isDigit)
            guard (1...2).contains(digits.count), let day = Int(digits.string), (1...31).contains(day) else { return nil }
            return (month + 1, day)
        }
        return nil
    }

    /// The first year (19xx or 20xx) written in `t`: `August. 11,°1962`.
    static func year(in t: ArraySlice<UInt8>) -> Int? {
        for run in t.split(whereSeparator: { !ASCII.isDigit($0) }) where run.count == 4 {
            if let y = Int(run.string), (1900...2099).contains(y) { return y }
        }
        return nil
    }

    /// The first number of a value: `250, August…` → 250, `Secstate 96 PRIORITY` → 96.
    static func firstNumber(_ t: ArraySlice<UInt8>) -> Int? {
        for token in t.split(whereSeparator: { $0 == ASCII.space || $0 == ASCII.comma }) {
            if token.allSatisfy(ASCII.isDigit), token.count <= 6 { return Int(token.string) }
        }
        return nil
    }

    /// The words of a value, junk of OCR after them kept: the post is found by its leading words.
    static func words(_ t: ArraySlice<UInt8>) -> String { squeezeSpaces(t.string) }
}
