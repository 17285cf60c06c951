import CableKit
import Foundation
import Synchronization

/// One cable as search indexes it: its distinct terms with their frequency and positions, grouped by the
/// indexer's partition so that each partition merges its own slice. Made on the render workers, from the
/// body they have just read; the indexer makes the ones the render pass did not (unchanged pages).
struct SearchDocument: Sendable {
    /// The cable's number: its place in the site's date order (`SiteIndex.records`).
    let doc: Int
    /// Indexed tokens, the title's counted three times (BM25's document length).
    private(set) var length: UInt32 = 0
    /// Distinct terms (UTF-8) in `termBytes[termStart[k]..<termStart[k + 1]]`, grouped by partition:
    /// partition p holds terms `partitionStart[p]..<partitionStart[p + 1]`.
    private(set) var termBytes: [UInt8] = []
    private(set) var termStart: [UInt32] = []
    private(set) var hashes: [UInt32] = []
    /// Term frequency (a title occurrence counts 3); 0 for filter terms, which have no positions.
    private(set) var frequencies: [UInt32] = []
    /// Positions of term k: `positions[positionStart[k]..<positionStart[k + 1]]`, ascending.
    private(set) var positionStart: [UInt32] = []
    private(set) var positions: [UInt32] = []
    private(set) var partitionStart: [Int] = []

    static let titleWeight: UInt32 = 3
    /// Positions left between fields so that no phrase runs from the title into the body.
    static let fieldGap: UInt32 = 8

    /// Nil when search is switched off (`CHANCERY_NO_SEARCH=1`).
    static func make(_ doc: Int, record: CableRecord, body: Substring?) -> SearchDocument? {
        guard SearchIndexer.isEnabled else { return nil }
        let start = threadCPUTime()
        defer { tokenizing.add(threadCPUTime() &- start, ordering: .relaxed) }
        return SearchDocument(doc: doc, record: record, body: body)
    }

    /// CPU time spent making documents, on all threads (for `CHANCERY_SEARCH_STATS`).
    static let tokenizing = Atomic<UInt64>(0)

    /// This thread's CPU time in nanoseconds.
    static func threadCPUTime() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    /// Collects the occurrences of the terms of one cable.
    private struct Collector: SearchTokenizer.Sink {
        var table = ByteTermTable(capacity: 512)
        var tf: [UInt32] = []
        var occurrenceTerm: [Int32] = []
        var occurrencePosition: [UInt32] = []
        var position: UInt32 = 0
        var weight: UInt32 = 1
        var length: UInt32 = 0

        init() {
            tf.reserveCapacity(512)
            occurrenceTerm.reserveCapacity(2048)
            occurrencePosition.reserveCapacity(2048)
        }

        mutating func term(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) {
            let (id, inserted) = table.id(bytes, hash: hash)
            if inserted { tf.append(0) }
            tf[id] += weight
            occurrenceTerm.append(Int32(id))
            occurrencePosition.append(position)
            position += 1
            length += weight
        }

        mutating func field<S: StringProtocol>(_ text: S?, weight: UInt32) {
            guard let text else { return }
            self.weight = weight
            if let s = text as? Substring { SearchTokenizer.scan(s, into: &self) } else { SearchTokenizer.scan(String(text), into: &self) }
            position += SearchDocument.fieldGap
        }

        /// A term without positions (filters, ids).
        mutating func filter(_ term: String) {
            var term = term
            term.withUTF8 { b in
                if table.id(b, hash: SearchHash.fnv32(b)).inserted { tf.append(0) }
            }
        }
    }

    init(doc: Int, record: CableRecord, body: Substring?) {
        self.doc = doc
        var c = Collector()
        c.field(record.title, weight: SearchDocument.titleWeight)
        c.field(record.tags.isEmpty ? nil : record.tags.joined(separator: " "), weight: 1)
        c.field(record.origin, weight: 1)
        c.field(body, weight: 1)
        length = c.length
        for term in SearchDocument.filterTerms(record) { c.filter(term) }
        let count = c.table.count

        // positions grouped by term (a counting sort of the occurrences)
        var start = [UInt32](repeating: 0, count: count + 1)
        for id in c.occurrenceTerm { start[Int(id) + 1] += 1 }
        for k in 0..<count { start[k + 1] += start[k] }
        var fill = start
        var grouped = [UInt32](repeating: 0, count: c.occurrenceTerm.count)
        for (id, p) in zip(c.occurrenceTerm, c.occurrencePosition) { grouped[Int(fill[Int(id)])] = p; fill[Int(id)] += 1 }

        // terms ordered by partition
        let partitions = SearchIndexer.partitionCount
        var counts = [Int](repeating: 0, count: partitions + 1)
        for h in c.table.hashes { counts[SearchIndexer.partition(h) + 1] += 1 }
        for p in 0..<partitions { counts[p + 1] += counts[p] }
        partitionStart = counts
        var order = [Int](repeating: 0, count: count)
        var next = counts
        for (k, h) in c.table.hashes.enumerated() { let p = SearchIndexer.partition(h); order[next[p]] = k; next[p] += 1 }
        termBytes.reserveCapacity(c.table.arena.count)
        termStart.reserveCapacity(count + 1)
        hashes.reserveCapacity(count)
        frequencies.reserveCapacity(count)
        positionStart.reserveCapacity(count + 1)
        positions.reserveCapacity(grouped.count)
        termStart.append(0)
        positionStart.append(0)
        for k in order {
            termBytes += c.table.key(k)
            termStart.append(UInt32(termBytes.count))
            hashes.append(c.table.hashes[k]); frequencies.append(c.tf[k])
            positions += grouped[Int(start[k])..<Int(start[k + 1])]
            positionStart.append(UInt32(positions.count))
        }
    }

    /// `#08state37957` and `#state37957` (the id, and without its year), `r:08islamabad1000` and
    /// `r:islamabad1000` for each cable it cites, `t:PREL`, `o:Embassy Islamabad`, `c:secret`: what filters
    /// and reference-id queries look up (an id not in the archive finds the cables citing it).
    static func filterTerms(_ record: CableRecord) -> [String] {
        var out = ["#" + record.id.lowercased()]
        if let parts = ReferenceID.parts(record.id) { out.append("#" + parts.post.lowercased() + String(parts.serial)) }
        for ref in record.references where ref != record.id {   // a repeated term is kept once
            out.append("r:" + ref.lowercased())
            if let parts = ReferenceID.parts(ref) { out.append("r:" + parts.post.lowercased() + String(parts.serial)) }
        }
        for tag in record.tags { out.append("t:" + tag) }
        if let origin = record.origin { out.append("o:" + origin) }
        if let c = record.classification { out.append("c:" + c.slug) }
        return out
    }
}

/// FNV-1a hashes of a term's UTF-8 bytes; the 32-bit one picks the term's shard (search.js computes it too).
enum SearchHash {
    static func fnv32(_ b: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for x in b { h = (h ^ UInt32(x)) &* 0x0100_0193 }
        return h
    }

    static func fnv32(_ s: String) -> UInt32 {
        var s = s
        return s.withUTF8 { fnv32($0) }
    }

    static func fnv64(_ s: String) -> UInt64 { fnv64(s.utf8) }

    static func fnv64<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
