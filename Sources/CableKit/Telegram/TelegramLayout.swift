/// Where each line of a telegram stands: page furniture to skip, printout page headers whose tail is text,
/// and the partial-extract notice. Computed once, then every reader asks `content(i)`.
struct TelegramLayout {
    let lines: SourceLines
    /// Per line: nil when the line is furniture, else the byte range of its content (trimmed).
    private(set) var contentRanges: [Range<Int>?]
    private(set) var partial = false

    init(_ lines: SourceLines) {
        self.lines = lines
        var ranges = [Range<Int>?](repeating: nil, count: lines.count)
        var pageLines: [Int] = []
        for i in 0..<lines.count {
            let t = lines.trimmed(i)
            if i < 4, t.firstWord(caseInsensitive: "PARTIAL EXTRACT") != nil, t.firstWord(caseInsensitive: "THIS RECORD") != nil {
                partial = true
                continue
            }
            if PageFurniture.isContinuationMarker(t) || PageFurniture.isTrailer(t) { pageLines.append(i); continue }
            if PageFurniture.isSectionHeader(t) { continue }
            if let end = PageFurniture.pageHeaderEnd(t) {
                pageLines.append(i)
                let rest = t[end...].trimmed
                if !rest.isEmpty { ranges[i] = rest.startIndex..<rest.endIndex } else { ranges[i] = nil }
                continue
            }
            ranges[i] = t.startIndex..<t.endIndex
        }
        // Classification banners next to a page break, or at the very end, are furniture too.
        func nearPage(_ i: Int) -> Bool {
            for p in pageLines where abs(p - i) <= 3 {
                let (lo, hi) = (min(p, i), max(p, i))
                if (lo + 1..<hi).allSatisfy({ lines.isBlank($0) || PageFurniture.isBanner(lines.trimmed($0)) }) { return true }
            }
            return false
        }
        // a banner at the end of the last text line before a page header: "…A  CONFIDENTIAL"
        for p in pageLines {
            var k = p - 1
            while k >= 0, ranges[k].map({ lines.bytes[$0].isEmpty }) ?? true { k -= 1 }
            guard k >= 0, let r = ranges[k], let cut = PageFurniture.trailingBanner(lines.bytes[r]), cut > r.lowerBound else { continue }
            ranges[k] = r.lowerBound..<cut
        }
        var lastContent = lines.count - 1
        while lastContent >= 0, ranges[lastContent].map({ $0.isEmpty }) ?? true { lastContent -= 1 }
        for i in 0..<lines.count {
            guard let r = ranges[i], !r.isEmpty else { continue }
            let t = lines.bytes[r]
            guard PageFurniture.isBanner(t) else { continue }
            if nearPage(i) || i >= lastContent - 1 && (i..<lines.count).allSatisfy({ ranges[$0].map { lines.bytes[$0].isEmpty || PageFurniture.isBanner(lines.bytes[$0]) } ?? true }) {
                ranges[i] = nil
            }
        }
        self.contentRanges = ranges
    }

    /// The line's content, trimmed, or nil when it is furniture.
    func content(_ i: Int) -> ArraySlice<UInt8>? {
        guard i >= 0, i < contentRanges.count, let r = contentRanges[i] else { return nil }
        return lines.bytes[r]
    }

    /// The line as it should appear in the body: leading spaces kept (tables), nil when furniture.
    func bodyLine(_ i: Int) -> ArraySlice<UInt8>? {
        guard let r = contentRanges[i] else { return nil }
        let full = lines.ranges[i]
        // a printout page header's tail starts mid-line: take it from there
        if r.lowerBound > full.lowerBound, !lines.bytes[full.lowerBound..<r.lowerBound].allSatisfy(ASCII.isSpace) {
            return lines.bytes[r]
        }
        // keep leading spaces (aligned tables); end where the content ends (a trailing banner may be cut)
        return lines.bytes[full.lowerBound..<r.upperBound]
    }

    mutating func markFurniture(_ i: Int) { contentRanges[i] = nil }

    /// `true` when line `i` is the text after a printout page header on the same line.
    func isPageHeaderTail(_ i: Int) -> Bool {
        guard let r = contentRanges[i] else { return false }
        let full = lines.ranges[i]
        return r.lowerBound > full.lowerBound && !lines.bytes[full.lowerBound..<r.lowerBound].allSatisfy(ASCII.isSpace)
    }
}
