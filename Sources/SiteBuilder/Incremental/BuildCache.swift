import CableKit
import ChanceryIO

/// What a build remembers for the next one, in `<site>/.chancery/build-cache` (beside `Public/`, ignored
/// by git; keep it with the CI cache to rebuild only what changed): every cable's metadata with the size
/// and time of its files, the hash of every output written, and the key of the inputs each page was
/// rendered from. A page whose key is unchanged is not rendered again; an output whose bytes are
/// unchanged is not written again. A cache from another version, or a malformed one, is ignored.
struct BuildCache: Sendable {
    static let format = "chancery build cache 3"

    struct CachedCable: Sendable {
        var stamp: DiskIO.Stamp
        var originalStamp: DiskIO.Stamp?
        /// Hash of the original's bytes: what its published copy is keyed on (a checkout that only
        /// touches the file leaves the page alone).
        var originalHash: UInt64?
        var record: CableRecord
    }

    /// Hash of everything that shapes every page: configuration, theme files, tool version.
    var settingsKey: UInt64 = 0
    /// The output folder the outputs below were written to.
    var outputDirectory = ""
    var cables: [String: CachedCable] = [:]
    /// Output path (relative to the output folder) → hash of its bytes.
    var outputs: [String: UInt64] = [:]
    /// Output path → key of the inputs it was rendered from.
    var pageKeys: [String: UInt64] = [:]
    /// The index model's shape (`SiteIndex.shapeKey`) and, in the model's order, each cable page's
    /// neighbour key (`CablePages.neighbourKey`), valid while the shape is the same.
    var shapeKey: UInt64 = 0
    var neighbourKeys: [UInt64] = []

    static func folder(root: String) -> String { root + "/.chancery" }
    static func file(root: String) -> String { folder(root: root) + "/build-cache" }
    /// Present while a build runs; found at the start of a build, it means the last one was killed.
    static func marker(root: String) -> String { folder(root: root) + "/building" }

    static func load(root: String) -> BuildCache? {
        guard let bytes = try? DiskIO.read(file(root: root)) else { return nil }
        var r = BinaryReader(bytes)
        do {
            guard try r.string() == format else { return nil }
            var cache = BuildCache()
            cache.settingsKey = try r.uint()
            cache.outputDirectory = try r.string()
            let cableCount = Int(try r.uint())
            for _ in 0..<cableCount {
                let path = try r.string()
                let stamp = DiskIO.Stamp(size: try r.int(), modified: Int64(try r.int()))
                var originalStamp: DiskIO.Stamp?, originalHash: UInt64?
                if try r.bool() {
                    originalStamp = DiskIO.Stamp(size: try r.int(), modified: Int64(try r.int()))
                    originalHash = try r.uint()
                }
                let originalName = try r.optional()
                let hash = try r.uint()
                let from = r.position
                let meta = try r.cable()
                // the bytes just read are those the record's metaKey hashes: no need to encode them again
                let metaKey = r.bytes.withUnsafeBytes { FastHash.of(UnsafeRawBufferPointer(rebasing: $0[from..<r.position])) }
                cache.cables[path] = CachedCable(stamp: stamp, originalStamp: originalStamp, originalHash: originalHash,
                                                 record: CableRecord(cable: meta, path: path, originalName: originalName, contentHash: hash, metaKey: metaKey))
            }
            let outputCount = Int(try r.uint())
            for _ in 0..<outputCount { cache.outputs[try r.string()] = try r.uint() }
            let keyCount = Int(try r.uint())
            for _ in 0..<keyCount { cache.pageKeys[try r.string()] = try r.uint() }
            cache.shapeKey = try r.uint()
            let neighbourCount = Int(try r.uint())
            guard neighbourCount <= bytes.count else { return nil }
            cache.neighbourKeys.reserveCapacity(neighbourCount)
            for _ in 0..<neighbourCount { cache.neighbourKeys.append(try r.uint()) }
            return r.atEnd ? cache : nil
        } catch {
            return nil
        }
    }

    /// Writes the cache a few megabytes at a time (at 250,000 cables it is ~400 MB: never held whole),
    /// into a temporary file put in place at the end.
    func save(root: String) throws(DiskIO.Failure) {
        let stream = try StreamFile(path: Self.file(root: root))
        let chunk = 4 << 20
        var w = BinaryWriter(capacity: chunk + (1 << 16))
        func flushIfFull() {
            if w.bytes.count >= chunk { stream.append(w.bytes); w = BinaryWriter(capacity: chunk + (1 << 16)) }
        }
        w.string(Self.format)
        w.uint(settingsKey)
        w.string(outputDirectory)
        w.uint(UInt64(cables.count))
        for (path, entry) in cables {
            w.string(path)
            w.int(entry.stamp.size); w.int(Int(entry.stamp.modified))
            w.bool(entry.originalStamp != nil)
            if let o = entry.originalStamp { w.int(o.size); w.int(Int(o.modified)); w.uint(entry.originalHash ?? 0) }
            w.optional(entry.record.originalName)
            w.uint(entry.record.contentHash)
            w.cable(entry.record.meta)
            flushIfFull()
        }
        w.uint(UInt64(outputs.count))
        for (path, hash) in outputs { w.string(path); w.uint(hash); flushIfFull() }
        w.uint(UInt64(pageKeys.count))
        for (path, key) in pageKeys { w.string(path); w.uint(key); flushIfFull() }
        w.uint(shapeKey)
        w.uint(UInt64(neighbourKeys.count))
        for key in neighbourKeys { w.uint(key); flushIfFull() }
        stream.append(w.bytes)
        try stream.commit()
    }
}
