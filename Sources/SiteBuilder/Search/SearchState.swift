import ChanceryIO

/// What the published index was made from, kept in `.chancery/search/` so that a build where a few cables
/// changed can patch the index (`SearchPatch`) instead of making it again.
///
/// - `state` — the index's key (the build cache's `search/meta.json` key), the shard count, a hash of the
///   cable ids in order, and each cable's hash (`cableHash`) and length.
/// - `blocks/<k>.bin` — cables 1024k…: per cable the shards its terms fall in, `varint count, varint
///   (shard − previous)…`, so that an edit reads and rewrites one small file.
///
/// `state` is removed before the published index changes and written after it did, so a state that does not
/// describe `Public/search/` is never found.
struct SearchState: Sendable {
    static let format = "chancery search state 1"
    static let blockSize = 1024

    var key: UInt64 = 0
    var shards = 0
    var ids: UInt64 = 0
    var hashes: [UInt64] = []
    var lengths: [UInt32] = []

    static func folder(root: String) -> String { BuildCache.folder(root: root) + "/search" }
    static func file(root: String) -> String { folder(root: root) + "/state" }
    static func block(root: String, _ k: Int) -> String { folder(root: root) + "/blocks/\(k).bin" }

    /// What the index takes from one cable: its file, and the name of its original (the documents' field).
    static func cableHash(_ r: CableRecord) -> UInt64 {
        var h = FastHash(seed: r.contentHash)
        h.add(r.originalName)
        return h.value
    }

    /// The cable ids in order, hashed.
    static func idsHash(_ records: [CableRecord]) -> UInt64 {
        var h = FastHash()
        h.add(records.count)
        for r in records { h.add(r.id) }
        return h.value
    }

    static func load(root: String) -> SearchState? {
        guard let bytes = try? DiskIO.read(file(root: root)) else { return nil }
        var r = BinaryReader(bytes)
        do {
            guard try r.string() == format else { return nil }
            var s = SearchState()
            s.key = try r.uint()
            s.shards = Int(try r.uint())
            s.ids = try r.uint()
            let count = Int(try r.uint())
            guard count <= bytes.count else { return nil }
            s.hashes.reserveCapacity(count)
            s.lengths.reserveCapacity(count)
            for _ in 0..<count { s.hashes.append(try r.uint()) }
            for _ in 0..<count { s.lengths.append(UInt32(truncatingIfNeeded: try r.uint())) }
            return r.atEnd ? s : nil
        } catch {
            return nil
        }
    }

    func save(root: String) throws(DiskIO.Failure) {
        var w = BinaryWriter(capacity: hashes.count * 14 + 64)
        w.string(Self.format)
        w.uint(key)
        w.uint(UInt64(shards))
        w.uint(ids)
        w.uint(UInt64(hashes.count))
        for h in hashes { w.uint(h) }
        for n in lengths { w.uint(UInt64(n)) }
        try DiskIO.write(w.finish(), to: Self.file(root: root))
    }

    static func remove(root: String) { DiskIO.remove(file(root: root)) }

    // MARK: shard lists

    /// The shards of a document's terms, encoded as in a block file.
    static func shardList(_ doc: SearchDocument, shards: Int) -> [UInt8] {
        // a bit per shard (8,192 at most: a kilobyte), read back in order: no set, no sort
        var bits = [UInt64](repeating: 0, count: (shards + 63) / 64)
        let mask = UInt32(shards - 1)
        bits.withUnsafeMutableBufferPointer { bits in   // (an element set in place, not checked for sharing each time)
            for h in doc.hashes {
                let s = Int(h & mask)
                bits[s >> 6] |= 1 << UInt64(s & 63)
            }
        }
        var sorted: [Int] = []
        sorted.reserveCapacity(min(doc.hashes.count, shards))
        for (w, word) in bits.enumerated() {
            var x = word
            while x != 0 {
                sorted.append(w << 6 | x.trailingZeroBitCount)
                x &= x - 1
            }
        }
        return encode(sorted)
    }

    static func encode(_ sorted: [Int]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(sorted.count + 2)
        out.appendSearchVarint(UInt32(sorted.count))
        var previous = 0
        for s in sorted { out.appendSearchVarint(UInt32(s - previous)); previous = s }
        return out
    }

    /// Writes the shard lists of cables `blockSize·k…` (each encoded by `encode`).
    static func saveBlock(root: String, _ k: Int, lists: ArraySlice<[UInt8]>) throws(DiskIO.Failure) {
        var out: [UInt8] = []
        out.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for list in lists { out += list }
        try DiskIO.write(out, to: block(root: root, k))
    }

    /// The shard lists of the `count` cables of block `k`, still encoded; nil when missing or malformed.
    static func loadBlock(root: String, _ k: Int, count: Int) -> [[UInt8]]? {
        guard let bytes = try? DiskIO.read(block(root: root, k)) else { return nil }
        var lists: [[UInt8]] = []
        lists.reserveCapacity(count)
        return bytes.withUnsafeBufferPointer { b -> [[UInt8]]? in
            var r = VarintReader(b)
            for _ in 0..<count {
                guard !r.atEnd else { return nil }
                let from = r.offset
                let n = r.next()
                for _ in 0..<n { _ = r.next() }
                lists.append(Array(b[from..<r.offset]))
            }
            return r.offset == b.count ? lists : nil
        }
    }

    static func decode(_ list: [UInt8]) -> [Int] {
        list.withUnsafeBufferPointer { b in
            var r = VarintReader(b)
            let n = Int(r.next())
            var out: [Int] = []
            out.reserveCapacity(n)
            var previous = 0
            for _ in 0..<n { previous += Int(r.next()); out.append(previous) }
            return out
        }
    }
}
