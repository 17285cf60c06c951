/// Writes a cable as a Markdown file: YAML front matter with every key in its fixed order (`null`/`[]`
/// when unknown), then the body. The output is deterministic: the same cable gives the same bytes.
public enum FrontMatterWriter {
    /// The front-matter keys in the order they are written; `chancery inspect --json` uses the same list.
    public static let keys = [
        "id", "title", "date", "date_estimated", "origin", "classification", "caveats", "precedence", "to", "info",
        "tags", "references", "reference_line", "classified_by", "reasons", "declassify_on", "signed_by", "summary", "partial",
        "release", "source", "repairs",
    ]

    public static func document(_ cable: Cable) -> String {
        frontMatter(cable) + "\n" + cable.body
    }

    /// The document as the importer writes it: with `source.checksum` set to the SHA-256 of the file
    /// (computed with the checksum's own value as 64 zeros).
    public static func sealedDocument(_ cable: Cable) -> String {
        String(decoding: sealedDocumentBytes(cable), as: UTF8.self)
    }

    /// `sealedDocument` as the UTF-8 bytes the importer writes.
    public static func sealedDocumentBytes(_ cable: Cable) -> [UInt8] {
        var c = cable
        c.source.checksum = Checksum.placeholder
        let front = frontMatter(c)
        // the placeholder's place, looked for in the front matter alone (its values never hold a line break, so
        // the marker is there once), from its end: only `repairs` follows it
        guard let r = front.range(ofASCII: Checksum.markerLiteral, backwards: true) else { return Array(document(c).utf8) }
        let end = front.utf8.distance(from: front.startIndex, to: r.upperBound) + Checksum.placeholder.utf8.count
        var bytes = Array(front.utf8)
        bytes.append(ASCII.newline)
        bytes.append(contentsOf: c.body.utf8)
        let digest = Array(SHA256.hex(bytes).utf8)
        bytes.replaceSubrange((end - digest.count)..<end, with: digest)
        return bytes
    }

    public static func frontMatter(_ c: Cable) -> String {
        var y = "---\n"
        y += "id: \(YAMLScalar.optional(c.id))\n"
        y += "title: \(c.title.map(YAMLScalar.quoted) ?? "null")\n"
        y += "date: \(c.date?.written ?? "null")\n"
        y += "date_estimated: \(c.dateEstimated)\n"
        y += "origin: \(YAMLScalar.optional(c.origin))\n"
        y += "classification: \(c.classification.map { YAMLScalar.string($0.rawValue) } ?? "null")\n"
        y += "caveats: \(YAMLScalar.flowList(c.caveats))\n"
        y += "precedence: \(YAMLScalar.optional(c.precedence))\n"
        y += "to: \(YAMLScalar.flowList(c.to))\n"
        y += "info: \(YAMLScalar.flowList(c.info))\n"
        y += "tags: \(YAMLScalar.flowList(c.tags))\n"
        y += "references: \(YAMLScalar.flowList(c.references))\n"
        y += "reference_line: \(c.referenceLine.map(YAMLScalar.quoted) ?? "null")\n"
        y += "classified_by: \(c.classifiedBy.map(YAMLScalar.quoted) ?? "null")\n"
        y += "reasons: \(YAMLScalar.flowList(c.reasons))\n"
        y += "declassify_on: \(c.declassifyOn ?? "null")\n"
        y += "signed_by: \(c.signedBy.map(YAMLScalar.quoted) ?? "null")\n"
        y += "summary: \(c.summary.map(YAMLScalar.quoted) ?? "null")\n"
        y += "partial: \(c.partial)\n"
        if let r = c.release {
            y += "release:\n"
            y += "  status: \(r.status.map(YAMLScalar.quoted) ?? "null")\n"
            y += "  exemptions: \(YAMLScalar.flowList(r.exemptions))\n"
            y += "  reviewer: \(r.reviewer.map(YAMLScalar.quoted) ?? "null")\n"
            y += "  review_date: \(r.reviewDate ?? "null")\n"
            y += "  case: \(r.caseID.map(YAMLScalar.quoted) ?? "null")\n"
        } else {
            y += "release: null\n"
        }
        y += "source:\n"
        y += "  format: \(c.source.format?.rawValue ?? "null")\n"
        y += "  file: \(c.source.file.map(YAMLScalar.quoted) ?? "null")\n"
        y += "  sha256: \(c.source.sha256 ?? "null")\n"
        if let encoding = c.source.encoding { y += "  encoding: \(YAMLScalar.string(encoding))\n" }
        if let checksum = c.source.checksum { y += "  checksum: \(checksum)\n" }
        if c.repairs.isEmpty {
            y += "repairs: []\n"
        } else {
            y += "repairs:\n"
            for r in c.repairs {
                y += "  - {kind: \(YAMLScalar.string(r.kind)), line: \(r.line.map(String.init) ?? "null"), original: \(YAMLScalar.quoted(r.original)), replacement: \(YAMLScalar.quoted(r.replacement))}\n"
            }
        }
        y += "---\n"
        return y
    }
}

/// The `source.checksum` seal on imported files.
public enum Checksum {
    /// The line the seal's value follows, as a literal for the byte search that places it.
    static let markerLiteral: StaticString = "\n  checksum: "
    static let marker = markerLiteral.description
    static let placeholder = String(repeating: "0", count: 64)

    /// `true` when `text` carries a checksum and the text still matches it; `false` when it was edited
    /// (or never sealed).
    public static func isIntact(_ text: String) -> Bool {
        guard let r = text.firstRange(of: marker) else { return false }
        // the value is the 64 bytes after the marker, counted in bytes: fewer than 64 Characters can hold 64
        // bytes at the end of the text (U+FFFD is three bytes, `\r\n` two), and an index 64 Characters on then
        // trapped (fuzz regression FuzzFrontMatter/checksum-at-end-of-text-trapped.md)
        let bytes = text.utf8
        guard let end = bytes.index(r.upperBound, offsetBy: 64, limitedBy: bytes.endIndex) else { return false }
        var zeroed = Array(bytes[..<r.upperBound])
        zeroed += placeholder.utf8
        zeroed += bytes[end...]
        return SHA256.hex(zeroed).utf8.elementsEqual(bytes[r.upperBound..<end])
    }
}
