/// The date of an OCR'd telegram whose date-time group the parser could not read: a group with a digit lost
/// (`R.1717@4Z APR 69`: the day, month and year are readable), or a page header's time stamp (`PAGE 02 BUCHAR
/// 07545 161520Z`, OCR'd `9723522` for 072352Z) with the month and year of the garbled group (`_R 718162 DEC
/// 77|`, `0 15151.9Z OCT 36`) or of the printout's id. Dates from a page header are marked estimated.
enum FOIADate {
    /// A date-time group whose day, month and year are readable though its time may not be: `1717@4Z APR 69`,
    /// `13173HZ DEC 00`. `year` (the printout id's), when known, must agree.
    static func damagedGroup(_ t: ArraySlice<UInt8>, year: Int?) -> CableDate? {
        let tokens = t.split(separator: ASCII.space)
        for k in tokens.indices where k + 2 < tokens.count {
            let w = tokens[k]
            guard w.count >= 7, w.last == UInt8(ascii: "Z") else { continue }
            let group = w.suffix(7)
            // nothing but a precedence letter and a stop may stand before the group
            if group.startIndex > w.startIndex, ASCII.isDigit(w[group.startIndex - 1]) { continue }
            guard let (month, yy) = monthAndYear(tokens[k + 1], tokens[k + 2]) else { continue }
            let g = Array(group)
            guard ASCII.isDigit(g[0]), ASCII.isDigit(g[1]), let day = Int(g[0..<2].string) else { continue }
            let fullYear = DateTimeGroup.fullYear(yy)
            if let year, year != fullYear { continue }
            var hour = 0, minute = 0, timeKnown = false
            if g[2..<6].allSatisfy(ASCII.isDigit), let h = Int(g[2..<4].string), let m = Int(g[4..<6].string), h < 24, m < 60 {
                hour = h; minute = m; timeKnown = true
            }
            if let date = CableDate(year: fullYear, month: month, day: day, hour: hour, minute: minute, timeKnown: timeKnown) { return date }
        }
        return nil
    }

    /// The month and year of a garbled group: `DEC 77|`, `OCT 36`.
    static func monthAndYear(_ m: ArraySlice<UInt8>, _ y: ArraySlice<UInt8>) -> (Int, Int)? {
        guard m.count == 3, m.allSatisfy(ASCII.isUpper), let month = DateTimeGroup.month(m) else { return nil }
        let digits = y.prefix(while: ASCII.isDigit)
        guard digits.count == 2, y.count <= 3, let yy = Int(digits.string) else { return nil }
        return (month, yy)
    }

    /// The month and year of the first line that has a precedence and group, however garbled: `_R 718162 DEC 77|`.
    static func groupMonthAndYear(_ t: ArraySlice<UInt8>) -> (month: Int, year: Int)? {
        let tokens = t.split(separator: ASCII.space)
        for k in tokens.indices where k >= 1 && k + 1 < tokens.count {
            guard tokens[k - 1].count >= 5, tokens[k - 1].filter(ASCII.isDigit).count >= 4,
                  let (month, yy) = monthAndYear(tokens[k], tokens[k + 1]) else { continue }
            return (month, DateTimeGroup.fullYear(yy))
        }
        return nil
    }

    /// The day a page header's time stamp gives: `161520Z`, `161520`, `9723522` (a 0 read as 9, the Z as 2).
    static func stampDay(_ stamp: ArraySlice<UInt8>) -> Int? {
        var s = Array(stamp)
        if s.count == 7, let last = s.last, last == UInt8(ascii: "Z") || last == UInt8(ascii: "2") { s.removeLast() }
        guard s.count == 6, let digits = OCRConfusion.number(s[...], realDigits: 5) else { return nil }
        var first = digits[0] - 48
        // a day starts with 0–3: a 6, 8 or 9 there is a 0 the typeface closed up
        if first > 3, [6, 8, 9].contains(first) { first = 0 }
        let day = Int(first) * 10 + Int(digits[1] - 48)
        let hour = Int(digits[2] - 48) * 10 + Int(digits[3] - 48)
        let minute = Int(digits[4] - 48) * 10 + Int(digits[5] - 48)
        return (1...31).contains(day) && hour < 24 && minute < 60 ? day : nil
    }
}
