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
    static func make(_ doc: Int, record: CableRecord, body: ArraySlice<UInt8>?) -> SearchDocument? {
        guard SearchIndexer.isEnabled else { return nil }
        // (a thread's CPU time is a system call, not read in user space as the clocks are: asked only for the stats)
        guard SearchIndexer.printsStats else { return SearchDocument(doc: doc, record: record, body: body) }
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

    /// The title (its terms counted three times), the tags, the origin and the body, read in that order, then
    /// the filter terms.
    init(doc: Int, record: CableRecord, body: ArraySlice<UInt8>?) {
        let tags = record.tags.isEmpty ? nil : record.tags.joined(separator: " ")
        let filters = SearchDocument.filterTerms(record)
        let fields = [record.title, tags, record.origin]
        var c = TermCollector(textBytes: fields.reduce(body?.count ?? 0) { $0 + ($1?.utf8.count ?? 0) }, fields: fields.count + 1, filters: filters.count)
        for (k, field) in fields.enumerated() {
            if let field { c.field(field, weight: k == 0 ? SearchDocument.titleWeight : 1) }
        }
        if let body { body.withUnsafeBufferPointer { c.field($0, weight: 1) } }
        for term in filters { c.filter(term) }
        self = c.document(doc)
        c.deallocate()
    }

    /// A document from its parts, as `TermCollector.document` lays them out.
    init(doc: Int, length: UInt32, termBytes: [UInt8], termStart: [UInt32], hashes: [UInt32], frequencies: [UInt32],
         positionStart: [UInt32], positions: [UInt32], partitionStart: [Int]) {
        self.doc = doc
        self.length = length
        self.termBytes = termBytes
        self.termStart = termStart
        self.hashes = hashes
        self.frequencies = frequencies
        self.positionStart = positionStart
        self.positions = positions
        self.partitionStart = partitionStart
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
