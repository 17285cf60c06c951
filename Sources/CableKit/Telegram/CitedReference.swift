/// One reference of a REF line: its letter when the line letters them (`A`), its text as written without the
/// letter (`08 MADRID 1141`, `OSC EUP20090610950001`), and the canonical ids of the cables it cites (none for
/// an OSC report, a letter, an e-mail, a telegram cited without its serial).
public struct CitedReference: Sendable, Equatable {
    public var letter: String?
    public var text: String
    public var ids: [String]

    public init(letter: String?, text: String, ids: [String]) {
        self.letter = letter; self.text = text; self.ids = ids
    }
}

extension ReferenceLine {
    /// The references of a REF line (as `normalized` leaves it) one by one, so that the body's "Ref C" can be
    /// told: `A. OSC EUP20090610950001 B. 08 MADRID 1141` → A (no cable) and B (`08MADRID1141`).
    ///
    /// Letters count from A, each the next: `A.`, `A)` or `(A)` after a space, with the `¶` a WikiLeaks text
    /// puts before a continuation line's (`¶B.`); a marker written twice (`A. A) 04 STATE 274965`) is one. A
    /// letter out of turn is text (`B. LETTER FROM J. SMITH`). A line that does not start with `A` is one
    /// reference without a letter. Ids are read as `parse` reads them, with the citing cable's `year`.
    public static func cited(_ line: String, year: Int?, ownID: String?, posts: PostDirectory = .standard) -> [CitedReference] {
        let b = Array(line.utf8)
        func reference(_ letter: String?, _ range: Range<Int>) -> CitedReference? {
            var lo = range.lowerBound, hi = range.upperBound
            while lo < hi, b[lo] == ASCII.space { lo += 1 }
            // the separators between references: "A. STATE 1; B. …", "A. STATE 1, B. …"
            while hi > lo, b[hi - 1] == ASCII.space || b[hi - 1] == ASCII.semicolon || b[hi - 1] == ASCII.comma { hi -= 1 }
            guard hi > lo else { return nil }
            let text = String(decoding: b[lo..<hi], as: UTF8.self)
            return CitedReference(letter: letter, text: text, ids: parse(text, year: year, ownID: ownID, posts: posts))
        }
        guard let first = LetterMarker.at(b, 0, letter: UInt8(ascii: "A")) ?? LetterMarker.at(b, 0, letter: UInt8(ascii: "a")) else {
            return reference(nil, 0..<b.count).map { [$0] } ?? []
        }
        var out: [CitedReference] = []
        /// Where the text after the marker `m` starts: past the same letter written again another way (`A. A)`;
        /// `A. A. MAIER` is the letter and an initial).
        func textAfter(_ m: LetterMarker.Found, letter: UInt8) -> Int {
            guard let again = LetterMarker.at(b, m.end, letter: letter), again.shape != m.shape else { return m.end }
            return again.end
        }
        var letter = b[first.letterIndex]
        var textStart = textAfter(first, letter: letter)
        var j = textStart
        while j < b.count {
            defer { j += 1 }
            guard letter != UInt8(ascii: "Z"), letter != UInt8(ascii: "z"), b[j - 1] == ASCII.space,
                  let next = LetterMarker.at(b, j, letter: letter + 1) else { continue }
            if let r = reference(String(UnicodeScalar(letter)).uppercased(), textStart..<j) { out.append(r) }
            letter += 1
            textStart = textAfter(next, letter: letter)
            j = textStart - 1
        }
        if let r = reference(String(UnicodeScalar(letter)).uppercased(), textStart..<b.count) { out.append(r) }
        return out
    }
}

/// A reference's letter as REF lines write it: `B.`, `B)`, `(B)`, each perhaps after `¶`, then a space or the end.
private enum LetterMarker {
    /// A marker: where its letter is, where the text after it (and its space) starts, and its shape (the byte
    /// after the letter: `.`, `)`, or `(` for `(B)`).
    struct Found {
        var letterIndex: Int
        var end: Int
        var shape: UInt8
    }

    /// The marker for `letter` starting at byte `i`, at the start of the line or after a space.
    static func at(_ b: [UInt8], _ i: Int, letter: UInt8) -> Found? {
        guard i < b.count, i == 0 || b[i - 1] == ASCII.space else { return nil }
        var k = i
        if k + 1 < b.count, b[k] == 0xC2, b[k + 1] == 0xB6 { k += 2 }  // ¶
        let letterIndex: Int, shape: UInt8
        if k + 2 < b.count, b[k] == ASCII.openParen, b[k + 1] == letter, b[k + 2] == ASCII.closeParen {
            letterIndex = k + 1; shape = ASCII.openParen; k += 3
        } else if k + 1 < b.count, b[k] == letter, b[k + 1] == ASCII.period || b[k + 1] == ASCII.closeParen {
            letterIndex = k; shape = b[k + 1]; k += 2
        } else {
            return nil
        }
        guard k == b.count || b[k] == ASCII.space else { return nil }
        return Found(letterIndex: letterIndex, end: k == b.count ? k : k + 1, shape: shape)
    }
}
