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
/// grows with the compressed postings, not with the text, and past a budget (128 MB) the streams go to run
/// files in a temporary folder, joined again one partition at a time when the index is written.
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
        /// False once `reuse()` was called: the index of the last build stands.
        var active = SearchIndexer.isEnabled
        var next = 0
        var lengths: [UInt32] = []
        var seconds = 0.0
        var read = 0
        /// Where postings go when memory runs short (made on first use), and how many runs were written.
        var spillFolder: String?
        var runs = 0
        var errors: [BuildError] = []
    }

    /// Bytes of postings kept in memory before they are written to temporary run files
    /// (`CHANCERY_SEARCH_MEMORY`, in MB; 128 by default).
    let memoryBudget: Int = {
        if let value = getenv("CHANCERY_SEARCH_MEMORY").map({ String(cString: $0) }), let mb = Double(value), mb > 0 { return Int(mb * 1_048_576) }
        return 128 << 20
    }()

    private final class Partition: Sendable {
        let table = Mutex(TermTable())
    }

    init(context: SiteContext, root: String) {
        self.context = context
        self.root = root
        tables = (0..<SearchIndexer.partitionCount).map { _ in Partition() }
    }

    /// Everything the index is made from: the build's settings (configuration, theme, tool version) and
    /// every cable's file, in the site's order. An unchanged key means unchanged index files, so a build that
    /// finds the key of the last one can keep them (the writer's `keep`) and call `reuse()`.
    func key(settings: UInt64) -> UInt64 {
        var h = FastHash(seed: settings)
        h.add(SearchFormat.version)
        h.add(SearchIndexer.isEnabled)
        h.add(context.index.records.count)
        for r in context.index.records { h.add(r.contentHash); h.add(r.originalName) }
        return h.value
    }

    /// Indexes nothing: the files of the last build are kept; `finish` writes only the search page.
    func reuse() { state.withLock { $0.active = false } }

    /// Indexes every cable up to number `last` (inclusive) not indexed yet: those in `documents` as they
    /// are, the others by reading their files. Call with increasing `last`.
    func add(through last: Int, _ documents: [SearchDocument]) {
        let start = DispatchTime.now()
        let (first, active) = state.withLock { ($0.next, $0.active) }
        guard active, last >= first else { return }
        var given: [Int: SearchDocument] = [:]
        for d in documents where d.doc >= first && d.doc <= last { given[d.doc] = d }
        let records = context.index.records
        let root = self.root
        var read = 0
        for chunkStart in stride(from: first, through: last, by: 512) {
            let numbers = Array(chunkStart...min(last, chunkStart + 511))
            let missing = numbers.filter { given[$0] == nil }
            read += missing.count
            let made = parallelMap(missing) { i in SearchDocument.make(i, record: records[i], body: SearchIndexer.body(root: root, path: records[i].path))! }
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
        if tables.reduce(0, { $0 + $1.table.withLock { $0.pending } }) > memoryBudget { spill() }
    }

    /// Writes every partition's postings to a run file in a temporary folder.
    private func spill() {
        let (folder, run) = state.withLock { s -> (String, Int) in
            if s.spillFolder == nil {
                s.spillFolder = FileManager.default.temporaryDirectory.path + "/chancery-search-\(ProcessInfoCores.processID)-\(UInt32.random(in: 0...UInt32.max))"
            }
            s.runs += 1
            return (s.spillFolder!, s.runs)
        }
        do { try DiskIO.makeDirectories(folder) } catch {
            state.withLock { $0.errors.append(BuildError(path: folder, message: error.message)) }
            return
        }
        let tables = self.tables
        let errors = Mutex<[BuildError]>([])
        DispatchQueue.concurrentPerform(iterations: tables.count) { p in
            let failure = tables[p].table.withLock { t -> BuildError? in
                do { try t.spill(to: "\(folder)/\(p)-\(run).bin"); return nil } catch let e as BuildError { return e } catch { return BuildError(path: folder, message: "\(error)") }
            }
            if let failure { errors.withLock { $0.append(failure) } }
        }
        let failed = errors.withLock { $0 }
        if !failed.isEmpty { state.withLock { $0.errors += failed } }
    }

    /// Indexes what is left, then hands the index files and the search page to `write` (a group at a time)
    /// and returns the errors, `write`'s with its own.
    func finish(_ write: ([OutputFile]) -> [BuildError]) -> [BuildError] {
        let total = context.index.records.count
        if total > 0 { add(through: total - 1, []) }
        let start = DispatchTime.now()
        var errors = write([SearchPage(context: context).render()])
        guard state.withLock({ $0.active }) else { return errors }
        let (lengths, addSeconds, read, runs, folder) = state.withLock { s in (s.lengths, s.seconds, s.read, s.runs, s.spillFolder) }
        errors += state.withLock { $0.errors }
        var tables = self.tables.map { box in box.table.withLock { t in let taken = t; t = TermTable(); return taken } }
        let terms = tables.reduce(0) { $0 + $1.count }
        var files = 0, bytes = 0
        errors += SearchFormat(context: context, lengths: lengths).files(tables: &tables) { group in
            files += group.count
            for f in group { bytes += f.bytes.count }
            return write(group)
        }
        if let folder { DiskIO.removeTree(folder) }
        tables = []
        if getenv("CHANCERY_SEARCH_STATS") != nil {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            let tokenizing = Double(SearchDocument.tokenizing.load(ordering: .relaxed)) / 1e9
            let line = String(format: "search: %d cables (%d read again), %d terms, %d files, %.1f MB, %d runs on disk; tokenising %.2f s CPU (on the render threads), merging %.2f s, writing %.2f s\n",
                              total, read, terms, files, Double(bytes) / 1e6, runs, tokenizing, addSeconds, seconds)
            FileHandle.standardError.write(Data(line.utf8))
        }
        return errors
    }
}

extension Array where Element == UInt8 {
    @inline(__always) mutating func appendSearchVarint(_ value: UInt32) {
        var v = value
        while v >= 0x80 { append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        append(UInt8(v))
    }
}
