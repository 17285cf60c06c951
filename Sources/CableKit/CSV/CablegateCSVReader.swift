/// Streaming reader for the Cablegate bulk CSV (`cables.csv`, 1.7 GB): feed it chunks of bytes of any
/// size and it hands back each row as soon as the row is complete, holding only the unfinished row.
///
/// The format: eight columns (row number, created `M/D/YYYY HH:MM`, reference id, origin,
/// classification, references, header, body); every field quoted with `"`; a backslash escapes the
/// next byte (`\"`, `\\`; there are no doubled quotes); fields span lines; rows end with `\n` or
/// `\r\n`. Also accepted: unquoted fields, RFC 4180 doubled quotes (`""`) inside quoted fields, a
/// stray `"` inside a quoted field that is not followed by `,` or a line break (kept as text), blank
/// lines between rows, a UTF-8 byte order mark, a header row (a first row whose first column is not a
/// number and whose third is not a reference id: `"id","created","refid",…`, skipped). `\r\n` inside a
/// field becomes `\n`.
///
/// A field that is not valid UTF-8 is decoded as Windows-1252 (`CablegateRow.encoding` says so, or says
/// `utf-8+windows-1252` when the row has UTF-8 beyond ASCII too). A CSV saved
/// as UTF-16, with its byte order mark or without, is read as the UTF-8 it stands for (`CSVInputEncoding`;
/// `CablegateRow.encoding` says `utf-16le` or `utf-16be`).
///
/// A malformed row (wrong number of fields, unterminated quote) becomes one `CablegateCSVError`
/// with the line the row starts on, and reading resumes at the next row start, a line that begins
/// with `"<digits>",`: first inside the bad row's own bytes (an unterminated quote swallows the rows
/// after it), then in the lines after it. So one bad row loses nothing else.
///
/// ```swift
/// var reader = CablegateCSVReader()
/// while let chunk = try file.read(upToCount: 1 << 20) {   // chunks may split rows anywhere
///     for result in chunk.withUnsafeBytes({ reader.feed($0) }) { ... }
/// }
/// for result in reader.finish() { ... }
/// ```
public struct CablegateCSVReader: Sendable {
    /// Columns in a Cablegate row.
    public static let columnCount = 8

    private enum State: Sendable {
        /// At the beginning of a line, outside any row (blank lines are skipped here).
        case lineStart
        /// At the beginning of a field.
        case fieldStart
        /// Inside a quoted field.
        case quoted
        /// Inside an unquoted field.
        case unquoted
        /// After a bad row, at the beginning of a line: is it a row start?
        case resync
        /// After a bad row, in a line that is not a row start: skip to its end.
        case skipLine
    }

    /// A closed field of the current row, as a byte range of `buffer`.
    private struct Field: Sendable {
        var start: Int
        var end: Int
        var quoted: Bool
        /// Escapes, doubled quotes or `\r\n` inside: the bytes must be rewritten before decoding.
        var needsCopy: Bool
    }

    /// Unconsumed input: the current (unfinished) row and what follows it.
    private var buffer: [UInt8] = []
    /// Next byte to look at (offset in `buffer`) and its line.
    private var pos = 0
    private var line: Int
    private var state = State.lineStart
    private var atStartOfInput = true
    /// No row has ended yet: the next may be a header.
    private var atFirstRow = true
    // The current row.
    private var rowStart = 0
    private var rowLine = 1
    private var fields: [Field] = []
    // The current field.
    private var fieldStart = 0
    private var fieldLine = 1
    private var fieldNeedsCopy = false
    /// Rewritten bytes of a field that needs it (reused).
    private var scratch: [UInt8] = []
    private var output: [Result<CablegateRow, CablegateCSVError>] = []
    /// UTF-16 turned into UTF-8 before the bytes reach `buffer`.
    private var input = CSVInputEncoding()

    public init() { self.init(startLine: 1) }

    /// A reader whose first byte is on line `startLine` (to re-read part of a file).
    init(startLine: Int) { line = startLine }

    /// Feeds the next chunk of bytes (any size; it may split a row, a field, an escape or a UTF-8
    /// sequence). Returns the rows completed by this chunk, in order.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) -> [Result<CablegateRow, CablegateCSVError>] {
        compact()
        if input.passesThrough { buffer.append(contentsOf: chunk) } else { buffer.append(contentsOf: input.decode(chunk)) }
        return run(atEOF: false)
    }

    /// `feed(_:)` for bytes in an array.
    public mutating func feed(_ bytes: [UInt8]) -> [Result<CablegateRow, CablegateCSVError>] {
        bytes.withUnsafeBytes { feed($0) }
    }

    /// Ends the input: returns the last row if the input did not end with a line break, or an error
    /// for an unterminated quoted field. The reader is then ready for a new file.
    public mutating func finish() -> [Result<CablegateRow, CablegateCSVError>] {
        if !input.passesThrough {
            compact()
            buffer.append(contentsOf: input.decode(UnsafeRawBufferPointer(start: nil, count: 0), atEOF: true))
        }
        let results = run(atEOF: true)
        self = CablegateCSVReader()
        return results
    }

    /// Reads a whole CSV file held in memory (for small files and tests).
    public static func read(_ bytes: [UInt8]) -> [Result<CablegateRow, CablegateCSVError>] {
        var reader = CablegateCSVReader()
        return reader.feed(bytes) + reader.finish()
    }

    // MARK: - Driving the scanner

    /// Drops the bytes before the current row (or before `pos` outside rows).
    private mutating func compact() {
        let keep: Int
        switch state {
        case .lineStart, .resync, .skipLine: keep = pos
        case .fieldStart, .quoted, .unquoted: keep = rowStart
        }
        guard keep > 0 else { return }
        buffer.removeSubrange(0..<keep)
        pos -= keep; rowStart -= keep; fieldStart -= keep
        for i in fields.indices { fields[i].start -= keep; fields[i].end -= keep }
    }

    private mutating func run(atEOF: Bool) -> [Result<CablegateRow, CablegateCSVError>] {
        // Take the buffer out of `self` so the scanner can read it while it mutates the state.
        let bytes = buffer
        buffer = []
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            let end = buf.count
            while true {
                scan(base, end: end, atEOF: atEOF)
                guard atEOF, state == .quoted else { break }
                rowFailed(base, failEnd: end,
                          message: "unterminated quoted field (field \(fields.count + 1), opened on line \(fieldLine))")
            }
        }
        buffer = bytes
        let results = output
        output = []
        return results
    }

    // MARK: - The scanner

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), comma = UInt8(ascii: ",")
    private static let lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    /// Runs the state machine from `pos` until the bytes run out, or until it needs a byte it does not
    /// have yet (then `pos` stays on the byte to look at again).
    private mutating func scan(_ base: UnsafePointer<UInt8>, end: Int, atEOF: Bool) {
        let quote = Self.quote, backslash = Self.backslash, comma = Self.comma, lf = Self.lf, cr = Self.cr
        while true {
            switch state {
            case .lineStart:
                if atStartOfInput {
                    // Skip a UTF-8 byte order mark.
                    if end - pos < 3 && !atEOF { return }
                    atStartOfInput = false
                    if end - pos >= 3, base[pos] == 0xEF, base[pos + 1] == 0xBB, base[pos + 2] == 0xBF { pos += 3 }
                }
                guard pos < end else { return }
                let b = base[pos]
                if b == lf { pos += 1; line += 1; continue }
                if b == cr {
                    if pos + 1 < end {
                        if base[pos + 1] == lf { pos += 2; line += 1 } else { pos += 1 }   // lines count LFs only
                        continue
                    }
                    if atEOF { pos += 1; continue }
                    return
                }
                rowStart = pos; rowLine = line
                fields.removeAll(keepingCapacity: true)
                state = .fieldStart

            case .fieldStart:
                guard pos < end else {
                    guard atEOF else { return }
                    // The input ends right after a comma: an empty last field.
                    fields.append(Field(start: pos, end: pos, quoted: false, needsCopy: false))
                    endRow(base, rowEnd: pos)
                    continue
                }
                fieldLine = line
                fieldNeedsCopy = false
                if base[pos] == quote {
                    pos += 1
                    fieldStart = pos
                    state = .quoted
                } else {
                    fieldStart = pos
                    state = .unquoted
                }

            case .quoted:
                // Hot loop: skip to the next quote, backslash or CR, counting line feeds.
                var lines = 0
                let i = CSVByteScan.find(base, from: pos, end: end, quote, backslash, cr, lineFeeds: &lines)
                pos = i; line += lines
                guard i < end else { return }   // at EOF: unterminated, handled by `run`
                let b = base[i]
                if b == cr {
                    fieldNeedsCopy = true           // `\r\n` becomes `\n`
                    pos = i + 1
                    continue
                }
                if b == backslash {
                    guard i + 1 < end else {
                        if atEOF { pos = end }      // a lone backslash at EOF: unterminated anyway
                        return
                    }
                    fieldNeedsCopy = true
                    if base[i + 1] == lf { line += 1 }
                    pos = i + 2
                    continue
                }
                // A quote: closing, doubled or stray?
                guard i + 1 < end else {
                    guard atEOF else { return }
                    closeField(end: i, quoted: true)
                    pos = end
                    endRow(base, rowEnd: end)
                    continue
                }
                switch base[i + 1] {
                case quote:
                    fieldNeedsCopy = true
                    pos = i + 2
                case comma:
                    closeField(end: i, quoted: true)
                    pos = i + 2
                    state = .fieldStart
                case lf:
                    closeField(end: i, quoted: true)
                    pos = i + 2; line += 1
                    endRow(base, rowEnd: pos)
                case cr:
                    guard i + 2 < end || atEOF else { return }
                    closeField(end: i, quoted: true)
                    if i + 2 < end, base[i + 2] == lf { pos = i + 3; line += 1 } else { pos = i + 2 }
                    endRow(base, rowEnd: pos)
                default:
                    pos = i + 1    // a stray quote is text
                }

            case .unquoted:
                var i = pos
                var b: UInt8 = 0
                while i < end {
                    b = base[i]
                    if b == comma || b == lf || b == cr || b == backslash { break }
                    i += 1
                }
                pos = i
                guard i < end else {
                    guard atEOF else { return }
                    closeField(end: end, quoted: false)
                    endRow(base, rowEnd: end)
                    continue
                }
                switch b {
                case comma:
                    closeField(end: i, quoted: false)
                    pos = i + 1
                    state = .fieldStart
                case lf:
                    closeField(end: i, quoted: false)
                    pos = i + 1; line += 1
                    endRow(base, rowEnd: pos)
                case cr:
                    guard i + 1 < end || atEOF else { return }
                    closeField(end: i, quoted: false)
                    if i + 1 < end, base[i + 1] == lf { pos = i + 2; line += 1 } else { pos = i + 1 }
                    endRow(base, rowEnd: pos)
                default: // backslash
                    guard i + 1 < end else {
                        if atEOF { pos = end }     // kept as text; the field ends at EOF
                        return
                    }
                    fieldNeedsCopy = true
                    if base[i + 1] == lf { line += 1 }
                    pos = i + 2
                }

            case .resync:
                switch Self.matchRowStart(base, at: pos, limit: end, atEOF: atEOF) {
                case .yes: state = .lineStart
                case .no: state = .skipLine
                case .needMore: return
                }

            case .skipLine:
                var i = pos
                while i < end, base[i] != lf { i += 1 }
                guard i < end else { pos = end; return }
                pos = i + 1; line += 1
                state = .resync
            }
        }
    }

    private mutating func closeField(end: Int, quoted: Bool) {
        fields.append(Field(start: fieldStart, end: end, quoted: quoted, needsCopy: fieldNeedsCopy))
    }

    /// The row that started at `rowStart` ended at `rowEnd` (after its line break).
    private mutating func endRow(_ base: UnsafePointer<UInt8>, rowEnd: Int) {
        defer { atFirstRow = false }
        if fields.count == Self.columnCount {
            let row = makeRow(base)
            // a header names the columns: no row number, no reference id
            if !(atFirstRow && row.rowNumber == nil && !ReferenceID.isValid(row.referenceID)) { output.append(.success(row)) }
            state = .lineStart
        } else {
            let n = fields.count
            rowFailed(base, failEnd: rowEnd,
                      message: "row has \(n) field\(n == 1 ? "" : "s"), expected \(Self.columnCount)")
        }
    }

    /// Reports the row at `rowStart` as bad and finds where to go on: at the first line inside
    /// `rowStart..<failEnd` that starts a row (then only the bytes before it are the bad row, and they
    /// are read again on their own for a precise message), else at `failEnd`, skipping lines until one
    /// starts a row.
    private mutating func rowFailed(_ base: UnsafePointer<UInt8>, failEnd: Int, message: String) {
        var i = rowStart
        while i < failEnd {
            if base[i] == Self.lf, i + 1 < failEnd,
               Self.matchRowStart(base, at: i + 1, limit: failEnd, atEOF: true) == .yes {
                let next = i + 1
                // Read the bad part alone: it yields one error (or, if it is a row after all, that row).
                var sub = CablegateCSVReader(startLine: rowLine)
                sub.atFirstRow = false
                let segment = UnsafeRawBufferPointer(start: base + rowStart, count: next - rowStart)
                let results = sub.feed(segment) + sub.finish()
                output += results.isEmpty ? [.failure(CablegateCSVError(line: rowLine, message: message))] : results
                line = rowLine + Self.countLineFeeds(base, from: rowStart, to: next)
                pos = next
                state = .lineStart
                return
            }
            i += 1
        }
        output.append(.failure(CablegateCSVError(line: rowLine, message: message)))
        pos = failEnd
        state = .resync
    }

    private enum Match { case yes, no, needMore }

    /// Does a row start at `i`: `"<digits>",` (or `<digits>,` unquoted)?
    private static func matchRowStart(_ base: UnsafePointer<UInt8>, at start: Int, limit: Int, atEOF: Bool) -> Match {
        var i = start
        let unknown: Match = atEOF ? .no : .needMore
        guard i < limit else { return unknown }
        let quoted = base[i] == quote
        if quoted { i += 1 }
        let digitsStart = i
        while i < limit, base[i] >= 0x30, base[i] <= 0x39 {
            i += 1
            if i - digitsStart > 18 { return .no }
        }
        guard i < limit else { return unknown }
        guard i > digitsStart else { return .no }
        if quoted {
            guard base[i] == quote else { return .no }
            i += 1
            guard i < limit else { return unknown }
        }
        return base[i] == comma ? .yes : .no
    }

    private static func countLineFeeds(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var n = 0
        for i in from..<to where base[i] == lf { n += 1 }
        return n
    }

    // MARK: - Building rows

    private mutating func makeRow(_ base: UnsafePointer<UInt8>) -> CablegateRow {
        var fallback: String?
        var fallbackFields = 0    // a bit for each field read with Windows-1252
        var text: [String] = []
        text.reserveCapacity(Self.columnCount)
        for (k, field) in fields.enumerated() {
            let (s, encoding) = decode(base, field)
            if let encoding {
                fallbackFields |= 1 << k
                if fallback != TextDecoding.utf8WithWindows1252 { fallback = encoding }
            }
            text.append(s)
        }
        // Windows-1252 in one field and UTF-8 beyond ASCII in another: the row is UTF-8 with a few such bytes
        if fallback == TextDecoding.windows1252,
           text.indices.contains(where: { fallbackFields & (1 << $0) == 0 && text[$0].utf8.contains(where: { $0 >= 0x80 }) }) {
            fallback = TextDecoding.utf8WithWindows1252
        }
        return CablegateRow(
            rowNumber: Self.decimal(base, fields[0]), created: text[1], id: text[2], origin: text[3],
            classification: text[4], references: text[5], header: text[6], body: text[7],
            line: rowLine, encoding: input.encoding ?? fallback)
    }

    private mutating func decode(_ base: UnsafePointer<UInt8>, _ field: Field) -> (String, String?) {
        guard field.needsCopy else {
            return TextDecoding.decode(buffer: UnsafeBufferPointer(start: base + field.start, count: field.end - field.start))
        }
        unescape(base, field)
        return scratch.withUnsafeBufferPointer { TextDecoding.decode(buffer: $0) }
    }

    /// Copies the field into `scratch` without its escapes: `\x` → `x`, `""` → `"` (quoted fields),
    /// `\r\n` → `\n`.
    private mutating func unescape(_ base: UnsafePointer<UInt8>, _ field: Field) {
        let quote = Self.quote, backslash = Self.backslash, lf = Self.lf, cr = Self.cr
        scratch.removeAll(keepingCapacity: true)
        scratch.reserveCapacity(field.end - field.start)
        let end = field.end
        var runStart = field.start
        var i = field.start
        @inline(__always) func flush(_ upTo: Int) {
            if upTo > runStart { scratch.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: upTo - runStart)) }
        }
        var ignored = 0
        while i < end {
            i = CSVByteScan.find(base, from: i, end: end, backslash, quote, cr, lineFeeds: &ignored)
            guard i < end else { break }
            let b = base[i]
            if b == backslash, i + 1 < end {
                flush(i)
                let x = base[i + 1]
                if x == cr, i + 2 < end, base[i + 2] == lf {
                    scratch.append(lf); i += 3
                } else {
                    scratch.append(x); i += 2
                }
                runStart = i
            } else if b == quote, field.quoted, i + 1 < end, base[i + 1] == quote {
                flush(i + 1)          // keep one quote
                i += 2; runStart = i
            } else if b == cr, i + 1 < end, base[i + 1] == lf {
                flush(i)              // drop the CR; the LF starts the next run
                i += 1; runStart = i
            } else {
                i += 1
            }
        }
        flush(end)
    }

    /// The field as a non-negative decimal number (surrounding spaces allowed).
    private static func decimal(_ base: UnsafePointer<UInt8>, _ field: Field) -> Int? {
        var i = field.start, end = field.end
        while i < end, base[i] == 0x20 { i += 1 }
        while end > i, base[end - 1] == 0x20 { end -= 1 }
        guard i < end, end - i <= 18 else { return nil }
        var value = 0
        while i < end {
            let d = base[i] &- 0x30
            guard d <= 9 else { return nil }
            value = value * 10 + Int(d)
            i += 1
        }
        return value
    }
}
