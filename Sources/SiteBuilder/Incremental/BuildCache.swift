import CableKit
import ChanceryIO

/// What a build remembers for the next one, in `<site>/.chancery/` (beside `Public/`, ignored by git; keep
/// it with the CI cache to rebuild only what changed): every cable's metadata with the size and time of its
/// files, the hash of every output written, and the key of the inputs each page was rendered from. A page
/// whose key is unchanged is not rendered again; an output whose bytes are unchanged is not written again.
/// A cache from another version, or a malformed one, is ignored.
///
/// It is kept in two files: `build-cache`, the whole state as a full build left it, and `build-cache.journal`,
/// the changes of the incremental builds since (`BuildCacheDelta`), so that a build that changed one cable
/// writes a few kilobytes instead of the whole cache (~80 MB at 50,000 cables). When the journal would grow
/// past a sixteenth of the base, the save writes a new base and drops the journal: every load applies the
/// journal entry by entry, so it is kept small (a build that re-rendered everything writes a new base).
struct BuildCache: Sendable {
    static let format = "chancery build cache 9"
    static let journalFormat = "chancery build cache journal 9"

    struct CachedCable: Sendable {
        var stamp: DiskIO.Stamp
        var originalStamp: DiskIO.Stamp?
        /// Hash of the original's bytes: what its published copy is keyed on (a checkout that only
        /// touches the file leaves the page alone).
        var originalHash: UInt64?
        var record: CableRecord
        /// The cable's page as the last build left it (nil: not made, or made by a build that failed to write it).
        var page: PageOutputs?

        /// The same as `other` as far as the cache file is concerned.
        func isSaved(as other: CachedCable) -> Bool {
            stamp == other.stamp && originalStamp == other.originalStamp && originalHash == other.originalHash && page == other.page
                && (record === other.record || (record.metaKey == other.record.metaKey && record.contentHash == other.record.contentHash
                    && record.originalName == other.record.originalName))
        }
    }

    /// A cable's page and the copy of its original published beside it, as the last build wrote them: the key
    /// of the inputs the page was rendered from and the hashes of both files. Kept in the cable's entry, by
    /// the cable, instead of in `outputs` and `pageKeys` by path: a build finds an unchanged cable's page
    /// unchanged without building its paths or looking them up.
    struct PageOutputs: Sendable, Equatable {
        var key: UInt64
        var pageHash: UInt64
        var copyHash: UInt64?
    }

    /// Which saved files this state is: the base's generation and size, and the size of the journal written
    /// since (0: none).
    struct Saved: Sendable {
        var generation: UInt64 = 0
        var baseSize = 0
        var journalSize = 0
    }

    /// Hash of everything that shapes every page: configuration, theme files, tool version.
    var settingsKey: UInt64 = 0
    /// The build of chancery that wrote it (`ToolIdentity.current`): another one's parsed cables are not
    /// reused (its front-matter reader may differ), only what it says of the outputs on disk.
    var tool = ""
    /// The output folder the outputs below were written to.
    var outputDirectory = ""
    var cables: [String: CachedCable] = [:]
    /// Output path (relative to the output folder) → hash of its bytes, for every output but the cables'
    /// pages and copies (those are in `cables`, `CachedCable.page`).
    var outputs: [String: UInt64] = [:]
    /// Output path → key of the inputs it was rendered from (the same outputs).
    var pageKeys: [String: UInt64] = [:]
    /// The index model's shape (`SiteIndex.shapeKey`) and, in the model's order, each cable page's
    /// neighbour key (`CablePages.neighbourKey`), valid while the shape is the same.
    var shapeKey: UInt64 = 0
    var neighbourKeys: [UInt64] = []
    /// Set when the state was loaded or saved; a state made by a build starts unsaved.
    var saved: Saved?

    static func folder(root: String) -> String { root + "/.chancery" }
    static func file(root: String) -> String { folder(root: root) + "/build-cache" }
    static func journal(root: String) -> String { folder(root: root) + "/build-cache.journal" }
    /// Present while a build runs; found at the start of a build, it means the last one was killed.
    static func marker(root: String) -> String { folder(root: root) + "/building" }

    /// Size, time, device and inode of both files (the journal's zeros when absent): another build's save
    /// changes at least one of them.
    static func identity(root: String) -> [UInt64]? {
        func of(_ path: String) -> [UInt64]? {
            guard let stamp = DiskIO.stamp(path), let identity = DiskIO.identity(path) else { return nil }
            return [UInt64(stamp.size), UInt64(bitPattern: stamp.modified)] + identity
        }
        guard let base = of(file(root: root)) else { return nil }
        return base + (of(journal(root: root)) ?? [0, 0, 0, 0])
    }

    static func remove(root: String) {
        DiskIO.remove(journal(root: root))
        DiskIO.remove(file(root: root))
    }

    /// The saved state. A build passes its `tool`: a cache written by another build of the tool is read light
    /// (`BuildCacheFile.decode`), since that build uses its cables only to name their outputs.
    static func load(root: String, tool: String? = nil) -> BuildCache? {
        guard let bytes = try? DiskIO.read(file(root: root)), var cache = BuildCacheFile.decode(bytes, tool: tool) else { return nil }
        // a journal written on another base (one replaced since) is not this one's
        if let journal = try? DiskIO.read(journal(root: root)) {
            var r = BinaryReader(journal)
            guard (try? r.string()) == journalFormat, (try? r.uint()) == cache.saved?.generation else { return cache }
            do {
                while !r.atEnd { try BuildCacheDelta.read(&r).apply(to: &cache) }
            } catch {
                return nil
            }
            cache.saved?.journalSize = journal.count
        }
        return cache
    }

    /// Saves the state. With `previous`, the state this build started from as loaded from (or last saved to)
    /// the files, only the changes since are written, appended to the journal — unless the journal would
    /// outgrow a sixteenth of the base, when a new base is written. A new journal is written whole (atomically);
    /// later deltas are appended in place, so a save costs the size of its changes, not of the journal. An
    /// append cut short by a kill leaves a journal that does not read, and the next build drops the cache.
    mutating func save(root: String, previous: BuildCache?) throws(DiskIO.Failure) {
        if let previous, let saved = previous.saved {
            let delta = BuildCacheDelta(from: previous, to: self)
            var w = BinaryWriter(capacity: 1 << 16)
            if saved.journalSize == 0 { w.string(Self.journalFormat); w.uint(saved.generation) }
            let limit = max(1 << 20, saved.baseSize / 16)
            if delta.write(&w, limit: limit - saved.journalSize) {
                let size = saved.journalSize + w.count
                let path = Self.journal(root: root)
                // a journal of another size than the one loaded is not this state's: a new base is written
                if saved.journalSize == 0 || DiskIO.append(w.bytes, to: path, expectedSize: saved.journalSize) {
                    if saved.journalSize == 0 { try DiskIO.write(w.bytes, to: path) }
                    self.saved = Saved(generation: saved.generation, baseSize: saved.baseSize, journalSize: size)
                    return
                }
            }
        }
        var generation = UInt64.random(in: 1...UInt64.max)
        if generation == previous?.saved?.generation { generation &+= 1 }
        let size = try BuildCacheFile.write(self, generation: generation, to: Self.file(root: root))
        // the old journal belongs to the old base: its generation no longer matches, and it goes
        DiskIO.remove(Self.journal(root: root))
        saved = Saved(generation: generation, baseSize: size)
    }
}
