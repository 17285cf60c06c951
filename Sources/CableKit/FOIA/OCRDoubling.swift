/// Words OCR printed twice in a row, where two text layers of a scan overlap: `reiterated this commitment. She
/// noted that reiterated this commitment. She noted that neither`. Only certain doublings are repaired: the exact
/// immediate repetition of a run of three words or more (the run's last word may gain punctuation the second
/// time: `understood and accepted this understood and accepted this.`), or of one word of six letters or more
/// with the same punctuation (`affirmatively. affirmatively.`). `that that`, `had had`, a repeated short word
/// and garbled near-doublings stay as they are.
enum OCRDoubling {
    /// One doubling found: the doubled text, the text kept, and the line (index into the lines given) it starts on.
    struct Found: Equatable {
        var original: String
        var replacement: String
        var line: Int
    }

    /// The longest run of words looked for.
    static let longestRun = 40

    /// Repairs the doublings in a paragraph's lines (a run of three words or more may cross a line break; a
    /// single word is repeated on one line). Lines that lose all their words are returned empty.
    static func repair(_ lines: [String]) -> (lines: [String], found: [Found]) {
        var tokens: [Token] = []
        for (n, line) in lines.enumerated() {
            let bytes = Array(line.utf8)
            var i = 0
            while i < bytes.count {
                while i < bytes.count, ASCII.isSpace(bytes[i]) { i += 1 }
                let start = i
                while i < bytes.count, !ASCII.isSpace(bytes[i]) { i += 1 }
                if i > start { tokens.append(Token(line: n, bytes: bytes[start..<i])) }
            }
        }
        let keys = tokens.map(\.key)
        var removed = Set<Int>()
        var found: [Found] = []
        var i = 0
        while i < tokens.count {
            guard let n = run(at: i, in: tokens, keys: keys) else { i += 1; continue }
            found.append(Found(original: text(tokens[i..<(i + 2 * n)]), replacement: text(tokens[(i + n)..<(i + 2 * n)]), line: tokens[i].line))
            removed.formUnion(i..<(i + n))
            i += n
        }
        guard !removed.isEmpty else { return (lines, []) }
        var out = lines
        let touched = Set(removed.map { tokens[$0].line })
        for n in touched {
            let indent = lines[n].prefix(while: { $0 == " " })
            let kept = tokens.indices.filter { tokens[$0].line == n && !removed.contains($0) }
            out[n] = kept.isEmpty ? "" : indent + text(kept.map { tokens[$0] }[...])
        }
        return (out, found)
    }

    /// The length of the doubled run starting at token `i`, the longest there is; nil when none is certain.
    /// `keys` are the tokens' keys: a run repeats only where its first word does, tested before words are compared.
    static func run(at i: Int, in tokens: [Token], keys: [Int]) -> Int? {
        var n = min(longestRun, (tokens.count - i) / 2) + 1
        while n > 1 {
            n -= 1
            guard n != 2, keys[i] == keys[i + n] else { continue }
            if n == 1 {
                let word = tokens[i].bytes
                guard tokens[i + 1].line == tokens[i].line, word.filter(ASCII.isLetter).count >= 6, word.elementsEqual(tokens[i + 1].bytes) else { continue }
                return 1
            }
            var same = true
            for k in 0..<n {
                let a = tokens[i + k].bytes, b = tokens[i + n + k].bytes
                guard a.contains(where: ASCII.isLetter) else { same = false; break }
                if a.elementsEqual(b) { continue }
                // the run's last word may end a sentence the second time: "this" … "this."
                if k == n - 1, let last = a.last, ASCII.isLetter(last), b.count > a.count, b.starts(with: a),
                   b[(b.startIndex + a.count)...].allSatisfy({ !ASCII.isAlnum($0) }) { continue }
                same = false
                break
            }
            if same { return n }
        }
        return nil
    }

    struct Token {
        var line: Int
        var bytes: ArraySlice<UInt8>
        /// The word's letters folded into a number, equal for words that can match (a stop after the last is ignored).
        var key: Int

        init(line: Int, bytes: ArraySlice<UInt8>) {
            self.line = line
            self.bytes = bytes
            var key = 0
            for b in bytes where ASCII.isAlnum(b) { key = key &* 31 &+ Int(b) }
            self.key = key
        }
    }

    private static func text(_ tokens: ArraySlice<Token>) -> String {
        tokens.map { $0.bytes.string }.joined(separator: " ")
    }
}
