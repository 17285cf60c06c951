/// The post-pass over a FOIA telegram: the release stamps, and the fields the telegram parser could not read
/// through the OCR, settled from all the evidence the pages hold (kept copies first): the classification from a
/// banner, the date from a telegram form, a damaged date-time group or a page header, the id from the printout
/// id or a page header, the origin from the FM or FROM line only, the subject and TAGS checked.
struct FOIAFields {
    let layout: FOIALayout
    let text: FOIAText
    let posts: PostDirectory
    let glossary: TagGlossary

    func complete(_ cable: inout Cable) {
        cable.release = layout.release
        let evidence = layout.evidenceOrder.filter { i in layout.copy(of: i).map { !layout.isForm[$0] } ?? false }
        let headers = evidence.filter(layout.isHeader)
        let form = TelegramForm(layout)
        let printout = evidence.lazy.compactMap { FOIAIdentity.printoutID(self.layout.lines.trimmed($0)) }.first

        let sender = headers.lazy.compactMap { self.fmSender(self.layout.lines.trimmed($0)) }.first ?? form?.sender
        let senderCode = sender.flatMap { knownPost(forSender: $0)?.code ?? (form?.sender == $0 ? Self.bareCode($0) : nil) }

        if cable.classification == nil { cable.classification = bannerClassification(evidence) }
        settleDate(&cable, form: form, printoutYear: printout?.year, headers: headers, evidence: evidence)
        let parsedID = cable.id.flatMap(ReferenceID.parts)
        settleID(&cable, parsed: parsedID.map { ($0.post, $0.serial) }, senderCode: senderCode, form: form, printout: printout, evidence: evidence)
        settleOrigin(&cable, sender: sender)
        if let title = cable.title {
            cable.title = FOIASubject.clean(title, vocabulary: FOIASubject.vocabulary(text.lines))
        }
        cable.tags = FOIATags.check(cable.tags, raw: FOIATags.rawLine(text.lines), glossary: glossary)
        var caveats = Set(cable.caveats)
        for i in headers where layout.isKeptText(i) {
            if let caveat = Self.garbledCaveat(layout.lines.trimmed(i)) { caveats.insert(caveat) }
        }
        cable.caveats = Caveats.sorted(caveats)
        cable.to = cable.to.map(Self.withoutGarbledPrecedence)
        cable.info = cable.info.map(Self.withoutGarbledPrecedence)
    }

    /// A header line that is one caveat OCR garbled by a letter (`EXOIS` for `EXDIS`): the caveat, when only one
    /// is that near.
    static func garbledCaveat(_ t: ArraySlice<UInt8>) -> String? {
        guard (5...10).contains(t.count), t.allSatisfy({ ASCII.isUpper($0) || ASCII.isDigit($0) }) else { return nil }
        let near = Caveats.order.filter { OCRConfusion.distance(Array(t), Array($0.utf8), limit: 1) <= 1 }
        return near.count == 1 ? near[0] : nil
    }

    /// An addressee without the precedence OCR garbled after it (`SECSTATE WASHDC IMMEOIATE` → `SECSTATE WASHDC`):
    /// a last word a letter from `IMMEDIATE`, `PRIORITY` or `ROUTINE` (the parser drops the precedence it reads).
    static func withoutGarbledPrecedence(_ addressee: String) -> String {
        var words = addressee.split(separator: " ")
        guard words.count >= 2, let last = words.last, last.count >= 6 else { return addressee }
        let letters = Array(last.uppercased().utf8)
        guard ["IMMEDIATE", "PRIORITY", "ROUTINE"].contains(where: { OCRConfusion.distance(letters, Array($0.utf8), limit: 1) <= 1 }) else {
            return addressee
        }
        words.removeLast()
        return words.joined(separator: " ")
    }

    /// The first banner's classification (`SECRET`, `. SECRET i REPRODUCTION FROM THIS COPY IS`); an `UNCLASSIFIED`
    /// banner is the release's marking, not the telegram's classification.
    private func bannerClassification(_ evidence: [Int]) -> Classification? {
        for i in evidence {
            var t = layout.lines.trimmed(i)
            if let r = t.firstWord(caseInsensitive: "REPRODUCTION") { t = t[..<r].trimmed }
            if let c = FOIABanner.classification(t), c != .unclassified { return c }
        }
        return nil
    }

    // MARK: date

    /// The form's date, a damaged date-time group in a header zone, a page header's day with the garbled group's
    /// month and year, or the archive's date of the record; the parser's date when it read a group.
    private func settleDate(_ cable: inout Cable, form: TelegramForm?, printoutYear: Int?, headers: [Int], evidence: [Int]) {
        if cable.date != nil, !cable.dateEstimated { return }
        if let date = form?.date { cable.date = date; cable.dateEstimated = false; return }
        let lines = layout.lines
        for i in headers {
            if let date = FOIADate.damagedGroup(lines.trimmed(i), year: printoutYear) { cable.date = date; cable.dateEstimated = false; return }
        }
        // a page header's day, with the month and year of the garbled group (the printout id's year first)
        if let group = headers.lazy.compactMap({ FOIADate.groupMonthAndYear(lines.trimmed($0)) }).first {
            for i in evidence {
                guard let stamp = PrintoutHeader.pageHeader(lines.trimmed(i))?.stamp, let day = FOIADate.stampDay(stamp),
                      let date = CableDate.day(year: printoutYear ?? group.year, month: group.month, day: day) else { continue }
                cable.date = date
                cable.dateEstimated = true
                return
            }
        }
        // the archive's record of the document (an outgoing form has no other date)
        if let date = TelegramForm.identificationDate(layout) { cable.date = date; cable.dateEstimated = false }
    }

    // MARK: id

    /// The id most places agree on: the parser's (from the classification line or the routing), the
    /// classification line and the printout id count twice, page headers and printout headers once; the form's
    /// FROM and serial when nothing else names them. A post must be in the directory or be the sender's
    /// (`AMEMBASSY BONN`), so a garbled one (`UNCLAS BMENST 07545`) gives no id.
    private func settleID(_ cable: inout Cable, parsed: (post: String, serial: Int)?, senderCode: String?, form: TelegramForm?,
                          printout: (year: Int, post: String, serial: Int)?, evidence: [Int]) {
        guard let year = cable.date?.year ?? printout?.year else { cable.id = nil; return }
        var candidates: [(post: String, serial: Int, weight: Int)] = []
        if let parsed { candidates.append((parsed.post, parsed.serial, 2)) }
        for line in text.lines {
            let t = ArraySlice(Array(line.utf8)).trimmed
            if Paragraphs.start(t) != nil { break }
            if let c = ClassificationLine.parse(t), let post = c.post, let serial = c.serial { candidates.append((post, serial, 2)); break }
        }
        if let printout { candidates.append((printout.post, printout.serial, 2)) }
        for i in evidence {
            let t = layout.lines.trimmed(i)
            // page and printout headers stand on every page; a bare "STATE 245206" only in a header zone
            guard layout.isHeader(i) || PrintoutHeader.isFurniture(t), let found = FOIAIdentity.postAndSerial(t) else { continue }
            candidates.append((found.post, found.serial, 1))
        }
        if let serial = form?.serial, let senderCode { candidates.append((senderCode, serial, 1)) }
        var weights: [String: Int] = [:]
        var order: [String] = []
        for (written, serial, weight) in candidates {
            let code = posts.code(forWrittenName: written) ?? written.replacingSpaces().uppercased()
            guard posts.post(code: code) != nil || code == senderCode else { continue }
            let id = ReferenceID.make(year: year, post: code, serial: serial)
            guard ReferenceID.isValid(id) else { continue }
            if weights[id] == nil { order.append(id) }
            weights[id, default: 0] += weight
        }
        // the heaviest, the first found among equals
        cable.id = order.reduce(nil) { best, id in best.map { weights[id]! > weights[$0]! ? id : $0 } ?? id }
    }

    // MARK: origin

    /// The origin from the FM line (or the form's FROM box) only; a garbled sender that is a letter or two from
    /// the id's post is that post (`AMENr3A§SY SuCHAREST`).
    private func settleOrigin(_ cable: inout Cable, sender: String?) {
        guard let sender else { cable.origin = nil; return }
        let named = knownPost(forSender: sender)
        if let named, posts.post(code: named.code) != nil { cable.origin = named.name; return }
        // a sender OCR garbled, or a post named by rule only: the id's post when the place is a letter or two from it
        if let id = cable.id, let idPost = ReferenceID.parts(id).flatMap({ posts.post(code: $0.post) }),
           let place = sender.split(separator: " ").last {
            let letters = Array(place.uppercased().filter(\.isLetter).utf8)
            if OCRConfusion.distance(letters, Array(idPost.code.utf8), limit: 2) <= 2 { cable.origin = idPost.name; return }
        }
        cable.origin = named?.name
    }

    /// `FM AMEMBASSY LONDON`, `O 241300Z SEP 01 FM AMEMBASSY ISLAMABAD`: the sender, up to a TO on the same line.
    private func fmSender(_ t: ArraySlice<UInt8>) -> String? {
        let start: Int
        if t.hasPrefix(caseInsensitive: "FM ") { start = t.startIndex + 3 }
        else if let fm = t.firstWord(caseInsensitive: "FM "), RoutingHeader.findPrecedenceDTG(t) != nil { start = fm + 3 }
        else { return nil }
        var value = t[start...]
        if let to = value.firstWord(caseInsensitive: "TO ") { value = value[..<to] }
        let s = squeezeSpaces(value.string)
        return s.isEmpty ? nil : s
    }

    /// A form's FROM box naming a place the directory does not know (`Bonn`): its code, when the first word is
    /// a capitalised word of four letters or more.
    static func bareCode(_ sender: String) -> String? {
        guard let first = sender.split(separator: " ").first, first.count >= 4, first.first?.isUppercase == true,
              first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return first.uppercased()
    }

    /// The post a sender names, trying its leading words when OCR junk follows (`Brussels shianinaaea 018`);
    /// posts not in the directory count when named with a post prefix (`AMEMBASSY BANGUI`).
    private func knownPost(forSender sender: String) -> Post? {
        let words = sender.split(separator: " ")
        for n in stride(from: min(words.count, 5), through: 1, by: -1) {
            guard let post = posts.post(forSender: words.prefix(n).joined(separator: " ")) else { continue }
            if posts.post(code: post.code) != nil || n >= 2 { return post }
        }
        return nil
    }
}
