#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Files just written that nobody reads back soon (the pages of a first or `--clean` build), handed over so
/// that the kernel starts writing them to disk at once and drops them from the page cache once they are
/// there: the last few are held open, and each is dropped and closed when a newer one comes.
///
/// A clean build writes gigabytes. Left dirty in the cache, they would be flushed in bulk after the build and
/// push out what the machine was caching; writing behind and dropping (PostgreSQL's `backend_flush_after`,
/// `rsync --drop-cache`) keeps the build's share of the cache small, and the pages the kernel hands the next
/// file are the ones it just dropped instead of fresh memory (on a virtual machine that gives free memory back
/// to its host, each fresh page is a fault in the host: a fifth of a 50,000-cable build's time, README).
/// Linux only (`sync_file_range`); elsewhere a file handed over is closed at once.
public final class WriteBehind: Sendable {
    /// How many files are held open while the kernel writes them back.
    public let depth: Int
    private let state: Mutex<State>

    private struct Held {
        let fd: Int32
        let folder: String
        let name: String
    }

    private struct State {
        /// The files held, a ring: `next` is the oldest once it is full.
        var held: [Held] = []
        var next = 0
        /// Files whose `close` failed (a file system that reports a write error late, like NFS).
        var failures: [DiskIO.Failure] = []
    }

    public init(depth: Int = 64) {
        self.depth = max(depth, 1)
        state = Mutex(State())
    }

    deinit {
        for file in state.withLock({ $0.held }) { close(file.fd) }
    }

    /// Whether this system can write behind (elsewhere `hand` only closes the file).
    public static var isAvailable: Bool { syncFileRange != nil }

    /// Takes `fd`, a file of `folder` named `name` whose bytes were all written: its writeback starts now, and it
    /// is dropped from the cache and closed when `depth` newer files have come (or at `finish`).
    public func hand(_ fd: Int32, folder: String, name: String) {
        guard let syncFileRange = Self.syncFileRange else {
            release(Held(fd: fd, folder: folder, name: name), drop: false)
            return
        }
        // SYNC_FILE_RANGE_WRITE: start writing the whole file out, without waiting
        _ = syncFileRange(fd, 0, 0, 2)
        let file = Held(fd: fd, folder: folder, name: name)
        let oldest = state.withLock { state -> Held? in
            if state.held.count < depth {
                state.held.append(file)
                return nil
            }
            let oldest = state.held[state.next]
            state.held[state.next] = file
            state.next = (state.next + 1) % depth
            return oldest
        }
        if let oldest { release(oldest, drop: true) }
    }

    /// Starts writing `count` bytes of the file open as `fd` from `offset` to disk, without waiting; nothing
    /// where the system cannot (a file written piece by piece: `StreamFile`).
    public static func startWriteback(_ fd: Int32, offset: Int, count: Int) {
        _ = syncFileRange?(fd, Int64(offset), Int64(count), 2)
    }

    /// Drops `count` bytes of the file open as `fd` from `offset` from the page cache, those already on disk.
    public static func drop(_ fd: Int32, offset: Int, count: Int) {
        #if os(Linux)
        _ = posix_fadvise(fd, off_t(offset), off_t(count), POSIX_FADV_DONTNEED)
        #endif
    }

    /// Drops and closes every file still held; returns the files whose closing failed since the start.
    public func finish() -> [DiskIO.Failure] {
        let held = state.withLock { state -> [Held] in
            defer { state.held = []; state.next = 0 }
            return state.held
        }
        for file in held { release(file, drop: true) }
        return state.withLock { state in
            defer { state.failures = [] }
            return state.failures
        }
    }

    private func release(_ file: Held, drop: Bool) {
        #if os(Linux)
        // only the pages already written back go; the others stay cached
        if drop { _ = posix_fadvise(file.fd, 0, 0, POSIX_FADV_DONTNEED) }
        #endif
        if close(file.fd) != 0 {
            let failure = DiskIO.Failure(path: file.folder + "/" + file.name, message: "cannot write: \(String(cString: strerror(errno)))")
            state.withLock { $0.failures.append(failure) }
        }
    }

    /// glibc's `sync_file_range`, looked up at run time: Swift's Glibc module leaves out what `_GNU_SOURCE`
    /// declares. Nil where there is none.
    private static let syncFileRange: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
        #if os(Linux)
        // RTLD_DEFAULT: the process's own libraries
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
        #else
        return nil
        #endif
    }()
}
