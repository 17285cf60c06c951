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
        /// The cache files' stamps and inodes (`BuildCache.identity`): each is written to a new file put in
        /// place, so another build's save changes them.
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

    /// The cache the last build left, if the files on disk are still the ones it saved.
    func cache(root: String) -> BuildCache? {
        guard let identity = BuildCache.identity(root: root) else { return nil }
        return kept.withLock { k in k.flatMap { $0.identity == identity ? $0.cache : nil } }
    }

    /// Reads the build cache into memory ahead of the next build, if it is not there yet (the preview server
    /// does this while it waits for the first edit; a build that finds nothing changed does not read it).
    public func warm(root: String) {
        guard cache(root: root) == nil, let identity = BuildCache.identity(root: root),
              let cache = BuildCache.load(root: root) else { return }
        // the files may have been replaced while they were read: keep the cache only if they are still those read
        guard BuildCache.identity(root: root) == identity else { return }
        kept.withLock { $0 = Kept(cache: cache, identity: identity) }
    }

    /// Keeps the cache a build just saved (or, when `saved` is false, forgets any).
    func keep(_ cache: BuildCache, root: String, saved: Bool) {
        guard saved, let identity = BuildCache.identity(root: root) else {
            kept.withLock { $0 = nil }
            return
        }
        kept.withLock { $0 = Kept(cache: cache, identity: identity) }
    }
}
