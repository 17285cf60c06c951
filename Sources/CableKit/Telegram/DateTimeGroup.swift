/// A military date-time group as cables print it: `102226Z APR 08` is 10 April 2008, 22:26 UTC.
/// Also reads the forms seen in printouts and OCR: `102226Z APR 2008`, `102226ZAPR08`, `10 2226Z APR 08`.
public struct DateTimeGroup: Sendable, Equatable {
    public var date: CableDate

    static let months: [[UInt8]] = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"].map { Array($0.utf8) }

    /// Month number (1–12) for the first three letters of an English month name, any case.
    static func month(_ b: ArraySlice<UInt8>) -> Int? {
        guard b.count >= 3 else { return nil }
        let i = b.startIndex
        let key = [ASCII.upper(b[i]), ASCII.upper(b[i + 1]), ASCII.upper(b[i + 2])]
        if let m = months.firstIndex(of: key) { return m + 1 }
        return nil
    }

    /// Expands a two-digit year: 40–99 → 19xx, 00–39 → 20xx (cables span 1940s–2010).
    public static func fullYear(_ yy: Int) -> Int { yy >= 100 ? yy : (yy >= 40 ? 1900 + yy : 2000 + yy) }

    /// Finds the first date-time group in `line` and returns it with the byte range it covers.
    static func find(in line: ArraySlice<UInt8>) -> (DateTimeGroup, Range<Int>)? {
        var i = line.startIndex
        let end = line.endIndex
        while i + 7 <= end {
            // six digits (day, hour, minute) then Z, at a word start
            if ASCII.isDigit(line[i]), i == line.startIndex || !ASCII.isAlnum(line[i - 1]),
               let (dtg, stop) = parse(line, at: i) {
                return (dtg, i..<stop)
            }
            i += 1
        }
        return nil
    }

    /// Parses a DTG starting exactly at `start`.
    static func parse(_ b: ArraySlice<UInt8>, at start: Int) -> (DateTimeGroup, Int)? {
        var i = start
        let end = b.endIndex
        func digits(_ n: Int) -> Int? {
            guard i + n <= end else { return nil }
            var v = 0
            for k in 0..<n { let c = b[i + k]; guard ASCII.isDigit(c) else { return nil }; v = v * 10 + Int(c - 48) }
            i += n
            return v
        }
        guard let day = digits(2) else { return nil }
        if i < end, b[i] == ASCII.space { i += 1 }  // "10 2226Z"
        guard let hour = digits(2), let minute = digits(2) else { return nil }
        guard i < end, b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") else { return nil }
        i += 1
        while i < end, b[i] == ASCII.space { i += 1 }
        guard i + 3 <= end, let month = month(b[i..<i + 3]) else { return nil }
        i += 3
        // tolerate a full month name ("APRIL") or a trailing period
        while i < end, ASCII.isLetter(b[i]) || b[i] == ASCII.period { i += 1 }
        while i < end, b[i] == ASCII.space { i += 1 }
        var year: Int
        if let y4 = digits(4) { year = y4 } else if let y2 = digits(2) { year = fullYear(y2) } else { return nil }
        if i < end, ASCII.isDigit(b[i]) { return nil }
        if year < 1900 { year = fullYear(year % 100) }
        guard let date = CableDate(year: year, month: month, day: day, hour: hour, minute: minute) else { return nil }
        return (DateTimeGroup(date: date), i)
    }
}

/// The date line WikiLeaks inserted above many cable bodies: `Wednesday, 29 November 2000, 13:59`.
enum WikiLeaksDateLine {
    static func parse(_ line: ArraySlice<UInt8>) -> CableDate? {
        let s = line.trimmed
        guard s.count >= 20, s.count <= 40, let comma = s.firstIndex(of: ASCII.comma) else { return nil }
        let weekday = s[s.startIndex..<comma]
        guard weekday.count >= 6, weekday.allSatisfy(ASCII.isLetter), weekday.suffix(3).map(ASCII.lower).elementsEqual("day".utf8) else { return nil }
        let parts = s[(comma + 1)...].split(whereSeparator: { $0 == ASCII.space || $0 == ASCII.comma || $0 == ASCII.colon })
        guard parts.count == 5, let d = Int(parts[0].string), let m = DateTimeGroup.month(parts[1]),
              let y = Int(parts[2].string), let h = Int(parts[3].string), let mi = Int(parts[4].string) else { return nil }
        return CableDate(year: y, month: m, day: d, hour: h, minute: mi)
    }
}
