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
///
/// When only a few cables changed since the last index (same cables in the same order, same settings),
/// `preparePatch` makes the indexer keep just those cables' documents, and `finish` patches the shards they
/// touch (`SearchPatch`, with what `SearchState` saved of the last index) and keeps every other file.
final class SearchIndexer: Sendable {
    /// `CHANCERY_NO_SEARCH=1` builds without the index (for benchmarks).
    static let isEnabled = getenv("CHANCERY_NO_SEARCH") == nil
    /// Whether the build prints the indexer's figures (`CHANCERY_SEARCH_STATS`, for the benchmarks).
    static let printsStats = getenv("CHANCERY_SEARCH_STATS") != nil
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
        /// What the names of the run files written when memory runs short start with (in the temporary folder),
        /// and how many runs were written.
        var spillPrefix: String?
        var runs = 0
        var errors: [BuildError] = []
        /// The key of the index being made, saved with the `SearchState`.
        var key: UInt64?
        /// Each cable's shards, encoded for the state's block files (a full index), from cable
        /// `savedBlocks · SearchState.blockSize` on: a block is written as soon as it is complete, so that the
        /// lists of a large archive (some 150 MB at 250,000 cables) are not all held until the end.
        var shardLists: [[UInt8]] = []
        var savedBlocks = 0
        /// A block could not be written: the state is not saved (the next build makes the index again).
        var blocksFailed = false
        /// Set when the published index is patched instead of made again.
        var patch: Patch?
    }

    /// A patch of the published index: the last index's state, the changed cables and their new documents.
    private struct Patch: Sendable {
        var last: SearchState
        var changed: [Int]
        var documents: [Int: SearchDocument] = [:]
        /// The published `search/` folder and the files of the last index.
        var published: String
        var files: [String]
    }

    /// Cables merged at a time: the render pass's batch of a full build is merged as it comes when it is no larger.
    static let chunk = 512

    /// At most this many changed cables are patched into the published index; more make it again.
    static let patchLimit = 256

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

    /// Notes the key of the index to make (saved with its state) and, when the index published with
    /// `lastKey` (under `published`, made of `files`) was made from the same cables in the same order and
    /// at most `patchLimit` of them changed, prepares to patch it. Returns whether it will.
    @discardableResult
    func preparePatch(key: UInt64, lastKey: UInt64?, published: String, files: [String]) -> Bool {
        state.withLock { $0.key = key }
        let records = context.index.records
        guard SearchIndexer.isEnabled, let lastKey, !files.isEmpty, let last = SearchState.load(root: root), last.key == lastKey,
              last.hashes.count == records.count, last.lengths.count == records.count,
              last.shards == SearchFormat.shardCount(cables: records.count), last.ids == SearchState.idsHash(records) else { return false }
        var changed: [Int] = []
        for (i, r) in records.enumerated() where SearchState.cableHash(r) != last.hashes[i] {
            changed.append(i)
            if changed.count > SearchIndexer.patchLimit { return false }
        }
        state.withLock { $0.patch = Patch(last: last, changed: changed, published: published, files: files) }
        return true
    }

    /// Indexes every cable up to number `last` (inclusive) not indexed yet: those in `documents` as they
    /// are, the others by reading their files. Call with increasing `last`.
    func add(through last: Int, _ documents: [SearchDocument]) {
        let start = DispatchTime.now()
        let (first, active, patching) = state.withLock { ($0.next, $0.active, $0.patch != nil) }
        guard active, last >= first else { return }
        if patching {
            // only the changed cables' documents are needed; `finish` reads the others
            state.withLock { s in
                for d in documents where d.doc >= first && d.doc <= last && s.patch!.changed.contains(d.doc) { s.patch!.documents[d.doc] = d }
                s.next = last + 1
            }
            return
        }
        var read = 0
        if documents.count == last - first + 1, documents.count <= SearchIndexer.chunk, documents.enumerated().allSatisfy({ $0.element.doc == first + $0.offset }) {
            // the render pass's batch, every cable of it in order (a full build): merged as it is
            merge(documents)
        } else {
            var given: [Int: SearchDocument] = [:]
            for d in documents where d.doc >= first && d.doc <= last { given[d.doc] = d }
            let records = context.index.records
            let root = self.root
            for chunkStart in stride(from: first, through: last, by: SearchIndexer.chunk) {
                let numbers = Array(chunkStart...min(last, chunkStart + SearchIndexer.chunk - 1))
                let missing = numbers.filter { given[$0] == nil }
                read += missing.count
                let made = parallelMap(missing) { i in SearchIndexer.document(i, record: records[i], root: root) }
                var byNumber = given
                for d in made { byNumber[d.doc] = d }
                let docs = numbers.map { byNumber[$0]! }
                merge(docs)
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        state.withLock { $0.next = last + 1; $0.seconds += seconds; $0.read += read }
    }

    static func document(_ i: Int, record: CableRecord, root: String) -> SearchDocument {
        SearchDocument.make(i, record: record, body: body(root: root, path: record.path))!
    }

    /// The body of a cable file, or nil when it cannot be read (the page reports that error).
    static func body(root: String, path: String) -> ArraySlice<UInt8>? {
        guard let bytes = try? DiskIO.read(root + "/" + path) else { return nil }
        return try? CableBody.utf8(bytes)
    }

    private func merge(_ docs: [SearchDocument]) {
        let tables = self.tables
        DispatchQueue.concurrentPerform(iterations: tables.count) { p in
            tables[p].table.withLock { $0.merge(docs, partition: p) }
        }
        let shards = SearchFormat.shardCount(cables: context.index.records.count)
        let lists = parallelMap(docs) { SearchState.shardList($0, shards: shards) }
        state.withLock { s in for d in docs { s.lengths.append(d.length) }; s.shardLists += lists }
        saveCompleteBlocks()
        if tables.reduce(0, { $0 + $1.table.withLock { $0.pending } }) > memoryBudget { spill() }
    }

    /// Writes the shard lists of every complete block not written yet and lets them go. The state of the last
    /// index is removed before the first: its blocks are being replaced, and a build stopped before the new
    /// state is saved must leave none that would trust them.
    private func saveCompleteBlocks() {
        let size = SearchState.blockSize
        while let (k, lists) = state.withLock({ s -> (Int, [[UInt8]])? in
            guard s.key != nil, s.shardLists.count >= size else { return nil }
            let taken = Array(s.shardLists[..<size])
            s.shardLists.removeFirst(size)
            s.savedBlocks += 1
            return (s.savedBlocks - 1, taken)
        }) {
            if k == 0 { SearchState.remove(root: root) }
            do { try SearchState.saveBlock(root: root, k, lists: lists[...]) } catch { state.withLock { $0.blocksFailed = true } }
        }
    }

    /// Writes every partition's postings to a run file in the temporary folder. The files go in the folder
    /// itself, not in one of their own: a folder has its block on the disk as soon as it is made, and removing
    /// it freed that block, which on a file system mounted with `discard` and without a journal is a discard the
    /// build waited for (0.18 s at the end of a 50,000-cable build on this project's machine); a run file is
    /// mostly read back and removed before its pages are written out, so nothing of it is discarded.
    private func spill() {
        let (prefix, run) = state.withLock { s -> (String, Int) in
            if s.spillPrefix == nil {
                s.spillPrefix = FileManager.default.temporaryDirectory.path + "/chancery-search-\(ProcessInfoCores.processID)-\(UInt32.random(in: 0...UInt32.max))"
            }
            s.runs += 1
            return (s.spillPrefix!, s.runs)
        }
        let tables = self.tables
        let errors = Mutex<[BuildError]>([])
        DispatchQueue.concurrentPerform(iterations: tables.count) { p in
            let failure = tables[p].table.withLock { t -> BuildError? in
                do { try t.spill(to: "\(prefix)-\(p)-\(run).bin"); return nil } catch let e as BuildError { return e } catch { return BuildError(path: prefix, message: "\(error)") }
            }
            if let failure { errors.withLock { $0.append(failure) } }
        }
        let failed = errors.withLock { $0 }
        if !failed.isEmpty { state.withLock { $0.errors += failed } }
    }

    /// Indexes what is left (or patches the published index), then hands the index files and the search page
    /// to `write` (a group at a time), `keep`s the files of the last index that stand, and returns the errors,
    /// `write`'s with its own.
    func finish(keep: (String) -> Bool = { _ in false }, _ write: ([OutputFile]) -> [BuildError]) -> [BuildError] {
        let errors = write([SearchPage(context: context).render()])
        guard state.withLock({ $0.active }) else { return errors }
        if let patch = state.withLock({ $0.patch }) {
            if let patched = self.patch(patch, keep: keep, write) { return errors + patched }
            // the published index could not be patched: make it again
            state.withLock { s in s.patch = nil; s.next = 0; s.lengths = []; s.shardLists = []; s.savedBlocks = 0; s.blocksFailed = false }
            add(through: context.index.records.count - 1, Array(patch.documents.values))
        }
        return errors + makeIndex(write)
    }

    /// Writes the whole index from the merged postings, and saves its state.
    private func makeIndex(_ write: ([OutputFile]) -> [BuildError]) -> [BuildError] {
        let total = context.index.records.count
        if total > 0 { add(through: total - 1, []) }
        let start = DispatchTime.now()
        SearchState.remove(root: root)
        var errors = state.withLock { $0.errors }
        let (lengths, addSeconds, read, runs) = state.withLock { s in (s.lengths, s.seconds, s.read, s.runs) }
        var tables = self.tables.map { box in box.table.withLock { t in let taken = t; t = TermTable(); return taken } }
        let terms = tables.reduce(0) { $0 + $1.count }
        var files = 0, bytes = 0
        errors += SearchFormat(context: context, lengths: lengths).files(tables: &tables) { group in
            files += group.count
            for f in group { bytes += f.bytes.count }
            return write(group)
        }
        // (each partition's run files were removed as it was read back, or discarded when that failed)
        tables = []
        let (key, lists, saved, failed) = state.withLock { s in
            let taken = (s.key, s.shardLists, s.savedBlocks, s.blocksFailed); s.shardLists = []; return taken
        }
        let size = SearchState.blockSize
        if errors.isEmpty, !failed, let key, saved * size + lists.count == total, lengths.count == total {
            // the complete blocks were written as they filled; the rest, the last block's, now
            saveState(key: key, lengths: lengths, blocks: lists.isEmpty ? [:] : [saved: lists])
        }
        if SearchIndexer.printsStats {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            let tokenizing = Double(SearchDocument.tokenizing.load(ordering: .relaxed)) / 1e9
            let line = String(format: "search: %d cables (%d read again), %d terms, %d files, %.1f MB, %d runs on disk; tokenising %.2f s CPU (on the render threads), merging %.2f s, writing %.2f s\n",
                              total, read, terms, files, Double(bytes) / 1e6, runs, tokenizing, addSeconds, seconds)
            FileHandle.standardError.write(Data(line.utf8))
        }
        return errors
    }

    /// Saves the state of the index just published, with the shard lists of the cables of `blocks` (all of
    /// them after a full index, those of the changed cables after a patch).
    private func saveState(key: UInt64, lengths: [UInt32], blocks: [Int: [[UInt8]]]) {
        let records = context.index.records
        do {
            for (k, lists) in blocks { try SearchState.saveBlock(root: root, k, lists: lists[...]) }
            let state = SearchState(key: key, shards: SearchFormat.shardCount(cables: records.count), ids: SearchState.idsHash(records),
                                    hashes: records.map(SearchState.cableHash), lengths: lengths)
            try state.save(root: root)
        } catch {
            SearchState.remove(root: root)
        }
    }

    /// Patches the published index for the changed cables and keeps the rest of it; nil when it cannot (a
    /// file is missing or malformed, the rounded average length changed), and the index is made again.
    private func patch(_ patch: Patch, keep: (String) -> Bool, _ write: ([OutputFile]) -> [BuildError]) -> [BuildError]? {
        let start = DispatchTime.now()
        let records = context.index.records, root = self.root
        var documents = patch.documents
        let missing = patch.changed.filter { documents[$0] == nil }
        for d in parallelMap(missing, { i in SearchIndexer.document(i, record: records[i], root: root) }) { documents[d.doc] = d }
        var lengths = patch.last.lengths
        for (i, d) in documents { lengths[i] = d.length }
        let format = SearchFormat(context: context, lengths: lengths)
        guard format.averageLength == SearchFormat(context: context, lengths: patch.last.lengths).averageLength else { return nil }
        let shards = patch.last.shards, digits = SearchFormat.digits(shards)

        // the shards of the changed cables' old terms (from the state) and new terms
        let size = SearchState.blockSize
        var blocks: [Int: [[UInt8]]] = [:]
        for k in Set(patch.changed.map { $0 / size }) {
            guard let lists = SearchState.loadBlock(root: root, k, count: min(records.count, (k + 1) * size) - k * size) else { return nil }
            blocks[k] = lists
        }
        let additions = SearchPatch.additions(Array(documents.values), shards: shards)
        var affected = Set(additions.keys)
        var changed = [Bool](repeating: false, count: records.count)
        for i in patch.changed {
            affected.formUnion(SearchState.decode(blocks[i / size]![i % size]))
            blocks[i / size]![i % size] = SearchState.shardList(documents[i]!, shards: shards)
            changed[i] = true
        }
        guard affected.allSatisfy({ $0 < shards }) else { return nil }

        let patcher = SearchPatch(published: patch.published, shards: shards, changed: changed, lengths: lengths, average: format.averageLength)
        let results = parallelMap(affected.sorted()) { s -> Result<([OutputFile], [String]), SearchPatch.Failure> in
            do throws(SearchPatch.Failure) { let r = try patcher.shard(s, digits: digits, additions: additions[s] ?? [:]); return .success((r.files, r.previous)) } catch { return .failure(error) }
        }
        var files: [OutputFile] = [], previous = Set<String>()
        for result in results {
            switch result {
            case .success(let (f, p)): files += f; previous.formUnion(p)
            case .failure(let failure):
                if SearchIndexer.printsStats { FileHandle.standardError.write(Data("search: cannot patch the index (\(failure.message)); making it again\n".utf8)) }
                return nil
            }
        }
        files += format.metadata(shards: shards, digits: digits, documents: Set(patch.changed.map { $0 / SearchFormat.docsPerShard }))

        // every other file of the last index stands
        SearchState.remove(root: root)
        let produced = Set(files.map(\.path))
        var kept = 0
        for path in patch.files where !previous.contains(path) && !produced.contains(path) {
            guard keep(path) else { return nil }
            kept += 1
        }
        let errors = write(files)
        if errors.isEmpty, let key = state.withLock({ $0.key }) { saveState(key: key, lengths: lengths, blocks: blocks) }
        if SearchIndexer.printsStats {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            let line = String(format: "search: patched %d changed cables into %d of %d shards: %d files written or checked, %d kept, %.1f MB; %.2f s\n",
                              patch.changed.count, affected.count, shards, files.count, kept, Double(files.reduce(0) { $0 + $1.bytes.count }) / 1e6, seconds)
            FileHandle.standardError.write(Data(line.utf8))
        }
        return errors
    }
}

/// Writes `value` as `appendSearchVarint` appends it (LEB128), at `out + n`, advancing `n`: for postings
/// encoded in place, into memory sized for them beforehand.
@inline(__always) func putSearchVarint(_ value: UInt32, _ out: UnsafeMutablePointer<UInt8>, _ n: inout Int) {
    // (wrapping: `n` stays within the room the caller sized)
    var v = value
    while v >= 0x80 { out[n] = UInt8(truncatingIfNeeded: v) | 0x80; n &+= 1; v &>>= 7 }
    out[n] = UInt8(truncatingIfNeeded: v); n &+= 1
}

extension Array where Element == UInt8 {
    @inline(__always) mutating func appendSearchVarint(_ value: UInt32) {
        var v = value
        while v >= 0x80 { append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        append(UInt8(v))
    }
}
