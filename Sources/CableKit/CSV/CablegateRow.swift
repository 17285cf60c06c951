/// One row of the Cablegate bulk CSV (`cables.csv`), with its eight columns as text.
///
/// The values are as the CSV has them (escapes removed, `\r\n` inside fields turned into `\n`);
/// nothing is trimmed or interpreted except `rowNumber`.
public struct CablegateRow: Sendable, Equatable {
    /// The first column as a number; `nil` when it is not a plain decimal number.
    public var rowNumber: Int?
    /// Creation time as the CSV writes it: `M/D/YYYY HH:MM` (see `createdDate`).
    public var created: String
    /// Reference id (`08STATE37957`).
    public var id: String
    /// Originating post (`Embassy Harare`).
    public var origin: String
    /// Classification with caveats (`SECRET//NOFORN`).
    public var classification: String
    /// The references column (ids of referenced cables, comma-separated as released).
    public var references: String
    /// The routing header of the telegram.
    public var header: String
    /// The telegram text after the header.
    public var body: String
    /// 1-based line in the CSV file where this row starts (for diagnostics).
    public var line: Int
    /// `"windows-1252"` when a field was not valid UTF-8 and its bytes that were not were decoded as
    /// Windows-1252 (`"utf-8+windows-1252"` when the row has UTF-8 beyond ASCII too); `"utf-16le"` or
    /// `"utf-16be"` when the CSV was UTF-16; else `nil`.
    public var encoding: String?

    public init(rowNumber: Int? = nil, created: String = "", id: String = "", origin: String = "",
                classification: String = "", references: String = "", header: String = "", body: String = "",
                line: Int = 1, encoding: String? = nil) {
        self.rowNumber = rowNumber; self.created = created; self.id = id; self.origin = origin
        self.classification = classification; self.references = references; self.header = header
        self.body = body; self.line = line; self.encoding = encoding
    }

    /// The reference id without the spaces around it: the cable's id (when valid).
    public var referenceID: String { id.trimming(" ") }

    /// The telegram the row holds — header, blank line, body (the body alone without a header): the text
    /// parsed, kept as the cable's original and fingerprinted in `source.sha256`.
    public var original: String { header.isEmpty ? body : header + "\n\n" + body }

    /// `created` read as `M/D/YYYY HH:MM` (leading zeros optional); `nil` when it is not that or not a
    /// real date.
    public var createdDate: CableDate? {
        var numbers: [Int] = []
        var current: Int? = nil
        for b in created.utf8 {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let v = (current ?? 0) * 10 + Int(b &- UInt8(ascii: "0"))
                guard v < 10_000 else { return nil }
                current = v
            case UInt8(ascii: "/"), UInt8(ascii: " "), UInt8(ascii: ":"):
                guard let c = current else {
                    if b == UInt8(ascii: " ") { continue }   // tolerate repeated spaces
                    return nil
                }
                numbers.append(c); current = nil
            default:
                return nil
            }
        }
        if let c = current { numbers.append(c) }
        guard numbers.count == 5 else { return nil }
        return CableDate(year: numbers[2], month: numbers[0], day: numbers[1], hour: numbers[3], minute: numbers[4])
    }
}

/// A row of the Cablegate CSV that could not be read. The reader goes on with the next row.
public struct CablegateCSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line in the CSV file where the bad row starts.
    public var line: Int
    /// What is wrong, e.g. `unterminated quoted field` or `row has 5 fields, expected 8`.
    public var message: String

    public init(line: Int, message: String) {
        self.line = line; self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
