/// The TAGS of an OCR'd telegram, checked against the glossary: a code the glossary knows stays; an unknown one
/// becomes the one known code a single similar capital away (`RINR` → `PINR`); a lone letter is a speck. When
/// a code cannot be settled (`PING`, `*PM!`, `PAAMT`), the line is unreadable and no tags are claimed.
enum FOIATags {
    /// `raw` is the TAGS line as printed (nil when none was found), `parsed` what the telegram parser read from it.
    static func check(_ parsed: [String], raw: String?, glossary: TagGlossary) -> [String] {
        if let raw, isGarbled(raw) { return [] }
        var tags: [String] = []
        for tag in parsed {
            if glossary.isKnown(tag) || tag.contains(", ") {
                tags.append(tag)
                continue
            }
            let letters = tag.filter(\.isLetter)
            if letters.count <= 1 { continue }
            guard tag.allSatisfy({ $0.isASCII && $0.isUppercase }),
                  let code = OCRConfusion.uniqueNeighbour(of: tag, isKnown: glossary.isKnown) else { return [] }
            if !tags.contains(code) { tags.append(code) }
        }
        return tags
    }

    /// A code with characters no code has: `*PM!`, `P*R?'R`, `REG:..13`, `1h]`.
    static func isGarbled(_ raw: String) -> Bool {
        for token in raw.split(whereSeparator: { $0 == " " || $0 == "," }) {
            let core = String(token).trimming(".;:|")
            if core.isEmpty { continue }
            if core.first == "(" || core.last == ")" { continue }  // a person's name: OVIP (SMITH, JOHN)
            if !core.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "." }) { return true }
        }
        return false
    }

    /// The value of the first TAGS field in the header lines (before the first paragraph), up to an inline SUBJECT.
    static func rawLine(_ lines: [String]) -> String? {
        for line in lines {
            let t = ArraySlice(Array(line.utf8)).trimmed
            if Paragraphs.start(t) != nil { return nil }
            guard let k = t.firstWord(caseInsensitive: "TAGS") else { continue }
            var value = t[(k + 4)...].drop(while: { $0 == ASCII.colon || $0 == ASCII.space })
            if let s = value.firstWord(caseInsensitive: "SUBJECT") { value = value[..<s] }
            return value.string
        }
        return nil
    }
}
