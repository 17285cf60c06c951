import Foundation

/// Reads `Classified By: SCA Richard A. Boucher, Reasons: 1.4 B C AND D` into the classifying official's
/// name (`Richard A. Boucher`: titles and offices dropped, spelling kept) and the reasons (`1.4(b)`…).
enum ClassifiedBy {
    /// Words that are titles, offices or ranks rather than a name, upper-cased.
    static let titleWords: Set<String> = [
        "AMBASSADOR", "AMB", "AMBASSAOR", "AMBASSADOR-AT-LARGE", "CHARGE", "CHARGE'", "D'AFFAIRES", "D'AFFAIRS", "AFFAIRES", "AFFAIRS", "D'", "DE", "DE'AFFAIRS",
        "D'AFAIRS", "A.I", "A.I.", "AI", "(AI)", "DEPUTY", "CHIEF", "OF", "MISSION", "DCM", "A/DCM", "CDA", "POLCOUNS", "POLITICAL", "POL",
        "COUNSELOR", "COUNSELLOR", "COUNSEL0R", "COUNS", "COUNSELOUR", "MINISTER", "MINISTER-COUNSELOR", "MINISTER-COUNSELLOR", "MINISTER-COUNSELOUR",
        "M/C", "MCOUNSELOR", "ECON", "ECONOMIC", "ECONCOUNS", "ECONOFF", "POLOFF", "POL/ECONOFF", "POL/ECON", "POL/MIL", "POLMIL",
        "OFFICER", "ACTING", "ASSISTANT", "SECRETARY", "A/S", "UNDER", "PRINCIPAL", "CONSUL", "GENERAL", "CG", "DIRECTOR", "DIR", "DIR.",
        "SECTION", "HEAD", "UNIT", "TEAM", "LEADER", "COORDINATOR", "SPECIAL", "REPRESENTATIVE", "REPRESENATIVE", "ENVOY",
        "PERMANENT", "U.S.", "US", "AND", "FOR", "THE", "TO", "ATTACHE", "DEFENSE", "LABOR", "LEGAL", "ADVISER", "ADVISOR", "MEMBER",
        "USDEL", "USEU", "USUN", "AIT", "PRT", "ISN", "NEA", "IO", "EUR", "SCA", "WHA", "AF", "EAP", "INR", "DRL", "PM", "ECPO",
        "E/P", "POL/C", "ECMIN", "POLITICAL-MILITARY", "POL-MIL", "MANAGEMENT", "PUBLIC", "PRESS", "CULTURAL", "REGIONAL", "AFFAIRS",
        "INTERAGENCY", "PROVINCIAL", "SUB-NATIONAL", "GOVERNANCE", "INSTITUTIONAL", "LTC", "COL", "LTCOL", "CAPT", "MAJ", "GEN",
        "COMMERCIAL", "CONSULAR", "CONSULATE", "EMBASSY", "OFFICE", "BUREAU", "ECONOMICS", "FINANCIAL", "NUCLEAR", "POLICY",
        "DEPARTMENT", "STATE", "MR", "MR.", "MS", "MS.", "DR", "DR.", "CLASSIFIED", "BY", "BY:", "THIS", "MESSAGE", "AMBASSADOR:",
        "REGIONAL", "SECURITY", "RSO", "PAO", "DAO", "ODC", "USAID", "MISSION:", "A/POLITICAL", "ECON/POL", "POL/ECON.", "PERM", "REP",
        "ENERGY", "ENVIRONMENT", "SCIENCE", "TECHNOLOGY", "HEALTH", "ESTH", "DHS", "DOJ", "FBI", "DEA", "LEGATT", "ATTACHE:",
    ]

    /// `value` is the text after "Classified By"; returns the name and the remaining text (for reasons).
    static func name(in value: String) -> String? {
        var text = squeezeSpaces(value)
        // a second "Classified by" inside ("Classified By: Classified by DCM …")
        while let r = text.range(ofASCII: "classified by") { text = String(text[r.upperBound...]) }
        text = text.trimming(" :.")
        // cut where the reasons or a second clause begin
        text = String(text[..<text.utf8.index(text.startIndex, offsetBy: firstStop(in: text))])
        // keep to the first sentence: "Ramin Asgard, Director, …" → "Ramin Asgard"; "John Bauman. Reason" → "John Bauman"
        var segments = components(text, separatedBy: ", ")
        // "Richard L. Baltimore, III" and "THOMAS W. SIMONS, JR." keep their suffix
        if segments.count >= 2, ["JR", "JR.", "SR", "SR.", "II", "III", "IV"].contains(segments[1].uppercased().trimming(" .")) {
            segments[0] += ", " + segments[1].trimming(" .").replacingOccurrences(of: "JR", with: "JR.").replacingOccurrences(of: "..", with: ".")
            segments.remove(at: 1)
        }
        var candidates = segments.map { $0.trimming(" .:") }.filter { !$0.isEmpty }
        // "Charge d'Affaires, a.i., Arnold A. Chacon": when the first segment is only titles, look further
        while let first = candidates.first, nameWords(first).isEmpty, candidates.count > 1 { candidates.removeFirst() }
        guard let first = candidates.first else { return nil }
        var sentence = first
        if let dot = sentence.range(ofASCII: ". ", backwards: true), !isInitialBefore(dot.lowerBound, in: sentence) {
            sentence = String(sentence[..<dot.lowerBound])
        }
        let words = nameWords(sentence)
        guard !words.isEmpty else { return nil }
        return words.joined(separator: " ").trimming(" ,:")
    }

    /// Where the reasons or a second clause begin: the byte offset of the first of `stops` (ASCII
    /// case-insensitively), or the text's length. One pass, checking every stop at each offset.
    static func firstStop(in text: String) -> Int {
        var text = text
        return text.withUTF8 { h in
            for i in 0..<h.count {
                let b = ASCII.lower(h[i])
                for stop in stops where stop[0] == b && stop.count <= h.count - i {
                    var k = 1
                    while k < stop.count, ASCII.lower(h[i + k]) == stop[k] { k += 1 }
                    if k == stop.count { return i }
                }
            }
            return h.count
        }
    }

    /// `text.components(separatedBy:)` for an ASCII separator; ASCII text (nearly every line) is split as bytes.
    static func components(_ text: String, separatedBy separator: StaticString) -> [String] {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return text.components(separatedBy: separator.description) }
        let sep = separator.withUTF8Buffer { Array($0) }
        var parts: [String] = []
        var start = 0, i = 0
        while i + sep.count <= bytes.count {
            if bytes[i..<i + sep.count].elementsEqual(sep) {
                parts.append(bytes[start..<i].string)
                i += sep.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(bytes[start...].string)
        return parts
    }

    /// What ends the name: the reasons, or a second clause (lower-case).
    static let stops: [[UInt8]] = [" for reason", " for rea", " for re", " for r", " reason", " per reason", " per 1.", " per ", ";", " -",
                                   "-reason", " e.o.", ": 1.", " 1.4", " 1.5", " 1.6"].map { Array($0.utf8) }

    /// The trailing words of `text` that form a name (titles before it dropped).
    private static func nameWords(_ text: String) -> [String] {
        var rest = Substring(text)
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        var name: [String] = []
        while let word = popLastWord(&rest, ascii: ascii) {
            var key = word.uppercased().trimming(",:")
            // a typographic apostrophe, as word processors write it ("Charge d’Affaires")
            if !ascii { key = key.replacingOccurrences(of: "\u{2019}", with: "'") }
            if titleWords.contains(key) && !(name.isEmpty && key.count == 1) { if !name.isEmpty { break } else { continue } }
            // an office acronym in mixed-case text ("SCA Richard", "ISN/MTR")
            if !name.isEmpty, word.utf8.allSatisfy({ $0 < 0x80 }) ? word.utf8.contains(ASCII.slash) : word.contains("/") { break }
            if !name.isEmpty, word.count >= 2, word.allSatisfy({ ASCII.isUpper(character: $0) || $0 == "/" }), name.contains(where: { $0.contains(where: ASCII.isLower(character:)) }) { break }
            guard word.first.map(ASCII.isLetter(character:)) == true || word.first == "(" else { break }
            name.insert(word, at: 0)
            if name.count >= 5 { break }
        }
        // a lone initial is not a name
        if name.count == 1, name[0].count <= 2 { return [] }
        return name
    }

    /// The last word of `rest` as `split(separator: " ")` gives it, removed from `rest`; nil when none is
    /// left. Words are taken from the end only as far as the caller reads; in ASCII text, byte by byte.
    private static func popLastWord(_ rest: inout Substring, ascii: Bool) -> String? {
        if ascii {
            let u = rest.utf8
            var end = u.endIndex
            while end > u.startIndex, u[u.index(before: end)] == ASCII.space { end = u.index(before: end) }
            guard end > u.startIndex else { return nil }
            var start = end
            while start > u.startIndex, u[u.index(before: start)] != ASCII.space { start = u.index(before: start) }
            let word = String(rest[start..<end])
            rest = rest[..<start]
            return word
        }
        while rest.last == " " { rest.removeLast() }
        guard !rest.isEmpty else { return nil }
        let start = rest.lastIndex(of: " ").map { rest.index(after: $0) } ?? rest.startIndex
        let word = String(rest[start...])
        rest = rest[..<start]
        return word
    }

    private static func isInitialBefore(_ index: String.Index, in s: String) -> Bool {
        // "Richard A. Boucher": the ". " after a single capital is an initial
        let before = s[..<index]
        guard let last = before.split(separator: " ").last else { return false }
        return last.count <= 2 || last.contains(".")
    }

    /// Reasons: `1.4 B C AND D` → `1.4(b) 1.4(c) 1.4(d)`; `1.5 (B) AND (D)`; `1.4(b/d)`; `1.4 (b,d)`.
    static func reasons(in value: String) -> [String] {
        let s = Array(value.lowercased().utf8)
        var result: [String] = []
        var i = 0
        while i + 2 < s.count {
            // "1.4", "1.5", "1.6" (also "1. 4" split by a line break)
            guard s[i] == UInt8(ascii: "1"), i == 0 || !ASCII.isDigit(s[i - 1]) else { i += 1; continue }
            var j = i + 1
            guard j < s.count, s[j] == ASCII.period else { i += 1; continue }
            j += 1
            while j < s.count, s[j] == ASCII.space { j += 1 }
            guard j < s.count, ASCII.isDigit(s[j]) else { i += 1; continue }
            let section = "1.\(Character(UnicodeScalar(s[j])))"
            j += 1
            // letters a–h, possibly parenthesised, separated by space , / & + and "and" "or"
            var letters: [Character] = []
            while j < s.count {
                let c = s[j]
                if c == ASCII.space || c == ASCII.comma || c == ASCII.slash || c == UInt8(ascii: "&") || c == UInt8(ascii: "+")
                    || c == ASCII.openParen || c == ASCII.closeParen || c == ASCII.period || c == ASCII.newline {
                    j += 1; continue
                }
                if c == UInt8(ascii: "a"), j + 2 < s.count, s[j + 1] == UInt8(ascii: "n"), s[j + 2] == UInt8(ascii: "d"),
                   j + 3 >= s.count || !ASCII.isLetter(s[j + 3]) { j += 3; continue }
                if c == UInt8(ascii: "o"), j + 1 < s.count, s[j + 1] == UInt8(ascii: "r"), j + 2 >= s.count || !ASCII.isLetter(s[j + 2]) { j += 2; continue }
                if c >= UInt8(ascii: "a"), c <= UInt8(ascii: "h"), j + 1 >= s.count || !ASCII.isLetter(s[j + 1]) {
                    letters.append(Character(UnicodeScalar(c))); j += 1; continue
                }
                break
            }
            for l in letters {
                let r = "\(section)(\(l))"
                if !result.contains(r) { result.append(r) }
            }
            if letters.isEmpty, !result.contains(section) { result.append(section) }
            i = j
        }
        return result
    }
}

/// The declassification instruction of the E.O. line: `DECL: 04/10/2018` → `2018-04-10`.
enum Declassification {
    static func date(in value: String) -> String? {
        let upper = value.uppercased()
        // ASCII text (nearly every E.O. line) is searched as bytes; anything else as before, with Foundation
        let found = upper.utf8.allSatisfy { $0 < 0x80 } ? upper.range(ofASCII: "DECL") : upper.range(of: "DECL")
        guard let decl = found else { return nil }
        let rest = upper[decl.upperBound...].drop(while: { ASCII.isLetter(character: $0) || $0 == ":" || $0 == " " || $0 == "." })
        // M/D/YYYY or M/D/YY
        let token = rest.prefix(while: { ASCII.isNumber(character: $0) || $0 == "/" || $0 == " " && false })
        let parts = token.split(separator: "/")
        guard parts.count == 3, var m = Int(parts[0]), var d = Int(parts[1]), var y = Int(parts[2]) else { return nil }
        if parts[0].count == 4 { (y, m, d) = (m, d, y) }  // 2035/02/12
        else if parts[2].count == 2 { y = DateTimeGroup.fullYear(y) }
        return CableDate(year: y, month: m, day: d)?.isoDate
    }
}
