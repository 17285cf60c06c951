/// A classification alone on a line, the way page banners print it: `UNCLASSIFIED`, `SECRET.`, `“SECRET HOGIH7`,
/// `LIMITED. OFFICIAL USE`, `S E C R E T`, OCR'd `UNCIAZSIFIED`, `LIMITED OFFICIAL USE creme ty pemia`. A line
/// naming a post and serial is a classification line, and a line going on in prose is text, not a banner.
enum FOIABanner {
    /// The classification a banner line shows; nil when the line is not a banner.
    static func classification(_ t: ArraySlice<UInt8>) -> Classification? {
        // cheap test first: a capital S, C, U, L or T opens it, after a speck or two
        guard t.count <= 60, let capital = t.prefix(8).first(where: ASCII.isUpper), "SCULT".utf8.contains(capital) else { return nil }
        var tokens = t.split(separator: ASCII.space)[...]
        // OCR specks before it: "a SECRET", ". SECRET"
        while tokens.count > 1, let first = tokens.first, first.count <= 2, !first.contains(where: ASCII.isUpper) { tokens = tokens.dropFirst() }
        guard let first = tokens.first, first.first != ASCII.openParen else { return nil }
        let letters = tokens.map { $0.filter(ASCII.isLetter).map(ASCII.upper) }
        // the classification in capitals: the first words, or single letters, run together (`S E C R E T`, `LIMITED. OFFICIAL USE`)
        var consumed = 0
        var classification: Classification?
        var joined: [UInt8] = []
        for (k, token) in tokens.enumerated() {
            guard !token.contains(where: ASCII.isLower), !letters[k].isEmpty || k > 0 else { break }
            joined += letters[k]
            if joined.count > 20 { break }
            if let c = Classification(label: joined.string) { classification = c; consumed = k + 1 }
        }
        guard let classification else {
            // OCR'd UNCLASSIFIED: `UNCIAZSIFIED`, `UNCLASSI .ED`
            let all = letters.joined()
            if tokens.count <= 3, (9...13).contains(all.count), all.starts(with: "UNC".utf8),
               OCRConfusion.distance(Array(all), Array("UNCLASSIFIED".utf8), limit: 3) <= 3 {
                return .unclassified
            }
            return nil
        }
        // the rest: caveats, a printout number, a few specks of OCR; never a serial, a word in capitals or prose
        var lowerCase = 0
        for (token, word) in zip(tokens, letters).dropFirst(consumed) {
            if token.count >= 3, token.allSatisfy(ASCII.isDigit) { return nil }
            if word.count <= 2 || Caveats.known.contains(word.string) { continue }
            if token.contains(where: ASCII.isLower) { lowerCase += 1; continue }
            if token.contains(where: ASCII.isDigit) { continue }
            return nil
        }
        return lowerCase <= 3 ? classification : nil
    }
}
