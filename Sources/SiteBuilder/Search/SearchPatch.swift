import ChanceryIO

/// Patches the published vocabulary shards for a few changed cables: each shard their old or new terms fall
/// in is read back from `Public/search/` (`t/`, `p/`, and `x/` `y/` for its big terms), the changed cables'
/// postings are taken out of its terms and their new ones put in, and the shard is encoded again by
/// `SearchFormat.assemble`. Untouched postings keep their bytes (their impacts depend only on their own
/// cable's length and the rounded average, which the caller checked is unchanged), new ones are encoded as
/// `SearchFormat.encode` does, so the files are byte for byte those of a full build.
struct SearchPatch: Sendable {
    /// Why the published index cannot be patched (it is made again).
    struct Failure: Error { var message: String }

    /// One changed cable's occurrences of a term.
    struct Addition: Sendable {
        var doc: Int
        var tf: UInt32
        var positions: [UInt32]
    }

    /// The published `search/` folder.
    let published: String
    let shards: Int
    /// By cable number: whether its postings are replaced.
    let changed: [Bool]
    /// The lengths of all cables, the changed ones' new, and the (unchanged) rounded average.
    let lengths: [UInt32]
    let average: Double

    /// The new postings of the changed cables, by shard and term, in cable order.
    static func additions(_ documents: [SearchDocument], shards: Int) -> [Int: [[UInt8]: [Addition]]] {
        var out: [Int: [[UInt8]: [Addition]]] = [:]
        for d in documents.sorted(by: { $0.doc < $1.doc }) {
            for k in d.hashes.indices {
                let bytes = Array(d.termBytes[Int(d.termStart[k])..<Int(d.termStart[k + 1])])
                let positions = Array(d.positions[Int(d.positionStart[k])..<Int(d.positionStart[k + 1])])
                out[Int(d.hashes[k] & UInt32(shards - 1)), default: [:]][bytes, default: []]
                    .append(Addition(doc: d.doc, tf: d.frequencies[k], positions: positions))
            }
        }
        return out
    }

    /// The new files of shard `s` (with its big terms'), and the paths it had in the published index.
    func shard(_ s: Int, digits: Int, additions: [[UInt8]: [Addition]]) throws(Failure) -> (files: [OutputFile], previous: [String]) {
        let name = SearchFormat.shardName(s, digits: digits)
        guard let t = try? DiskIO.read(published + "/t/\(name).bin") else { throw Failure(message: "t/\(name).bin is missing") }
        let p = (try? DiskIO.read(published + "/p/\(name).bin")) ?? []
        let (old, bigNames) = try decode(t, positions: p, shard: s)
        var previous = ["search/t/\(name).bin", "search/p/\(name).bin"]
        for n in bigNames { previous += ["search/x/\(SearchFormat.hex64(n)).bin", "search/y/\(SearchFormat.hex64(n)).bin"] }
        var pending = additions
        var terms: [ShardTerm] = []
        terms.reserveCapacity(old.count + pending.count)
        for term in old {
            let added = pending.removeValue(forKey: term.bytes) ?? []
            if added.isEmpty, try !touches(term) { terms.append(term); continue }
            let patched = try rebuild(term, added)
            if patched.df > 0 { terms.append(patched) }
        }
        for (bytes, added) in pending {
            let filter = SearchFormat.isFilter(bytes)
            terms.append(try rebuild(ShardTerm(bytes: bytes, df: 0, filter: filter, postings: [], positions: []), added))
        }
        terms.sort { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        return (SearchFormat.assemble(s, digits: digits, terms: terms), previous)
    }

    /// The terms of a published shard, with their postings and positions (big terms' read from their files),
    /// and the names of its big terms.
    func decode(_ t: [UInt8], positions p: [UInt8], shard s: Int) throws(Failure) -> (terms: [ShardTerm], big: [UInt64]) {
        var c = ByteCursor(bytes: t)
        let count = try c.varint()
        var entries: [(term: ShardTerm, postings: Int, positions: Int, name: UInt64?)] = []
        entries.reserveCapacity(count)
        var previous: [UInt8] = []
        for _ in 0..<count {
            let shared = try c.varint(), suffix = try c.varint()
            guard shared <= previous.count else { throw Failure(message: "bad front coding") }
            let bytes = Array(previous[0..<shared]) + (try c.take(suffix))
            previous = bytes
            let df = UInt32(try c.varint())
            let flags = try c.byte()
            let postings = try c.varint(), positions = try c.varint()
            var name: UInt64?
            if flags & 1 != 0 {
                var n: UInt64 = 0
                for _ in 0..<8 { n = n << 8 | UInt64(try c.byte()) }
                name = n
            }
            guard Int(bytes.withUnsafeBufferPointer(SearchHash.fnv32) & UInt32(shards - 1)) == s, (flags & 2 != 0) == SearchFormat.isFilter(bytes) else {
                throw Failure(message: "a term in the wrong shard (was the shard count different?)")
            }
            entries.append((ShardTerm(bytes: bytes, df: df, filter: flags & 2 != 0, postings: [], positions: []), postings, positions, name))
        }
        var blob = c.offset, at = 0
        var terms: [ShardTerm] = [], big: [UInt64] = []
        terms.reserveCapacity(entries.count)
        for var e in entries {
            if let name = e.name {
                let hex = SearchFormat.hex64(name)
                guard let x = try? DiskIO.read(published + "/x/\(hex).bin"), x.count == e.postings else { throw Failure(message: "x/\(hex).bin is missing or wrong") }
                e.term.postings = x
                if e.positions > 0 {
                    guard let y = try? DiskIO.read(published + "/y/\(hex).bin"), y.count == e.positions else { throw Failure(message: "y/\(hex).bin is missing or wrong") }
                    e.term.positions = y
                }
                big.append(name)
            } else {
                guard blob + e.postings <= t.count, at + e.positions <= p.count else { throw Failure(message: "a shard is shorter than its dictionary") }
                e.term.postings = Array(t[blob..<(blob + e.postings)])
                e.term.positions = Array(p[at..<(at + e.positions)])
                blob += e.postings
                at += e.positions
            }
            terms.append(e.term)
        }
        guard blob == t.count, at == p.count else { throw Failure(message: "a shard is longer than its dictionary") }
        return (terms, big)
    }

    /// Whether a term has a posting of a changed cable.
    func touches(_ term: ShardTerm) throws(Failure) -> Bool {
        let changed = self.changed
        let result: Bool? = term.postings.withUnsafeBufferPointer { b in
            var r = VarintReader(b)
            var doc = -1
            while !r.atEnd {
                let v = r.next()
                doc += Int(term.filter ? v : v >> 4)
                guard doc >= 0, doc < changed.count else { return nil }
                if changed[doc] { return true }
            }
            return false
        }
        guard let result else { throw Failure(message: "a posting past the last cable") }
        return result
    }

    /// The term without the changed cables' postings, with `added` (in cable order) put in their place. The
    /// runs of postings between changes are copied as they are (only the first after a change gets a new gap).
    func rebuild(_ term: ShardTerm, _ added: [Addition]) throws(Failure) -> ShardTerm {
        let filter = term.filter, changed = self.changed, lengths = self.lengths, average = self.average
        var postings: [UInt8] = [], positions: [UInt8] = []
        postings.reserveCapacity(term.postings.count + 4 * added.count)
        positions.reserveCapacity(term.positions.count + 16 * added.count)
        var df: UInt32 = 0, last = -1, a = 0
        func append(_ n: Addition) {
            let gap = UInt32(n.doc - last)
            last = n.doc; df += 1
            if filter { postings.appendSearchVarint(gap); return }
            postings.appendSearchVarint(gap << 4 | UInt32(SearchFormat.impact(tf: Double(n.tf), length: Double(lengths[n.doc]), average: average)))
            positions.appendSearchVarint(UInt32(n.positions.count))
            var previous: UInt32 = 0
            for x in n.positions { positions.appendSearchVarint(x &- previous); previous = x }
        }
        let ok = term.postings.withUnsafeBufferPointer { pb in
            term.positions.withUnsafeBufferPointer { qb in
                var r = VarintReader(pb)
                var q = 0
                // old postings [runP, current) with their positions [runQ, current), which follow `last` in
                // the old stream as in the new one: copied as they are at the next change
                var runP = 0, runQ = 0, runDocs: UInt32 = 0, runLast = -1
                func flush(to p: Int, _ qEnd: Int) {
                    if runDocs > 0 {
                        postings.append(contentsOf: UnsafeBufferPointer(rebasing: pb[runP..<p]))
                        positions.append(contentsOf: UnsafeBufferPointer(rebasing: qb[runQ..<qEnd]))
                        df += runDocs
                        last = runLast
                        runDocs = 0
                    }
                    runP = p; runQ = qEnd
                }
                var doc = -1
                while !r.atEnd {
                    let pFrom = r.offset, qFrom = q
                    let v = r.next()
                    let previousDoc = doc
                    doc += Int(filter ? v : v >> 4)
                    guard doc >= 0, doc < changed.count else { return false }
                    if !filter {
                        // skip the count and as many varints
                        var n = 0, c = 0, shift = 0
                        while true {
                            guard q < qb.count else { return false }
                            let b = qb[q]; q += 1
                            c |= Int(b & 0x7F) << shift
                            if b < 0x80 { break }
                            shift += 7
                        }
                        while n < c { guard q < qb.count else { return false }; if qb[q] < 0x80 { n += 1 }; q += 1 }
                    }
                    if changed[doc] || (a < added.count && added[a].doc < doc) {
                        flush(to: pFrom, qFrom)
                        while a < added.count, added[a].doc < doc { append(added[a]); a += 1 }
                        if changed[doc] { runP = r.offset; runQ = q; continue }
                    }
                    if runDocs > 0 || previousDoc == last {
                        runDocs += 1; runLast = doc
                        continue
                    }
                    // the first posting after a change: a new gap
                    let gap = UInt32(doc - last)
                    last = doc; df += 1
                    postings.appendSearchVarint(filter ? gap : gap << 4 | (v & 15))
                    positions.append(contentsOf: UnsafeBufferPointer(rebasing: qb[qFrom..<q]))
                    runP = r.offset; runQ = q
                }
                flush(to: r.offset, q)
                return q == qb.count
            }
        }
        guard ok else { throw Failure(message: "postings and positions of \(String(decoding: term.bytes, as: UTF8.self)) disagree") }
        while a < added.count { append(added[a]); a += 1 }
        return ShardTerm(bytes: term.bytes, df: df, filter: filter, postings: postings, positions: positions)
    }
}

/// Reads a published shard's dictionary, checking every bound.
private struct ByteCursor {
    let bytes: [UInt8]
    var offset = 0

    mutating func byte() throws(SearchPatch.Failure) -> UInt8 {
        guard offset < bytes.count else { throw SearchPatch.Failure(message: "a shard ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() throws(SearchPatch.Failure) -> Int {
        var v = 0, shift = 0
        while true {
            let b = try byte()
            v |= Int(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
            guard shift < 35 else { throw SearchPatch.Failure(message: "a bad number in a shard") }
        }
    }

    mutating func take(_ n: Int) throws(SearchPatch.Failure) -> [UInt8] {
        guard n <= bytes.count - offset else { throw SearchPatch.Failure(message: "a shard ends early") }
        defer { offset += n }
        return Array(bytes[offset..<(offset + n)])
    }
}
