import CableKit
import ChanceryIO

/// The base file of the build cache (`.chancery/build-cache`): the whole state, its tables cut into blocks
/// of a few thousand entries, each prefixed with its length, so that reading decodes the blocks on every
/// core and writing streams them a few megabytes at a time (at 250,000 cables the file is ~400 MB: never
/// held whole).
enum BuildCacheFile {
    static let entriesPerBlock = 4096

    /// Writes `cache` to `path` (a temporary file put in place at the end); returns the file's size.
    static func write(_ cache: BuildCache, generation: UInt64, to path: String) throws(DiskIO.Failure) -> Int {
        let stream = try StreamFile(path: path, keepsIdentical: false)
        var size = 0
        func emit(_ bytes: [UInt8]) { stream.append(bytes); size += bytes.count }
        var w = BinaryWriter(capacity: 1 << 16)
        w.string(BuildCache.format)
        w.uint(generation)
        w.uint(cache.settingsKey)
        w.string(cache.tool)
        w.string(cache.outputDirectory)
        w.uint(cache.shapeKey)
        w.uint(UInt64(cache.neighbourKeys.count))
        for key in cache.neighbourKeys { w.uint(key) }
        emit(w.bytes)
        blocks(Array(cache.cables), flush: emit) { w, item in
            w.string(item.key)
            BuildCacheFile.write(item.value, to: &w)
        }
        blocks(Array(cache.outputs), flush: emit) { w, item in w.string(item.key); w.uint(item.value) }
        blocks(Array(cache.pageKeys), flush: emit) { w, item in w.string(item.key); w.uint(item.value) }
        try stream.commit()
        return size
    }

    /// The cache in `bytes`. Written by another build than `tool` (when given), its cables are read light: each
    /// record's listing (id, date: what names its outputs) without the rest of its front matter, which that
    /// build never reads (it parses every cable again) — 300 MB less at 250,000 cables. A light record is never
    /// written back: that build saves the records it parsed.
    static func decode(_ bytes: [UInt8], tool: String? = nil) -> BuildCache? {
        var r = BinaryReader(bytes)
        do {
            guard try r.string() == BuildCache.format else { return nil }
            var cache = BuildCache()
            let generation = try r.uint()
            cache.settingsKey = try r.uint()
            cache.tool = try r.string()
            let light = tool.map { $0 != cache.tool } ?? false
            cache.outputDirectory = try r.string()
            cache.shapeKey = try r.uint()
            let neighbourCount = Int(try r.uint())
            guard neighbourCount <= bytes.count else { return nil }
            cache.neighbourKeys.reserveCapacity(neighbourCount)
            for _ in 0..<neighbourCount { cache.neighbourKeys.append(try r.uint()) }

            // the three tables' blocks are decoded together on every core, then the three dictionaries are
            // filled at the same time
            let cableSpans = try spans(&r), outputSpans = try spans(&r), keySpans = try spans(&r)
            guard r.atEnd else { return nil }
            let work = cableSpans.map { (0, $0) } + outputSpans.map { (1, $0) } + keySpans.map { (2, $0) }
            let decoded = parallelMap(work) { (table, span) -> Block? in
                var block = BinaryReader(bytes, from: span.from, to: span.to)
                do throws(BinaryReader.Malformed) {
                    if table == 0 {
                        var out: [(String, BuildCache.CachedCable)] = []
                        out.reserveCapacity(span.count)
                        for _ in 0..<span.count { let path = try block.string(); out.append((path, try readCable(&block, path: path, light: light))) }
                        return block.atEnd ? .cables(out) : nil
                    }
                    var out: [(String, UInt64)] = []
                    out.reserveCapacity(span.count)
                    for _ in 0..<span.count { out.append((try block.string(), try block.uint())) }
                    return block.atEnd ? .hashes(out) : nil
                } catch {
                    return nil
                }
            }
            guard decoded.allSatisfy({ $0 != nil }) else { return nil }
            let tables = parallelMap([0, 1, 2]) { table -> Tables in
                var t = Tables()
                let tableSpans = [cableSpans, outputSpans, keySpans]
                let first = tableSpans[..<table].reduce(0) { $0 + $1.count }
                let entries = tableSpans[table].reduce(0) { $0 + $1.count }
                if table == 0 { t.cables.reserveCapacity(entries) } else { t.hashes.reserveCapacity(entries) }
                for block in decoded[first..<(first + tableSpans[table].count)] {
                    switch block {
                    case .cables(let items)?: for (path, entry) in items { t.cables[path] = entry }
                    case .hashes(let items)?: for (path, hash) in items { t.hashes[path] = hash }
                    case nil: break
                    }
                }
                return t
            }
            cache.cables = tables[0].cables
            cache.outputs = tables[1].hashes
            cache.pageKeys = tables[2].hashes
            cache.saved = BuildCache.Saved(generation: generation, baseSize: bytes.count)
            return cache
        } catch {
            return nil
        }
    }

    /// One cable's entry (without its path).
    static func write(_ entry: BuildCache.CachedCable, to w: inout BinaryWriter) {
        w.int(entry.stamp.size); w.int(Int(entry.stamp.modified))
        w.bool(entry.originalStamp != nil)
        if let o = entry.originalStamp { w.int(o.size); w.int(Int(o.modified)); w.uint(entry.originalHash ?? 0) }
        w.optional(entry.record.originalName)
        w.uint(entry.record.contentHash)
        w.bool(entry.page != nil)
        if let page = entry.page {
            w.uint(page.key); w.uint(page.pageHash)
            w.bool(page.copyHash != nil)
            if let copy = page.copyHash { w.uint(copy) }
        }
        w.uint(entry.record.metaKey)
        w.uint(entry.record.listingKey)
        entry.record.encodedMeta(into: &w)
    }

    /// One cable's entry, for the cable at `path`; `light`: without the front matter beyond its listing.
    static func readCable(_ r: inout BinaryReader, path: String, light: Bool = false) throws(BinaryReader.Malformed) -> BuildCache.CachedCable {
        let stamp = DiskIO.Stamp(size: try r.int(), modified: Int64(try r.int()))
        var originalStamp: DiskIO.Stamp?, originalHash: UInt64?
        if try r.bool() {
            originalStamp = DiskIO.Stamp(size: try r.int(), modified: Int64(try r.int()))
            originalHash = try r.uint()
        }
        let originalName = try r.optional()
        let hash = try r.uint()
        var page: BuildCache.PageOutputs?
        if try r.bool() {
            page = BuildCache.PageOutputs(key: try r.uint(), pageHash: try r.uint())
            if try r.bool() { page?.copyHash = try r.uint() }
        }
        let metaKey = try r.uint(), listingKey = try r.uint()
        let from = r.position
        let listing = try r.cableListing()
        // the bytes just read are those the record's metaKey hashes (saved with them, as its listing key is:
        // neither is hashed again); the record keeps them to decode the whole front matter only if its page
        // is rendered
        let encoded = light ? [] : Array(r.bytes[from..<r.position])
        return BuildCache.CachedCable(stamp: stamp, originalStamp: originalStamp, originalHash: originalHash,
                                      record: CableRecord(encoded: encoded, listing: listing, path: path, originalName: originalName,
                                                          contentHash: hash, metaKey: metaKey, listingKey: listingKey), page: page)
    }

    /// A table: its entry count, its block count, then each block as (entries, byte length, bytes).
    private static func blocks<T: Sendable>(_ items: [T], flush: ([UInt8]) -> Void, _ encode: @Sendable (inout BinaryWriter, T) -> Void) {
        var head = BinaryWriter(capacity: 32)
        let blockCount = (items.count + entriesPerBlock - 1) / entriesPerBlock
        head.uint(UInt64(items.count)); head.uint(UInt64(blockCount))
        flush(head.bytes)
        // encoded on every core a few blocks at a time, written in order (a few megabytes held, not the table)
        let starts = Array(stride(from: 0, to: items.count, by: entriesPerBlock))
        let group = 2 * ProcessInfoCores.count
        for first in stride(from: 0, to: starts.count, by: group) {
            let encoded = parallelMap(Array(starts[first..<min(starts.count, first + group)])) { start -> (prefix: [UInt8], body: [UInt8]) in
                let end = min(items.count, start + entriesPerBlock)
                var body = BinaryWriter(capacity: 1 << 20)
                for item in items[start..<end] { encode(&body, item) }
                var prefix = BinaryWriter(capacity: 16)
                prefix.uint(UInt64(end - start)); prefix.uint(UInt64(body.count))
                return (prefix.finish(), body.finish())
            }
            for block in encoded { flush(block.prefix); flush(block.body) }
        }
    }

    /// One decoded block of a table.
    private enum Block: Sendable {
        case cables([(String, BuildCache.CachedCable)])
        case hashes([(String, UInt64)])
    }

    /// One table filled from its blocks.
    private struct Tables: Sendable {
        var cables: [String: BuildCache.CachedCable] = [:]
        var hashes: [String: UInt64] = [:]
    }

    /// Where the blocks of a table written by `blocks(_:flush:_:)` are, checked against its counts; `r` is
    /// left after the table.
    private static func spans(_ r: inout BinaryReader) throws(BinaryReader.Malformed) -> [(count: Int, from: Int, to: Int)] {
        let total = Int(try r.uint()), blockCount = Int(try r.uint())
        guard total >= 0, blockCount >= 0, blockCount <= r.end - r.position else { throw .init() }
        var spans: [(count: Int, from: Int, to: Int)] = []
        for _ in 0..<blockCount {
            let count = Int(try r.uint()), length = Int(try r.uint())
            guard count >= 0, count <= length else { throw .init() }
            let from = r.position
            try r.skip(length)
            spans.append((count, from, r.position))
        }
        guard spans.reduce(0, { $0 + $1.count }) == total else { throw .init() }
        return spans
    }
}
