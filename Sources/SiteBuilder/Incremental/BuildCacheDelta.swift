import ChanceryIO

/// What changed in the build cache from one build to the next: the entries added or changed, the paths
/// removed, and the new scalar settings. A record of the cache's journal; applied in order to the base they
/// bring it to the state the last build saved.
struct BuildCacheDelta {
    var settingsKey: UInt64
    var tool: String
    var outputDirectory: String
    var shapeKey: UInt64
    var cables: [(String, BuildCache.CachedCable)] = []
    var removedCables: [String] = []
    var outputs: [(String, UInt64)] = []
    var removedOutputs: [String] = []
    var pageKeys: [(String, UInt64)] = []
    var removedPageKeys: [String] = []
    /// The neighbour keys when they changed (they are a list in the model's order: kept whole).
    var neighbourKeys: [UInt64]?

    init(from old: BuildCache, to new: BuildCache) {
        settingsKey = new.settingsKey
        tool = new.tool
        outputDirectory = new.outputDirectory
        shapeKey = new.shapeKey
        // the cables and page keys on one core, the outputs (the largest table) on the other
        let parts = parallelMap([0, 1]) { part -> Part in
            var p = Part()
            if part == 1 {
                (p.outputs, p.removedOutputs) = Self.difference(old.outputs, new.outputs)
                return p
            }
            (p.pageKeys, p.removedPageKeys) = Self.difference(old.pageKeys, new.pageKeys)
            var added = 0
            for (path, entry) in new.cables {
                let before = old.cables[path]
                if let before, before.isSaved(as: entry) { continue }
                if before == nil { added += 1 }
                p.cables.append((path, entry))
            }
            if old.cables.count + added != new.cables.count {
                p.removedCables = old.cables.keys.filter { new.cables[$0] == nil }
            }
            return p
        }
        (cables, removedCables) = (parts[0].cables, parts[0].removedCables)
        (pageKeys, removedPageKeys) = (parts[0].pageKeys, parts[0].removedPageKeys)
        (outputs, removedOutputs) = (parts[1].outputs, parts[1].removedOutputs)
        if old.neighbourKeys != new.neighbourKeys { neighbourKeys = new.neighbourKeys }
    }

    /// One core's share of the comparison.
    private struct Part: Sendable {
        var cables: [(String, BuildCache.CachedCable)] = []
        var removedCables: [String] = []
        var outputs: [(String, UInt64)] = []
        var removedOutputs: [String] = []
        var pageKeys: [(String, UInt64)] = []
        var removedPageKeys: [String] = []
    }

    private init(settingsKey: UInt64, tool: String, outputDirectory: String, shapeKey: UInt64) {
        self.settingsKey = settingsKey; self.tool = tool; self.outputDirectory = outputDirectory; self.shapeKey = shapeKey
    }

    private static func difference(_ old: [String: UInt64], _ new: [String: UInt64]) -> ([(String, UInt64)], [String]) {
        var changed: [(String, UInt64)] = []
        var added = 0
        for (key, value) in new {
            let before = old[key]
            if before == value { continue }
            if before == nil { added += 1 }
            changed.append((key, value))
        }
        let removed = old.count + added == new.count ? [] : old.keys.filter { new[$0] == nil }
        return (changed, removed)
    }

    func apply(to cache: inout BuildCache) {
        cache.settingsKey = settingsKey
        cache.tool = tool
        cache.outputDirectory = outputDirectory
        cache.shapeKey = shapeKey
        for (path, entry) in cables { cache.cables[path] = entry }
        for path in removedCables { cache.cables[path] = nil }
        for (path, hash) in outputs { cache.outputs[path] = hash }
        for path in removedOutputs { cache.outputs[path] = nil }
        for (path, key) in pageKeys { cache.pageKeys[path] = key }
        for path in removedPageKeys { cache.pageKeys[path] = nil }
        if let neighbourKeys { cache.neighbourKeys = neighbourKeys }
    }

    /// Appends the delta to `w`; gives up, returning false, as soon as `w` holds more than `limit` bytes (a
    /// delta that large is not worth a journal record: a new base is written instead, and the record, as
    /// large as the base when every page was rendered again, is never held whole).
    @discardableResult
    func write(_ w: inout BinaryWriter, limit: Int = .max) -> Bool {
        w.uint(settingsKey); w.string(tool); w.string(outputDirectory); w.uint(shapeKey)
        w.uint(UInt64(cables.count))
        for (path, entry) in cables {
            w.string(path); BuildCacheFile.write(entry, to: &w)
            if w.count > limit { return false }
        }
        w.strings(removedCables)
        w.uint(UInt64(outputs.count))
        for (path, hash) in outputs {
            w.string(path); w.uint(hash)
            if w.count > limit { return false }
        }
        w.strings(removedOutputs)
        w.uint(UInt64(pageKeys.count))
        for (path, key) in pageKeys { w.string(path); w.uint(key) }
        w.strings(removedPageKeys)
        w.bool(neighbourKeys != nil)
        if let neighbourKeys {
            w.uint(UInt64(neighbourKeys.count))
            for key in neighbourKeys { w.uint(key) }
        }
        return w.count <= limit
    }

    static func read(_ r: inout BinaryReader) throws(BinaryReader.Malformed) -> BuildCacheDelta {
        var d = BuildCacheDelta(settingsKey: try r.uint(), tool: try r.string(), outputDirectory: try r.string(), shapeKey: try r.uint())
        for _ in 0..<(try count(&r)) {
            let path = try r.string()
            d.cables.append((path, try BuildCacheFile.readCable(&r, path: path)))
        }
        d.removedCables = try r.strings()
        for _ in 0..<(try count(&r)) { d.outputs.append((try r.string(), try r.uint())) }
        d.removedOutputs = try r.strings()
        for _ in 0..<(try count(&r)) { d.pageKeys.append((try r.string(), try r.uint())) }
        d.removedPageKeys = try r.strings()
        if try r.bool() {
            var keys: [UInt64] = []
            for _ in 0..<(try count(&r)) { keys.append(try r.uint()) }
            d.neighbourKeys = keys
        }
        return d
    }

    /// A count that cannot exceed the bytes left (each entry takes at least one).
    private static func count(_ r: inout BinaryReader) throws(BinaryReader.Malformed) -> Int {
        let n = Int(truncatingIfNeeded: try r.uint())
        guard n >= 0, n <= r.end - r.position else { throw .init() }
        return n
    }
}
