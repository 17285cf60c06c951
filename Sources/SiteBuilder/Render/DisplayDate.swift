import CableKit

/// Dates as readers see them: `10 April 2008, 22:26 UTC`, `10 April 2008`, `April 2008`.
enum DisplayDate {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    static func long(_ d: CableDate, estimated: Bool = false) -> String {
        estimated ? "\(d.year)" : d.timeKnown ? "\(day(d)), \(twoDigits(d.hour)):\(twoDigits(d.minute)) UTC" : day(d)
    }

    static func day(_ d: CableDate) -> String { "\(d.day) \(months[d.month - 1]) \(d.year)" }

    static func month(_ year: Int, _ month: Int) -> String { "\(months[month - 1]) \(year)" }
}
