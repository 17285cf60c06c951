/// The stamps a declassified telegram carries, read into `Release`: the status stamp (`RELEASED IN FULL`,
/// `RELEASE IN PART B1,1.4(B),1.4(D)`, OCR'd as `R ELEASEIN` / `FULL`), the review stamp (`REVIEW AUTHORITY:
/// FRANK E SCHMELZER DATE/CASE ID: 08 OCT 2004 200401242`), the reading room's `Declassification Authority:` and
/// `Case No.` lines, and the JFK Act notice (`2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY … ACT OF 1992`).
struct ReleaseStamp {
    var release: Release?
    /// The lines the stamps take up (0-based), which leave the text.
    var lines: Set<Int> = []

    init(_ lines: SourceLines) {
        var status: String?
        var exemptions: [String] = []
        var review = Release()
        var declassification = Release()
        var notice = Release()
        var caseNumber: String?
        for i in 0..<lines.count {
            let t = lines.trimmed(i)
            if t.isEmpty { continue }
            if status == nil, let found = Self.status(lines, at: i) {
                status = found.status; exemptions = found.exemptions
                self.lines.formUnion(found.lines)
                continue
            }
            if let found = Self.notice(lines, at: i) {
                if notice.status == nil { notice = found.release }
                self.lines.formUnion(found.lines)
                continue
            }
            if let found = Self.reviewStamp(lines, at: i) {
                if review.reviewer == nil { review = found.release }
                self.lines.formUnion(found.lines)
                continue
            }
            if let found = Self.declassificationAuthority(lines, at: i) {
                if declassification.reviewer == nil { declassification = found.release }
                self.lines.formUnion(found.lines)
                continue
            }
            // the reading room's footer: "… Case No. F-2017-13804 Doc No. …" (spaces may be lost: "StateCase No.")
            if caseNumber == nil, let r = FOIAPageFurniture.firstIndex(of: "CASE NO. ", in: t) {
                let value = t[(r + 9)...].trimmed.prefix(while: { $0 != ASCII.space })
                if value.count >= 4, value.contains(where: ASCII.isDigit) { caseNumber = value.string }
            }
        }
        let details = [review, declassification, notice].first { $0.reviewer != nil || $0.caseID != nil } ?? Release()
        guard let stamped = status ?? notice.status else { return }
        release = Release(status: stamped, exemptions: exemptions, reviewer: details.reviewer,
                          reviewDate: details.reviewDate, caseID: details.caseID ?? caseNumber)
    }

    // MARK: status stamp

    /// `RELEASED IN FULL`, `RELEASE IN PART B1,1.4(B),1.4(D)`, `PTP5369 R ELEASEIN` over `FULL`: the status,
    /// normalised, with the exemption codes printed after it and the lines it covers. Prose ("was released in
    /// full") never matches: the stamp is capitals with at most one word (a printout number) before it.
    static func status(_ lines: SourceLines, at i: Int) -> (status: String, exemptions: [String], lines: [Int])? {
        let t = lines.trimmed(i)
        guard t.count <= 80, FOIAPageFurniture.contains(t, "ELEASE") else { return nil }
        // the stamp starts the line, or follows one word (a printout number)
        let starts = [t.startIndex] + (t.firstIndex(of: ASCII.space).map { [$0 + 1] } ?? [])
        for start in starts {
            if let found = status(lines, at: i, from: start) { return found }
        }
        return nil
    }

    private static func status(_ lines: SourceLines, at i: Int, from start: Int) -> (status: String, exemptions: [String], lines: [Int])? {
        let t = lines.trimmed(i)
        var letters: [(byte: UInt8, index: Int)] = []
        for k in start..<t.endIndex where ASCII.isLetter(t[k]) { letters.append((t[k], k)) }
        let word = letters.map(\.byte)
        let n: Int
        if word.starts(with: "RELEASEDIN".utf8) { n = 10 } else if word.starts(with: "RELEASEIN".utf8) { n = 9 } else { return nil }
        var covered = [i]
        let kind: String
        var rest: ArraySlice<UInt8>
        if word.count >= n + 4, let k = ["FULL", "PART"].first(where: { word[n..<(n + 4)].elementsEqual($0.utf8) }) {
            kind = k
            rest = t[(letters[n + 3].index + 1)...]
        } else if word.count == n, let next = lines.nextNonBlank(after: i) {
            let u = lines.trimmed(next)
            let nextLetters = u.filter(ASCII.isLetter)
            guard u.count <= 40, let k = ["FULL", "PART"].first(where: { nextLetters.starts(with: $0.utf8) }) else { return nil }
            kind = k
            covered.append(next)
            rest = u.firstWord(caseInsensitive: "FULL").map { u[($0 + 4)...] } ?? u.firstWord(caseInsensitive: "PART").map { u[($0 + 4)...] } ?? u[u.endIndex...]
        } else {
            return nil
        }
        guard var exemptions = exemptionCodes(rest.trimmed) else { return nil }
        if exemptions.isEmpty, let last = covered.last, let next = lines.nextNonBlank(after: last),
           let codes = exemptionCodes(lines.trimmed(next)), !codes.isEmpty {
            exemptions = codes
            covered.append(next)
        }
        return ("RELEASED IN " + kind, exemptions, covered)
    }

    /// `B1,1.4(B),1.4(D)`, `B6 B7(C)`: the codes, or nil when the text holds anything else (an empty text gives none).
    static func exemptionCodes(_ t: ArraySlice<UInt8>) -> [String]? {
        var codes: [String] = []
        for token in t.split(whereSeparator: { $0 == ASCII.comma || $0 == ASCII.space || $0 == ASCII.semicolon }) {
            let upper = token.map(ASCII.upper)
            guard isExemption(upper[...]) else { return nil }
            let code = upper.string
            if !codes.contains(code) { codes.append(code) }
        }
        return codes
    }

    /// `B1`, `B6`, `B7(C)`, `1.4(B)`, `1.5(D)`.
    private static func isExemption(_ u: ArraySlice<UInt8>) -> Bool {
        var i = u.startIndex
        if i < u.endIndex, u[i] == UInt8(ascii: "B") {
            i += 1
            let digits = i
            while i < u.endIndex, ASCII.isDigit(u[i]) { i += 1 }
            guard i > digits else { return false }
        } else {
            guard u.count >= 3, ASCII.isDigit(u[i]), u[i + 1] == ASCII.period, ASCII.isDigit(u[i + 2]) else { return false }
            i += 3
        }
        if i == u.endIndex { return true }
        return u.count - (i - u.startIndex) == 3 && u[i] == ASCII.openParen && ASCII.isAlnum(u[i + 1]) && u[i + 2] == ASCII.closeParen
    }

    // MARK: review stamps

    /// The review stamp starting on line `i` (`… REVIEW AUTHORITY: NAME DATE/CASE ID: …`), with its wrapped
    /// `DATE/CASE ID` line when it has one.
    static func reviewStamp(_ lines: SourceLines, at i: Int) -> (release: Release, lines: [Int])? {
        let t = lines.trimmed(i)
        guard let r = t.firstWord(caseInsensitive: "REVIEW AUTHORITY") else { return nil }
        var covered = [i]
        if FOIAPageFurniture.firstIndex(of: "DATE/CASE", in: t) == nil {
            guard let next = lines.nextNonBlank(after: i), FOIAPageFurniture.contains(lines.trimmed(next), "DATE/CASE") else {
                // prose mentions a review authority; the stamp prints a colon after it
                return t[(r + 16)...].first == ASCII.colon ? (reviewAuthority(t.string), covered) : nil
            }
            covered.append(next)
        }
        return (reviewAuthority(covered.map { lines.trimmed($0).string }.joined(separator: " ")), covered)
    }

    /// `UNITED STATES DEPARTMENT OF STATE REVIEW AUTHORITY: FRANK E SCHMELZER DATE/CASE ID: 08 OCT 2004 200401242`.
    static func reviewAuthority(_ text: String) -> Release {
        var release = Release()
        let upper = text.uppercased()
        guard let authority = upper.firstRange(of: "AUTHORITY") else { return release }
        var after = upper[authority.upperBound...].drop(while: { $0 == ":" || $0 == " " })
        var dateText: Substring = ""
        if let date = after.firstRange(of: "DATE") {
            dateText = after[date.upperBound...]
            after = after[..<date.lowerBound]
        }
        let name = squeezeSpaces(after.filter { $0.isLetter || $0 == " " || $0 == "." || $0 == "-" })
        if !name.isEmpty { release.reviewer = name }
        // "/CASE ID: 08 OCT 2004 200401242"
        if let colon = dateText.firstIndex(of: ":") { dateText = dateText[dateText.index(after: colon)...] }
        let words = dateText.split(separator: " ")
        if words.count >= 3, let day = Int(words[0]), let month = DateTimeGroup.month(ArraySlice(Array(words[1].utf8))),
           let year = Int(words[2]), let date = CableDate(year: year, month: month, day: day) {
            release.reviewDate = date.isoDate
            if words.count >= 4, words[3].allSatisfy(\.isNumber) { release.caseID = String(words[3]) }
        }
        return release
    }

    /// `Declassification Authority: Geoffrey W. Chapman, Senior Reviewer, A/GIS/IPS` with its date (`4/30/2019`)
    /// on the same or the next line.
    static func declassificationAuthority(_ lines: SourceLines, at i: Int) -> (release: Release, lines: [Int])? {
        let t = lines.trimmed(i)
        guard let first = t.first, ASCII.upper(first) == UInt8(ascii: "D"), let colon = t.firstIndex(of: ASCII.colon),
              t[..<colon].filter(ASCII.isLetter).map(ASCII.upper).elementsEqual("DECLASSIFICATIONAUTHORITY".utf8) else { return nil }
        var release = Release()
        let value = t[(colon + 1)...]
        let name = value.prefix(while: { $0 != ASCII.comma }).trimmed
        if !name.isEmpty { release.reviewer = spacedName(name) }
        var covered = [i]
        var date = slashDate(in: value)
        if let next = lines.nextNonBlank(after: i) {
            let u = lines.trimmed(next)
            let nextDate = slashDate(in: u)
            // the wrapped tail of the stamp: "Senior Reviewer, A/GIS/IPS 6/18/2019" or the date alone
            if nextDate != nil && u.count <= 40 || u.firstWord(caseInsensitive: "REVIEWER") != nil || u.firstWord(caseInsensitive: "A/GIS") != nil {
                covered.append(next)
                date = date ?? nextDate
            }
        }
        release.reviewDate = date
        return (release, covered)
    }

    /// `GeoffreyW. Chapman` (spaces lost in OCR) → `Geoffrey W. Chapman`.
    private static func spacedName(_ name: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        for (k, b) in name.enumerated() {
            if k > 0, ASCII.isUpper(b), ASCII.isLower(out.last!) { out.append(ASCII.space) }
            out.append(b)
        }
        return squeezeSpaces(out.string)
    }

    /// The first `M/D/YYYY` in `t`, as ISO.
    static func slashDate(in t: ArraySlice<UInt8>) -> String? {
        for token in t.split(whereSeparator: { $0 == ASCII.space || $0 == ASCII.comma }) {
            let parts = token.split(separator: ASCII.slash)
            guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy(ASCII.isDigit) }), parts[2].count == 4,
                  let m = Int(parts[0].string), let d = Int(parts[1].string), let y = Int(parts[2].string),
                  let date = CableDate(year: y, month: m, day: d) else { continue }
            return date.isoDate
        }
        return nil
    }

    // MARK: JFK Act notice

    /// `2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992`, or wrapped over
    /// lines: `Released under the John F.` … `1992 (44 USC 2107 Note).`, with the `Case#:` and date after it.
    static func notice(_ lines: SourceLines, at i: Int) -> (release: Release, lines: [Int])? {
        let t = lines.trimmed(i)
        guard let r = t.firstWord(caseInsensitive: "RELEASE UNDER") ?? t.firstWord(caseInsensitive: "RELEASED UNDER"),
              t[t.startIndex..<r].split(separator: ASCII.space).count <= 3 else { return nil }
        var start = r
        // a year printed before it: "2022 RELEASE UNDER"
        let before = t[t.startIndex..<r].trimmed
        if let year = before.split(whereSeparator: { !ASCII.isDigit($0) }).last, year.count == 4, year.endIndex == before.endIndex {
            start = year.startIndex
        }
        var text = t[start...].string
        var covered = [i]
        var k = i
        while !containsActYear(text), covered.count < 6, let next = lines.nextNonBlank(after: k) {
            text += " " + lines.trimmed(next).string
            covered.append(next)
            k = next
        }
        // the notice of the JFK Records Act, not prose about another release
        guard let actEnd = actYearEnd(text), text.range(ofCaseInsensitive: "KENNEDY") != nil else { return nil }
        var end = actEnd
        // "(44 USC 2107 Note)"
        let tail = text[end...].drop(while: { $0 == " " })
        if tail.first == "(", let close = tail.firstIndex(of: ")") { end = tail.index(after: close) }
        var release = Release(status: String(text[..<end]).trimming(" ."))
        // "Case#:NW 64822 Date:" and "01-23-2021"
        if let next = lines.nextNonBlank(after: k) {
            let u = lines.trimmed(next)
            if let c = u.firstWord(caseInsensitive: "CASE#") {
                var value = u[(c + 5)...].drop(while: { $0 == ASCII.colon || $0 == ASCII.space })
                if let d = value.firstWord(caseInsensitive: "DATE") { value = value[..<d] }
                let caseID = value.trimmed.string
                if !caseID.isEmpty { release.caseID = caseID }
                covered.append(next)
                if let after = lines.nextNonBlank(after: next), let date = dashDate(lines.trimmed(after)) {
                    release.reviewDate = date
                    covered.append(after)
                }
            }
        }
        return (release, covered)
    }

    private static func containsActYear(_ text: String) -> Bool { actYearEnd(text) != nil }

    /// The end of `ACT OF 1992` in `text`.
    private static func actYearEnd(_ text: String) -> String.Index? {
        guard let act = text.range(ofCaseInsensitive: "ACT OF ") else { return nil }
        let year = text[act.upperBound...].prefix(while: \.isNumber)
        return year.count == 4 ? year.endIndex : nil
    }

    /// `01-23-2021` → `2021-01-23`.
    private static func dashDate(_ t: ArraySlice<UInt8>) -> String? {
        let parts = t.split(separator: ASCII.hyphen)
        guard parts.count == 3, parts[2].count == 4, let m = Int(parts[0].string), let d = Int(parts[1].string),
              let y = Int(parts[2].string) else { return nil }
        return CableDate(year: y, month: m, day: d)?.isoDate
    }
}
