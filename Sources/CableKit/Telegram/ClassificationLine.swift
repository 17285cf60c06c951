/// The classification line that opens a telegram's text: `S E C R E T SECTION 01 OF 02 ISLAMABAD 005337`,
/// `C O N F I D E N T I A L MADRID 000527`, `UNCLAS STATE 063812`, `LIMITED OFFICIAL USE LONDON 01234`.
/// It gives the classification, the section, and the post and serial of the reference id.
struct ClassificationLine: Equatable {
    var classification: Classification
    /// Words after the serial or `//` that are caveats (`NOFORN`).
    var caveats: [String]
    var section: Int?
    var sectionCount: Int?
    /// Post as written, upper-cased, words separated by single spaces (`LA PAZ`, `UNVIE VIENNA`).
    var post: String?
    var serial: Int?

    /// Reads `line`; nil when it does not start with a classification.
    static func parse(_ line: ArraySlice<UInt8>) -> ClassificationLine? {
        guard mayStartClassification(line) else { return nil }
        let words = line.split(whereSeparator: { ASCII.isSpace($0) })
        guard !words.isEmpty else { return nil }
        // Read the classification phrase; single letters ("S E C R E T") are joined into one word.
        var consumed = 0
        var word: [UInt8] = []
        var caveats: [String] = []
        if words[0].count == 1 {
            while consumed < words.count, words[consumed].count == 1, ASCII.isLetter(words[consumed].first!) {
                word.append(ASCII.upper(words[consumed].first!)); consumed += 1
            }
        } else {
            let (head, tail) = splitDoubleSlash(words[0])
            guard head.allSatisfy(ASCII.isLetter) else { return nil }
            word = head.map(ASCII.upper); caveats = tail ?? []; consumed = 1
        }
        func next(_ expected: String) -> Bool {
            guard consumed < words.count else { return false }
            let (head, tail) = splitDoubleSlash(words[consumed])
            guard head.map(ASCII.upper).elementsEqual(expected.utf8) else { return false }
            caveats += tail ?? []; consumed += 1
            return true
        }
        var classification: Classification?
        switch String(decoding: word, as: UTF8.self) {
        case "TOPSECRET": classification = .topSecret
        case "TOP": if next("SECRET") { classification = .topSecret }
        case "SECRET": classification = .secret
        case "CONFIDENTIAL": classification = .confidential
        case "UNCLASSIFIED", "UNCLAS": classification = .unclassified
        case "LIMITEDOFFICIALUSE": classification = .limitedOfficialUse
        case "LIMITED": if next("OFFICIAL"), next("USE") { classification = .limitedOfficialUse }
        default: return nil
        }
        guard let classification else { return nil }
        var result = ClassificationLine(classification: classification, caveats: caveats)
        var rest = Array(words[consumed...])
        // "E F T O", "SENSITIVE": qualifiers directly after UNCLAS
        if let first = rest.first, first.count == 1, rest.count >= 4,
           rest[0...3].map({ $0.string.uppercased() }).joined() == "EFTO" { rest.removeFirst(4) }
        // SECTION 01 OF 02 (also "SECTION 01, OF 02")
        if let first = rest.first, first.string.uppercased() == "SECTION", rest.count >= 4 {
            result.section = Int(rest[1].filter(ASCII.isDigit).string)
            if rest[2].string.uppercased() == "OF" { result.sectionCount = Int(rest[3].filter(ASCII.isDigit).string) }
            rest.removeFirst(4)
        }
        // POST WORDS then SERIAL, then caveats
        var postWords: [String] = []
        var k = 0
        while k < rest.count {
            let w = rest[k]
            if w.allSatisfy(ASCII.isDigit) {
                if !postWords.isEmpty { result.serial = Int(w.string); k += 1 }
                break
            }
            guard w.allSatisfy({ ASCII.isLetter($0) || $0 == ASCII.hyphen || $0 == UInt8(ascii: "'") }), postWords.count < 4 else { break }
            postWords.append(w.string.uppercased())
            k += 1
        }
        if result.serial != nil {
            result.post = postWords.joined(separator: " ")
        } else if !postWords.isEmpty {
            // Words but no serial: a caveat line such as "SECRET NOFORN", or a printout "CONFIDENTIAL PTQ1859".
            k = 0
        }
        while k < rest.count {
            let w = rest[k].string.uppercased().trimming(",.;/")
            if Caveats.known.contains(w) { result.caveats.append(w) }
            k += 1
        }
        return result
    }

    /// A cheap test on the first word, so body lines are rejected without splitting them.
    static func mayStartClassification(_ line: ArraySlice<UInt8>) -> Bool {
        var i = line.startIndex
        while i < line.endIndex, ASCII.isSpace(line[i]) { i += 1 }
        let start = i
        while i < line.endIndex, ASCII.isLetter(line[i]) { i += 1 }
        let word = line[start..<i]
        if word.count == 1 { return i < line.endIndex && line[i] == ASCII.space }
        guard (3...12).contains(word.count), i == line.endIndex || line[i] == ASCII.space || line[i] == ASCII.slash else { return false }
        switch ASCII.upper(word.first!) {
        case UInt8(ascii: "S"): return word.hasPrefix(caseInsensitive: "SECRET")
        case UInt8(ascii: "C"): return word.hasPrefix(caseInsensitive: "CONFIDENTIAL")
        case UInt8(ascii: "U"): return word.hasPrefix(caseInsensitive: "UNCLAS")
        case UInt8(ascii: "L"): return word.hasPrefix(caseInsensitive: "LIMITED")
        case UInt8(ascii: "T"): return word.hasPrefix(caseInsensitive: "TOP")
        default: return false
        }
    }

    private static func splitDoubleSlash(_ w: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, [String]?) {
        guard let i = w.firstIndex(of: ASCII.slash), i + 1 < w.endIndex, w[i + 1] == ASCII.slash else { return (w, nil) }
        let tail = w[(i + 2)...].split(separator: ASCII.slash).map { $0.string.uppercased() }.filter { Caveats.known.contains($0) || $0 == "NF" }
        return (w[w.startIndex..<i], tail.map { $0 == "NF" ? "NOFORN" : $0 })
    }

}

/// Handling caveats that restrict distribution.
enum Caveats {
    static let known: Set<String> = ["NOFORN", "NODIS", "EXDIS", "LIMDIS", "STADIS", "SIPDIS", "ORCON", "NOCONTRACT", "PROPIN", "ROGER", "CHEROKEE"]
    /// Caveats worth carrying in the front matter, in a stable order.
    static let order = ["NOFORN", "NODIS", "EXDIS", "LIMDIS", "STADIS", "ORCON", "NOCONTRACT", "PROPIN", "SIPDIS"]

    static func sorted(_ s: Set<String>) -> [String] { order.filter(s.contains) }
}

extension String {
    /// Without leading and trailing characters from `chars` (ASCII characters only; fast on UTF-8).
    func trimming(_ chars: String) -> String {
        let set = Array(chars.utf8)
        let u = utf8
        var lo = u.startIndex, hi = u.endIndex
        while lo < hi, set.contains(u[lo]) { lo = u.index(after: lo) }
        while hi > lo, set.contains(u[u.index(before: hi)]) { hi = u.index(before: hi) }
        if lo == u.startIndex && hi == u.endIndex { return self }
        return String(self[lo..<hi])
    }
}
