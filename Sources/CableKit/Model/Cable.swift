/// One diplomatic cable as Chancery knows it: the metadata that becomes the YAML front matter of
/// `Content/cables/<YYYY>/<ID>.md`, and the body as Markdown.
///
/// Every field is optional or empty when the source does not say it; parsers never invent values
/// (an estimated date is marked with `dateEstimated`).
public struct Cable: Sendable, Equatable {
    /// Canonical reference id: two-digit year + origin + serial without leading zeros (`08STATE37957`).
    public var id: String?
    /// The subject line.
    public var title: String?
    /// When the cable was sent, from its date-time group (or estimated; see `dateEstimated`).
    public var date: CableDate?
    /// `true` when `date` is an estimate (a "partial extract" without a date-time group).
    public var dateEstimated: Bool
    /// The originating post's display name as WikiLeaks writes it (`Embassy Islamabad`).
    public var origin: String?
    public var classification: Classification?
    /// Handling caveats in the order found: `NOFORN`, `NODIS`, `EXDIS`, `SIPDIS`…
    public var caveats: [String]
    /// `FLASH`, `IMMEDIATE`, `PRIORITY` or `ROUTINE`.
    public var precedence: String?
    /// Action addressees, as written (`AMEMBASSY ISLAMABAD`).
    public var to: [String]
    /// Information addressees, as written.
    public var info: [String]
    /// TAGS codes, in order, without duplicates; person tags look like `OVIP (STEINBERG, JAMES B.)`.
    public var tags: [String]
    /// Canonical ids of the cables in the REF line.
    public var references: [String]
    /// The REF line as written, its white space runs made single spaces (`A. OSC EUP20090610950001 B. 08 MADRID
    /// 1141`): what the body's "Ref A" means, non-cable references included. Nil without a REF line.
    public var referenceLine: String?
    public var classifiedBy: String?
    /// Classification reasons, normalised: `1.4(b)`, `1.5(d)`.
    public var reasons: [String]
    /// Declassification date (ISO `YYYY-MM-DD`).
    public var declassifyOn: String?
    /// The signature, upper-cased as cables write it (`RICE`).
    public var signedBy: String?
    /// The cable's own summary paragraph, when it has one.
    public var summary: String?
    /// `true` for WikiLeaks' "partial extract" records.
    public var partial: Bool
    /// Release stamp of a FOIA release.
    public var release: Release?
    /// Where the cable came from.
    public var source: SourceInfo
    /// OCR repairs made while importing, each certain and listed here.
    public var repairs: [Repair]
    /// The body as Markdown (safe: no raw HTML can come from cable text).
    public var body: String

    public init(
        id: String? = nil, title: String? = nil, date: CableDate? = nil, dateEstimated: Bool = false,
        origin: String? = nil, classification: Classification? = nil, caveats: [String] = [],
        precedence: String? = nil, to: [String] = [], info: [String] = [], tags: [String] = [],
        references: [String] = [], referenceLine: String? = nil, classifiedBy: String? = nil, reasons: [String] = [],
        declassifyOn: String? = nil, signedBy: String? = nil, summary: String? = nil, partial: Bool = false,
        release: Release? = nil, source: SourceInfo = SourceInfo(), repairs: [Repair] = [], body: String = ""
    ) {
        self.id = id; self.title = title; self.date = date; self.dateEstimated = dateEstimated
        self.origin = origin; self.classification = classification; self.caveats = caveats
        self.precedence = precedence; self.to = to; self.info = info; self.tags = tags
        self.references = references; self.referenceLine = referenceLine; self.classifiedBy = classifiedBy; self.reasons = reasons
        self.declassifyOn = declassifyOn; self.signedBy = signedBy; self.summary = summary
        self.partial = partial; self.release = release; self.source = source; self.repairs = repairs
        self.body = body
    }
}

/// The release stamp of a declassified document (FOIA, archives).
public struct Release: Sendable, Equatable {
    /// `RELEASED IN FULL`, `RELEASED IN PART`, or the stamp as printed.
    public var status: String?
    /// FOIA exemption codes printed with the stamp (`B1`, `B6`, `1.4(D)`).
    public var exemptions: [String]
    public var reviewer: String?
    /// ISO `YYYY-MM-DD`.
    public var reviewDate: String?
    public var caseID: String?

    public init(status: String? = nil, exemptions: [String] = [], reviewer: String? = nil,
                reviewDate: String? = nil, caseID: String? = nil) {
        self.status = status; self.exemptions = exemptions; self.reviewer = reviewer
        self.reviewDate = reviewDate; self.caseID = caseID
    }
}

/// The input a cable was read from.
public struct SourceInfo: Sendable, Equatable {
    public var format: SourceFormat?
    /// The original's file name (for CSV: the CSV file and row).
    public var file: String?
    /// SHA-256 of the original bytes, lower-case hex.
    public var sha256: String?
    /// `windows-1252` when the original was not valid UTF-8 and its bytes that were not were decoded as
    /// Windows-1252; `utf-16le` or `utf-16be` for UTF-16.
    public var encoding: String?
    /// SHA-256 of the Markdown file as the importer wrote it (with this value zeroed); a file whose
    /// content no longer matches was edited by hand, and import leaves it alone without `--force`.
    public var checksum: String?

    public init(format: SourceFormat? = nil, file: String? = nil, sha256: String? = nil, encoding: String? = nil, checksum: String? = nil) {
        self.format = format; self.file = file; self.sha256 = sha256; self.encoding = encoding; self.checksum = checksum
    }
}

/// The kinds of input Chancery reads.
public enum SourceFormat: String, Sendable, CaseIterable, Codable {
    /// Telegram text as WikiLeaks and archives publish it.
    case telegram
    /// Text OCR'd from a FOIA release PDF, with page banners and review stamps.
    case foia
    /// A WikiLeaks cable page (`/cable/YYYY/MM/ID.html`).
    case wikileaks
    /// One row of the Cablegate bulk CSV.
    case csv
}

/// One OCR repair made during import, kept so a reader can check it against the original.
public struct Repair: Sendable, Equatable {
    /// What kind of repair: `doubling` (repeated words removed), `paragraph-number` (`14.` read as `¶4.`),
    /// `page-break` (a sentence split by page furniture joined again).
    public var kind: String
    /// The original text.
    public var original: String
    /// The text after repair.
    public var replacement: String
    /// Line in the original file, 1-based, when known.
    public var line: Int?

    public init(kind: String, original: String, replacement: String, line: Int? = nil) {
        self.kind = kind; self.original = original; self.replacement = replacement; self.line = line
    }
}
