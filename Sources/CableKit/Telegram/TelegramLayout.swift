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
        var formFeedLines: [Int] = []
        var markerLines: [Int] = []
        for i in 0..<lines.count {
            let t = lines.trimmed(i)
            if i < 4, t.firstWord(caseInsensitive: "PARTIAL EXTRACT") != nil, t.firstWord(caseInsensitive: "THIS RECORD") != nil {
                partial = true
                continue
            }
            if PageFurniture.isContinuationMarker(t) { pageLines.append(i); markerLines.append(i); continue }
            if PageFurniture.isTrailer(t) { pageLines.append(i); continue }
            // a form feed starts a new page: before text it is no text; alone on its line, see below
            if lines[i].first(where: { !ASCII.isSpace($0) || $0 == Self.formFeed }) == Self.formFeed {
                pageLines.append(i)
                if t.isEmpty { formFeedLines.append(i); continue }
            }
            if PageFurniture.isSectionHeader(t) { continue }
            if let end = PageFurniture.pageHeaderEnd(t) {
                pageLines.append(i)
                let rest = t[end...].trimmed
                if !rest.isEmpty { ranges[i] = rest.startIndex..<rest.endIndex } else { ranges[i] = nil }
                continue
            }
            ranges[i] = t.startIndex..<t.endIndex
        }
        // A form feed alone on its line is a page break: inside a paragraph or a header field nothing, else the
        // blank line it also is.
        for i in formFeedLines {
            let before = i > 0 ? ranges[i - 1].map { lines.bytes[$0] } : nil
            let after = i + 1 < lines.count ? ranges[i + 1].map { lines.bytes[$0] } : nil
            let next = i + 2 < lines.count ? ranges[i + 2].map { lines.bytes[$0] } : nil
            if let before, let after, Self.continuesAcrossPage(before, after, then: next) { continue }
            let end = lines.ranges[i].upperBound
            ranges[i] = end..<end
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
        // A continuation marker of a later page set apart by blank lines (`… the Brazilian economy` | | `BRASILIA
        // 00001859 002 OF 004` | | | `which Lula's government …`): the blank lines go too when the sentence runs on
        // across the page, as around a form feed — after a line of text that is no rule, before one that opens no
        // header field.
        for p in markerLines where Self.isLaterPage(lines.trimmed(p)) {
            func isGap(_ k: Int) -> Bool { ranges[k].map { $0.isEmpty } ?? true }
            var b = p - 1
            while b >= 0, isGap(b) { b -= 1 }
            var a = p + 1
            while a < lines.count, isGap(a) { a += 1 }
            guard b >= 1, a < lines.count, !isGap(b - 1), let rb = ranges[b], let ra = ranges[a] else { continue }
            let before = lines.bytes[rb], after = lines.bytes[ra]
            guard !BodyWriter.isRule(before), HeaderFields.keywordAtStart(after) == nil else { continue }
            let next = a + 1 < lines.count ? ranges[a + 1].map { lines.bytes[$0] } : nil
            guard Self.continuesAcrossPage(before, after, then: next) else { continue }
            for k in (b + 1)..<a { ranges[k] = nil }
        }
        self.contentRanges = ranges
    }

    /// A continuation marker of the second page or a later one (`BRASILIA 00001859 002 OF 004`, `… 002.2 OF 003`);
    /// not the first page's (`MADRID 00000869 001.2 OF 004`, above the header's last lines).
    static func isLaterPage(_ marker: ArraySlice<UInt8>) -> Bool {
        let words = marker.split(separator: ASCII.space)
        guard words.count >= 3 else { return false }
        let page = words[words.count - 3].prefix(while: ASCII.isDigit)
        return Int(page.string).map { $0 >= 2 } ?? false
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
        // keep leading spaces (aligned tables), not a form feed; end where the content ends (a trailing banner may be cut)
        var start = full.lowerBound
        while start < r.lowerBound, lines.bytes[start] == Self.formFeed { start += 1 }
        return lines.bytes[start..<r.upperBound]
    }

    static let formFeed: UInt8 = 0x0C

    /// Whether text goes on across a page break between `before` and `after` (`next` is the line after that):
    /// `before` does not end a sentence, or `after` goes on in lower case; and `after` opens no paragraph, list
    /// item or heading (a short line over a rule or a blank line), unless `before` is a header field's line.
    static func continuesAcrossPage(_ before: ArraySlice<UInt8>, _ after: ArraySlice<UInt8>, then next: ArraySlice<UInt8>?) -> Bool {
        guard let first = after.first, !before.isEmpty else { return false }
        if ASCII.isLower(first) { return true }
        var end = before.endIndex - 1
        // a closing quote or parenthesis ends a sentence when a stop stands before it
        while end > before.startIndex, before[end] == UInt8(ascii: "\"") || before[end] == UInt8(ascii: "'") || before[end] == ASCII.closeParen { end -= 1 }
        if ".!?:".utf8.contains(before[end]) { return false }
        if Paragraphs.startsNumberedParagraph(after) || BodyWriter.isBulletStart(after) || BodyWriter.isRule(after) { return false }
        // a header field wraps onto the next page ("SUBJECT: … A U.S. TERROR" | "DESIGNATION OF IRGC …")
        if HeaderFields.keywordAtStart(before) != nil, HeaderFields.keywordAtStart(after) == nil { return true }
        if BodyWriter.isHeadingText(after), next.map({ $0.isEmpty || BodyWriter.isRule($0) }) ?? true { return false }
        return true
    }

    mutating func markFurniture(_ i: Int) { contentRanges[i] = nil }

    /// `true` when the last line before `i` that is not blank is a continuation marker (`STATE 00082013 002 OF 005`).
    func followsContinuationMarker(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, lines.isBlank(k) { k -= 1 }
        return k >= 0 && contentRanges[k] == nil && PageFurniture.isContinuationMarker(lines.trimmed(k))
    }

    /// `true` when line `i` is the text after a printout page header on the same line.
    func isPageHeaderTail(_ i: Int) -> Bool {
        guard let r = contentRanges[i] else { return false }
        let full = lines.ranges[i]
        return r.lowerBound > full.lowerBound && !lines.bytes[full.lowerBound..<r.lowerBound].allSatisfy(ASCII.isSpace)
    }
}
