/// Reads telegram text — WikiLeaks' cable text, archive telegrams, cleaned FOIA text — into a `Cable`.
/// A pure function of the text (and, for the year of an id the text does not give, the file name).
public enum TelegramParser {
    public struct Options: Sendable {
        /// The source file's name, used only when it is itself a valid reference id and the text lacks the year.
        public var fileName: String?
        public var glossary: TagGlossary
        public var posts: PostDirectory
        /// The text was read from a scan (a FOIA release): its headings are held to words that read as words.
        public var ocr = false
        public init(fileName: String? = nil, glossary: TagGlossary = .standard, posts: PostDirectory = .standard) {
            self.fileName = fileName; self.glossary = glossary; self.posts = posts
        }
    }

    public static func parse(_ text: String, options: Options = Options()) -> Cable {
        parse(SourceLines(text), options: options)
    }

    public static func parse(_ lines: SourceLines, options: Options = Options()) -> Cable {
        parseKeepingReferenceLine(lines, options: options).cable
    }

    /// The cable, and its REF line as written: a reader that settles the cable's year afterwards (the FOIA
    /// reader, from a printout's header) reads the references again with it.
    static func parseKeepingReferenceLine(_ written: SourceLines, options: Options) -> (cable: Cable, referenceLine: String?) {
        // the header is read with its tabs as spaces ("TAGS:<tab>PREL", "TO<tab>SECSTATE WASHDC"); the body keeps
        // them (they align its tables)
        let lines = written.withTabsAsSpaces() ?? written
        var layout = TelegramLayout(lines)
        var cable = Cable()
        cable.partial = layout.partial
        let posts = options.posts

        // 1. The classification line, before the first labelled field.
        let window = min(lines.count, 150)
        var firstField = window
        for i in 0..<window {
            if let t = layout.content(i), let (field, _) = HeaderFields.keywordAtStart(t), field != .classifiedBy, field != .reference {
                firstField = i; break
            }
        }
        var classIndex: Int?
        var classLine: ClassificationLine?
        for i in 0..<window {
            guard let t = layout.content(i), let c = ClassificationLine.parse(t), c.serial != nil else { continue }
            classIndex = i; classLine = c
            break
        }
        if classLine == nil {
            for i in 0..<firstField {
                guard let t = layout.content(i), let c = ClassificationLine.parse(t), t.count <= 40 else { continue }
                classLine = c; classIndex = i
                break
            }
        }
        // 2. Routing header above it.
        let routingEnd = classIndex ?? firstField
        let routing = RoutingHeader.parse(lines, range: 0..<routingEnd)
        // 3. Labelled fields below it.
        let fieldsStart = classIndex.map { $0 + 1 } ?? 0
        let header = HeaderFields.scan(lines, from: fieldsStart, content: { layout.content($0) }, glossary: options.glossary)

        // classification and caveats
        var caveats = Set(classLine?.caveats ?? [])
        caveats.formUnion(header.caveats)
        cable.classification = classLine?.classification ?? routing.classificationHint
        if header.sensitive, cable.classification == .unclassified { cable.classification = .unclassifiedFOUO }
        cable.caveats = Caveats.sorted(caveats)

        // date
        var date = routing.dateTimeGroup
        if date == nil {
            for i in 0..<min(lines.count, max(routingEnd, header.bodyStart)) {
                guard let t = layout.content(i) else { continue }
                if let (dtg, _) = DateTimeGroup.find(in: t) { date = dtg.date; break }
            }
        }
        var wikiLeaksDate: CableDate?
        for i in 0..<min(lines.count, header.bodyStart) {
            if let t = layout.content(i), let d = WikiLeaksDateLine.parse(t) { wikiLeaksDate = d; layout.markFurniture(i); break }
        }
        if date == nil { date = wikiLeaksDate }

        // E.O. line: declassification date
        if let eo = header.values[.eo] { cable.declassifyOn = Declassification.date(in: eo) }

        // reference id
        var postCode: String?
        var serial: Int?
        if let c = classLine, let post = c.post, let s = c.serial {
            postCode = posts.code(forWrittenName: post) ?? post.replacingSpaces()
            serial = s
        }
        let fileID = options.fileName.map(stripExtension).flatMap { ReferenceID.isValid($0) ? $0 : nil }
        if postCode == nil, let sender = routing.sender, let post = posts.post(forSender: sender), let s = routing.serial {
            postCode = post.code; serial = s
        }
        var idYear = date?.year
        if idYear == nil, let fileID, let parts = ReferenceID.parts(fileID), parts.post == postCode || postCode == nil,
           parts.serial == serial || serial == nil {
            idYear = parts.year; postCode = parts.post; serial = parts.serial
        }
        if idYear == nil, let decl = cable.declassifyOn, let y = Int(decl.prefix(4)) {
            // ten years before its declassification, as E.O. 12958 sets by default — but not before the cables
            // it cites ("REF: 04 PARIS 8760" puts PARIS 482 in 2005 at the earliest)
            idYear = max(y - 10, header.values[.reference].flatMap { ReferenceLine.earliestYear(citing: $0, post: postCode, serial: serial, posts: posts) } ?? 0)
        }
        if let postCode, let serial, let idYear { cable.id = ReferenceID.make(year: idYear, post: postCode, serial: serial) }

        if let date {
            cable.date = date
        } else if let idYear {
            cable.dateEstimated = true
            // a day at most, never a time
            if let decl = cable.declassifyOn, let d = CableDate(iso: decl), d.year - 10 == idYear {
                cable.date = CableDate.day(year: idYear, month: d.month, day: d.day)
            } else {
                cable.date = CableDate.day(year: idYear, month: 1, day: 1)
            }
        }

        // origin and addressees
        if let sender = routing.sender { cable.origin = posts.originName(forSender: sender) }
        if cable.origin == nil, let postCode { cable.origin = posts.post(code: postCode)?.name }
        cable.precedence = routing.precedence
        cable.to = routing.to
        cable.info = routing.info

        // tags, subject, references
        if let tags = header.values[.tags] { cable.tags = TagsLine.parse(tags, glossary: options.glossary) }
        if let subject = header.values[.subject] {
            cable.title = Subject.clean(subject)
            // "(C/NF) WHO WOULD REPLACE…": a NOFORN subject makes the cable NOFORN
            let bytes = ArraySlice(Array(subject.utf8)).trimmed
            if let (marking, _) = Paragraphs.marking(bytes, at: bytes.startIndex), marking.uppercased().contains("/NF"), !cable.caveats.contains("NOFORN") {
                caveats.insert("NOFORN")
                cable.caveats = Caveats.sorted(caveats)
            }
        }
        if let refs = header.values[.reference] {
            cable.references = ReferenceLine.parse(refs, year: idYear, ownID: cable.id, posts: posts)
            cable.referenceLine = ReferenceLine.asWritten(refs)
        }

        // body lines
        let subject = header.values[.subject].map { ArraySlice(Array($0.utf8)) }
        let markerPost = classLine?.post.map { ArraySlice(Array($0.utf8)) }
        let markerSerial = classLine?.serial.flatMap(PageFurniture.markerSerial)
        var bodyLines: [ArraySlice<UInt8>] = []
        var bodyNumbers: [Int] = []
        var i = header.bodyStart
        while i < lines.count {
            guard let t = layout.content(i) else { i += 1; continue }
            // a later section repeats the header: drop it and the routing lines before it
            if let c = ClassificationLine.parse(t), let section = c.section, section > 1 || c.serial == classLine?.serial && c.serial != nil,
               i > header.bodyStart || PageFurniture.isSectionHeader(t) {
                while let last = bodyLines.last, RoutingJunk.matches(last.trimmed) { bodyLines.removeLast(); bodyNumbers.removeLast() }
                let repeated = HeaderFields.scan(lines, from: i + 1, content: { layout.content($0) }, glossary: options.glossary)
                i = repeated.values.isEmpty ? i + 1 : repeated.bodyStart
                continue
            }
            // "SIPDIS" alone on a line is a caveat marker, already in the metadata
            if t.count == 6, t.elementsEqual("SIPDIS".utf8) { i += 1; continue }
            // a printout's page header that repeats the end of the subject ("PAGE 02 … OPPOSITION LEADER")
            if layout.isPageHeaderTail(i), let title = cable.title, t.count >= 6, title.utf8.count > t.count,
               title.utf8.suffix(t.count).elementsEqual(t) { i += 1; continue }
            // a continuation page's header repeats the subject, cut short, and the page's text runs on after it
            // ("STATE 00082013 002 OF 005" | "SUBJECT: … WITH UK, FRANCE, AND GERMA credit for our …")
            if let subject, layout.followsContinuationMarker(i), let end = PageFurniture.repeatedSubjectEnd(t, subject: subject) {
                let rest = t[end...].trimmed
                if !rest.isEmpty { bodyLines.append(written.bytes[rest.indices]); bodyNumbers.append(lines.number(i)) }
                i += 1; continue
            }
            if let line = layout.bodyLine(i) {
                var text = written.bytes[line.indices]
                if let post = markerPost, let serial = markerSerial { text = Self.withoutInlineMarkers(text, post: post, serial: serial, subject: subject) }
                bodyLines.append(text); bodyNumbers.append(lines.number(i))
            }
            i += 1
        }
        while let last = bodyLines.last, last.isBlank { bodyLines.removeLast(); bodyNumbers.removeLast() }
        while let first = bodyLines.first, first.isBlank { bodyLines.removeFirst(); bodyNumbers.removeFirst() }

        // classified by: in the header, or in the first paragraph of older cables
        var classifiedText = header.values[.classifiedBy]
        if classifiedText == nil {
            for (k, line) in bodyLines.prefix(20).enumerated() {
                guard let at = line.firstWord(caseInsensitive: "CLASSIFIED BY") else { continue }
                var text = line[(at + 13)...].string
                for next in bodyLines.dropFirst(k + 1).prefix(2) where !next.isBlank { text += " " + next.string }
                classifiedText = text
                break
            }
        }
        if let text = classifiedText {
            cable.classifiedBy = ClassifiedBy.name(in: text)
            cable.reasons = ClassifiedBy.reasons(in: text)
        }

        // the signature run on at the end of the last paragraph stands on its own line too
        if let last = bodyLines.lastIndex(where: { !$0.isBlank }), let (start, name) = Signature.runOn(bodyLines[last], in: bodyLines) {
            let line = bodyLines[last]
            var head = line[line.startIndex..<start]
            while head.last == ASCII.space { head = head.dropLast() }   // `¶3. Koenig`: no space after the number
            bodyLines[last] = head
            bodyLines.insert(line[start...], at: last + 1)
            bodyNumbers.insert(bodyNumbers[last], at: last + 1)
            cable.signedBy = name
        } else {
            cable.signedBy = Signature.find(in: bodyLines)
        }
        // the signature stands on its own line, not as the end of the last paragraph (a sign-off stays with it)
        if cable.signedBy != nil, bodyLines.count >= 2, !bodyLines[bodyLines.count - 2].isBlank, !Signature.isSignOff(bodyLines[bodyLines.count - 2]) {
            bodyLines.insert(ArraySlice(), at: bodyLines.count - 1)
            bodyNumbers.insert(bodyNumbers[bodyNumbers.count - 1], at: bodyNumbers.count - 1)
        }
        let blocks = BodyWriter.split(bodyLines, ocr: options.ocr)
        cable.summary = SummaryFinder.find(in: bodyLines, blocks: blocks)
        let output = BodyWriter.markdown(lines: bodyLines, blocks: blocks, lineNumbers: bodyNumbers)
        cable.body = output.markdown
        cable.repairs = output.repairs
        return (cable, header.values[.reference])
    }

    /// `line` without the continuation markers run into it (`… and to TEGUCIGALP 00000459 004 OF 004 protect our …`)
    /// and the subject a page header repeats after one: the text before and after joined by a space.
    static func withoutInlineMarkers(_ line: ArraySlice<UInt8>, post: ArraySlice<UInt8>, serial: [UInt8], subject: ArraySlice<UInt8>?) -> ArraySlice<UInt8> {
        var text = line
        // most lines: no marker, and nothing copied
        while let r = PageFurniture.inlineContinuationMarker(in: text, post: post, serial: serial) {
            let before = text[text.startIndex..<r.lowerBound]
            var after = text[r.upperBound...]
            if let subject, let end = PageFurniture.repeatedSubjectEnd(after, subject: subject) { after = after[end...].trimmed }
            text = ArraySlice(before.isEmpty ? Array(after) : after.isEmpty ? Array(before) : Array(before) + [ASCII.space] + Array(after))
        }
        return text
    }

    static func stripExtension(_ name: String) -> String {
        var base = Substring(name)
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        if let dot = base.lastIndex(of: ".") { base = base[..<dot] }
        return String(base)
    }
}

/// Routing lines repeated at a section break: `INFO LOG-00 …`, `ACTION AF-00`, `FM …`, `TO …`, `O 291359Z NOV 00`.
enum RoutingJunk {
    static func matches(_ t: ArraySlice<UInt8>) -> Bool {
        if t.isEmpty { return true }
        if t.hasPrefix(caseInsensitive: "ACTION ") || t.hasPrefix(caseInsensitive: "INFO ") && RoutingHeader.isDistributionList(t.dropFirst(5).trimmed) { return true }
        if t.hasPrefix(caseInsensitive: "FM ") || t.hasPrefix(caseInsensitive: "TO ") { return true }
        if t.hasPrefix(caseInsensitive: "---") { return true }
        if RoutingHeader.isRoutingIndicatorLine(t) || PageFurniture.isBanner(t) { return true }
        if let start = RoutingHeader.findPrecedenceDTG(t), start == t.startIndex { return true }
        return false
    }
}

extension String {
    func replacingSpaces() -> String { String(filter { $0 != " " }) }

    func range(ofCaseInsensitive needle: String) -> Range<String.Index>? {
        let upper = uppercased()
        guard upper.utf8.count == utf8.count, let r = upper.firstRange(of: needle.uppercased()) else { return nil }
        let lo = utf8.index(startIndex, offsetBy: upper.utf8.distance(from: upper.startIndex, to: r.lowerBound))
        let hi = utf8.index(lo, offsetBy: upper.utf8.distance(from: r.lowerBound, to: r.upperBound))
        return lo..<hi
    }
}
