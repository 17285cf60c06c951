import Foundation

/// Reads the value of a TAGS line into tag codes: `PREL, PTER, PK, AF`, `[KNNP](#) [MNUC](#)`,
/// `OVIP (STEINBERG, JAMES B.), PREL`, `KFRDKIRFCVISCMGT…` (codes run together), wrapped lines.
/// Person tags become their own tag in `SURNAME, GIVEN` form; unknown words that are not codes are kept
/// together as one phrase tag (`HUMAN RIGHTS`), as the cables write them.
enum TagsLine {
    static func parse(_ value: String, glossary: TagGlossary = .standard) -> [String] {
        var text = value.uppercased()
        // Markdown link residue: "[KNNP](#)" → "KNNP"
        if text.utf8.contains(UInt8(ascii: "]")) || text.utf8.contains(UInt8(ascii: "[")) {  // rare: skipped otherwise
            text = text.replacingOccurrences(of: "](#)", with: " ")
            text = String(text.map { $0 == "[" || $0 == "]" ? " " : $0 })
        }
        var tags: [String] = []
        func add(_ tag: String) {
            let t = tag.trimming(" .,;:-")
            guard !t.isEmpty, t != "SIPDIS", !tags.contains(t) else { return }
            tags.append(t)
        }
        // Parenthesised person names belong to the tag before them: OVIP (STEINBERG, JAMES B.)
        var rest = Substring(text)
        var segments: [(text: Substring, person: Bool)] = []
        while let open = rest.firstIndex(of: "(") {
            segments.append((rest[..<open], false))
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: ")") {
                segments.append((rest[afterOpen..<close], true))
                rest = rest[rest.index(after: close)...]
            } else {
                segments.append((rest[afterOpen...], true))
                rest = rest[rest.endIndex...]
            }
        }
        segments.append((rest, false))

        for segment in segments {
            if segment.person {
                let name = squeezeSpaces(segment.text)
                if !name.isEmpty { add(name) }
                continue
            }
            readCodes(segment.text, glossary: glossary, add: add)
        }
        return tags
    }

    /// Splits on commas, semicolons and spaces; known codes stand alone; runs of unknown words form a phrase,
    /// or a person name after OVIP (`OVIP BIDEN JOSEPH` → `BIDEN, JOSEPH`); glued codes are split when every
    /// piece is a known code.
    private static func readCodes(_ text: Substring, glossary: TagGlossary, add: (String) -> Void) {
        let groups = text.split(whereSeparator: { $0 == "," || $0 == ";" })
        var afterVisit = false
        for group in groups {
            let words = group.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
            var phrase: [String] = []
            func flushPhrase() {
                guard !phrase.isEmpty else { return }
                if afterVisit, phrase.count >= 2, phrase.count <= 4 {
                    add(phrase[0] + ", " + phrase[1...].joined(separator: " "))
                } else {
                    add(phrase.joined(separator: " "))
                }
                phrase.removeAll()
                afterVisit = false
            }
            for raw in words {
                var word = raw.trimming(".:")
                // "AU-1" → "AU"
                if let dash = word.lastIndex(of: "-"), word[word.index(after: dash)...].allSatisfy(ASCII.isNumber(character:)),
                   !word[word.index(after: dash)...].isEmpty { word = String(word[..<dash]) }
                guard !word.isEmpty else { continue }
                if glossary.isKnown(word) || looksLikeCode(word) && phrase.isEmpty && !afterVisit {
                    flushPhrase()
                    add(word)
                    afterVisit = word == "OVIP"
                    continue
                }
                if phrase.isEmpty, let pieces = splitGlued(word, glossary: glossary) {
                    pieces.forEach(add)
                    afterVisit = false
                    continue
                }
                if word.allSatisfy({ ASCII.isLetter(character: $0) || $0 == "-" || $0 == "'" }) {
                    phrase.append(word)
                } else if word.allSatisfy({ ASCII.isLetter(character: $0) || ASCII.isNumber(character: $0) }) {
                    flushPhrase(); add(word)
                }
            }
            flushPhrase()
        }
    }

    /// A word that is shaped like a TAGS code although the glossary does not know it (2–4 capitals).
    static func looksLikeCode(_ word: String) -> Bool {
        (2...4).contains(word.count) && word.allSatisfy { $0.isASCII && ASCII.isUpper(character: $0) }
    }

    /// "KFRDKIRFCVISCMGT" → KFRD KIRF CVIS CMGT, when every piece is a known code.
    static func splitGlued(_ word: String, glossary: TagGlossary) -> [String]? {
        let chars = Array(word)
        guard chars.count >= 5, chars.count <= 80, chars.allSatisfy({ $0.isASCII && ASCII.isLetter(character: $0) }) else { return nil }
        // best[i] = pieces covering chars[i...], preferring fewer pieces
        var best = [[String]?](repeating: nil, count: chars.count + 1)
        best[chars.count] = []
        for i in stride(from: chars.count - 1, through: 0, by: -1) {
            for length in [4, 2, 3, 5, 6] where i + length <= chars.count {
                let piece = String(chars[i..<i + length])
                guard glossary.isKnown(piece), let tail = best[i + length] else { continue }
                if best[i] == nil || best[i]!.count > tail.count + 1 { best[i] = [piece] + tail }
            }
        }
        guard let pieces = best[0], pieces.count >= 2 else { return nil }
        return pieces
    }
}
