import CTextScan
import Foundation

/// The words search indexes, with the same rules as `term()` in `Themes/default/assets/search.js` (which
/// turns a reader's query into terms): a token is a run of letters, digits and combining marks; it is
/// lower-cased, its diacritics dropped (`é` → `e`, `ß` → `ss`), so all-capitals telegram text and mixed-case
/// text give the same terms; a plural `s` is stripped from words of four letters or more (`detainees` →
/// `detainee`), but for a few whose singular is another word (`news`, `arms`, `goods`: `unstemmedWords`).
/// Reference ids (`08STATE37957`) and TAGS (`PREL`) are single tokens and stay whole.
///
/// Not indexed: tokens of one character, very common English words, redactions (`XXXXXXXXXXXX`), routing
/// noise (`SIPDIS`, `RUEHFR…`, `VZCZC…`) and runs of more than 48 characters. Skipped tokens do not take a
/// position, so the phrase "minister of foreign affairs" matches the text "Minister of Foreign Affairs".
enum SearchTokenizer {
    /// Common words not indexed (they match almost every cable). Kept in step with `STOP` in search.js.
    static let stopWords = [
        "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have", "he", "his",
        "in", "is", "it", "its", "of", "on", "or", "that", "the", "their", "there", "they", "this", "to", "was",
        "were", "which", "will", "with", "would",
    ]
    /// The stop words packed into integers (up to 8 ASCII bytes), sorted, for a fast lookup.
    static let packedStopWords: [UInt64] = stopWords.map(packed).sorted()

    /// A word of up to 8 ASCII bytes packed into an integer, first byte lowest (as `packed(_:_:)` reads a token).
    static func packed(_ word: String) -> UInt64 { word.utf8.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }

    /// The first `n` (at most 8) bytes at `t` packed into an integer, first byte lowest; 8 bytes are readable.
    @inline(__always) static func packed(_ t: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        let word = UInt64(littleEndian: UnsafeRawPointer(t).loadUnaligned(as: UInt64.self))
        return n >= 8 ? word : word & ((1 &<< UInt64(truncatingIfNeeded: n &<< 3)) &- 1)
    }

    static let maxLength = 48

    /// Receives the terms of a text, as UTF-8 bytes. At least 8 bytes past the term's end are readable (the
    /// tokenizer's buffer has room), so a sink may load the bytes a word at a time.
    protocol Sink {
        mutating func term(_ bytes: UnsafeBufferPointer<UInt8>)
    }

    static func scan<S: Sink>(_ text: Substring, into sink: inout S) {
        var text = text
        text.withUTF8 { scan($0, into: &sink) }
    }

    static func scan<S: Sink>(_ text: String, into sink: inout S) {
        var text = text
        text.withUTF8 { scan($0, into: &sink) }
    }

    /// The terms of `text`, in order.
    static func terms(_ text: String) -> [String] {
        struct Collect: Sink {
            var out: [String] = []
            mutating func term(_ bytes: UnsafeBufferPointer<UInt8>) { out.append(String(decoding: bytes, as: UTF8.self)) }
        }
        var c = Collect()
        scan(text, into: &c)
        return c.out
    }

    // MARK: scanning

    /// Bytes folded: 0 for a separator or a byte of a multi-byte scalar (≥ 0x80), else the ASCII letter
    /// lower-cased or the digit as it is.
    static let asciiFold: [UInt8] = (0..<256).map { c in
        (0x41...0x5A).contains(c) ? UInt8(c | 0x20) : (0x61...0x7A).contains(c) || (0x30...0x39).contains(c) ? UInt8(c) : 0
    }

    /// Room for one token: 48 scalars of up to 4 bytes, and what folding adds (`ß` → `ss`).
    static let tokenCapacity = 256

    static func scan<S: Sink>(_ b: UnsafeBufferPointer<UInt8>, into sink: inout S) {
        var scanner = Scanner()
        scanner.run(b, &sink)
        scanner.token.deallocate()
    }

    /// `scan` reading every byte in turn (`Scanner.read` on the whole text), as it does the runs of words with
    /// a multi-byte scalar: what the tests hold `scan` to.
    static func scanByteByByte<S: Sink>(_ b: UnsafeBufferPointer<UInt8>, into sink: inout S) {
        guard let base = b.baseAddress else { return }
        var scanner = Scanner()
        SearchTokenizer.stopTable.withUnsafeBufferPointer { stops in scanner.slow(base, b.count, stops, &sink) }
        scanner.token.deallocate()
    }

    /// The state of one scan: the token buffer (8 bytes longer than a token, for word loads) and the folds of
    /// scalars above the precomputed table.
    ///
    /// An ASCII byte other than a letter or digit always ends a token, so the text is cut at those into runs
    /// that are read one by one: a run of ASCII letters and digits (nearly all of them: telegrams are ASCII)
    /// is a token as it stands, lower-cased; a run with a byte of a multi-byte scalar is read byte by byte
    /// (`read`: it may hold several tokens, split at a non-ASCII separator, and folds its letters). The byte
    /// classes and the lower-cased text come from `chancery_classify_text`, sixteen bytes at a time, as bit
    /// masks: the runs are found a word of 64 bytes at a time, with no branch on each byte (the loop over
    /// bytes, deciding at each whether the token goes on, took two thirds of the tokenizer's time).
    struct Scanner {
        let token = UnsafeMutablePointer<UInt8>.allocate(capacity: SearchTokenizer.tokenCapacity + 8)
        /// Scalars above the precomputed table, folded for this text.
        var folds: [UInt32: Fold] = [:]

        mutating func run<S: Sink>(_ b: UnsafeBufferPointer<UInt8>, _ sink: inout S) {
            guard let base = b.baseAddress, b.count > 0 else { return }
            let n = b.count, words = (n + 63) >> 6
            // the text lower-cased (and 64 bytes of room past it: a sink loads a term's bytes a word at a time),
            // then the masks: letters, digits and multi-byte scalars' bytes; multi-byte scalars' bytes
            let lower = UnsafeMutablePointer<UInt8>.allocate(capacity: n + 64)
            let masks = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * words)
            defer { lower.deallocate(); masks.deallocate() }
            let high = masks + words
            chancery_classify_text(base, n, lower, masks, high)
            SearchTokenizer.stopTable.withUnsafeBufferPointer { stops in
                // a run reaching the end of a word goes on in the next: where it started. (Wrapping arithmetic and
                // masking shifts: bit positions are 0...63 and offsets below the text's length, so none can
                // overflow, and the checks the compiler would add cost a tenth of the loop's instructions.)
                var open = false, openStart = 0
                var w = 0
                while w < words {
                    var m = masks[w]
                    let at = w &<< 6
                    if open {
                        let ends = ~m
                        if ends == 0 { w &+= 1; continue }
                        let end = ends.trailingZeroBitCount
                        take(base, lower, high, openStart, at &+ end, stops, &sink)
                        open = false
                        m &= UInt64.max &<< UInt64(truncatingIfNeeded: end)
                    }
                    while m != 0 {
                        let start = m.trailingZeroBitCount
                        let ends = ~m & (UInt64.max &<< UInt64(truncatingIfNeeded: start))
                        if ends == 0 { open = true; openStart = at &+ start; break }
                        let end = ends.trailingZeroBitCount
                        take(base, lower, high, at &+ start, at &+ end, stops, &sink)
                        m &= UInt64.max &<< UInt64(truncatingIfNeeded: end)
                    }
                    w &+= 1
                }
                if open { take(base, lower, high, openStart, n, stops, &sink) }
            }
        }

        /// The run of bytes `start..<end`: a token when it is all ASCII, else read byte by byte.
        @inline(__always) private mutating func take<S: Sink>(_ base: UnsafePointer<UInt8>, _ lower: UnsafeMutablePointer<UInt8>,
                                                              _ high: UnsafeMutablePointer<UInt64>, _ start: Int, _ end: Int,
                                                              _ stops: UnsafeBufferPointer<UInt64>, _ sink: inout S) {
            if Scanner.hasMultiByte(high, start, end) {
                slow(base + start, end - start, stops, &sink)
                return
            }
            let length = end &- start
            guard length >= 2, length <= maxLength else { return }
            var n = length
            let t = lower + start
            if SearchTokenizer.keep(t, &n, digits: false, scalars: length, stops: stops) {
                sink.term(UnsafeBufferPointer(start: t, count: n))
            }
        }

        /// Whether a byte of `start..<end` is part of a multi-byte scalar (its bit is set in `high`).
        @inline(__always) private static func hasMultiByte(_ high: UnsafeMutablePointer<UInt64>, _ start: Int, _ end: Int) -> Bool {
            let first = start &>> 6, last = (end &- 1) &>> 6
            if first == last { return high[first] & (UInt64.max &<< UInt64(truncatingIfNeeded: start)) & lowBits(end) != 0 }
            var w = first
            while w <= last {
                var m = high[w]
                if w == first { m &= UInt64.max &<< UInt64(truncatingIfNeeded: start) }
                if w == last { m &= lowBits(end) }
                if m != 0 { return true }
                w &+= 1
            }
            return false
        }

        /// The bits of a word below `end`'s place in it (all of them when `end` is at the start of a word, as the
        /// end of a run that fills its last word).
        @inline(__always) private static func lowBits(_ end: Int) -> UInt64 {
            let bit = end & 63
            return bit == 0 ? UInt64.max : (1 &<< UInt64(truncatingIfNeeded: bit)) &- 1
        }

        /// Reads the `n` bytes at `base` byte by byte (not inlined: the runs that need it are few).
        @inline(never) mutating func slow<S: Sink>(_ base: UnsafePointer<UInt8>, _ n: Int, _ stops: UnsafeBufferPointer<UInt64>, _ sink: inout S) {
            let token = self.token
            SearchTokenizer.asciiFold.withUnsafeBufferPointer { fold in
                Scanner.read(base, n, token: token, fold: fold.baseAddress!, stops: stops, folds: &folds, &sink)
            }
        }

        /// The loop over the text, a byte at a time, on local variables only (a variable a closure captures
        /// lives in memory).
        private static func read<S: Sink>(_ base: UnsafePointer<UInt8>, _ n: Int, token: UnsafeMutablePointer<UInt8>, fold: UnsafePointer<UInt8>,
                                          stops: UnsafeBufferPointer<UInt64>, folds: inout [UInt32: Fold], _ sink: inout S) {
            let capacity = SearchTokenizer.tokenCapacity
            // the token being read: its bytes, its length in scalars, whether it has a digit other than an ASCII
            // one (those `keep` finds in the bytes when it needs to know: a letter never folds to an ASCII digit)
            var length = 0, scalars = 0, digits = false
            var i = 0
            while i < n {
                let c = base[i]
                let f = fold[Int(c)]
                if f != 0 {
                    // a run of ASCII letters and digits, as far as the buffer has room
                    let room = capacity &- length
                    if room == 0 {
                        // the buffer is full: the token is too long, read on to its end
                        scalars = maxLength + 2
                        i += 1
                        continue
                    }
                    let end = min(n, i &+ room)
                    var j = i &+ 1
                    var out = token + length
                    out.pointee = f
                    while j < end {
                        let f = fold[Int(base[j])]
                        if f == 0 { break }
                        out += 1
                        out.pointee = f
                        j &+= 1
                    }
                    length &+= j &- i; scalars &+= j &- i
                    i = j
                    continue
                }
                if c < 0x80 {
                    i += 1
                    if length > 0 {
                        SearchTokenizer.flush(token, length, scalars, digits, stops, &sink)
                        length = 0; scalars = 0; digits = false
                    }
                    continue
                }
                // a multi-byte scalar
                var value: UInt32, width: Int
                if c >= 0xF0 { value = UInt32(c & 0x07); width = 4 } else if c >= 0xE0 { value = UInt32(c & 0x0F); width = 3 } else { value = UInt32(c & 0x1F); width = 2 }
                if i + width > n { break }
                for k in 1..<width { value = value << 6 | UInt32(base[i + k] & 0x3F) }
                i += width
                let fold: Fold
                if value < Fold.tableEnd { fold = Fold.table[Int(value) - 0x80] } else if let known = folds[value] { fold = known } else {
                    fold = Fold.compute(value); folds[value] = fold
                }
                switch fold {
                case .separator:
                    if length > 0 {
                        SearchTokenizer.flush(token, length, scalars, digits, stops, &sink)
                        length = 0; scalars = 0; digits = false
                    }
                case .mark: break
                case .letter(let bytes): (length, scalars) = SearchTokenizer.append(bytes, token, length, scalars)
                case .digit(let bytes): (length, scalars) = SearchTokenizer.append(bytes, token, length, scalars); digits = true
                }
            }
            if length > 0 { SearchTokenizer.flush(token, length, scalars, digits, stops, &sink) }
        }
    }

    /// The token with a folded scalar's bytes appended (or marked too long when the buffer is full): its
    /// length in bytes and in scalars.
    private static func append(_ bytes: [UInt8], _ token: UnsafeMutablePointer<UInt8>, _ length: Int, _ scalars: Int) -> (Int, Int) {
        var length = length, scalars = scalars
        for byte in bytes {
            if length < SearchTokenizer.tokenCapacity { token[length] = byte; length += 1 } else { scalars = maxLength + 1 }
            if byte & 0xC0 != 0x80 { scalars += 1 }
        }
        return (length, scalars)
    }

    /// Hands the token to the sink when it is indexed.
    @inline(__always) private static func flush<S: Sink>(_ token: UnsafeMutablePointer<UInt8>, _ length: Int, _ scalars: Int, _ digits: Bool,
                                                        _ stops: UnsafeBufferPointer<UInt64>, _ sink: inout S) {
        guard scalars >= 2, scalars <= maxLength else { return }
        var n = length
        if SearchTokenizer.keep(token, &n, digits: digits, scalars: scalars, stops: stops) {
            sink.term(UnsafeBufferPointer(start: token, count: n))
        }
    }

    /// Stop words in a table of 128 slots with no two in one slot (`stopMultiplier` is chosen so), so that a
    /// word is a stop word exactly when its slot holds it: one load and one compare, no probing. Empty slots
    /// hold 0, which no token packs to; slot 128 holds the multiplier (read with the table, in the scanner's loop).
    static let stopTable: [UInt64] = {
        var table = [UInt64](repeating: 0, count: 129)
        for w in packedStopWords { table[stopSlot(w)] = w }
        table[128] = stopMultiplier
        return table
    }()

    /// The first odd multiplier of a fixed sequence that sends every stop word to a slot of its own.
    static let stopMultiplier: UInt64 = {
        var m: UInt64 = 0x9E37_79B9_7F4A_7C15
        while true {
            var used = Set<UInt64>()
            if packedStopWords.allSatisfy({ used.insert(($0 &* m) >> 57).inserted }) { return m }
            m = (m &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407) | 1
        }
    }()

    @inline(__always) static func stopSlot(_ packed: UInt64) -> Int { Int(truncatingIfNeeded: (packed &* stopMultiplier) >> 57) }

    @inline(__always) static func isStopWord(_ packed: UInt64, _ t: UnsafeBufferPointer<UInt64>) -> Bool {
        t[Int(truncatingIfNeeded: (packed &* t[128]) >> 57)] == packed
    }

    /// Whether the folded token of `n` bytes at `t` is indexed; stems it in place (changing `n`). `t` has 8
    /// readable bytes at least.
    @inline(__always) static func keep(_ t: UnsafeMutablePointer<UInt8>, _ n: inout Int, digits: Bool, scalars: Int,
                                       stops: UnsafeBufferPointer<UInt64>) -> Bool {
        // a token's bytes are never 0, so its first eight bytes packed equal a word of fewer bytes packed only
        // when the token is that word, and their first k bytes a k-byte prefix only when it begins with it: no
        // test of the length first (a branch on each token, whose length varies from one to the next)
        let p = SearchTokenizer.packed(UnsafePointer(t), n)
        if isStopWord(p, stops) || p == 0x7369_6470_6973 || p == 0x6E6E_6E6E            // "sipdis", "nnnn"
            || p & 0xFFFF_FFFF == 0x6865_7572 || p & 0xFF_FFFF_FFFF == 0x63_7A63_7A76 {   // rueh…, vzczc…
            return false
        }
        if t[0] == 0x78, n >= 4 {                                                         // XXXXXXXXXXXX
            var i = 1
            while i < n, t[i] == 0x78 { i += 1 }
            if i == n { return false }
        }
        if scalars >= 4, t[n - 1] == 0x73, !digits, !hasASCIIDigit(t, n) { stem(t, &n) }   // a word of letters only
        return true
    }

    /// Whether the token's bytes have an ASCII digit: it has a digit scalar then (a letter's fold is never an
    /// ASCII digit: `SearchTests.noLetterFoldsToAnASCIIDigit`).
    @inline(__always) static func hasASCIIDigit(_ t: UnsafeMutablePointer<UInt8>, _ n: Int) -> Bool {
        for i in 0..<n where t[i] &- 0x30 < 10 { return true }
        return false
    }

    /// Words whose `s` is not a plural's, or whose singular means something else: stemmed, "news" would find
    /// every "new" and "arms" every "arm". Kept in step with search.js.
    static let unstemmedWords = ["news", "arms", "goods", "means", "customs", "series", "species"]

    /// Whether the folded token of `n` bytes at `t` (8 readable) is one of `unstemmedWords`, by their packed
    /// bytes written as constants (`unstemmedWordsArePacked` checks them against the list).
    @inline(__always) static func isUnstemmed(_ t: UnsafeMutablePointer<UInt8>, _ n: Int) -> Bool {
        guard n <= 7 else { return false }
        switch packed(UnsafePointer(t), n) {
        case 0x7377_656E, 0x736D_7261, 0x73_646F_6F67, 0x73_6E61_656D, 0x73_6D6F_7473_7563, 0x7365_6972_6573, 0x73_6569_6365_7073: return true
        default: return false
        }
    }

    /// Harman's S-stemmer: `-ies` → `-y` (not `-eies`, `-aies`), `-es` → `-e` and `-s` → `` (not `-us`, `-ss`).
    /// The token ends in `s` and has at least four bytes; `unstemmedWords` are left as they are. Not inlined:
    /// a call for the tokens ending in `s` costs less than the scanner's loop grown too big to hold the sink.
    @inline(never) static func stem(_ b: UnsafeMutablePointer<UInt8>, _ n: inout Int) {
        if isUnstemmed(b, n) { return }
        let p = b[n - 2], q = b[n - 3], r = b[n - 4]
        if p == 0x65, q == 0x69, r != 0x65, r != 0x61 { n -= 2; b[n - 1] = 0x79 }   // ies, not eies / aies
        else if p != 0x75, p != 0x73 { n -= 1 }                                    // not us / ss
    }

    /// How a non-ASCII scalar folds: a separator, a mark (dropped), or letters/digits to append.
    enum Fold: Sendable {
        case separator, mark
        case letter([UInt8])
        case digit([UInt8])

        /// Latin-1 Supplement to Latin Extended-B, IPA, Greek and Cyrillic are computed once.
        static let tableEnd: UInt32 = 0x530
        static let table: [Fold] = (0x80..<Int(tableEnd)).map { compute(UInt32($0)) }

        /// Letters not decomposed by NFD that search folds anyway (kept in step with search.js).
        static let special: [Unicode.Scalar: String] = [
            "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i", "ς": "σ",
        ]

        static func compute(_ value: UInt32) -> Fold {
            guard let scalar = Unicode.Scalar(value) else { return .separator }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
                return .letter(fold(scalar))
            case .decimalNumber, .letterNumber, .otherNumber:
                return .digit(fold(scalar))
            default: return .separator
            }
        }

        /// Lower-case, canonical decomposition, marks dropped, then the special letters.
        static func fold(_ scalar: Unicode.Scalar) -> [UInt8] {
            let lower = String(scalar).lowercased().decomposedStringWithCanonicalMapping
            var out = ""
            for s in lower.unicodeScalars {
                switch s.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: continue
                default: if let r = special[s] { out += r } else { out.unicodeScalars.append(s) }
                }
            }
            return Array(out.utf8)
        }
    }
}
