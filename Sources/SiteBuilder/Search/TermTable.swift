import ChanceryIO

/// One partition's terms: for each, its document frequency, the last document added and a byte stream of
/// postings `varint(doc gap) varint(frequency) varint(position count) varint(position delta)…`.
///
/// When the indexer's memory budget is reached, the streams are written to a run file (`spill`) and start
/// again empty; `restore` joins the runs and what is left in memory back into whole streams, one partition
/// at a time, when the index is written. The runs are consecutive ranges of documents, so joining is
/// concatenation.
struct TermTable: Sendable {
    var table = ByteTermTable(capacity: 1 << 12)
    /// Each term's frequency, last document and stream while documents are merged (`merge`, `spill`).
    private var postings = TermPostings()
    /// Each term's document frequency and whole stream, once `restore` has joined them for the index's files.
    private(set) var df: [UInt32] = []
    private(set) var streams: [[UInt8]] = []
    /// Bytes of postings held in memory (what the indexer's budget counts).
    var pending: Int { postings.bytesHeld }
    private(set) var runs: [Run] = []

    /// A run file: the streams of `terms` (in term order), `lengths[k]` bytes each.
    struct Run: Sendable {
        var path: String
        var terms: [UInt32]
        var lengths: [UInt32]
    }

    var count: Int { table.count }
    var hashes: [UInt32] { table.hashes }
    func term(_ k: Int) -> String { table.string(k) }

    mutating func merge(_ docs: [SearchDocument], partition p: Int) {
        if !isKnownUniquelyReferenced(&postings) { postings = postings.copy() }
        let postings = self.postings
        // one posting, encoded here and appended to its term's stream in one copy
        var capacity = 256
        var scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { scratch.deallocate() }
        // each document is read where it lies, not copied: a copy retains and releases its seven arrays, and
        // the partitions are merged on two threads at once, which count the same arrays' references (its arrays
        // are taken here one by one: a method of the document taking them all would be called on a copy)
        docs.withUnsafeBufferPointer { docs in
            for di in docs.indices {
                let d = docs.baseAddress! + di
                let lo = d.pointee.partitionStart[p], hi = d.pointee.partitionStart[p + 1]
                if lo == hi { continue }
                let number = Int32(d.pointee.doc)
                d.pointee.termBytes.withUnsafeBufferPointer { bytes in
                d.pointee.termStart.withUnsafeBufferPointer { termStart in
                d.pointee.hashes.withUnsafeBufferPointer { hashes in
                d.pointee.frequencies.withUnsafeBufferPointer { frequencies in
                d.pointee.positionStart.withUnsafeBufferPointer { positionStart in
                d.pointee.positions.withUnsafeBufferPointer { positions in
                    for k in lo..<hi {
                        let key = UnsafeBufferPointer(rebasing: bytes[Int(termStart[k])..<Int(termStart[k + 1])])
                        let (id, inserted) = table.id(key, hash: hashes[k])
                        if inserted { postings.addTerm() }
                        let gap = postings.add(document: number, to: id)
                        let from = Int(positionStart[k]), to = Int(positionStart[k + 1])
                        let worst = 15 &+ 5 &* (to &- from)
                        // in place at the end of the term's stream when its last block has room, else through
                        // the scratch buffer
                        let inPlace = postings.room(id, for: worst)
                        if inPlace == nil, worst > capacity {
                            scratch.deallocate()
                            capacity = worst * 2
                            scratch = .allocate(capacity: capacity)
                        }
                        let out = inPlace ?? scratch
                        var n = 0
                        putSearchVarint(gap, out, &n); putSearchVarint(frequencies[k], out, &n); putSearchVarint(UInt32(truncatingIfNeeded: to &- from), out, &n)
                        var previous: UInt32 = 0
                        for j in from..<to { putSearchVarint(positions[j] &- previous, out, &n); previous = positions[j] }
                        if inPlace != nil { postings.wrote(id, n) } else { postings.append(id, scratch, n) }
                    }
                }}}}}}
            }
        }
    }

    /// Writes the streams to a new run file at `path` and empties them.
    mutating func spill(to path: String) throws(BuildError) {
        guard pending > 0 else { return }
        if !isKnownUniquelyReferenced(&postings) { postings = postings.copy() }
        var out: [UInt8] = []
        out.reserveCapacity(pending)
        var run = Run(path: path, terms: [], lengths: [])
        for id in 0..<postings.count where postings.hasStream(id) {
            run.terms.append(UInt32(id))
            run.lengths.append(UInt32(postings.appendStream(id, to: &out)))
        }
        do { try DiskIO.write(out, to: path) } catch { throw BuildError(path: path, message: "cannot write a temporary file of the search index: \(error.message)") }
        postings.emptyStreams()
        runs.append(run)
    }

    /// Joins each term's stream from the runs and what is in memory (and removes the run files), into
    /// `streams` and `df`, for the index's files; the merging state is let go.
    mutating func restore() throws(BuildError) {
        var whole = [[UInt8]](repeating: [], count: count)
        for run in runs {
            let read: [UInt8]?
            do { read = try DiskIO.read(run.path) } catch { throw BuildError(path: run.path, message: "cannot read a temporary file of the search index: \(error.message)") }
            guard let bytes = read else { throw BuildError(path: run.path, message: "a temporary file of the search index disappeared") }
            var at = 0
            for (t, n) in zip(run.terms, run.lengths) {
                whole[Int(t)].append(contentsOf: bytes[at..<(at + Int(n))])
                at += Int(n)
            }
            DiskIO.remove(run.path)
        }
        for id in 0..<postings.count where postings.hasStream(id) { postings.appendStream(id, to: &whole[id]) }
        df = Array(UnsafeBufferPointer(start: postings.df, count: postings.count))
        streams = whole
        runs = []
        postings = TermPostings(terms: 16, bytes: 256)
    }

    /// Removes the run files (after a failure).
    func discard() { for run in runs { DiskIO.remove(run.path) } }
}
