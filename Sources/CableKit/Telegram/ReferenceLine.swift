/// Reads the REF line into canonical reference ids: `REF: A. 05 PARIS 5459 B. STATE 127608` → `05PARIS5459`,
/// `08STATE127608` (a reference without a year takes the citing cable's year). Non-cable references
/// (e-mails, OSC reports, `SECDEF MSG DTG …`) are skipped; the cable's own page markers are not references.
public enum ReferenceLine {
    static func parse(_ value: String, year: Int?, ownID: String?, posts: PostDirectory = .standard) -> [String] {
        let tokens = ReferenceLine.tokens(value)

        /// The longest run of 1–4 words at `j` that names a post and is followed by a serial.
        func matchPost(at j: Int) -> (code: String, serialIndex: Int)? {
            guard j < tokens.count, startsWithLetter(tokens[j]) else { return nil }
            for length in stride(from: 4, through: 1, by: -1) where j + length < tokens.count {
                // the serial first: most runs of words have none after them
                guard serialToken(tokens[j + length]) != nil else { continue }
                let words = tokens[j..<j + length]
                guard words.allSatisfy(isPostWord) else { continue }
                // (one word, most often, taken as it is; trimmed only when it has a period at an end)
                let joined = length == 1 ? tokens[j] : words.joined(separator: " ")
                let name = joined.utf8.first == ASCII.period || joined.utf8.last == ASCII.period ? joined.trimming(".") : joined
                if let code = posts.code(forWrittenName: name) { return (code, j + length) }
            }
            return nil
        }

        var refs: [String] = []
        var i = 0
        while i < tokens.count {
            var refYear = year
            var found = matchPost(at: i)
            if found == nil, let y = yearToken(tokens[i]), let m = matchPost(at: i + 1) { refYear = y; found = m }
            guard let (code, serialIndex) = found, let serial = serialToken(tokens[serialIndex]), let refYear else {
                i += 1; continue
            }
            // "MADRID 00000869 001.2 OF 004": the cable's own page marker
            let next = serialIndex + 1 < tokens.count ? tokens[serialIndex + 1] : ""
            let isPageMarker = next.utf8.contains(ASCII.period) && next.first.map(ASCII.isNumber(character:)) == true
            let id = ReferenceID.make(year: refYear, post: code, serial: serial)
            if !isPageMarker, id != ownID, !refs.contains(id) { refs.append(id) }
            i = serialIndex + 1
        }
        return refs
    }

    /// The words of a REF line, upper-cased: separated by white space and punctuation that never belongs to a
    /// post or serial (`,` `;` `:` `(` `)` `¶`).
    static func tokens(_ value: String) -> [String] {
        var bytes = value
        return bytes.withUTF8(asciiTokens) ?? characterTokens(value)
    }

    /// `tokens`, Character by Character (for any line).
    static func characterTokens(_ value: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for ch in value.uppercased() {
            if ch == " " || ch == "\t" || ch == "\n" || ch == "," || ch == ";" || ch == ":" || ch == "(" || ch == ")" || ch == "¶" {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// `tokens` of a line of ASCII and `¶` only, read byte by byte; nil for any other line (a carriage return,
    /// which joins the line feed after it into one character, or a letter `uppercased()` may turn into ASCII).
    private static func asciiTokens(_ b: UnsafeBufferPointer<UInt8>) -> [String]? {
        var tokens: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        var i = 0
        while i < b.count {
            let c = b[i]
            var separator = false
            switch c {
            case ASCII.space, ASCII.tab, ASCII.newline, ASCII.comma, ASCII.semicolon, ASCII.colon, ASCII.openParen, ASCII.closeParen:
                separator = true
            case 0xC2 where i + 1 < b.count && b[i + 1] == 0xB6:   // ¶
                separator = true
                i += 1
            case ASCII.cr, 0x80...:
                return nil
            default:
                current.append(ASCII.upper(c))
            }
            if separator, !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
            i += 1
        }
        if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
        return tokens
    }

    /// The earliest year a cable of `post` numbered `serial` can be from, given the REF line `value`: the
    /// year of its latest reference written with a year, or the year after when that reference is from the
    /// same post with a higher serial (serials count up within a year). Nil without such a reference.
    static func earliestYear(citing value: String, post: String?, serial: Int?, posts: PostDirectory = .standard) -> Int? {
        parse(value, year: nil, ownID: nil, posts: posts).compactMap(ReferenceID.parts).map { ref in
            if let post, let serial, ref.post == post, ref.serial >= serial { return ref.year + 1 }
            return ref.year
        }.max()
    }

    /// The REF line as written with each run of white space (line breaks of a wrapped line, the indent of its
    /// continuations, tabs) made one space, trimmed; nil when nothing is left.
    public static func normalized(_ value: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for b in value.utf8 {
            if b == ASCII.space || b == ASCII.tab || b == ASCII.newline || b == ASCII.cr || b == 0x0B || b == 0x0C {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(ASCII.space); pendingSpace = false }
            out.append(b)
        }
        return out.isEmpty ? nil : String(decoding: out, as: UTF8.self)
    }

    /// The REF line as a telegram writes it (`normalized`) without the pilcrows WikiLeaks' text puts before
    /// each of its lettered references, as before a numbered paragraph (`A. KUWAIT 431 ¶B. 09 KUWAIT 921`):
    /// a `¶` opening a word that goes on with a letter or digit is dropped.
    public static func asWritten(_ value: String) -> String? {
        let pilcrow = Array("¶".utf8)
        let b = Array(value.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == pilcrow[0], i + 2 < b.count, b[i + 1] == pilcrow[1], i == 0 || ASCII.isSpace(b[i - 1]) || b[i - 1] == ASCII.newline,
               ASCII.isAlnum(b[i + 2]) {
                i += 2
                continue
            }
            out.append(b[i])
            i += 1
        }
        return normalized(String(decoding: out, as: UTF8.self))
    }

    /// Whether the word starts with a letter (of any script, as `ASCII.isLetter(character:)` says): an ASCII
    /// first byte followed by another ASCII byte is a character of its own and decides alone; otherwise (a mark
    /// may join it) the first character is asked.
    static func startsWithLetter(_ word: String) -> Bool {
        let u = word.utf8
        guard let first = u.first else { return false }
        if first < 0x80, u.count == 1 || u[u.index(after: u.startIndex)] < 0x80 { return ASCII.isLetter(first) }
        return word.first.map(ASCII.isLetter(character:)) == true
    }

    /// Whether a word can be part of a post's name: letters (of any script), `.` and `-`. Read by bytes while
    /// they are ASCII (an ASCII byte other than those is no letter, whatever mark follows it).
    static func isPostWord(_ word: String) -> Bool {
        for b in word.utf8 {
            if b >= 0x80 { return word.allSatisfy { ASCII.isLetter(character: $0) || $0 == "." || $0 == "-" } }
            guard ASCII.isLetter(b) || b == ASCII.period || b == ASCII.hyphen else { return false }
        }
        return true
    }

    /// "05" → 2005, "2007" → 2007; nil for anything else. (Digits are ASCII digits: `ASCII.isNumber(character:)`
    /// takes other scripts' digits too, but `Int` reads none of them.)
    static func yearToken(_ t: String) -> Int? {
        guard let v = asciiNumber(t.utf8), t.utf8.count == 2 || t.utf8.count == 4 else { return nil }
        if t.utf8.count == 2 { return DateTimeGroup.fullYear(v) }
        return (1945...2030).contains(v) ? v : nil
    }

    /// A serial number: 1–8 digits, nonzero ("0389" → 389), optionally followed by a period.
    static func serialToken(_ t: String) -> Int? {
        var digits = Substring(t).utf8
        if digits.last == ASCII.period { digits = digits.dropLast() }
        guard (1...8).contains(digits.count), let v = asciiNumber(digits), v > 0 else { return nil }
        return v
    }

    /// The value of a run of 1–18 ASCII digits; nil when it is empty, longer or has any other byte.
    private static func asciiNumber<C: Collection<UInt8>>(_ bytes: C) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var v = 0
        for b in bytes {
            guard ASCII.isDigit(b) else { return nil }
            v = v * 10 + Int(b - 0x30)
        }
        return v
    }
}

/// Canonical reference ids: two-digit year, post code, serial without leading zeros (`08STATE37957`).
public enum ReferenceID {
    public static func make(year: Int, post: String, serial: Int) -> String {
        let yy = year % 100
        guard yy >= 0, serial >= 0 else { return (yy < 10 ? "0\(yy)" : "\(yy)") + post + String(serial) }
        // written as bytes: two digits, the post, the serial's digits (an interpolation and two joins cost a
        // thousand instructions, for a REF line's every reference)
        var digits = 1, rest = serial / 10
        while rest > 0 { digits += 1; rest /= 10 }
        var post = post
        return post.withUTF8 { code in
            String(unsafeUninitializedCapacity: 2 + code.count + digits) { out in
                out[0] = UInt8(0x30 + yy / 10); out[1] = UInt8(0x30 + yy % 10)
                for (k, b) in code.enumerated() { out[2 + k] = b }
                var n = serial
                for k in stride(from: 1 + code.count + digits, to: 1 + code.count, by: -1) { out[k] = UInt8(0x30 + n % 10); n /= 10 }
                return 2 + code.count + digits
            }
        }
    }

    /// `true` for ids of the form `08STATE37957`: two digits, 2–30 capital letters, 1–8 digits.
    public static func isValid(_ id: String) -> Bool {
        let b = Array(id.utf8)
        guard b.count >= 5, b.count <= 40, ASCII.isDigit(b[0]), ASCII.isDigit(b[1]) else { return false }
        var i = 2
        while i < b.count, ASCII.isUpper(b[i]) { i += 1 }
        let letters = i - 2
        guard (2...30).contains(letters) else { return false }
        let digits = b.count - i
        guard (1...8).contains(digits) else { return false }
        return b[i...].allSatisfy(ASCII.isDigit) && b[i] != UInt8(ascii: "0")
    }

    /// Splits a valid id into year (full), post code and serial.
    public static func parts(_ id: String) -> (year: Int, post: String, serial: Int)? {
        guard isValid(id) else { return nil }
        let b = Array(id.utf8)
        var i = 2
        while ASCII.isUpper(b[i]) { i += 1 }
        guard let yy = Int(b[0..<2].string), let serial = Int(b[i...].string) else { return nil }
        return (DateTimeGroup.fullYear(yy), b[2..<i].string, serial)
    }
}
