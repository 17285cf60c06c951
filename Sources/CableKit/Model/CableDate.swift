/// A UTC moment to the minute, as a cable's date-time group gives it. Plain integers, so parsing and
/// formatting never touch a calendar or time zone database.
public struct CableDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int

    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0) {
        guard (1900...2100).contains(year), (1...12).contains(month),
              (1...CableDate.daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.year = year; self.month = month; self.day = day; self.hour = hour; self.minute = minute
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
        "\(isoDate)T\(pad(hour)):\(pad(minute)):00Z"
    }

    /// `2008-04-10`
    public var isoDate: String {
        "\(year)-\(pad(month))-\(pad(day))"
    }

    /// Parses `2008-04-10T22:26:00Z`, `2008-04-10T22:26Z`, `2008-04-10 22:26` or `2008-04-10`.
    public init?(iso: String) {
        let b = Array(iso.utf8)
        func num(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= b.count else { return nil }
            var v = 0
            for i in r { guard b[i] >= 48 && b[i] <= 57 else { return nil }; v = v * 10 + Int(b[i] - 48) }
            return v
        }
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        var h = 0, mi = 0
        if b.count > 10 {
            guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), b.count >= 16,
                  b[13] == UInt8(ascii: ":"), let hh = num(11..<13), let mm = num(14..<16) else { return nil }
            h = hh; mi = mm
        }
        self.init(year: y, month: m, day: d, hour: h, minute: mi)
    }

    public static func < (a: CableDate, b: CableDate) -> Bool {
        (a.year, a.month, a.day, a.hour, a.minute) < (b.year, b.month, b.day, b.hour, b.minute)
    }
}

@inline(__always) func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
