#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Files just written that nobody reads back soon (the pages of a first or `--clean` build), handed over so
/// that the kernel writes them to disk and drops them from the page cache once they are there. They are taken
/// in batches: a full batch goes to a thread of its own, which starts the writeback of all its files one after
/// the other, waits for it, drops them and closes them.
///
/// A clean build writes gigabytes. Left dirty in the cache, they would be flushed in bulk after the build and
/// push out what the machine was caching; writing behind and dropping (PostgreSQL's `backend_flush_after`,
/// `rsync --drop-cache`) keeps the build's share of the cache small, and the pages the kernel hands the next
/// file are the ones it just dropped instead of fresh memory (on a virtual machine that gives free memory back
/// to its host, each fresh page is a fault in the host: a fifth of a 50,000-cable build's time, README).
/// Started a batch at a time, the writes keep the disk busy, and the kernel notifies it and takes its
/// completions far less often than once a file (20,000 files of 22 KB: 0.8–1.0 CPU-seconds against 1.3–2.1
/// with each file's writeback started as it was handed over, README).
/// Linux only (`sync_file_range`); elsewhere a file handed over is closed at once.
public final class WriteBehind: Sendable {
    /// How many files make a batch.
    public let batch: Int
    /// How many full batches may wait for the thread: past that, a full batch is closed by the caller without
    /// waiting (its pages written back by the kernel whenever it would), so that no writer ever waits for the disk.
    public let queued: Int
    private let state: Mutex<State>
    private let thread = DispatchQueue(label: "chancery.write-behind")

    private struct Held {
        let fd: Int32
        let folder: String
        let name: String
    }

    private struct State {
        /// The files of the batch being filled.
        var pending: [Held] = []
        /// Full batches given to the thread and not yet done.
        var inFlight = 0
        /// Files whose `close` failed (a file system that reports a write error late, like NFS).
        var failures: [DiskIO.Failure] = []
    }

    /// At most `batch × (queued + 2)` files are held open (the batch being filled, those waiting, the one written back).
    public init(batch: Int = 128, queued: Int = 2) {
        self.batch = max(batch, 1)
        self.queued = max(queued, 0)
        state = Mutex(State())
    }

    deinit {
        for file in state.withLock({ $0.pending }) { close(file.fd) }
    }

    /// Whether this system can write behind (elsewhere `hand` only closes the file).
    public static var isAvailable: Bool { syncFileRange != nil }

    /// Takes `fd`, a file of `folder` named `name` whose bytes were all written: written back, dropped from the
    /// cache and closed with its batch (or at `finish`).
    public func hand(_ fd: Int32, folder: String, name: String) {
        let file = Held(fd: fd, folder: folder, name: name)
        guard let syncFileRange = Self.syncFileRange else {
            release(file, drop: false)
            return
        }
        let (full, toThread) = state.withLock { state -> ([Held]?, Bool) in
            state.pending.append(file)
            guard state.pending.count >= batch else { return (nil, false) }
            let full = state.pending
            state.pending = []
            guard state.inFlight < queued + 1 else { return (full, false) }
            state.inFlight += 1
            return (full, true)
        }
        guard let full else { return }
        if toThread {
            thread.async { self.writeBack(full, syncFileRange) }
        } else {
            // the thread is behind: closed as they are, left to the kernel's writeback. Dropping them here
            // would start their writeback on this thread, and the block layer's writeback throttling holds a
            // thread that submits writes while the disk is busy with the batches before: a writer of pages
            // slept 0.8 s there, at 50,000 cables, and the build waited for it (README)
            for held in full { release(held, drop: false) }
        }
    }

    /// On the thread: starts the writeback of every file of the batch, then waits for each, drops it and closes it.
    private func writeBack(_ files: [Held], _ syncFileRange: @convention(c) (Int32, Int64, Int64, UInt32) -> Int32) {
        // SYNC_FILE_RANGE_WRITE: start writing the whole file out, without waiting
        for file in files { _ = syncFileRange(file.fd, 0, 0, 2) }
        for file in files {
            // WAIT_BEFORE | WRITE | WAIT_AFTER: on disk when it returns, so that dropping frees its pages
            _ = syncFileRange(file.fd, 0, 0, 7)
            release(file, drop: true)
        }
        state.withLock { $0.inFlight -= 1 }
    }

    /// Waits for the batches on the thread, then drops and closes the files of the last one, not full (without
    /// waiting for the disk: only what is written back by then is dropped); returns the files whose closing failed
    /// since the start.
    public func finish() -> [DiskIO.Failure] {
        thread.sync {}
        let rest = state.withLock { state -> [Held] in
            defer { state.pending = [] }
            return state.pending
        }
        for file in rest { release(file, drop: true) }
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
