/// What kind of thing a TAGS code names.
///
/// TAGS ("Traffic Analysis by Geography and Subject") is the State Department's controlled
/// vocabulary for indexing cables; every cable's `TAGS:` line mixes several kinds of code:
///
/// - `subject`: the four-letter subject TAGS of the State Department handbook, whose first letter
///   is the category (`A` administration, `B` business services, `C` consular, `E` economic,
///   `M` military and defense, `O` operations and outreach, `P` political, `S` social,
///   `T` technology and science): `PREL`, `ECON`, `MARR`, `CVIS`… (also `MEPP`, the Middle East
///   peace process).
/// - `program`: the program TAGS ("K-tags"), four letters beginning with `K`, which group cables
///   by program or office: `KNNP`, `KPAL`, `KDEM`, `KTIP`… The rule is strict: a code is
///   `program` exactly when it is a K-tag whose meaning is established; a K-code seen on real
///   cables whose meaning is not established is `other`.
/// - `country`: two-letter geographic codes: the FIPS 10-4 country and area codes TAGS uses
///   (`PK` Pakistan, `IZ` Iraq, `GM` Germany, which differ from ISO 3166), the TAGS-specific
///   ones (`SR` Serbia, `MW` Montenegro, `YI` Serbia and Montenegro, `TC` the former code of the
///   United Arab Emirates, `UR` Soviet Union) and the regional codes (`XA` Africa, `XF` Middle East…).
/// - `organization`: international organizations and agencies used as tags: `NATO`, `EUN`,
///   `UNSC`, `IAEA`, `OSCE`… (note `AU` is Austria, not the African Union).
/// - `person`: personal tags (`OVIP (CLINTON, HILLARY)`); they are free text, so the glossary
///   has no entries of this kind, but callers may classify words with it.
/// - `other`: codes found on real cables that are not standard: misspellings and slips (`PAK`,
///   `SYR`, `MAR`), one-off codes (`PSOE`, `PSI`, `MTCRE`), and codes whose meaning is uncertain
///   (their names say "probable" or "unidentified").
public enum TagKind: String, Sendable, CaseIterable {
    case subject, country, organization, program, person, other
}

/// One code of the TAGS glossary.
public struct TagEntry: Sendable, Equatable {
    /// The code as cables write it, upper case: `PREL`, `PK`, `NATO`.
    public let code: String
    /// What it stands for, in English: `External Political Relations`, `Pakistan`.
    public let name: String
    public let kind: TagKind

    public init(code: String, name: String, kind: TagKind) {
        self.code = code
        self.name = name
        self.kind = kind
    }
}

/// The TAGS glossary: code → name and kind, for the tags of a cable's `TAGS:` line.
///
/// Chancery uses it to show what a cable's tags mean (`PREL` → "External Political Relations"),
/// to tell countries from subjects when building tag and country pages, and to flag unknown
/// codes on import. The data ships with the tool (`TagGlossaryData.swift`) and is parsed once,
/// on first use of ``standard``.
public struct TagGlossary: Sendable {
    /// The glossary that ships with Chancery.
    public static let standard = TagGlossary(tsv: tagGlossaryTSV)

    /// Every entry, sorted by code.
    public let entries: [TagEntry]
    private let index: [String: Int]

    /// Builds a glossary from lines `CODE<TAB>kind<TAB>Name`; blank lines and lines starting with
    /// `#` are ignored, and so are malformed lines and repeated codes (see ``parse(_:)``).
    init(tsv: String) {
        self.init(entries: Self.parse(tsv).entries)
    }

    /// Builds a glossary from entries; a code given twice keeps its first entry.
    public init(entries: [TagEntry]) {
        var seen = Set<String>()
        var unique: [TagEntry] = []
        for entry in entries {
            let code = entry.code.uppercased()
            guard !code.isEmpty, seen.insert(code).inserted else { continue }
            unique.append(TagEntry(code: code, name: entry.name, kind: entry.kind))
        }
        unique.sort { $0.code < $1.code }
        self.entries = unique
        var index: [String: Int] = [:]
        index.reserveCapacity(unique.count)
        for (position, entry) in unique.enumerated() { index[entry.code] = position }
        self.index = index
    }

    /// The entry for a code, ignoring case and surrounding spaces (`"prel"` finds `PREL`).
    public func entry(for code: String) -> TagEntry? {
        guard let position = index[Self.key(code)] else { return nil }
        return entries[position]
    }

    /// Whether the glossary has an entry for the code (ignoring case).
    public func isKnown(_ code: String) -> Bool {
        index[Self.key(code)] != nil
    }

    /// The entries of one kind, sorted by code.
    public func entries(of kind: TagKind) -> [TagEntry] {
        entries.filter { $0.kind == kind }
    }

    private static func key(_ code: String) -> String {
        var trimmed = Substring(code)
        while let first = trimmed.first, first == " " || first == "\t" { trimmed.removeFirst() }
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        return trimmed.uppercased()
    }

    /// Parses glossary lines; `problems` describes every line that was skipped (malformed,
    /// unknown kind, repeated code) so tests can keep the shipped data clean.
    static func parse(_ tsv: String) -> (entries: [TagEntry], problems: [String]) {
        var entries: [TagEntry] = []
        var problems: [String] = []
        var seen = Set<String>()
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") || line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3 else {
                problems.append("not three tab-separated fields: \(line)")
                continue
            }
            let code = String(fields[0])
            guard !code.isEmpty, code == code.uppercased(), !code.contains(" ") else {
                problems.append("bad code: \(line)")
                continue
            }
            guard let kind = TagKind(rawValue: String(fields[1])) else {
                problems.append("unknown kind: \(line)")
                continue
            }
            let name = String(fields[2])
            guard !name.isEmpty, !name.hasPrefix(" "), !name.hasSuffix(" ") else {
                problems.append("bad name: \(line)")
                continue
            }
            guard seen.insert(code).inserted else {
                problems.append("repeated code: \(code)")
                continue
            }
            entries.append(TagEntry(code: code, name: name, kind: kind))
        }
        return (entries, problems)
    }
}
