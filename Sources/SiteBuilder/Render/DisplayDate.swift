import CableKit

/// Dates as readers see them: `10 April 2008, 22:26 UTC`, `10 April 2008`, `April 2008`.
enum DisplayDate {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    static func long(_ d: CableDate, estimated: Bool = false) -> String {
        estimated ? "\(d.year)" : d.timeKnown ? "\(day(d)), \(twoDigits(d.hour)):\(twoDigits(d.minute)) UTC" : day(d)
    }

    static func day(_ d: CableDate) -> String { "\(d.day) \(months[d.month - 1]) \(d.year)" }

    static func month(_ year: Int, _ month: Int) -> String { month == 0 ? "\(year), date estimated" : "\(months[month - 1]) \(year)" }

    /// A month's name in a year's list; month 0 holds the year's cables whose date is estimated (their month
    /// is not known).
    static func monthName(_ month: Int) -> String { month == 0 ? "Date estimated" : months[month - 1] }
}
