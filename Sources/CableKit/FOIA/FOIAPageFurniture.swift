/// Recognises, one line at a time, what the scanning, printing and releasing of a telegram put on its pages:
/// classification banners (`FOIABanner`), printout and page headers (`PrintoutHeader`), section continuations,
/// extractor page markers (`## Page 2`, `[Page 1]`, `---`), archive ids (`13-00000`,
/// `NW 55061 Docld:32989751 Page 130`), reading-room footers (`… Case No. F-2017-13804 Doc No. C06697452`),
/// telegram-form titles and notices (`INCOMING TELEGRAM`, `REPRODUCTION FROM THIS COPY IS`), review-form
/// checkboxes, printout numbers (`PTP7930`), page counts (`2 OF 2`) and OCR specks (`• • •`, `|`).
enum FOIAPageFurniture {
    /// Whether the trimmed line `t` is furniture by itself (stamps that span lines are found by `ReleaseStamp`
    /// and `FOIALayout`).
    static func isFurniture(_ t: ArraySlice<UInt8>) -> Bool {
        if t.isEmpty { return false }
        return isSpeck(t) || isPageMarker(t) || FOIABanner.classification(t) != nil || PrintoutHeader.isFurniture(t)
            || PageFurniture.isSectionHeader(t) || t.count <= 60 && PageFurniture.isContinuationMarker(t) || isArchiveID(t) || isFormNotice(t)
            || isTelegramTitle(t) || isPrintoutNumber(t) || isReviewForm(t) || isDeclassifiedStamp(t) || isPageCount(t)
    }

    /// A page's number among the pages, alone on its line: `2 OF 2`, `1 of 3`.
    static func isPageCount(_ t: ArraySlice<UInt8>) -> Bool {
        guard t.count <= 9 else { return false }
        let w = t.split(separator: ASCII.space)
        guard w.count == 3, w[1].map(ASCII.upper).elementsEqual("OF".utf8), w[0].count <= 3, w[2].count <= 3,
              w[0].allSatisfy(ASCII.isDigit), w[2].allSatisfy(ASCII.isDigit), let page = Int(w[0].string), let pages = Int(w[2].string) else { return false }
        return page >= 1 && page <= pages
    }

    /// A number alone (`55061`): the record number of a NARA stamp (`NW 55061 Docld:32989751 Page 132`) that OCR set
    /// on a line of its own, when the stamp's id is on the next line or the one before (blank lines between).
    static func isStampNumber(_ lines: SourceLines, at i: Int) -> Bool {
        let t = lines.trimmed(i)
        guard (4...6).contains(t.count), t.allSatisfy(ASCII.isDigit) else { return false }
        if let next = lines.nextNonBlank(after: i), next - i <= 3, isArchiveID(lines.trimmed(next)) { return true }
        var before = i - 1
        while before >= 0, lines.isBlank(before) { before -= 1 }
        return before >= 0 && i - before <= 3 && isArchiveID(lines.trimmed(before))
    }

    /// Where a new copy of the telegram (a page of the PDF, or a second printout) begins: `## Page 2`,
    /// `[Page 1]`, `13-00000`, `TEXT OF TELEGRAM …`, `INCOMING TELEGRAM …`.
    static func startsCopy(_ t: ArraySlice<UInt8>) -> Bool {
        t.hasPrefix(caseInsensitive: "## PAGE ") || t.hasPrefix(caseInsensitive: "[PAGE ") || isJFKPageID(t)
            || t.hasPrefix(caseInsensitive: "TEXT OF TELEGRAM") || t.hasPrefix(caseInsensitive: "INCOMING TELEGRAM")
            || t.hasPrefix(caseInsensitive: "OUTGOING TELEGRAM")
    }

    /// The JFK records' identification form that precedes a telegram: `JFK ASSASSINATION SYSTEM`, `IDENTIFICATION FORM`.
    static func startsIdentificationForm(_ t: ArraySlice<UInt8>) -> Bool {
        t.firstWord(caseInsensitive: "ASSASSINATION SYSTEM") != nil || t.firstWord(caseInsensitive: "IDENTIFICATION FORM") != nil
    }

    // MARK: single lines

    /// No run of three letters or digits: `• • •`, `|`, `S....`, `(75`, `iu`. Kept: a lone paragraph number (`2.`),
    /// a reason or exemption code (`1.5.(D).`, `1.4(B)`, `B1`: a withheld passage), a rule under a heading
    /// (`-----`), two-letter codes and names (`UV, US`, `Lu`), two-letter words (`of`, `do`).
    static func isSpeck(_ t: ArraySlice<UInt8>) -> Bool {
        var run = 0
        for (k, b) in zip(t.indices, t) {
            if ASCII.isAlnum(b) { run += 1; if run >= 3 { return false } } else { run = 0 }
            if b == ASCII.period, k > t.startIndex, k + 1 < t.endIndex, ASCII.isDigit(t[k - 1]), ASCII.isDigit(t[k + 1]) { return false }
        }
        if t.count >= 4, t.allSatisfy({ "-=_*".utf8.contains($0) }) { return false }
        for token in t.split(whereSeparator: { !ASCII.isLetter($0) }) where token.count == 2 {
            if ASCII.isUpper(token[token.startIndex]) || twoLetterWords.contains(token.string) { return false }
        }
        if ReleaseStamp.exemptionCodes(t).map({ !$0.isEmpty }) == true { return false }
        return Paragraphs.start(t) == nil
    }

    private static let twoLetterWords: Set<String> = ["am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it",
                                                      "me", "my", "no", "of", "on", "or", "so", "to", "up", "us", "we"]

    /// `## Page 2`, `[Page 1]`, `---`, `# DOCID-32208170`, `PAGE NO. 1`.
    static func isPageMarker(_ t: ArraySlice<UInt8>) -> Bool {
        if t.hasPrefix(caseInsensitive: "## PAGE ") || t.hasPrefix(caseInsensitive: "[PAGE ") { return true }
        if t.elementsEqual("---".utf8) { return true }
        if t.hasPrefix(caseInsensitive: "# "), !t.dropFirst(2).contains(ASCII.space) { return true }
        if t.hasPrefix(caseInsensitive: "PAGE NO"), t.split(separator: ASCII.space).count <= 3 { return true }
        return false
    }

    /// Archive ids: `13-00000`, `176-10036-10048`, `NW#: 64822`, `Docid: 32208170`, `NW 55061 Docld:32989751 Page 130`,
    /// and the reading room's footer `… U.S. Department of State Case No. F-2017-13804 Doc No. C06697452 Date: 05/29/2019`.
    static func isArchiveID(_ t: ArraySlice<UInt8>) -> Bool {
        if isJFKPageID(t) { return true }
        if t.count == 15, t.filter({ $0 == ASCII.hyphen }).count == 2, t.filter(ASCII.isDigit).count == 13 { return true }
        if contains(t, "CASE NO") && contains(t, "DOC NO") { return true }
        guard t.count <= 80, t.contains(where: { $0 == ASCII.colon || $0 == UInt8(ascii: "#") }) else { return false }
        let tokens = t.split(separator: ASCII.space)
        guard tokens.count <= 8 else { return false }
        for token in tokens {
            if token.hasPrefix(caseInsensitive: "NW#") { return true }
            // Docid, DocId, Docld, Dooid, Dorid, PocId, Doold: the label of the NARA document id
            let label = token.prefix(while: { $0 != ASCII.colon })
            if label.count == 5, label.endIndex < token.endIndex, let f = label.first, f == UInt8(ascii: "D") || f == UInt8(ascii: "P"),
               label[label.startIndex + 1] == UInt8(ascii: "o"), label.last == UInt8(ascii: "d") { return true }
        }
        return false
    }

    /// `13-00000`, the page id of JFK records.
    static func isJFKPageID(_ t: ArraySlice<UInt8>) -> Bool {
        t.count == 8 && ASCII.isDigit(t[t.startIndex]) && ASCII.isDigit(t[t.startIndex + 1]) && t[t.startIndex + 2] == ASCII.hyphen
            && t.suffix(5).allSatisfy { $0 == UInt8(ascii: "0") }
    }

    /// The notices printed on telegram forms: `REPRODUCTION FROM THIS COPY IS` / `PROHIBITED UNLESS "UNCLASSIFIED"`,
    /// `FORM DS-322`, `FILE, RF,`, `RECORD COPY`.
    static func isFormNotice(_ t: ArraySlice<UInt8>) -> Bool {
        contains(t, "REPRODUCTION FROM") || contains(t, "PROHIBITED UNLESS") || contains(t, "OR \"UNCLASSIFIED\"")
            || t.hasPrefix(caseInsensitive: "FORM DS-") || t.hasPrefix(caseInsensitive: "FILE, RF") || t.hasPrefix(caseInsensitive: "FILE, RE")
            || contains(t, "RECORD COPY") && t.split(separator: ASCII.space).count <= 6
    }

    /// Telegram titles: `INCOMING TELEGRAM Department of Stave`, `TEXT OF TELEGRAM 86USNAT0005622`, `(Department of Sta`,
    /// `Game Secheranat Das ov) si ey TELEGRAM`.
    static func isTelegramTitle(_ t: ArraySlice<UInt8>) -> Bool {
        guard t.count <= 80, contains(t, "TELEGRAM") || contains(t, "RTMENT") else { return false }
        if contains(t, "INCOMING TELEGRAM") || contains(t, "OUTGOING TELEGRAM") || t.hasPrefix(caseInsensitive: "TEXT OF TELEGRAM") { return true }
        // the form's title in OCR (mixed case, where cables print capitals): "Game Secheranat Das ov) si ey TELEGRAM"
        let tokens = t.split(separator: ASCII.space)
        if tokens.count <= 10, let last = tokens.last, last.elementsEqual("TELEGRAM".utf8), t.contains(where: ASCII.isLower) { return true }
        // "Department of State" as the form prints it (mixed case; cables print capitals)
        guard tokens.count <= 6 else { return false }
        return tokens.contains { $0.count >= 6 && ($0.reversed().starts(with: "tnemtrap".utf8) || $0.reversed().starts(with: "tnemtru".utf8)) }
            && tokens.contains { $0.starts(with: "Sta".utf8) }
    }

    /// Printout numbers alone on a line: `PTP7930`, `ADP385`, `A0P149`, `ADP 149`.
    static func isPrintoutNumber(_ t: ArraySlice<UInt8>) -> Bool {
        guard t.count <= 10 else { return false }
        let tokens = t.split(separator: ASCII.space)
        let word: [UInt8]
        if tokens.count == 1 { word = Array(tokens[0]) }
        else if tokens.count == 2, tokens[0].elementsEqual("ADP".utf8) { word = Array(tokens[0] + tokens[1]) }
        else { return false }
        let digits = word.reversed().prefix(while: ASCII.isDigit).count
        let head = word.dropLast(digits)
        return (3...5).contains(digits) && (2...5).contains(head.count) && head.filter(ASCII.isUpper).count >= 2
            && head.allSatisfy { ASCII.isLetter($0) || $0 == UInt8(ascii: "0") }
    }

    /// The review form stamped on 1980s printouts (`DEPARTMENT OF STATE A/CDC/MR`, `( ) DECLASSIFY in PART`,
    /// `Cat. B - Transferred to`, `TS authority to:`) and the EXDIS caption-removal stamp.
    static func isReviewForm(_ t: ArraySlice<UInt8>) -> Bool {
        if t.contains(ASCII.slash), contains(t, "A/CD") { return true }
        let strong: [StaticString] = ["TS AUTHORITY", "DOWNGRADE TS", "NON-RESPONS", "( )"]
        if strong.contains(where: { contains(t, $0) }) { return true }
        // words a telegram uses too: only on the form's short lines
        guard t.count <= 40, t.last != ASCII.period else { return false }
        let weak: [StaticString] = ["CAT. B", "CAT. C", "CAT C", "TRANSFERRED TO", "EXEMPTIONS", "CAPTION AND", "CAPTION REMOVED",
                                    "REVIEWED BY", "RETAINED BY", "CONTROLLED BY S/S"]
        return weak.contains { contains(t, $0) }
    }

    /// `DECLASSIFIED` alone: the stamp (its `Authority` / `By` / `NARA, Date` lines are found by `FOIALayout`).
    static func isDeclassifiedStamp(_ t: ArraySlice<UInt8>) -> Bool {
        t.count <= 20 && t.filter(ASCII.isLetter).map(ASCII.upper).elementsEqual("DECLASSIFIED".utf8)
    }

    /// The lines of the NARA declassification stamp under `DECLASSIFIED`: `Authority`, `Autharity`, `By-`, `_NARA, Date`.
    static func isDeclassifiedStampLine(_ t: ArraySlice<UInt8>) -> Bool {
        let letters = t.filter(ASCII.isLetter).map(ASCII.upper)
        if t.count <= 14, letters.starts(with: "AUT".utf8), letters.reversed().starts(with: "YTIR".utf8) { return true }
        if t.count <= 4, letters.elementsEqual("BY".utf8) { return true }
        return t.count <= 20 && contains(t, "NARA")
    }

    /// `t` contains `needle` (upper-case ASCII), ignoring case, anywhere (no word boundary needed).
    static func contains(_ t: ArraySlice<UInt8>, _ needle: StaticString) -> Bool {
        firstIndex(of: needle, in: t) != nil
    }

    /// Where `needle` (upper-case ASCII) first occurs in `t`, ignoring case.
    static func firstIndex(of needle: StaticString, in t: ArraySlice<UInt8>) -> Int? {
        needle.withUTF8Buffer { n -> Int? in
            guard let first = n.first, n.count <= t.count else { return nil }
            var i = t.startIndex
            let last = t.endIndex - n.count
            while i <= last {
                if t[i] == first || t[i] == first | 0x20 && ASCII.isUpper(first) {
                    var k = 1
                    while k < n.count, ASCII.upper(t[i + k]) == n[k] { k += 1 }
                    if k == n.count { return i }
                }
                i += 1
            }
            return nil
        }
    }
}
