import Foundation

/// Reads one source document (the bytes of a file, or one CSV row) into a `Cable`: detects the format,
/// decodes the text, dispatches to the format's parser and stamps the source. Pure: no file system here.
public enum CableReader {
    /// A problem with one input, with the 1-based line it concerns when there is one.
    public struct Failure: Error, Sendable, Equatable {
        public var line: Int?
        public var message: String
        public init(line: Int? = nil, message: String) { self.line = line; self.message = message }

        /// `the file is 50.0 MB; a cable is at most 8.0 MB (raise the limit with --max-size)`: for a file
        /// refused by its size, whether it was read (`read`) or only measured (the importer).
        public static func tooLarge(size: Int, maximumSize: Int) -> Failure {
            Failure(message: "the file is \(CableReader.megabytes(size, roundingUp: true)) MB; a cable is at most \(CableReader.megabytes(maximumSize)) MB (raise the limit with --max-size)")
        }
    }

    /// The largest single cable accepted, in bytes (the largest real cables are under 1 MB).
    public static let defaultMaximumSize = 8 * 1024 * 1024

    /// `requireID: false` (for `inspect`) returns a cable in which no reference id was found, with `id` nil,
    /// instead of refusing it: everything else the file says is still worth seeing.
    public static func read(_ bytes: [UInt8], fileName: String, format: SourceFormat? = nil,
                            maximumSize: Int = defaultMaximumSize, requireID: Bool = true,
                            glossary: TagGlossary = .standard, posts: PostDirectory = .standard) throws(Failure) -> Cable {
        if bytes.count > maximumSize { throw Failure.tooLarge(size: bytes.count, maximumSize: maximumSize) }
        // UTF-16, with its byte order mark or without, is read as the UTF-8 it stands for; a UTF-8 mark is
        // dropped. The original bytes are what is fingerprinted (and stored).
        let original = bytes
        let (bytes, transcoded) = ByteOrderMark.unicodeBytes(original)
        try check(bytes)
        let format = format ?? SourceFormat.detect(bytes.prefix(16384), fileName: fileName)
        let options = TelegramParser.Options(fileName: fileName, glossary: glossary, posts: posts)
        var encoding = transcoded
        func text() -> String {
            let decoded = TextDecoding.decode(bytes)
            encoding = transcoded ?? decoded.encoding
            return decoded.text
        }
        var cable: Cable
        switch format {
        case .telegram where CableViewerText.opensLikeCableViewer(bytes):
            // a WikiLeaks page saved as text: its table and its cable, past the page's furniture
            let lines = TextDecoding.isValidUTF8(bytes) ? SourceLines(bytes: bytes) : SourceLines(text())
            guard let page = CableViewerText.page(lines) else {
                throw Failure(line: 1, message: "a WikiLeaks Cable Viewer page saved as text, but its table (Reference ID, Created, Released, Classification, Origin) was not found; import the page itself (.html)")
            }
            cable = try read(page, options: options)
        case .telegram:
            // valid UTF-8 is parsed from the bytes as they are: the text they decode to has the same bytes
            let lines = TextDecoding.isValidUTF8(bytes) ? SourceLines(bytes: bytes) : SourceLines(text())
            // double-spaced text (a blank line after every line) as the text it stands for
            cable = TelegramParser.parse(DoubleSpacing.collapsed(lines) ?? lines, options: options)
        case .foia:
            cable = FOIAReader.parse(text(), options: options)
        case .wikileaks:
            cable = try readWikiLeaksPage(text(), options: options)
        case .csv:
            throw Failure(line: 1, message: "a CSV file holds many cables; read it with CablegateCSVReader")
        }
        cable.source = SourceInfo(format: format, file: baseName(fileName), sha256: SHA256.hex(original), encoding: encoding)
        if requireID || cable.id != nil { try validate(cable) }
        return cable
    }

    /// One row of the Cablegate CSV: its metadata columns, and the header and body texts parsed as a telegram.
    public static func read(_ row: CablegateRow, fileName: String, glossary: TagGlossary = .standard,
                            posts: PostDirectory = .standard) throws(Failure) -> (cable: Cable, original: String) {
        // as in a file: NUL is no text, and would reach the pages and the stored original
        if let nul = row.firstNUL {
            throw Failure(line: nul.line, message: "binary data: NUL byte in column \(nul.column); not a text cable")
        }
        let original = row.original
        let options = TelegramParser.Options(fileName: nil, glossary: glossary, posts: posts)
        var (cable, referenceLine) = TelegramParser.parseKeepingReferenceLine(SourceLines(original), options: options)
        let id = row.referenceID
        guard ReferenceID.isValid(id) else {
            throw Failure(line: row.line, message: "invalid reference id '\(id.prefix(60))' in column 3")
        }
        settleID(id, of: &cable, referenceLine: referenceLine, posts: posts)
        if cable.date == nil || cable.dateEstimated, let created = CablegateRow.isoCreated(row.created), let d = CableDate(iso: created) {
            cable.date = d; cable.dateEstimated = false
        }
        if let c = Classification(label: row.classification) {
            cable.classification = c
            if row.classification.uppercased().contains("NOFORN"), !cable.caveats.contains("NOFORN") { cable.caveats.insert("NOFORN", at: 0) }
        }
        let origin = row.origin.trimming(" ")
        if !origin.isEmpty { cable.origin = origin }
        let refs = row.references.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map(String.init).filter(ReferenceID.isValid)
        if !refs.isEmpty { cable.references = refs }
        let bytes = Array(original.utf8)
        cable.source = SourceInfo(format: .csv, file: "\(baseName(fileName)):\(row.line)", sha256: SHA256.hex(bytes), encoding: row.encoding)
        try validate(cable, line: row.line)
        return (cable, original)
    }

    static func readWikiLeaksPage(_ html: String, options: TelegramParser.Options) throws(Failure) -> Cable {
        let page: WikiLeaksPage
        do { page = try WikiLeaksPage.parse(html) } catch { throw Failure(line: error.line, message: error.message) }
        return try read(page, options: options)
    }

    /// A WikiLeaks page's telegram, with what its table or synopsis says.
    static func read(_ page: WikiLeaksPage, options: TelegramParser.Options) throws(Failure) -> Cable {
        var (cable, referenceLine) = TelegramParser.parseKeepingReferenceLine(SourceLines(page.telegramText), options: options)
        if let id = page.id?.trimming(" "), !id.isEmpty {
            guard ReferenceID.isValid(id) else { throw Failure(line: nil, message: "invalid reference id '\(id.prefix(60))' in the page's table") }
            settleID(id, of: &cable, referenceLine: referenceLine, posts: options.posts)
        }
        if let created = page.created, let d = CableDate(iso: created), cable.date == nil || cable.dateEstimated {
            cable.date = d; cable.dateEstimated = false
        }
        if let label = page.classification, let c = Classification(label: label) {
            cable.classification = c
            if label.uppercased().contains("NOFORN"), !cable.caveats.contains("NOFORN") { cable.caveats.insert("NOFORN", at: 0) }
        }
        if let origin = page.origin?.trimming(" "), !origin.isEmpty { cable.origin = origin }
        // a PlusD page's synopsis, where its text does not say
        if cable.title == nil, let subject = page.subject { cable.title = Subject.clean(subject) }
        if cable.tags.isEmpty { cable.tags = page.tags.filter { !$0.isEmpty } }
        if cable.origin == nil, let from = page.from?.trimming(" "), !from.isEmpty { cable.origin = originName(plusdFrom: from, posts: options.posts) }
        return cable
    }

    /// A PlusD sender (`China Shanghai`, `Spain Madrid`) as the post's name (`Consulate Shanghai`): the longest
    /// tail of its words that names a post; else as written.
    static func originName(plusdFrom from: String, posts: PostDirectory) -> String {
        let words = from.split(separator: " ")
        for k in stride(from: words.count, through: 1, by: -1) {
            let tail = words.suffix(k).joined(separator: " ").uppercased()
            if let code = posts.code(forWrittenName: tail), let name = posts.post(code: code)?.name { return name }
        }
        return from
    }

    /// Gives the cable the id its metadata (a CSV column, a page's table) states. The REF line cites by post
    /// and serial and takes the cable's year: when the text alone gave another year, or none (no date-time
    /// group), it is read again with the year of that id, as the same cable's text file named after it is.
    static func settleID(_ id: String, of cable: inout Cable, referenceLine: String?, posts: PostDirectory) {
        let year = ReferenceID.parts(id)?.year
        if let referenceLine, let year, cable.id.flatMap(ReferenceID.parts)?.year != year {
            cable.references = ReferenceLine.parse(referenceLine, year: year, ownID: id, posts: posts)
        }
        cable.id = id
    }

    /// Empty or binary (NUL bytes) input, once a byte order mark or UTF-16 is settled.
    static func check(_ bytes: [UInt8]) throws(Failure) {
        if bytes.isEmpty || bytes.allSatisfy({ ASCII.isSpace($0) || $0 == ASCII.newline }) {
            throw Failure(line: 1, message: "the file is empty")
        }
        if bytes.starts(with: Array("%PDF-".utf8)) {
            throw Failure(line: 1, message: "a PDF file: " + pdfAdvice)
        }
        if let nul = firstNUL(bytes) {
            let line = bytes[..<nul].reduce(1) { $0 + ($1 == ASCII.newline ? 1 : 0) }
            throw Failure(line: line, message: "binary data: NUL byte at offset \(nul); not a text cable")
        }
    }

    /// The offset of the first NUL byte (found with memchr); nil when there is none.
    static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstNUL(in: $0) }
    }

    static func firstNUL(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, let hit = memchr(base, 0, bytes.count) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// What to do with a PDF: Chancery reads the text of a release, not the PDF.
    public static let pdfAdvice = "Chancery imports text; extract the text first (pdftotext for a PDF with a text layer, OCR such as `ocrmypdf --sidecar out.txt in.pdf out.pdf` for a scan) and import the .txt"

    /// Why a file without a reference id cannot be stored.
    public static let noIDMessage = "no reference id found: no classification line with post and serial (such as 'SECRET STATE 037957'), and the file name is not a reference id"

    /// A cable must have an id to be stored; the id can never contain a path separator.
    static func validate(_ cable: Cable, line: Int? = nil) throws(Failure) {
        guard let id = cable.id else { throw Failure(line: line ?? 1, message: noIDMessage) }
        guard ReferenceID.isValid(id) else { throw Failure(line: line ?? 1, message: "invalid reference id '\(id.prefix(60))'") }
    }

    /// Bytes in megabytes with one decimal, to the nearest tenth (`1_572_864` → `1.5`), or up to the next
    /// tenth so that a size just over a limit never reads as the limit.
    static func megabytes(_ n: Int, roundingUp: Bool = false) -> String {
        let tenths = (n * 10 + (roundingUp ? 1048575 : 524288)) / 1048576
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The file name in a path (`in/2009/09STATE40423.txt` → `09STATE40423.txt`): what `source.file` records.
    public static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}

extension CablegateRow {
    /// The first NUL byte in the row: the 1-based column holding it and the CSV line it is on (the reader
    /// keeps every line feed of a field, so a field's line feeds are the file's); nil when there is none.
    var firstNUL: (column: Int, line: Int)? {
        let fields = [created, id, origin, classification, references, header, body]
        // memchr over each field; line feeds are counted only in a row that has a NUL
        for (i, field) in fields.enumerated() {
            var text = field
            guard let offset = text.withUTF8({ CableReader.firstNUL(in: $0) }) else { continue }
            let before = fields[..<i].map { $0.utf8[...] } + [field.utf8.prefix(offset)]
            return (i + 2, line + before.reduce(0) { n, bytes in n + bytes.reduce(0) { $0 + ($1 == ASCII.newline ? 1 : 0) } })
        }
        return nil
    }

    /// The `created` column (`4/10/2008 22:26`) as `2008-04-10 22:26`; nil when it is not in that form.
    static func isoCreated(_ created: String) -> String? {
        let parts = created.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == ":" })
        guard parts.count >= 3, let m = Int(parts[0]), let d = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        let h = parts.count > 3 ? Int(parts[3]) ?? 0 : 0
        let mi = parts.count > 4 ? Int(parts[4]) ?? 0 : 0
        guard let date = CableDate(year: y, month: m, day: d, hour: h, minute: mi) else { return nil }
        return date.isoDate + " " + pad(h) + ":" + pad(mi)
    }
}
