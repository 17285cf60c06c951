import CableKit
import ChanceryIO
import Dispatch
import Foundation
import Synchronization

/// Builds the reader-side search index in the same pass that renders the cable pages, and writes it to
/// `Public/search/` with the search page (the format is described in `SearchFormat.swift`).
///
/// The build calls `add(through:_:)` after each batch of cable pages, with the documents its workers
/// tokenised, and `finish(_:)` at the end. Documents come in date order (the site's numbering); any cable
/// the batch did not render (an incremental build keeps its page) is read here instead, so the index always
/// covers the whole archive and every shard is a function of the corpus alone.
///
/// Postings are merged by 16 partitions in parallel (a term belongs to partition `hash & 15`), each keeping
/// per term one growing byte stream of delta-coded document numbers, frequencies and positions: memory
/// grows with the compressed postings, not with the text.
final class SearchIndexer: Sendable {
    /// `CHANCERY_NO_SEARCH=1` builds without the index (for benchmarks).
    static let isEnabled = getenv("CHANCERY_NO_SEARCH") == nil
    static let partitionCount = 16
    @inline(__always) static func partition(_ hash: UInt32) -> Int { Int(hash & 15) }

    let context: SiteContext
    let root: String
    private let tables: [Partition]
    private let state = Mutex(Progress())

    private struct Progress {
        var next = 0
        var lengths: [UInt32] = []
        var seconds = 0.0
        var read = 0
    }

    private final class Partition: Sendable {
        let table = Mutex(TermTable())
    }

    init(context: SiteContext, root: String) {
        self.context = context
        self.root = root
        tables = (0..<SearchIndexer.partitionCount).map { _ in Partition() }
    }

    /// Indexes every cable up to number `last` (inclusive) not indexed yet: those in `documents` as they
    /// are, the others by reading their files. Call with increasing `last`.
    func add(through last: Int, _ documents: [SearchDocument]) {
        guard SearchIndexer.isEnabled else { return }
        let start = DispatchTime.now()
        let first = state.withLock { $0.next }
        guard last >= first else { return }
        var given: [Int: SearchDocument] = [:]
        for d in documents where d.doc >= first && d.doc <= last { given[d.doc] = d }
        let records = context.index.records
        let root = self.root
        var read = 0
        for chunkStart in stride(from: first, through: last, by: 512) {
            let numbers = Array(chunkStart...min(last, chunkStart + 511))
            let missing = numbers.filter { given[$0] == nil }
            read += missing.count
            let made = parallelMap(missing) { i in SearchDocument(doc: i, record: records[i], body: SearchIndexer.body(root: root, path: records[i].path)) }
            var byNumber = given
            for d in made { byNumber[d.doc] = d }
            let docs = numbers.map { byNumber[$0]! }
            merge(docs)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        state.withLock { $0.next = last + 1; $0.seconds += seconds; $0.read += read }
    }

    /// The body of a cable file, or nil when it cannot be read (the page reports that error).
    static func body(root: String, path: String) -> Substring? {
        guard let bytes = try? DiskIO.read(root + "/" + path) else { return nil }
        return try? FrontMatterParser.body(TextDecoding.decode(bytes).text)
    }

    private func merge(_ docs: [SearchDocument]) {
        let tables = self.tables
        DispatchQueue.concurrentPerform(iterations: tables.count) { p in
            tables[p].table.withLock { $0.merge(docs, partition: p) }
        }
        state.withLock { s in for d in docs { s.lengths.append(d.length) } }
    }

    /// Indexes what is left, then hands the index files and the search page to `write`, a group at a time.
    func finish(_ write: ([OutputFile]) -> Void) {
        let total = context.index.records.count
        if SearchIndexer.isEnabled, total > 0 { add(through: total - 1, []) }
        let start = DispatchTime.now()
        write([SearchPage(context: context).render()])
        guard SearchIndexer.isEnabled else { return }
        let (lengths, addSeconds, read) = state.withLock { s in (s.lengths, s.seconds, s.read) }
        let tables = self.tables.map { box in box.table.withLock { t in let taken = t; t = TermTable(); return taken } }
        let format = SearchFormat(context: context, lengths: lengths)
        var files = 0, bytes = 0
        format.files(tables: tables) { group in
            files += group.count
            for f in group { bytes += f.bytes.count }
            write(group)
        }
        if getenv("CHANCERY_SEARCH_STATS") != nil {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            let terms = tables.reduce(0) { $0 + $1.count }
            let line = String(format: "search: %d cables (%d read again), %d terms, %d files, %.1f MB; merge %.2f s, write %.2f s\n",
                              total, read, terms, files, Double(bytes) / 1e6, addSeconds, seconds)
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}

/// One partition's terms: for each, its document frequency, the last document added and a byte stream of
/// postings `varint(doc gap) varint(frequency) varint(position count) varint(position delta)…`.
struct TermTable: Sendable {
    var table = ByteTermTable(capacity: 1 << 12)
    var df: [UInt32] = []
    var last: [Int32] = []
    var streams: [[UInt8]] = []

    var count: Int { table.count }
    var hashes: [UInt32] { table.hashes }
    func term(_ k: Int) -> String { table.string(k) }

    mutating func merge(_ docs: [SearchDocument], partition p: Int) {
        var scratch: [UInt8] = []
        scratch.reserveCapacity(256)
        for d in docs {
            let number = Int32(d.doc)
            let range = d.partitionStart[p]..<d.partitionStart[p + 1]
            if range.isEmpty { continue }
            d.termBytes.withUnsafeBufferPointer { bytes in
                d.positions.withUnsafeBufferPointer { positions in
                    for k in range {
                        let key = UnsafeBufferPointer(rebasing: bytes[Int(d.termStart[k])..<Int(d.termStart[k + 1])])
                        let (id, inserted) = table.id(key, hash: d.hashes[k])
                        if inserted { df.append(0); last.append(-1); streams.append([]) }
                        df[id] += 1
                        let gap = UInt32(number - last[id])
                        last[id] = number
                        let from = Int(d.positionStart[k]), to = Int(d.positionStart[k + 1])
                        scratch.removeAll(keepingCapacity: true)
                        scratch.appendSearchVarint(gap); scratch.appendSearchVarint(d.frequencies[k]); scratch.appendSearchVarint(UInt32(to - from))
                        var previous: UInt32 = 0
                        for j in from..<to { scratch.appendSearchVarint(positions[j] &- previous); previous = positions[j] }
                        streams[id].append(contentsOf: scratch)
                    }
                }
            }
        }
    }
}

extension Array where Element == UInt8 {
    @inline(__always) mutating func appendSearchVarint(_ value: UInt32) {
        var v = value
        while v >= 0x80 { append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        append(UInt8(v))
    }
}
