import ChanceryIO
import Synchronization

/// What one long-running process (`chancery serve`) keeps in memory from one build to the next, so that a
/// rebuild after an edit does only the work the edit needs:
///
/// - the build cache, used only while the cache file is the one the last build of this session saved
///   (same inode, size and modification time): a build run by another process in the meantime makes the
///   next build read the file as usual;
/// - the listing of the cable files, brought up to date from the paths the caller reports as changed
///   (`changed(_:)`, from a file watcher) instead of walking and stating every file again. Without a
///   report since the last build (`changedUnknown()`), or for a change it cannot place, it walks again.
public final class BuildSession: Sendable {
    private struct Kept {
        var cache: BuildCache
        var file: DiskIO.Stamp
        /// Device and inode: the cache is written to a new file put in place, so another build's is another inode.
        var identity: [UInt64]
    }
    private struct Files {
        var listing: CableListing?
        /// Paths changed since `listing` was taken; nil when unknown.
        var changes: Set<String>? = []
    }
    private let kept = Mutex<Kept?>(nil)
    private let files = Mutex(Files())

    public init() {}

    /// Notes paths (relative to the site root) changed since the last build.
    public func changed(_ paths: some Sequence<String>) {
        files.withLock { f in f.changes?.formUnion(paths) }
    }

    /// Notes that files may have changed without a report (the watcher lost events): the next build walks.
    public func changedUnknown() {
        files.withLock { $0.changes = nil }
    }

    /// The cable files now: the last listing updated with the changes reported since, or a new walk.
    func listing(_ loader: ContentLoader) -> CableListing {
        let (last, changes) = files.withLock { f -> (CableListing?, Set<String>?) in
            let taken = (f.listing, f.changes)
            f.changes = []
            return taken
        }
        let listing = last.flatMap { listing in changes.flatMap { listing.updated(with: $0, root: loader.root) } } ?? loader.listing()
        files.withLock { $0.listing = listing }
        return listing
    }

    /// The cache the last build left, if the file on disk is still the one it saved.
    func cache(root: String) -> BuildCache? {
        let file = BuildCache.file(root: root)
        guard let stamp = DiskIO.stamp(file), let identity = DiskIO.identity(file) else { return nil }
        return kept.withLock { k in k.flatMap { $0.file == stamp && $0.identity == identity ? $0.cache : nil } }
    }

    /// Reads the build cache into memory ahead of the next build, if it is not there yet (the preview server
    /// does this while it waits for the first edit; a build that finds nothing changed does not read it).
    public func warm(root: String) {
        let file = BuildCache.file(root: root)
        guard cache(root: root) == nil, let stamp = DiskIO.stamp(file), let identity = DiskIO.identity(file),
              let cache = BuildCache.load(root: root) else { return }
        // the file may have been replaced while it was read: keep it only if it is still the one read
        guard DiskIO.stamp(file) == stamp, DiskIO.identity(file) == identity else { return }
        kept.withLock { $0 = Kept(cache: cache, file: stamp, identity: identity) }
    }

    /// Keeps the cache a build just saved (or, when `saved` is false, forgets any).
    func keep(_ cache: BuildCache, root: String, saved: Bool) {
        let file = BuildCache.file(root: root)
        guard saved, let stamp = DiskIO.stamp(file), let identity = DiskIO.identity(file) else {
            kept.withLock { $0 = nil }
            return
        }
        kept.withLock { $0 = Kept(cache: cache, file: stamp, identity: identity) }
    }
}
