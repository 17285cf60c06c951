/// A subject line as OCR left it, cleaned: junk before it (`0•SMIVARDNADZE`), stray bars and unmatched quotes
/// (`CASE ‘NAGELL`), margin junk after it (`ASSASSINATIONS — um eames een`), stops OCR put between words
/// (`FOREIGN.MINISTRY`, `ASSASSINATIONS. FOR`), lower case in a capitals line (`commITTER on`), and a word OCR
/// visibly misread (`CONVERSATIdN`, `0•SMIVARDNADZE`) mended from the telegram's own words when exactly one of
/// them is a letter or two away.
enum FOIASubject {
    /// `vocabulary` counts the words (capitals, letters only) of the telegram's text; it is asked for only when a
    /// word needs mending.
    static func clean(_ subject: String, vocabulary: @autoclosure () -> [String: Int]) -> String? {
        var tokens = subject.split(separator: " ").map(String.init)
        // junk before the first word: "+ WELFARE", "~ ACTING", "0•SMIVARDNADZE"
        while let first = tokens.first, tokens.count > 1, !first.contains(where: { $0.isLetter || $0.isNumber }) { tokens.removeFirst() }
        var junkBefore = false
        if let first = tokens.first, let letter = first.firstIndex(where: \.isLetter),
           first[..<letter].contains(where: { !$0.isLetter && !$0.isNumber && !"(['\"‘“".contains($0) }) {
            tokens[0] = String(first[letter...])
            junkBefore = true
        }
        tokens = tokens.map { $0.filter { $0 != "|" } }.filter { !$0.isEmpty }
        dropLoneOpeningQuote(&tokens)
        // a subject in capitals opens with words in capitals (OCR's lower case comes later)
        let opening = tokens.filter { $0.contains(where: \.isLetter) }.prefix(3)
        let inCapitals = !opening.isEmpty && opening.allSatisfy { !$0.contains(where: \.isLowercase) }
        // the words OCR visibly misread: lower case in capitals, digits in a word, junk stuck to it
        var misread = tokens.enumerated().map { k, token in
            inCapitals && token.contains(where: \.isLowercase) || token.contains(where: \.isLetter) && token.contains(where: \.isNumber)
                || k == 0 && junkBefore
        }
        if inCapitals {
            // margin junk: a tail of tokens in lower case or without letters, after a dash or two tokens long
            var cut = tokens.count
            while cut > 0, tokens[cut - 1].contains(where: \.isLowercase) || !tokens[cut - 1].contains(where: \.isLetter) { cut -= 1 }
            let tail = tokens[cut...]
            if tail.contains(where: { $0.contains(where: \.isLowercase) }),
               tail.count >= 2 || tail.contains(where: { $0.allSatisfy { "—-–~".contains($0) } }) {
                tokens = Array(tokens[..<cut]); misread = Array(misread[..<cut])
                while let last = tokens.last, last.allSatisfy({ "—-–~".contains($0) }) { tokens.removeLast(); misread.removeLast() }
            }
            tokens = tokens.map { $0.uppercased() }
        }
        var words: [String] = []
        var counts: [String: Int]?
        for (k, token) in tokens.enumerated() {
            var token = token
            // "FOREIGN.MINISTRY": a stop between two words of three letters or more
            let parts = token.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 2, parts.allSatisfy({ $0.count >= 3 && $0.allSatisfy(\.isLetter) }) { token = parts.joined(separator: " ") }
            // "ASSASSINATIONS. FOR": a stop after a long word inside the subject
            if k + 1 < tokens.count, token.hasSuffix("."), token.dropLast().count >= 5, token.dropLast().allSatisfy(\.isLetter) { token.removeLast() }
            if inCapitals && misread[k] {
                if counts == nil { counts = vocabulary() }
                token = mended(token, vocabulary: counts ?? [:])
            }
            words.append(token)
        }
        let text = words.joined(separator: " ").trimming(" ,:;")
        return text.isEmpty ? nil : text
    }

    /// An opening quote with no other quote in the subject is OCR's: `CASE ‘NAGELL`. (An apostrophe inside or at
    /// the end of a word is no quote: `SECRETARY'S`, `FORCES’`.)
    private static func dropLoneOpeningQuote(_ tokens: inout [String]) {
        let quotes: Set<Character> = ["‘", "“", "\"", "’", "”", "'"]
        let opening: Set<Character> = ["‘", "“", "\""]
        var found: [Int] = []
        for (k, token) in tokens.enumerated() {
            let chars = Array(token)
            for (i, c) in chars.enumerated() where quotes.contains(c) {
                let inside = i > 0 && chars[i - 1].isLetter
                if !inside || c == "\"" || c == "“" || c == "”" { found.append(k) }
            }
        }
        guard found.count == 1, let k = found.first, let first = tokens[k].first, opening.contains(first) else { return }
        tokens[k].removeFirst()
    }

    /// A word of six letters or more that the text never repeats, replaced by the one word of the text that is
    /// within one letter (two for words of ten letters or more) and occurs twice or more.
    static func mended(_ word: String, vocabulary: [String: Int]) -> String {
        guard word.count >= 6, word.allSatisfy({ $0.isLetter && $0.isASCII }), (vocabulary[word] ?? 0) <= 1 else { return word }
        let limit = word.count >= 10 ? 2 : 1
        let bytes = Array(word.utf8)
        var found: String?
        for (candidate, count) in vocabulary where count >= 2 && candidate != word && abs(candidate.count - word.count) <= limit {
            guard OCRConfusion.distance(bytes, Array(candidate.utf8), limit: limit) <= limit else { continue }
            if found != nil { return word }
            found = candidate
        }
        return found ?? word
    }

    /// The words of the text in capitals (letters only, four or more), counted.
    static func vocabulary(_ lines: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in lines {
            for token in line.split(whereSeparator: { !$0.isLetter }) where token.count >= 4 {
                counts[token.uppercased(), default: 0] += 1
            }
        }
        return counts
    }
}
