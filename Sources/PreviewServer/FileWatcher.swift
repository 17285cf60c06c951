#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Watches folders of a site (by default `Content/` and `Themes/`, recursively) and reports changed paths,
/// relative to the site root, in batches.
///
/// On Linux it uses inotify: a watch on every folder (new folders get one as they appear, and the files
/// already in them are reported), and a thread that blocks in `poll(2)` until the kernel has events, so a
/// change is seen at once. Elsewhere, or with `.polling`, it stats the trees every interval (500 ms by
/// default) and reports what differs. Watching stops when the stream's consumer goes away.
public struct FileWatcher: Sendable {
    public enum Mode: Sendable, Equatable {
        /// inotify on Linux, polling every 500 ms elsewhere.
        case automatic
        /// Stat the trees at this interval.
        case polling(interval: Duration)
    }

    public let root: String
    public let folders: [String]
    public let mode: Mode
    /// Called (on the watcher's thread) with problems worth telling the user, such as running out of watches.
    public let warning: @Sendable (String) -> Void

    public init(root: String, folders: [String] = ["Content", "Themes"], mode: Mode = .automatic,
                warning: @escaping @Sendable (String) -> Void = { _ in }) {
        var root = root
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        self.root = root
        self.folders = folders
        self.mode = mode
        self.warning = warning
    }

    /// Starts watching; each element is a batch of changed paths relative to the root (files, or folders
    /// that appeared or went away). The watching thread stops when the stream terminates.
    public func changes() -> AsyncStream<[String]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [String].self, bufferingPolicy: .unbounded)
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            warning("cannot watch for changes: pipe failed (errno \(errno))")
            continuation.finish()
            return stream
        }
        let (stopRead, stopWrite) = (ends[0], ends[1])
        _ = fcntl(stopRead, F_SETFD, FD_CLOEXEC)
        _ = fcntl(stopWrite, F_SETFD, FD_CLOEXEC)
        // The consumer owns the write end: it signals the thread, which then closes the read end.
        continuation.onTermination = { _ in
            var byte: UInt8 = 1
            _ = write(stopWrite, &byte, 1)
            close(stopWrite)
        }
        let emit: @Sendable ([String]) -> Void = { paths in if !paths.isEmpty { continuation.yield(paths) } }
        // the watches (or the first snapshot) are in place when this returns: nothing done after is missed
        let loop = makeLoop(stop: stopRead, emit: emit)
        let thread = Thread {
            defer { close(stopRead) }
            switch loop {
            #if os(Linux)
            case .inotify(var inotify): inotify.run()
            #endif
            case .polling(var polling): polling.run()
            }
        }
        thread.name = "chancery-watch"
        thread.start()
        return stream
    }
}

extension FileWatcher {
    enum Loop: Sendable {
        #if os(Linux)
        case inotify(InotifyLoop)
        #endif
        case polling(PollingLoop)
    }

    func makeLoop(stop: Int32, emit: @escaping @Sendable ([String]) -> Void) -> Loop {
        var interval = Duration.milliseconds(500)
        switch mode {
        case .automatic:
            #if os(Linux)
            if let inotify = InotifyLoop(root: root, folders: folders, stop: stop, emit: emit, warning: warning) { return .inotify(inotify) }
            warning("warning: inotify is unavailable; watching for changes by polling every 500 ms")
            #endif
        case .polling(let every):
            interval = every
        }
        return .polling(PollingLoop(root: root, folders: folders, interval: interval, stop: stop, emit: emit))
    }
}

// MARK: - Folder listing

/// An entry of a folder, with its type from `lstat` (symbolic links are not followed).
struct FolderEntry {
    var name: String
    var isDirectory: Bool
}

/// The visible entries of a folder (names starting with `.` skipped), or nil if it cannot be read.
func listFolder(_ path: String) -> [FolderEntry]? {
    guard let dir = opendir(path) else { return nil }
    defer { closedir(dir) }
    var entries: [FolderEntry] = []
    while let entry = readdir(dir) {
        let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
            pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
        }
        if name.hasPrefix(".") { continue }
        var info = stat()
        guard lstat(path + "/" + name, &info) == 0 else { continue }
        entries.append(FolderEntry(name: name, isDirectory: info.st_mode & S_IFMT == S_IFDIR))
    }
    return entries
}

/// Waits until `stop` is readable or `milliseconds` pass (-1: forever), with `other` also watched when
/// given. Returns the readiness of (stop, other); nil if polling failed.
func waitReadable(stop: Int32, other: Int32? = nil, milliseconds: Int32) -> (stop: Bool, other: Bool)? {
    var fds = [pollfd(fd: stop, events: Int16(POLLIN), revents: 0)]
    if let other { fds.append(pollfd(fd: other, events: Int16(POLLIN), revents: 0)) }
    while true {
        let count = poll(&fds, nfds_t(fds.count), milliseconds)
        if count < 0 {
            if errno == EINTR { continue }
            return nil
        }
        let otherReady = fds.count > 1 && fds[1].revents != 0
        if otherReady && fds[1].revents & Int16(POLLERR | POLLNVAL) != 0 { return nil }
        return (fds[0].revents != 0, otherReady)
    }
}

// MARK: - inotify

#if os(Linux)
/// The inotify watcher, confined to the watching thread.
struct InotifyLoop {
    let root: String
    let folders: [String]
    let stop: Int32
    let emit: @Sendable ([String]) -> Void
    let warning: @Sendable (String) -> Void
    let fd: Int32
    /// Watch descriptor → folder relative to the root (`""` is the root itself).
    private var folderOf: [Int32: String] = [:]
    /// Folder → watch descriptor.
    private var watchOf: [String: Int32] = [:]
    private var warnedAboutLimit = false

    static let treeMask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB)
        | UInt32(IN_ONLYDIR) | UInt32(IN_EXCL_UNLINK)  // links are not followed below the top (listFolder uses lstat)
    static let rootMask = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO) | UInt32(IN_ONLYDIR) | UInt32(IN_EXCL_UNLINK)

    init?(root: String, folders: [String], stop: Int32, emit: @escaping @Sendable ([String]) -> Void, warning: @escaping @Sendable (String) -> Void) {
        let fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.root = root
        self.folders = folders
        self.stop = stop
        self.emit = emit
        self.warning = warning
        self.fd = fd
        // the root, for Content/ or Themes/ appearing or being replaced
        let rootWatch = inotify_add_watch(fd, root, Self.rootMask)
        if rootWatch >= 0 { folderOf[rootWatch] = ""; watchOf[""] = rootWatch }
        var ignored: [String] = []
        for folder in folders { addTree(folder, report: false, into: &ignored) }
    }

    mutating func run() {
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            guard let ready = waitReadable(stop: stop, other: fd, milliseconds: -1), !ready.stop else { return }
            guard ready.other else { continue }
            var changed: [String] = []
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }  // EAGAIN: drained
                parse(buffer, count: count, into: &changed)
            }
            var seen = Set<String>()
            emit(changed.filter { seen.insert($0).inserted })
        }
    }

    private mutating func parse(_ buffer: [UInt8], count: Int, into changed: inout [String]) {
        var offset = 0
        let header = 16  // wd, mask, cookie, len
        while offset + header <= count {
            let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                 raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                 Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
            }
            let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            offset += header + length
            handle(wd: wd, mask: mask, name: name, into: &changed)
        }
    }

    private mutating func handle(wd: Int32, mask: UInt32, name: String, into changed: inout [String]) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // events were lost: rebuild everything and make sure every folder is watched
            changed += folders
            for folder in folders { addTree(folder, report: false, into: &changed) }
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            if let folder = folderOf.removeValue(forKey: wd), watchOf[folder] == wd { watchOf[folder] = nil }
            return
        }
        guard let folder = folderOf[wd], !name.isEmpty else { return }
        let isDirectory = mask & UInt32(IN_ISDIR) != 0
        let appeared = mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
        let vanished = mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0
        if folder.isEmpty {
            guard folders.contains(name), isDirectory else { return }
            if vanished { removeTree(name) }
            if appeared { addTree(name, report: true, into: &changed) }
            changed.append(name)
            return
        }
        let path = folder + "/" + name
        if isDirectory {
            if vanished { removeTree(path) }
            if appeared { addTree(path, report: true, into: &changed) }
        }
        changed.append(path)
    }

    /// Watches `folder` and every folder below it; with `report`, lists the files found (they may have been
    /// written before the watch existed).
    private mutating func addTree(_ folder: String, report: Bool, into changed: inout [String]) {
        if let last = folder.split(separator: "/").last, last.hasPrefix(".") { return }
        let wd = inotify_add_watch(fd, root + "/" + folder, Self.treeMask)
        guard wd >= 0 else {
            if errno == ENOSPC && !warnedAboutLimit {
                warnedAboutLimit = true
                warning("warning: out of inotify watches at \(folder); raise fs.inotify.max_user_watches (changes below it are missed)")
            }
            return
        }
        if let previous = folderOf[wd], previous != folder, watchOf[previous] == wd { watchOf[previous] = nil }
        folderOf[wd] = folder
        watchOf[folder] = wd
        for entry in listFolder(root + "/" + folder) ?? [] {
            let path = folder + "/" + entry.name
            if entry.isDirectory { addTree(path, report: report, into: &changed) } else if report { changed.append(path) }
        }
    }

    /// Forgets the watches on `folder` and below (it was deleted or moved away).
    private mutating func removeTree(_ folder: String) {
        for (path, wd) in watchOf where path == folder || path.hasPrefix(folder + "/") {
            inotify_rm_watch(fd, wd)
            watchOf[path] = nil
            folderOf[wd] = nil
        }
    }
}
#endif

// MARK: - Polling

/// The polling watcher, confined to the watching thread: compares snapshots of the trees.
struct PollingLoop {
    struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
        var inode: UInt64
    }

    let root: String
    let folders: [String]
    let interval: Duration
    let stop: Int32
    let emit: @Sendable ([String]) -> Void
    private var previous: [String: Stamp] = [:]

    init(root: String, folders: [String], interval: Duration, stop: Int32, emit: @escaping @Sendable ([String]) -> Void) {
        self.root = root
        self.folders = folders
        self.interval = interval
        self.stop = stop
        self.emit = emit
        previous = snapshot()
    }

    mutating func run() {
        let milliseconds = Int32(clamping: max(1, interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000))
        while true {
            guard let ready = waitReadable(stop: stop, milliseconds: milliseconds), !ready.stop else { return }
            let current = snapshot()
            var changed: [String] = []
            for (path, stamp) in current where previous[path] != stamp { changed.append(path) }
            for path in previous.keys where current[path] == nil { changed.append(path) }
            emit(changed.sorted())
            previous = current
        }
    }

    /// Every visible file under the folders, with its modification time, size and inode.
    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        func walk(_ folder: String, depth: Int) {
            guard depth < 32, let entries = listFolder(root + "/" + folder) else { return }
            for entry in entries {
                let path = folder + "/" + entry.name
                if entry.isDirectory { walk(path, depth: depth + 1); continue }
                var info = stat()
                guard lstat(root + "/" + path, &info) == 0 else { continue }
                #if canImport(Darwin)
                let time = info.st_mtimespec
                #else
                let time = info.st_mtim
                #endif
                stamps[path] = Stamp(seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), size: Int64(info.st_size), inode: UInt64(info.st_ino))
            }
        }
        for folder in folders { walk(folder, depth: 0) }
        return stamps
    }
}
