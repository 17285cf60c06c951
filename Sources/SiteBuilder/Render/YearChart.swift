/// The home page's chart of cables per year, drawn at build time as an inline SVG with classes for the
/// theme (`chart`, `chart-bar`, `chart-label`, `chart-axis`) and no inline style, so a strict CSP holds.
enum YearChart {
    /// The longest span of years drawn as a time line; a longer one (a stray date) shows only its years.
    static let longestTimeLine = 150

    /// `counts` in year order. The years between are drawn as empty bars, so the axis is a time line: an
    /// archive of 1972 and 2000–2010 does not show 1972 next to 2000.
    static func svg(_ present: [(year: Int, count: Int)]) -> String {
        guard let maxCount = present.map(\.count).max(), maxCount > 0 else { return "" }
        var counts = present
        if let first = present.first?.year, let last = present.last?.year, last - first < longestTimeLine {
            let byYear = Dictionary(present.map { ($0.year, $0.count) }, uniquingKeysWith: +)
            counts = (first...last).map { ($0, byYear[$0] ?? 0) }
        }
        // drawn at the width it is shown at, so labels keep their size: bars share 860 units
        let n = max(1, counts.count)
        let gap = n > 40 ? 2 : 6
        let barWidth = max(4, min(56, (860 - gap * (n + 1)) / n))
        let height = 160, top = 18, bottom = 28
        let width = n * (barWidth + gap) + gap
        var out = "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height + top + bottom)\" width=\"\(width)\" height=\"\(height + top + bottom)\" role=\"img\" aria-labelledby=\"chart-title\">"
        out += "<title id=\"chart-title\">Cables per year: " + present.map { "\($0.year): \($0.count)" }.joined(separator: ", ")
            + (counts.count > present.count ? "; none in the other years" : "") + "</title>"
        out += "<line class=\"chart-axis\" x1=\"0\" y1=\"\(top + height)\" x2=\"\(width)\" y2=\"\(top + height)\"/>"
        for (k, item) in counts.enumerated() {
            let x = gap + k * (barWidth + gap)
            let h = item.count == 0 ? 0 : max(1, Int((Double(item.count) / Double(maxCount) * Double(height)).rounded()))
            let y = top + height - h
            out += "<rect class=\"chart-bar\" x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(h)\"><title>\(item.year): \(item.count) cable\(item.count == 1 ? "" : "s")</title></rect>"
            // every year when its four digits fit under the bar, else every fifth (two digits would read
            // 98 99 00 01 across a century), never cut off at the ends
            let middle = x + barWidth / 2
            if barWidth >= 30 || (item.year % 5 == 0 && middle >= 16 && middle <= width - 16) {
                out += "<text class=\"chart-label\" x=\"\(middle)\" y=\"\(top + height + 16)\" text-anchor=\"middle\">\(item.year)</text>"
            }
            if barWidth >= 22, item.count > 0 {
                out += "<text class=\"chart-label\" x=\"\(x + barWidth / 2)\" y=\"\(max(10, y - 4))\" text-anchor=\"middle\">\(short(item.count))</text>"
            }
        }
        return out + "</svg>"
    }

    /// `1234` → `1.2k`
    static func short(_ n: Int) -> String {
        if n < 1000 { return String(n) }
        if n < 10000 { return "\(n / 1000).\((n % 1000) / 100)k" }
        return "\(n / 1000)k"
    }
}
