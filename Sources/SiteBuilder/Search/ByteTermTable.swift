import Foundation

/// A hash table from byte strings (terms) to dense numbers 0, 1, 2…, with the keys in one byte arena: no
/// String, no per-key allocation, and the term's FNV-1a hash (computed once per cable) as the hash. The slot is
/// taken from the hash's bits scrambled, not its low bits: a partition's terms all share their low four bits.
struct ByteTermTable: Sendable {
    private(set) var arena: [UInt8] = []
    /// Key k is `arena[starts[k]..<starts[k + 1]]`.
    private(set) var starts: [UInt32] = [0]
    private(set) var hashes: [UInt32] = []
    /// Key k's first eight bytes, zero-padded: most keys compare in one instruction.
    private var prefixes: [UInt64] = []
    private var slots: [Int32]
    private var mask: Int
    private var shift: UInt32

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        shift = UInt32(32 - size.trailingZeroBitCount)
    }

    @inline(__always) private func slot(_ hash: UInt32) -> Int { Int((hash &* 0x9E37_79B1) &>> shift) }

    var count: Int { hashes.count }

    /// The number of `key`, added if new.
    @inline(__always) mutating func id(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> (id: Int, inserted: Bool) {
        let prefix = ByteTermTable.prefix(key)
        var i = slot(hash)
        while true {
            let k = Int(slots[i])
            if k < 0 { break }
            if hashes[k] == hash, prefixes[k] == prefix, equal(k, key) { return (k, false) }
            i = (i &+ 1) & mask
        }
        let id = hashes.count
        slots[i] = Int32(id)
        hashes.append(hash)
        prefixes.append(prefix)
        arena.append(contentsOf: key)
        starts.append(UInt32(arena.count))
        if hashes.count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// The first eight bytes of `key`, zero-padded. A shorter key is read with two loads that overlap (their
    /// common bytes are the same, so or-ing them is exact): a copy into a word in memory, read back whole,
    /// stalled the merge on every short term.
    @inline(__always) static func prefix(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let b = key.baseAddress else { return 0 }
        let n = key.count, p = UnsafeRawPointer(b)
        if n >= 8 { return UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)) }
        if n >= 4 {
            let low = UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)), high = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            return UInt64(low) | UInt64(high) << UInt64(8 * (n - 4))
        }
        if n >= 2 {
            let low = UInt16(littleEndian: p.loadUnaligned(as: UInt16.self)), high = UInt16(littleEndian: p.loadUnaligned(fromByteOffset: n - 2, as: UInt16.self))
            return UInt64(low) | UInt64(high) << UInt64(8 * (n - 2))
        }
        return n == 1 ? UInt64(b[0]) : 0
    }

    /// Whether key k, whose first eight bytes are the key's, is the key.
    @inline(__always) private func equal(_ k: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let from = Int(starts[k]), to = Int(starts[k + 1])
        guard to - from == key.count else { return false }
        guard key.count > 8 else { return true }
        return arena.withUnsafeBufferPointer { a in memcmp(a.baseAddress! + from + 8, key.baseAddress! + 8, key.count - 8) == 0 }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        shift = UInt32(32 - size.trailingZeroBitCount)
        for (k, h) in hashes.enumerated() {
            var i = slot(h)
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(k)
        }
    }

    func key(_ k: Int) -> ArraySlice<UInt8> { arena[Int(starts[k])..<Int(starts[k + 1])] }
    func string(_ k: Int) -> String { String(decoding: key(k), as: UTF8.self) }
}
