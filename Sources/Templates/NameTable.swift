/// The names a view answers to (`child(named:)`), each with what it stands for, looked up by a hash: a
/// `Dictionary` hashes every name with SipHash (some 370 instructions a lookup on a view read fifty times a
/// page), a `switch` compares it with each case in turn (a call for each name that differs).
///
/// A name of up to 15 bytes — every name a theme reads but a few — is a small string, held in the two words
/// of the `String` itself with its bytes, its length and its kind: two such names are equal exactly when
/// those words are. The lookup hashes and compares the words (two multiplications, two comparisons); a
/// longer name is hashed by its bytes and compared as a string.
@frozen public struct NameTable<Value: Sendable>: Sendable {
    /// Slot i: the name's two words (`words(of:)`), or `(0, 0)` when the slot is empty (no string is that).
    @usableFromInline let keys: [(UInt64, UInt64)]
    @usableFromInline let names: [String?]
    @usableFromInline let values: [Value?]
    @usableFromInline let shift: UInt64

    /// `pairs`' names must differ.
    public init(_ pairs: [(String, Value)]) {
        var bits: UInt64 = 4
        while 1 << bits < pairs.count * 4 { bits += 1 }
        var keys = [(UInt64, UInt64)](repeating: (0, 0), count: 1 << bits)
        var names = [String?](repeating: nil, count: 1 << bits)
        var values = [Value?](repeating: nil, count: 1 << bits)
        for (name, value) in pairs {
            var i = NameTable.slot(name, shift: 64 - bits)
            while let taken = names[i] {
                precondition(taken != name, "NameTable: '\(name)' given twice")
                i = (i + 1) & (names.count - 1)
            }
            keys[i] = NameTable.words(of: name)
            names[i] = name
            values[i] = value
        }
        self.keys = keys
        self.names = names
        self.values = values
        shift = 64 - bits
    }

    /// The value of `name`, nil when it is not one of the table's.
    /// (Inlinable, so that it is specialized for the view's type of value: a generic lookup cost more than the
    /// hashing it saves.)
    @inlinable @inline(__always) public func value(_ name: String) -> Value? {
        let mask = names.count - 1
        let (low, high) = NameTable.words(of: name)
        if NameTable.isSmall(high) {
            var i = NameTable.slot(low, high, shift: shift)
            while true {
                let key = keys[i]
                if key.0 == low && key.1 == high { return values[i] }
                if key.0 == 0 && key.1 == 0 { return nil }
                i = (i + 1) & mask
            }
        }
        var i = NameTable.slot(name, shift: shift)
        while let candidate = names[i] {
            if candidate == name { return values[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    /// The two words a `String` is made of (on 64-bit platforms; elsewhere a name is always looked up by its bytes).
    @inlinable @inline(__always) static func words(of name: String) -> (UInt64, UInt64) {
        #if arch(x86_64) || arch(arm64)
        return unsafeBitCast(name, to: (UInt64, UInt64).self)
        #else
        return (0, 0)
        #endif
    }

    /// Whether a string's second word is a small string's: its top byte holds the kind, with the "small" flag.
    @inlinable @inline(__always) static func isSmall(_ high: UInt64) -> Bool {
        #if arch(x86_64) || arch(arm64)
        return high & (1 << 61) != 0
        #else
        return false
        #endif
    }

    /// The slot of a name by its bytes (and of a small one by its words: both the same for a small name).
    @inlinable @inline(__always) static func slot(_ name: String, shift: UInt64) -> Int {
        let (low, high) = words(of: name)
        if isSmall(high) { return slot(low, high, shift: shift) }
        var name = name
        let h = name.withUTF8 { b -> UInt64 in
            var h = UInt64(b.count) &* 0x9E37_79B9_7F4A_7C15
            var i = 0
            while i < b.count {
                var word: UInt64 = 0
                let end = min(b.count, i + 8)
                for k in i..<end { word |= UInt64(b[k]) << UInt64(8 * (k - i)) }
                h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
                i = end
            }
            return h ^ (h >> 29)
        }
        return Int(truncatingIfNeeded: (h &* 0x94D0_49BB_1331_11EB) >> shift)
    }

    @inlinable @inline(__always) static func slot(_ low: UInt64, _ high: UInt64, shift: UInt64) -> Int {
        let h = ((low &* 0x9E37_79B9_7F4A_7C15) ^ high) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: (h ^ (h >> 29)) >> shift)
    }
}

extension NameTable where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
    /// A view's names as the cases of an enum, each answering to its raw value (`case dateISO`,
    /// `case declassifyOn`): the enum lists them once.
    public init() { self.init(Value.allCases.map { ($0.rawValue, $0) }) }
}
