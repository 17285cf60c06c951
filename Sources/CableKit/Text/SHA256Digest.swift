extension SHA256 {
    /// A SHA-256 digest as four words: cheap to hash and compare, and no allocation. The import record's keys
    /// and the build cache's fingerprint of a cable's original (its first word) are made of it.
    public struct Digest: Hashable, Sendable {
        /// The digest's 32 bytes, eight to a word, the first byte highest.
        public var words: (UInt64, UInt64, UInt64, UInt64)

        /// The 32 bytes of `SHA256.hash`.
        public init(_ bytes: [UInt8]) {
            precondition(bytes.count == 32)
            func word(_ i: Int) -> UInt64 { bytes[i..<(i + 8)].reduce(0) { $0 << 8 | UInt64($1) } }
            words = (word(0), word(8), word(16), word(24))
        }

        /// From 64 lower-case hex digits (`SHA256.hex`, `source.sha256`); nil for anything else.
        public init?(hex: UnsafeBufferPointer<UInt8>) {
            guard hex.count == 64 else { return nil }
            // no branch on the kind of each digit: a digest's digits are unpredictable
            func word(_ start: Int) -> UInt64? {
                var w: UInt64 = 0
                var bad = false
                for i in start..<(start + 16) {
                    let digit = hex[i] &- UInt8(ascii: "0"), letter = hex[i] &- UInt8(ascii: "a")
                    bad = bad || (digit >= 10 && letter >= 6)
                    w = w << 4 | UInt64(digit < 10 ? digit : letter &+ 10)
                }
                return bad ? nil : w
            }
            guard let a = word(0), let b = word(16), let c = word(32), let d = word(48) else { return nil }
            words = (a, b, c, d)
        }

        public init?(hex: String) {
            var hex = hex
            guard let digest = hex.withUTF8({ Digest(hex: $0) }) else { return nil }
            self = digest
        }

        /// As `SHA256.hex` writes it.
        public var hex: String {
            var out: [UInt8] = []
            appendHex(to: &out)
            return String(decoding: out, as: UTF8.self)
        }

        public func appendHex(to out: inout [UInt8]) {
            var digits = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
            withUnsafeMutableBytes(of: &digits) { buffer in
                func put(_ word: UInt64, at start: Int) {
                    for j in 0..<16 {
                        let nibble = UInt8(truncatingIfNeeded: word >> UInt64(60 - 4 * j)) & 15
                        buffer[start + j] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
                    }
                }
                put(words.0, at: 0); put(words.1, at: 16); put(words.2, at: 32); put(words.3, at: 48)
                out.append(contentsOf: buffer)
            }
        }

        public static func == (a: Digest, b: Digest) -> Bool { a.words == b.words }
        // the bytes of a digest are evenly spread: one word is hash enough
        public func hash(into hasher: inout Hasher) { hasher.combine(words.0) }
    }
}
