import CTextScan
import Templates

/// Adds the reading-room touches to a cable body rendered as HTML: an anchor and a visible ¶ link on each
/// numbered paragraph (`<p class="para" id="p4">`), a styled badge for each per-paragraph classification
/// marking such as `(S/NF)`, a styled mark for redactions (`XXXXXXXXXXXX`), and a link from a mention of a
/// lettered reference (`Ref C`, `REFTEL B`, `refs A and B`) to it in the page's references (`#ref-c`). It
/// only ever looks at text between tags, which libcmark-gfm has already escaped, so it cannot open a hole
/// for markup.
enum BodyDecorator {
    /// `referenceLetters`: the letters of the cable's lettered references (`A`…), which a mention links to.
    static func decorate(_ html: [UInt8], referenceLetters: Set<UInt8> = []) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(html.count + html.count / 8)
        // the paragraph numbers anchored so far (at most three digits)
        var seen = [Bool](repeating: false, count: 1000)
        let mentions = !referenceLetters.isEmpty
        html.withUnsafeBufferPointer { b in
            var i = 0
            var copied = 0  // bytes before `copied` are already in `out`
            // (`out` and `copied` passed in, not captured: a local function's captured variables are checked for
            // exclusive access at run time, at every call)
            func flush(_ upTo: Int, _ out: inout [UInt8], _ copied: inout Int) {
                if upTo > copied { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<upTo])) }
                copied = upTo
            }
            while i < b.count {
                // most of a body is plain text: skip it to the next byte that may start something (a tag, or a
                // word beginning with X or, when a reference may be mentioned, R), sixteen bytes at a time
                i = chancery_next_decoration(b.baseAddress!, i, b.count, mentions ? 1 : 0)
                guard i < b.count else { break }
                let c = b[i]
                if c == UInt8(ascii: "<") {
                    // <p>¶N. — a numbered paragraph
                    if starts(b, i, pOpen), starts(b, i + 3, pilcrow), let (number, end) = paragraphNumber(b, i + 3 + pilcrow.count), !seen[number] {
                        seen[number] = true
                        flush(i, &out, &copied)
                        // <p class="para" id="pN"><a class="para-link" href="#pN" aria-label="Link to paragraph N">¶</a>N.
                        let digits = decimal(number)
                        out += paraOpen; out += digits; out += paraLink; out += digits; out += paraLabel; out += digits
                        out += paraPilcrow; out += digits; out += paraDot
                        i = markingAt(b, end, into: &out)
                        copied = i
                        continue
                    }
                    // a kept table scrolls sideways: make it reachable by keyboard
                    if starts(b, i, preOpen) {
                        flush(i, &out, &copied)
                        out += preWithTabindex
                        i += preOpen.count
                        copied = i
                        continue
                    }
                    if starts(b, i, pOpen) || starts(b, i, liOpen) {
                        let n = b[i + 1] == UInt8(ascii: "p") ? 3 : 4
                        flush(i + n, &out, &copied)
                        i = markingAt(b, i + n, into: &out)
                        copied = i
                        continue
                    }
                    // skip over the tag
                    while i < b.count, b[i] != UInt8(ascii: ">") { i += 1 }
                    i += 1
                    continue
                }
                // "Ref C": each letter of the mention links to its reference
                if mentions, c | 0x20 == UInt8(ascii: "r"), i == 0 || !isWordByte(b[i - 1]),
                   let (letters, end) = mentionedReferences(b, i, referenceLetters) {
                    for k in letters {
                        flush(k, &out, &copied)
                        out.append(contentsOf: "<a class=\"ref-link\" href=\"#ref-".utf8)
                        out.append(b[k] | 0x20)
                        out.append(contentsOf: "\">".utf8)
                        out.append(b[k])
                        out.append(contentsOf: "</a>".utf8)
                        copied = k + 1
                    }
                    i = end
                    continue
                }
                // redactions: a run of 6 or more X
                if c == UInt8(ascii: "X"), i == 0 || !isWordByte(b[i - 1]) {
                    var j = i
                    while j < b.count, b[j] == UInt8(ascii: "X") { j += 1 }
                    if j - i >= 6, j == b.count || !isWordByte(b[j]) {
                        flush(i, &out, &copied)
                        out += redactedOpen
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<j]))
                        out += spanClose
                        copied = j
                    }
                    i = j
                    continue
                }
                i += 1
            }
            flush(b.count, &out, &copied)
        }
        return out
    }

    private static let paraOpen = Array("<p class=\"para\" id=\"p".utf8), paraLink = Array("\"><a class=\"para-link\" href=\"#p".utf8)
    private static let paraLabel = Array("\" aria-label=\"Link to paragraph ".utf8), paraPilcrow = Array("\">¶</a>".utf8), paraDot = Array(". ".utf8)
    private static let pOpen = Array("<p>".utf8), liOpen = Array("<li>".utf8), pilcrow = Array("¶".utf8), preOpen = Array("<pre".utf8)
    private static let preWithTabindex = Array("<pre tabindex=\"0\"".utf8)
    private static let redactedOpen = Array("<span class=\"redacted\" title=\"Redacted\">".utf8)
    private static let spanClose = Array("</span>".utf8)

    /// The decimal digits of `n` (0 < n < 1000).
    private static func decimal(_ n: Int) -> ArraySlice<UInt8> {
        let digits: [UInt8] = [UInt8(n / 100) + 0x30, UInt8(n / 10 % 10) + 0x30, UInt8(n % 10) + 0x30]
        return digits[(n >= 100 ? 0 : n >= 10 ? 1 : 2)...]
    }

    private static func starts(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ p: [UInt8]) -> Bool {
        guard i + p.count <= b.count else { return false }
        for k in 0..<p.count where b[i + k] != p[k] { return false }
        return true
    }

    private static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c >= 0x80
    }

    private static let mentionWords: [[UInt8]] = ["REF", "REFS", "REFTEL", "REFTELS"].map { Array($0.utf8) }
    private static let letterJoins: [[UInt8]] = ["and ", "AND ", "or ", "OR ", "&amp; "].map { Array($0.utf8) }

    /// At `i`, a mention of lettered references — `Ref C`, `REF. A`, `REFTEL B`, `refs A, B and D` — whose
    /// letters are among `letters`: the offsets of those letters and where the mention ends; nil when there is
    /// none (another word, or a letter the REF line does not give).
    private static func mentionedReferences(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ letters: Set<UInt8>) -> ([Int], Int)? {
        var j = i
        while j < b.count, j - i < 8, (b[j] | 0x20) >= 0x61, (b[j] | 0x20) <= 0x7A { j += 1 }
        // REF, REFS, REFTEL, REFTELS in any case (compared without making the word: most words are not one)
        guard j - i >= 3, mentionWords.contains(where: { word in
            word.count == j - i && word.indices.allSatisfy { b[i + $0] & ~0x20 == word[$0] }
        }) else { return nil }
        if j < b.count, b[j] == UInt8(ascii: ".") { j += 1 }
        var found: [Int] = []
        while true {
            var k = j
            while k < b.count, b[k] == UInt8(ascii: " ") { k += 1 }
            // one capital letter standing alone, which the REF line gives
            guard k > j, k < b.count, b[k] >= 0x41, b[k] <= 0x5A, k + 1 == b.count || !isWordByte(b[k + 1]), letters.contains(b[k]) else { break }
            found.append(k)
            j = k + 1
            // then ", B", " and C", " & D"
            var s = j
            if s < b.count, b[s] == UInt8(ascii: ",") { s += 1 }
            while s < b.count, b[s] == UInt8(ascii: " ") { s += 1 }
            if let join = letterJoins.first(where: { starts(b, s, $0) }) {
                j = s + join.count - 1
            } else if j < b.count, b[j] == UInt8(ascii: ",") {
                j += 1
            } else {
                break
            }
        }
        guard let last = found.last else { return nil }
        return (found, last + 1)
    }

    /// "4. " → (4, index after the space)
    private static func paragraphNumber(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, Int)? {
        var j = i, n = 0
        while j < b.count, j - i < 3, b[j] >= 0x30, b[j] <= 0x39 { n = n * 10 + Int(b[j] - 0x30); j += 1 }
        guard j > i, j < b.count, b[j] == UInt8(ascii: "."), n > 0 else { return nil }
        j += 1
        while j < b.count, b[j] == UInt8(ascii: " ") { j += 1 }
        return (n, j)
    }

    /// A marking such as `(S/NF)` at `i` is wrapped in a badge; returns the index after what was copied.
    private static func markingAt(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, into out: inout [UInt8]) -> Int {
        guard i < b.count, b[i] == UInt8(ascii: "(") else { return i }
        var j = i + 1
        while j < b.count, j - i < 26, b[j] != UInt8(ascii: ")"), b[j] != UInt8(ascii: "<") { j += 1 }
        guard j < b.count, b[j] == UInt8(ascii: ")") else { return i }
        guard let level = markingLevel(UnsafeBufferPointer(rebasing: b[(i + 1)..<j])) else { return i }
        out.append(contentsOf: "<span class=\"marking marking-".utf8)
        out.append(contentsOf: level.utf8)
        out.append(contentsOf: "\">".utf8)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i...j]))
        out.append(contentsOf: "</span>".utf8)
        return j + 1
    }

    /// The badge level of a marking's text (`S/NF` → `s`): its first word, upper-cased, names it. ASCII is
    /// compared byte by byte; anything else goes through `uppercased()`, as Unicode case mapping and
    /// grapheme clusters demand.
    private static func markingLevel(_ inner: UnsafeBufferPointer<UInt8>) -> String? {
        if inner.contains(where: { $0 >= 0x80 }) {
            let head = String(decoding: inner, as: UTF8.self).prefix(while: { $0 != "/" && $0 != " " }).uppercased()
            return level(Array(head.utf8)[...])
        }
        let head = inner.prefix(while: { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: " ") })
        return level(head.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }[...])
    }

    private static func level(_ head: ArraySlice<UInt8>) -> String? {
        switch head.count {
        case 1 where head.first == UInt8(ascii: "U"): return "u"
        case 1 where head.first == UInt8(ascii: "C"): return "c"
        case 1 where head.first == UInt8(ascii: "S"): return "s"
        case 2 where head.elementsEqual("TS".utf8): return "ts"
        case 3 where head.elementsEqual("SBU".utf8) || head.elementsEqual("LOU".utf8): return "sbu"
        default: return nil
        }
    }
}
