/// A UTC moment to the minute, as a cable's date-time group gives it, or a day whose time the source does
/// not give (a 1960s telegram form's "November 1, 5 p.m." is the post's local time; an archive's record
/// gives only the day). Plain integers, so parsing and formatting never touch a calendar or time zone database.
public struct CableDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// 0:00 when the time is not known.
    public var hour: Int
    public var minute: Int
    /// False when the source gives the day only: the date is written `2008-04-10` and shown without a time.
    public var timeKnown: Bool

    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, timeKnown: Bool = true) {
        guard (1900...2100).contains(year), (1...12).contains(month),
              (1...CableDate.daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.year = year; self.month = month; self.day = day; self.hour = hour; self.minute = minute
        self.timeKnown = timeKnown
    }

    /// A day whose time the source does not give.
    public static func day(year: Int, month: Int, day: Int) -> CableDate? {
        CableDate(year: year, month: month, day: day, timeKnown: false)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2008-04-10T22:26:00Z`
    public var iso8601: String {
        guard (1000...9999).contains(year), (0...99).contains(month), (0...99).contains(day), (0...99).contains(hour), (0...99).contains(minute) else {
            return "\(isoDate)T\(pad(hour)):\(pad(minute)):00Z"
        }
        return String(unsafeUninitializedCapacity: 20) { b in
            writeDate(b)
            b[10] = 0x54                                        // T
            CableDate.twoDigits(hour, b, 11); b[13] = 0x3A     // :
            CableDate.twoDigits(minute, b, 14); b[16] = 0x3A
            b[17] = 0x30; b[18] = 0x30; b[19] = 0x5A           // 00Z
            return 20
        }
    }

    /// As the front matter and the data downloads write it: `2008-04-10T22:26:00Z`, or `2008-04-10` when
    /// the time is not known.
    public var written: String { timeKnown ? iso8601 : isoDate }

    /// `2008-04-10`
    public var isoDate: String {
        guard (1000...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else { return "\(year)-\(pad(month))-\(pad(day))" }
        // written as bytes: the pages, lists and feeds ask for hundreds of thousands of dates, and interpolation
        // costs several times as much
        return String(unsafeUninitializedCapacity: 10) { b in writeDate(b); return 10 }
    }

    /// `2008-04-10` into the first 10 bytes of `b` (the year has four digits at most, the others two).
    private func writeDate(_ b: UnsafeMutableBufferPointer<UInt8>) {
        CableDate.twoDigits(year / 100, b, 0); CableDate.twoDigits(year % 100, b, 2); b[4] = 0x2D   // -
        CableDate.twoDigits(month, b, 5); b[7] = 0x2D
        CableDate.twoDigits(day, b, 8)
    }

    @inline(__always) private static func twoDigits(_ n: Int, _ b: UnsafeMutableBufferPointer<UInt8>, _ at: Int) {
        b[at] = UInt8(truncatingIfNeeded: 0x30 + n / 10)
        b[at + 1] = UInt8(truncatingIfNeeded: 0x30 + n % 10)
    }

    /// Parses an ISO 8601 date or moment: `2008-04-10` (a day, its time not known), `2008-04-10T22:26Z`, `2008-04-10 22:26`,
    /// `2008-04-10T22:26:00Z`. Seconds (and a fraction of one) are dropped: a cable's date is to the minute,
    /// as its date-time group gives it. A moment without a zone is UTC; one with an offset (`+02:00`,
    /// `-0500`) is turned into UTC. White space around it is ignored; anything else after it is refused.
    public init?(iso: String) {
        var b = Array(iso.utf8)[...]
        while let f = b.first, f == 32 || f == 9 { b = b.dropFirst() }
        while let l = b.last, l == 32 || l == 9 || l == 10 || l == 13 { b = b.dropLast() }
        let s = b.startIndex, end = b.endIndex
        func num(_ at: Int, _ count: Int) -> Int? {
            guard s + at + count <= end else { return nil }
            var v = 0
            for i in (s + at)..<(s + at + count) { guard b[i] >= 48 && b[i] <= 57 else { return nil }; v = v * 10 + Int(b[i] - 48) }
            return v
        }
        func byte(_ at: Int) -> UInt8? { s + at < end ? b[s + at] : nil }
        guard let y = num(0, 4), byte(4) == UInt8(ascii: "-"), let m = num(5, 2), byte(7) == UInt8(ascii: "-"), let d = num(8, 2) else { return nil }
        guard end - s > 10 else {
            self.init(year: y, month: m, day: d, timeKnown: false)
            return
        }
        guard byte(10) == UInt8(ascii: "T") || byte(10) == UInt8(ascii: "t") || byte(10) == UInt8(ascii: " "),
              let h = num(11, 2), byte(13) == UInt8(ascii: ":"), let mi = num(14, 2) else { return nil }
        var at = 16
        if byte(at) == UInt8(ascii: ":") {
            guard let sec = num(at + 1, 2), sec <= 60 else { return nil }  // 60: a leap second
            at += 3
            if byte(at) == UInt8(ascii: ".") || byte(at) == UInt8(ascii: ",") {
                at += 1
                guard num(at, 1) != nil else { return nil }
                while num(at, 1) != nil { at += 1 }
            }
        }
        var offset = 0  // minutes east of UTC
        if let z = byte(at) {
            if z == UInt8(ascii: "Z") || z == UInt8(ascii: "z") {
                at += 1
            } else if z == UInt8(ascii: "+") || z == UInt8(ascii: "-") {
                guard let oh = num(at + 1, 2) else { return nil }
                at += 3
                if byte(at) == UInt8(ascii: ":") { at += 1 }
                guard let om = num(at, 2), oh <= 23, om <= 59 else { return nil }
                at += 2
                offset = (z == UInt8(ascii: "+") ? 1 : -1) * (oh * 60 + om)
            } else {
                return nil
            }
        }
        guard s + at == end, var date = CableDate(year: y, month: m, day: d, hour: h, minute: mi) else { return nil }
        if offset != 0 { date.shift(minutes: -offset) }
        self = date
    }

    /// Moves the moment by less than a day (a time zone's offset), across a day's, month's or year's end.
    private mutating func shift(minutes: Int) {
        var total = hour * 60 + minute + minutes
        if total < 0 {
            total += 24 * 60
            day -= 1
            if day == 0 {
                month -= 1
                if month == 0 { month = 12; year -= 1 }
                day = Self.daysIn(month: month, year: year)
            }
        } else if total >= 24 * 60 {
            total -= 24 * 60
            day += 1
            if day > Self.daysIn(month: month, year: year) {
                day = 1
                month += 1
                if month == 13 { month = 1; year += 1 }
            }
        }
        hour = total / 60
        minute = total % 60
    }

    public static func < (a: CableDate, b: CableDate) -> Bool {
        (a.year, a.month, a.day, a.hour, a.minute) < (b.year, b.month, b.day, b.hour, b.minute)
    }
}

@inline(__always) func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
