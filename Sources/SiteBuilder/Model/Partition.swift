/// Groups record indices by a key, keeping the records' order within each group. Tag, post,
/// classification, year and month indexes are all this one function with a different key.
func partition<Key: Hashable>(_ count: Int, keys: (Int) -> [Key]) -> [Key: [Int]] {
    var groups: [Key: [Int]] = [:]
    for i in 0..<count {
        for key in keys(i) { groups[key, default: []].append(i) }
    }
    return groups
}

/// A month of a year, as a partition key.
public struct YearMonth: Hashable, Comparable, Sendable {
    public var year: Int
    public var month: Int
    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}
