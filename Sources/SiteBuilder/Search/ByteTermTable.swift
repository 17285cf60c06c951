/// A hash table from byte strings (terms) to dense numbers 0, 1, 2…, with the keys in one byte arena: no
/// String, no per-key allocation, and the FNV-1a hash the tokenizer already computed as the hash.
struct ByteTermTable: Sendable {
    private(set) var arena: [UInt8] = []
    /// Key k is `arena[starts[k]..<starts[k + 1]]`.
    private(set) var starts: [UInt32] = [0]
    private(set) var hashes: [UInt32] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { hashes.count }

    /// The number of `key`, added if new.
    @inline(__always) mutating func id(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> (id: Int, inserted: Bool) {
        var i = Int(hash) & mask
        while true {
            let slot = Int(slots[i])
            if slot < 0 { break }
            if hashes[slot] == hash, equal(slot, key) { return (slot, false) }
            i = (i + 1) & mask
        }
        let id = hashes.count
        slots[i] = Int32(id)
        hashes.append(hash)
        arena.append(contentsOf: key)
        starts.append(UInt32(arena.count))
        if hashes.count * 2 > slots.count { grow() }
        return (id, true)
    }

    @inline(__always) private func equal(_ k: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let from = Int(starts[k]), to = Int(starts[k + 1])
        guard to - from == key.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            for j in 0..<key.count where a[from + j] != key[j] { return false }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (k, h) in hashes.enumerated() {
            var i = Int(h) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(k)
        }
    }

    func key(_ k: Int) -> ArraySlice<UInt8> { arena[Int(starts[k])..<Int(starts[k + 1])] }
    func string(_ k: Int) -> String { String(decoding: key(k), as: UTF8.self) }
}
