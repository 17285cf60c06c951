/// Byte-level character classes for ASCII text. Cables are overwhelmingly ASCII; bytes ≥ 0x80 are
/// treated as "other letters" so UTF-8 sequences are never split by these tests.
enum ASCII {
    static let space: UInt8 = 0x20, tab: UInt8 = 0x09, newline: UInt8 = 0x0A, cr: UInt8 = 0x0D
    static let colon = UInt8(ascii: ":"), comma = UInt8(ascii: ","), period = UInt8(ascii: ".")
    static let semicolon = UInt8(ascii: ";"), slash = UInt8(ascii: "/"), hyphen = UInt8(ascii: "-")
    static let openParen = UInt8(ascii: "("), closeParen = UInt8(ascii: ")")

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == space || b == tab || b == cr || b == 0x0C || b == 0x0B }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
    @inline(__always) static func upper(_ b: UInt8) -> UInt8 { isLower(b) ? b - 32 : b }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b + 32 : b }
}

extension ASCII {
    // `Character.isLetter`, `isNumber`, `isUppercase` and `isLowercase`, answered from the byte when the
    // character is ASCII (the Unicode property lookup is the slow part); any other character is asked as before.
    @inline(__always) static func isLetter(character c: Character) -> Bool { if let a = c.asciiValue { return isLetter(a) }; return c.isLetter }
    @inline(__always) static func isNumber(character c: Character) -> Bool { if let a = c.asciiValue { return isDigit(a) }; return c.isNumber }
    @inline(__always) static func isUpper(character c: Character) -> Bool { if let a = c.asciiValue { return isUpper(a) }; return c.isUppercase }
    @inline(__always) static func isLower(character c: Character) -> Bool { if let a = c.asciiValue { return isLower(a) }; return c.isLowercase }
}

extension Collection where Element == UInt8 {
    /// The bytes as a String (the caller guarantees valid UTF-8; invalid sequences become U+FFFD).
    var string: String { String(decoding: self, as: UTF8.self) }
}

extension ArraySlice where Element == UInt8 {
    /// Without leading and trailing white space.
    var trimmed: ArraySlice<UInt8> {
        var lo = startIndex, hi = endIndex
        while lo < hi, ASCII.isSpace(self[lo]) { lo += 1 }
        while hi > lo, ASCII.isSpace(self[hi - 1]) { hi -= 1 }
        return self[lo..<hi]
    }

    /// `true` when the slice starts with `prefix`, ASCII case-insensitively (`prefix` upper-case).
    func hasPrefix(caseInsensitive prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard self.count >= count else { return false }
        return prefix.withUTF8Buffer { p in
            var i = startIndex
            for c in p { if ASCII.upper(self[i]) != c { return false }; i += 1 }
            return true
        }
    }

    /// `true` when every letter is upper-case and there is at least one letter.
    var isUpperCaseText: Bool {
        var letters = 0
        for b in self { if ASCII.isLower(b) { return false }; if ASCII.isUpper(b) { letters += 1 } }
        return letters > 0
    }

    var isBlank: Bool { allSatisfy(ASCII.isSpace) }

    /// Index of the first occurrence of `needle` (upper-case ASCII), compared case-insensitively, that starts
    /// at a word boundary; nil when absent.
    func firstWord(caseInsensitive needle: StaticString, from start: Int? = nil) -> Int? {
        let n = needle.utf8CodeUnitCount
        guard n > 0 else { return nil }
        // on the bytes in place (offsets from startIndex), without a bounds check per byte
        return needle.withUTF8Buffer { p -> Int? in
            withUnsafeBufferPointer { h -> Int? in
                var i = (start ?? startIndex) - startIndex
                let last = h.count - n
                while i <= last {
                    if ASCII.upper(h[i]) == p[0], i == 0 || !ASCII.isAlnum(h[i - 1]) {
                        var k = 1
                        while k < n, ASCII.upper(h[i + k]) == p[k] { k += 1 }
                        if k == n { return startIndex + i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }
}

/// Collapses runs of white space to one space and trims: `"A  B \n C"` → `"A B C"`.
func squeezeSpaces(_ s: some StringProtocol) -> String {
    var out = [UInt8](); out.reserveCapacity(s.utf8.count)
    var pendingSpace = false
    for b in s.utf8 {
        if ASCII.isSpace(b) || b == ASCII.newline { pendingSpace = !out.isEmpty; continue }
        if pendingSpace { out.append(ASCII.space); pendingSpace = false }
        out.append(b)
    }
    return String(decoding: out, as: UTF8.self)
}

extension StringProtocol {
    /// The first (or, `backwards`, the last) range of `needle`, compared ASCII case-insensitively on the
    /// UTF-8 bytes: what `range(of:options: .caseInsensitive)` finds for an ASCII needle, without Foundation.
    func range(ofASCII needle: StaticString, backwards: Bool = false) -> Range<Index>? {
        let bytes = utf8
        let n = needle.utf8CodeUnitCount
        guard n > 0, bytes.count >= n else { return nil }
        func search(_ h: UnsafeBufferPointer<UInt8>) -> Int? {
            needle.withUTF8Buffer { p -> Int? in
                let last = h.count - n
                var i = backwards ? last : 0
                while backwards ? i >= 0 : i <= last {
                    var k = 0
                    while k < n, ASCII.lower(h[i + k]) == ASCII.lower(p[k]) { k += 1 }
                    if k == n { return i }
                    i += backwards ? -1 : 1
                }
                return nil
            }
        }
        let offset = bytes.withContiguousStorageIfAvailable(search) ?? Array(bytes).withUnsafeBufferPointer(search)
        guard let offset else { return nil }
        let lower = bytes.index(bytes.startIndex, offsetBy: offset)
        return lower..<bytes.index(lower, offsetBy: n)
    }
}
