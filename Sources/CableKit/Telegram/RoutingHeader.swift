/// The transmission header above a telegram's text: `VZCZC…`, `DE RUEHC #7957 1012232`, the precedence and
/// date-time group (`O 102226Z APR 08`), `FM`, `TO` and `INFO` addressees. Printouts (`PAGE 01 …`, `ACTION AF-00`,
/// `INFO LOG-00 …`) and FOIA OCR (`O 241300Z SEP 01 FM AMEMBASSY ISLAMABAD` on one line) are read too.
struct RoutingHeader: Equatable {
    var precedence: String?
    var dateTimeGroup: CableDate?
    /// The sender as written on the FM line (`SECSTATE WASHDC`).
    var sender: String?
    var to: [String] = []
    var info: [String] = []
    /// The serial in the `DE` line (`#7957`).
    var serial: Int?
    /// The classification from the `ZNY SSSSS` line.
    var classificationHint: Classification?
    /// Precedence written on the TO line, used when the DTG line has none.
    var toPrecedence: String?

    static let precedenceLetters: [UInt8: String] = [
        UInt8(ascii: "Z"): "FLASH", UInt8(ascii: "O"): "IMMEDIATE", UInt8(ascii: "P"): "PRIORITY", UInt8(ascii: "R"): "ROUTINE",
    ]
    static let precedenceWords: Set<String> = ["FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE", "NIACT"]

    private enum Mode { case none, to, info, distribution }

    /// Reads the lines in `range` of `lines`.
    static func parse(_ lines: SourceLines, range: Range<Int>) -> RoutingHeader {
        var header = RoutingHeader()
        var mode = Mode.none
        for i in range {
            let t = lines.trimmed(i)
            if t.isEmpty {
                // a blank line ends a list of addressees; a form feed alone on its line is a page break inside it
                if mode == .to || mode == .info, !lines[i].contains(TelegramLayout.formFeed) { mode = .none }
                continue
            }
            if t.hasPrefix(caseInsensitive: "VZCZC") || t.hasPrefix(caseInsensitive: "ZNY ") || t.hasPrefix(caseInsensitive: "ZNR ") {
                if t.count > 4, !t.hasPrefix(caseInsensitive: "VZCZC") {
                    let letters = t.dropFirst(4).filter(ASCII.isLetter)
                    if letters.starts(with: "SSSSS".utf8) { header.classificationHint = .secret }
                    else if letters.starts(with: "CCCCC".utf8) { header.classificationHint = .confidential }
                    else if letters.starts(with: "UUUUU".utf8) { header.classificationHint = .unclassified }
                    else if letters.starts(with: "TTTTT".utf8) { header.classificationHint = .topSecret }
                }
                continue
            }
            if t.hasPrefix(caseInsensitive: "DE "), let hash = t.firstIndex(of: UInt8(ascii: "#")) {
                header.serial = Int(t[(hash + 1)...].prefix(while: ASCII.isDigit).string)
                continue
            }
            if isRoutingIndicatorLine(t) || t.hasPrefix(caseInsensitive: "PAGE ") || t.first == ASCII.hyphen && t.dropFirst().first == ASCII.hyphen {
                // "------------------A54E56 291401Z /38 O 291359Z NOV 00 FM AMEMBASSY HARARE TO …" in flattened printouts
                if let dtgStart = findPrecedenceDTG(t) { readDTGLine(t[dtgStart...], into: &header, mode: &mode) }
                continue
            }
            if t.hasPrefix(caseInsensitive: "ACTION ") { mode = .distribution; continue }
            if t.hasPrefix(caseInsensitive: "BT") && t.count == 2 { break }
            if let dtgStart = findPrecedenceDTG(t), dtgStart == t.startIndex || header.dateTimeGroup == nil && dtgStart < t.startIndex + 4 {
                readDTGLine(t[dtgStart...], into: &header, mode: &mode)
                continue
            }
            if t.hasPrefix(caseInsensitive: "FM ") {
                readAddressLine(t, into: &header, mode: &mode)
                continue
            }
            if t.hasPrefix(caseInsensitive: "TO ") || t.hasPrefix(caseInsensitive: "INFO ") || t.hasPrefix(caseInsensitive: "XMT ") {
                readAddressLine(t, into: &header, mode: &mode)
                continue
            }
            if t.first == UInt8(ascii: "@") { continue }  // FOIA routing notes ("@INFO: D(01) …")
            if mode == .to || mode == .info, endsAddressees(t) { mode = .none; continue }
            switch mode {
            case .to: header.addAddressee(t, info: false)
            case .info: header.addAddressee(t, info: true)
            default: break
            }
        }
        if header.precedence == nil { header.precedence = header.toPrecedence }
        return header
    }

    /// A line that cannot be an addressee and ends the list, where the classification line below it went unread:
    /// a caveat line (`NODIS`, `NODIS DECAPTIONED`, `EXDIS`), a classification spaced out (`S E C ire.7.USNATO
    /// 05622`), or the classification line with its classification lost (`STATE 245206`, `T STATE 236019`,
    /// `USNATO 05622`: one word and a serial of five digits or a padded one; an addressee's number follows two words
    /// or more).
    static func endsAddressees(_ t: ArraySlice<UInt8>) -> Bool {
        let first = t.prefix(while: ASCII.isLetter)
        if (5...10).contains(first.count), Caveats.known.contains(String(decoding: first.map(ASCII.upper), as: UTF8.self)) { return true }
        var words = t.split(separator: ASCII.space)[...]
        if words.prefix(3).count == 3, words.prefix(3).allSatisfy({ $0.count == 1 && ASCII.isUpper($0[$0.startIndex]) }) { return true }
        while let w = words.first, w.count == 1 { words = words.dropFirst() }
        guard words.count == 2, let post = words.first, let serial = words.last, post.count >= 3, post.allSatisfy(ASCII.isUpper),
              serial.allSatisfy(ASCII.isDigit) else { return false }
        return serial.count >= 5 || serial.count >= 3 && serial.first == UInt8(ascii: "0")
    }

    /// "OO RUEHWEB", "RR RUEHDBU RUEHFL" — routing indicators, no content.
    static func isRoutingIndicatorLine(_ t: ArraySlice<UInt8>) -> Bool {
        // most lines are rejected by their first word (one or two precedence letters) without splitting them
        let head = t.drop(while: { $0 == ASCII.space }).prefix(while: { $0 != ASCII.space })
        guard (1...2).contains(head.count), head.allSatisfy(isPrecedenceLetter) else { return false }
        let words = t.split(separator: ASCII.space)
        guard words.count >= 2 else { return false }
        return words.dropFirst().allSatisfy { $0.count >= 5 && $0.first == UInt8(ascii: "R") && $0.allSatisfy(ASCII.isUpper) }
    }

    /// Z, O, P or R: the keys of `precedenceLetters`.
    private static func isPrecedenceLetter(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "Z") || b == UInt8(ascii: "O") || b == UInt8(ascii: "P") || b == UInt8(ascii: "R")
    }

    /// Start of "O 102226Z APR 08" (precedence letters then a DTG) or of a bare DTG at the line start.
    static func findPrecedenceDTG(_ t: ArraySlice<UInt8>) -> Int? {
        guard let (_, range) = DateTimeGroup.find(in: t) else { return nil }
        // walk back over precedence letters
        var start = range.lowerBound
        var k = start - 1
        while k >= t.startIndex, t[k] == ASCII.space { k -= 1 }
        while k >= t.startIndex, precedenceLetters[t[k]] != nil, k == t.startIndex || t[k - 1] == ASCII.space {
            start = k
            k -= 1
            while k >= t.startIndex, t[k] == ASCII.space { k -= 1 }
        }
        return start
    }

    private static func readDTGLine(_ t: ArraySlice<UInt8>, into header: inout RoutingHeader, mode: inout Mode) {
        guard let (dtg, range) = DateTimeGroup.find(in: t) else { return }
        if header.dateTimeGroup == nil {
            header.dateTimeGroup = dtg.date
            if let first = t.first, let p = precedenceLetters[first], t.startIndex < range.lowerBound { header.precedence = p }
        }
        let rest = t[range.upperBound...].trimmed
        if let fm = rest.firstWord(caseInsensitive: "FM") {
            readAddressLine(rest[fm...], into: &header, mode: &mode)
        }
    }

    /// "FM X", "TO Y", "INFO Z", possibly several on one line (FOIA OCR joins them).
    private static func readAddressLine(_ t: ArraySlice<UInt8>, into header: inout RoutingHeader, mode: inout Mode) {
        // split at the keywords FM / TO / INFO / XMT that start words
        var cuts: [(Int, Mode?, Bool)] = []  // (index, mode, isFrom)
        var i = t.startIndex
        while i < t.endIndex {
            if i == t.startIndex || t[i - 1] == ASCII.space {
                let rest = t[i...]
                if rest.hasPrefix(caseInsensitive: "FM ") { cuts.append((i, nil, true)) }
                else if rest.hasPrefix(caseInsensitive: "TO ") && (i == t.startIndex || !cuts.isEmpty) { cuts.append((i, .to, false)) }
                else if rest.hasPrefix(caseInsensitive: "INFO ") { cuts.append((i, .info, false)) }
                else if rest.hasPrefix(caseInsensitive: "XMT ") { cuts.append((i, Mode.none, false)) }
            }
            i += 1
        }
        for (n, cut) in cuts.enumerated() {
            let end = n + 1 < cuts.count ? cuts[n + 1].0 : t.endIndex
            let keywordLength = cut.2 ? 3 : (cut.1 == .info ? 5 : (cut.1 == .to ? 3 : 4))
            let value = t[(cut.0 + keywordLength)..<end].trimmed
            if cut.2 {
                if header.sender == nil { header.sender = cleanAddressee(value, header: &header) }
                mode = .none
            } else if cut.1 == .to {
                mode = .to
                header.addAddressee(value, info: false)
            } else if cut.1 == .info {
                if isDistributionList(value) { mode = .distribution } else {
                    mode = .info
                    header.addAddressee(value, info: true)
                }
            } else {
                mode = .none
            }
        }
    }

    /// "LOG-00 NP-00 AID-00" is an office distribution list, not addressees.
    static func isDistributionList(_ t: ArraySlice<UInt8>) -> Bool {
        let words = t.split(separator: ASCII.space)
        guard let first = words.first, let dash = first.lastIndex(of: ASCII.hyphen) else { return false }
        return first[(dash + 1)...].allSatisfy(ASCII.isDigit) && first.count > dash - first.startIndex + 1
    }

    private mutating func addAddressee(_ t: ArraySlice<UInt8>, info: Bool) {
        guard let name = RoutingHeader.cleanAddressee(t, header: &self) else { return }
        if info { if !self.info.contains(name) { self.info.append(name) } } else if !to.contains(name) { to.append(name) }
    }

    /// "RUEHC/SECSTATE WASHDC PRIORITY 8662" → "SECSTATE WASHDC".
    static func cleanAddressee(_ t: ArraySlice<UInt8>, header: inout RoutingHeader) -> String? {
        var words = t.split(separator: ASCII.space)
        guard !words.isEmpty else { return nil }
        // a routing indicator glued to the name: `RUEHIL/AMEMBASSY ISLAMABAD`
        if words[0].first == UInt8(ascii: "R"), let slash = words[0].firstIndex(of: ASCII.slash), slash - words[0].startIndex >= 4,
           words[0][..<slash].allSatisfy({ ASCII.isUpper($0) || ASCII.isDigit($0) }) {
            words[0] = words[0][(slash + 1)...]
            if words[0].isEmpty { words.removeFirst() }
        }
        while let last = words.last {
            if last.allSatisfy(ASCII.isDigit) { words.removeLast(); continue }
            let up = String(decoding: last.map(ASCII.upper), as: UTF8.self)
            if precedenceWords.contains(up) {
                if header.toPrecedence == nil, up != "NIACT" { header.toPrecedence = up }
                words.removeLast(); continue
            }
            break
        }
        guard !words.isEmpty else { return nil }
        var name: [UInt8] = []
        for (k, word) in words.enumerated() {
            if k > 0 { name.append(ASCII.space) }
            name += word
        }
        return String(decoding: name, as: UTF8.self)
    }
}
