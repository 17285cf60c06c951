/// Reads telegrams released under FOIA and OCR'd from PDF scans. A pre-pass cleans the text (`FOIALayout` finds
/// the furniture and the duplicate copies, `FOIAText` joins what page breaks split and repairs doublings), the
/// telegram parser reads it, and a post-pass (`FOIAFields`) reads the release stamps and settles the fields OCR
/// garbled from all the evidence the pages hold.
public enum FOIAReader {
    public static func parse(_ text: String, options: TelegramParser.Options) -> Cable {
        // double-spaced text (a blank line after every line, as PDF extractions leave it) as the text it stands
        // for, each line keeping its number in the file; OCR's tabs are spaces (an OCR'd page has no tables to align)
        let lines = SourceLines(text)
        let source = DoubleSpacing.collapsed(lines) ?? lines
        let layout = FOIALayout(source.withTabsAsSpaces() ?? source)
        let clean = FOIAText(layout)
        var scanned = options
        scanned.ocr = true
        var (cable, referenceLine) = TelegramParser.parseKeepingReferenceLine(SourceLines(clean.text), options: scanned)
        // the parser's line numbers count the cleaned lines
        cable.repairs = cable.repairs.map { repair in
            var r = repair
            if let line = r.line, clean.lineNumbers.indices.contains(line - 1) { r.line = clean.lineNumbers[line - 1] }
            return r
        }
        cable.repairs = (cable.repairs + clean.repairs).sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        FOIAFields(layout: layout, text: clean, posts: options.posts, glossary: options.glossary).complete(&cable)
        // references cite by post and serial and take the year of the cable, which may be settled only now
        if let referenceLine, let year = cable.id.flatMap(ReferenceID.parts)?.year {
            cable.references = ReferenceLine.parse(referenceLine, year: year, ownID: cable.id, posts: options.posts)
        }
        return cable
    }

    /// Cheap signs of a release, looked for line by line in the first bytes: a release or review stamp, a JFK
    /// records notice or page id, a reading-room footer, a telegram form's title or notice, a NARA document id.
    /// Prose that mentions a release ("to his release in 2007") is no sign.
    public static func looksLikeFOIA(_ head: ArraySlice<UInt8>) -> Bool {
        let lines = SourceLines(bytes: Array(head))
        for i in 0..<lines.count {
            let t = lines.trimmed(i)
            guard t.count >= 8 else { continue }
            if ReleaseStamp.status(lines, at: i) != nil || ReleaseStamp.reviewStamp(lines, at: i) != nil { return true }
            if t.firstWord(caseInsensitive: "ASSASSINATION RECORDS") != nil || t.firstWord(caseInsensitive: "ASSASSINATION SYSTEM") != nil { return true }
            if FOIAPageFurniture.isArchiveID(t) || t.firstWord(caseInsensitive: "REPRODUCTION") != nil && FOIAPageFurniture.isFormNotice(t) { return true }
            if t.hasPrefix(caseInsensitive: "TEXT OF TELEGRAM") || FOIAPageFurniture.contains(t, "INCOMING TELEGRAM")
                || FOIAPageFurniture.contains(t, "OUTGOING TELEGRAM") { return true }
            if FOIAPageFurniture.contains(t, "DECLASSIFICATION AUTHORITY") || FOIAPageFurniture.contains(t, "DECLASSIFICATIONAUTHORITY") { return true }
        }
        return false
    }
}
