/// The names a view answers to (`child(named:)`), each with what it stands for, looked up by a hash of the
/// name's bytes made with one multiplication a word: a `Dictionary` hashes every name with SipHash (some
/// 370 instructions a lookup on a view read fifty times a page), a `switch` compares it with each case in turn.
@frozen public struct NameTable<Value: Sendable>: Sendable {
    @usableFromInline let names: [String?]
    @usableFromInline let values: [Value?]
    @usableFromInline let shift: UInt64

    /// `pairs`' names must differ.
    public init(_ pairs: [(String, Value)]) {
        var bits: UInt64 = 4
        while 1 << bits < pairs.count * 4 { bits += 1 }
        var names = [String?](repeating: nil, count: 1 << bits)
        var values = [Value?](repeating: nil, count: 1 << bits)
        for (name, value) in pairs {
            var i = NameTable.slot(name, shift: 64 - bits)
            while let taken = names[i] {
                precondition(taken != name, "NameTable: '\(name)' given twice")
                i = (i + 1) & (names.count - 1)
            }
            names[i] = name
            values[i] = value
        }
        self.names = names
        self.values = values
        shift = 64 - bits
    }

    /// The value of `name`, nil when it is not one of the table's.
    /// (Inlinable, so that it is specialized for the view's type of value: a generic lookup cost more than the
    /// hashing it saves.)
    @inlinable @inline(__always) public func value(_ name: String) -> Value? {
        var i = NameTable.slot(name, shift: shift)
        let mask = names.count - 1
        while let candidate = names[i] {
            if candidate == name { return values[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    /// The name's bytes eight at a time, mixed, and its length: the top bits pick the slot.
    @inlinable @inline(__always) static func slot(_ name: String, shift: UInt64) -> Int {
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
}
