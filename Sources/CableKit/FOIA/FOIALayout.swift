/// How the lines of a FOIA release divide: furniture (stamps, banners, headers, identification forms, the
/// header block of a telegram form) and text; the copies of the telegram its pages hold (a new copy starts at
/// `## Page 2`, `13-00000`, `TEXT OF TELEGRAM`…), and which copies are kept: of a page printed twice, by two
/// OCR layers or as two printouts, only the better-looking copy (or the first) is kept.
struct FOIALayout {
    let lines: SourceLines
    /// Per line: the line is furniture and leaves the text.
    private(set) var furniture: [Bool]
    /// The copies, as line ranges in order.
    private(set) var copies: [Range<Int>] = []
    /// Per copy: false when it repeats another copy that is kept.
    private(set) var kept: [Bool] = []
    /// Per copy: it is a JFK identification form.
    private(set) var isForm: [Bool] = []
    /// Per copy: the header block of a telegram form (empty when the copy is not a form).
    private(set) var formHeaders: [Range<Int>] = []
    /// Per copy: its header zone, up to the first numbered paragraph (sixty lines at most), where routing lines,
    /// date-time groups and classification lines stand.
    private(set) var headerZones: [Range<Int>] = []
    /// The release read from the stamps.
    let release: Release?
    /// Page headers with text after them (`PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER`): where the text starts.
    private(set) var tails: [Int: Int] = [:]

    init(_ lines: SourceLines) {
        self.lines = lines
        let stamps = ReleaseStamp(lines)
        release = stamps.release
        var furniture = (0..<lines.count).map { FOIAPageFurniture.isFurniture(lines.trimmed($0)) }
        for i in stamps.lines { furniture[i] = true }
        for i in 0..<lines.count where !furniture[i] && FOIAPageFurniture.isStampNumber(lines, at: i) { furniture[i] = true }
        // the NARA stamp's lines under DECLASSIFIED, between which the telegram's lines may run
        for i in 0..<lines.count where FOIAPageFurniture.isDeclassifiedStamp(lines.trimmed(i)) {
            for j in (i + 1)..<min(lines.count, i + 12) where FOIAPageFurniture.isDeclassifiedStampLine(lines.trimmed(j)) {
                furniture[j] = true
            }
        }
        // a page header the text runs on after
        for i in 0..<lines.count where furniture[i] {
            let t = lines.trimmed(i)
            guard PrintoutHeader.pageHeader(t) != nil, let end = PageFurniture.pageHeaderEnd(t) else { continue }
            let rest = t[end...].trimmed
            if rest.split(separator: ASCII.space).count >= 2, rest.isUpperCaseText { furniture[i] = false; tails[i] = rest.startIndex }
        }
        self.furniture = furniture
        splitCopies()
        // the review forms' lines OCR garbled past recognition
        for copy in copies {
            for i in ReviewFormBlock.lines(in: copy, of: lines, furniture: self.furniture) { self.furniture[i] = true }
        }
        dropDuplicateCopies()
        formHeaders = copies.indices.map { isForm[$0] ? copies[$0].lowerBound..<copies[$0].lowerBound : TelegramForm.headerLines(in: copies[$0], of: self) }
        for header in formHeaders {
            for i in header { self.furniture[i] = true }
        }
        headerZones = copies.map { copy in
            let end = copy.prefix(60).first { Paragraphs.start(lines.trimmed($0)) != nil } ?? min(copy.upperBound, copy.lowerBound + 60)
            return copy.lowerBound..<end
        }
    }

    /// Line `i` stands in its copy's header zone.
    func isHeader(_ i: Int) -> Bool {
        copy(of: i).map { headerZones[$0].contains(i) } ?? false
    }

    /// The text of line `i`, trimmed: the whole line, or what follows a page header on it.
    func text(_ i: Int) -> ArraySlice<UInt8> {
        let t = lines.trimmed(i)
        return tails[i].map { t[$0...] } ?? t
    }

    /// Line `i` is text of a kept copy (blank lines included).
    func isKeptText(_ i: Int) -> Bool {
        guard !furniture[i], let k = copy(of: i) else { return false }
        return kept[k] && !isForm[k]
    }

    /// The index of the copy that holds line `i`.
    func copy(of i: Int) -> Int? {
        copies.firstIndex { $0.contains(i) }
    }

    /// Line indices of the kept copies, then of the others: where to look for a field first.
    var evidenceOrder: [Int] {
        let keptLines = copies.indices.filter { kept[$0] }.flatMap { Array(copies[$0]) }
        let otherLines = copies.indices.filter { !kept[$0] }.flatMap { Array(copies[$0]) }
        return keptLines + otherLines
    }

    // MARK: copies

    private mutating func splitCopies() {
        var starts = [0]
        for i in 1..<max(lines.count, 1) where FOIAPageFurniture.startsCopy(lines.trimmed(i)) {
            // a copy with no text yet ("## Page 2" right above "INCOMING TELEGRAM") runs on
            if let last = starts.last, (last..<i).allSatisfy({ lines.isBlank($0) || furniture[$0] }) { continue }
            starts.append(i)
        }
        copies = zip(starts, starts.dropFirst() + [lines.count]).map { $0..<$1 }.filter { !$0.isEmpty }
        kept = Array(repeating: true, count: copies.count)
        isForm = copies.map { copy in
            var seen = 0
            for i in copy where !lines.isBlank(i) {
                if FOIAPageFurniture.startsIdentificationForm(lines.trimmed(i)) { return true }
                seen += 1
                if seen > 15 { break }
            }
            return false
        }
    }

    /// A copy that shares most of its words (of four letters or more) with an earlier kept copy repeats it: the
    /// better-looking of the two is kept.
    private mutating func dropDuplicateCopies() {
        guard copies.count > 1 else { return }
        let words = copies.map(wordSet)
        for b in copies.indices where !isForm[b] && words[b].count >= 8 {
            for a in 0..<b where kept[a] && !isForm[a] && words[a].count >= 8 {
                // two readings of one page share most words; different pages of one telegram share a fifth or so
                let shared = words[a].intersection(words[b]).count
                guard shared * 20 >= 9 * max(words[a].count, words[b].count) else { continue }
                if look(copies[b]) > look(copies[a]) + 0.02 { kept[a] = false } else { kept[b] = false }
                break
            }
        }
    }

    /// The words of four letters or more in a copy's text, in capitals.
    private func wordSet(_ copy: Range<Int>) -> Set<[UInt8]> {
        var set = Set<[UInt8]>()
        for i in copy where !furniture[i] {
            for token in lines.trimmed(i).split(separator: ASCII.space) {
                let core = Self.core(token)
                if core.count >= 4, core.allSatisfy(ASCII.isLetter) { set.insert(core.map(ASCII.upper)) }
            }
        }
        return set
    }

    /// The share of a copy's words that read as words: `WORD`, `word`, `Word`, `1996`, `U.S.`, `SECRETARY'S`.
    private func look(_ copy: Range<Int>) -> Double {
        var clean = 0, total = 0
        for i in copy where !furniture[i] {
            for token in lines.trimmed(i).split(separator: ASCII.space) {
                total += 1
                if Self.readsAsWord(Self.core(token)) { clean += 1 }
            }
        }
        return total == 0 ? 0 : Double(clean) / Double(total)
    }

    /// A token without the punctuation around it.
    static func core(_ token: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let edge: Set<UInt8> = Set(".,;:'\"()!?-".utf8)
        var lo = token.startIndex, hi = token.endIndex
        while lo < hi, edge.contains(token[lo]) { lo += 1 }
        while hi > lo, edge.contains(token[hi - 1]) { hi -= 1 }
        return token[lo..<hi]
    }

    static func readsAsWord(_ w: ArraySlice<UInt8>) -> Bool {
        guard let first = w.first else { return false }
        if w.allSatisfy(ASCII.isDigit) { return true }
        let inner: Set<UInt8> = Set("'.-/".utf8)
        guard w.allSatisfy({ ASCII.isLetter($0) || inner.contains($0) }), ASCII.isLetter(first) else { return false }
        let rest = w.dropFirst().filter(ASCII.isLetter)
        return rest.allSatisfy(ASCII.isUpper) && ASCII.isUpper(first) || rest.allSatisfy(ASCII.isLower)
    }
}

extension SourceLines {
    /// The next line after `i` that is not blank.
    func nextNonBlank(after i: Int) -> Int? {
        var j = i + 1
        while j < count, isBlank(j) { j += 1 }
        return j < count ? j : nil
    }
}
