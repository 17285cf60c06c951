#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The few file operations import and build need, on POSIX calls (fast on large trees), with atomic
/// writes: a file is written to a temporary name in its directory and renamed into place, so a reader
/// or a crash never sees half a file.
public enum DiskIO {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    /// The whole file, or nil when it does not exist.
    public static func read(_ path: String) throws(Failure) -> [UInt8]? {
        try read(opened: openToRead(AT_FDCWD, path), path: path)
    }

    /// `O_NOATIME` (Linux's value; Swift's Glibc module leaves out what `_GNU_SOURCE` declares).
    #if os(Linux)
    static let noAccessTime: Int32 = 0o1000000
    #else
    static let noAccessTime: Int32 = 0
    #endif

    /// Opens `path` (relative to the folder open as `folder`, or to the working directory with `AT_FDCWD`) to
    /// read it without updating its access time: a file just written (a cable the import has just stored) has
    /// its access time no later than its change time, so under `relatime` its first read would write its inode
    /// again — an inode-table block read and dirtied per cable (at 50,000 cables, reads waited on the disk
    /// there). The flag is only for the file's owner: for anyone else's file, the plain open.
    static func openToRead(_ folder: Int32, _ path: String) -> Int32 {
        let fd = path.withCString { openat(folder, $0, O_RDONLY | O_CLOEXEC | noAccessTime) }
        guard fd < 0, errno == EPERM, noAccessTime != 0 else { return fd }
        return path.withCString { openat(folder, $0, O_RDONLY | O_CLOEXEC) }
    }

    /// The whole file just opened as `fd` for `path`, closed after; nil when opening found no such file
    /// (a negative `fd`, with `errno` saying why).
    static func read(opened fd: Int32, path: String) throws(Failure) -> [UInt8]? {
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw Failure(path: path, message: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Failure(path: path, message: String(cString: strerror(errno))) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw Failure(path: path, message: "is a directory") }
        // Read the size fstat gives, then probe for more with a small buffer: the file may have grown, or
        // not know its size (a pipe, a /proc file). Reaching the end costs one short read, not a bigger buffer.
        let size = max(Int(st.st_size), 0)
        var failure: Int32 = 0
        // filled by read(2) straight away, not zeroed first
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { p, initialized in
            var done = 0
            while done < size {
                let n = readSome(fd, p.baseAddress! + done, size - done)
                if n < 0 { failure = Int32(-n); break }
                if n == 0 { break }
                done += n
            }
            initialized = done
        }
        if failure != 0 { throw Failure(path: path, message: String(cString: strerror(failure))) }
        if bytes.count < size { return bytes }
        let end = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { probe in
            while true {
                let n = readSome(fd, probe.baseAddress!, probe.count)
                if n <= 0 { return n }
                bytes.append(contentsOf: probe[..<n])
            }
        }
        if end < 0 { throw Failure(path: path, message: String(cString: strerror(Int32(-end)))) }
        return bytes
    }

    /// One `read`, retried on EINTR: the count read, 0 at the end of the file, `-errno` on failure.
    private static func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        while true {
            let n = Glibc.read(fd, buffer, count)
            if n >= 0 { return n }
            if errno != EINTR { return -Int(errno) }
        }
    }

    /// Size in bytes, nil when absent.
    public static func size(_ path: String) -> Int? {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : nil
    }

    /// Writes `bytes` to `path` atomically (temporary file + rename), creating directories as needed.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(Failure) {
        let directory = parent(path)
        let name = String(path[(lastSlash(path).map(path.utf8.index(after:)) ?? path.startIndex)...])
        let temporary = directory + "/." + name + ".tmp-\(processID)-\(counter.wrappingAdd(1, ordering: .relaxed).newValue)"
        var fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0, errno == ENOENT {
            try makeDirectories(directory)
            fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw Failure(path: path, message: "cannot write: \(String(cString: strerror(errno)))") }
        var problem = writeAll(fd, bytes) ?? ""
        if close(fd) != 0, problem.isEmpty { problem = String(cString: strerror(errno)) }
        guard problem.isEmpty, rename(temporary, path) == 0 else {
            if problem.isEmpty { problem = String(cString: strerror(errno)) }
            unlink(temporary)
            throw Failure(path: path, message: "cannot write: \(problem)")
        }
    }

    /// Appends `bytes` to the file at `path` when it is `expectedSize` bytes long; returns false (and leaves
    /// the file as it was) when it is absent, another size, or the write fails.
    public static func append(_ bytes: some Collection<UInt8>, to path: String, expectedSize: Int) -> Bool {
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, Int(st.st_size) == expectedSize else { return false }
        if writeAll(fd, bytes) != nil {
            _ = ftruncate(fd, off_t(expectedSize))
            return false
        }
        return true
    }

    /// Writes all of `bytes` to `fd` (retrying short writes and EINTR); the error's text, or nil.
    static func writeAll(_ fd: Int32, _ bytes: some Collection<UInt8>) -> String? {
        func write(_ p: UnsafeRawBufferPointer) -> String? {
            var done = 0
            while done < p.count {
                let n = Glibc.write(fd, p.baseAddress! + done, p.count - done)
                if n < 0 { if errno == EINTR { continue }; return String(cString: strerror(errno)) }
                done += n
            }
            return nil
        }
        if let result = bytes.withContiguousStorageIfAvailable({ write(UnsafeRawBufferPointer($0)) }) { return result }
        return Array(bytes).withUnsafeBytes(write)
    }

    public static func makeDirectories(_ path: String) throws(Failure) {
        if path.isEmpty || path == "/" || path == "." { return }
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT {
            try makeDirectories(parent(path))
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        }
        throw Failure(path: path, message: "cannot create directory: \(String(cString: strerror(errno)))")
    }

    public static func remove(_ path: String) { unlink(path) }

    public static func parent(_ path: String) -> String {
        guard let slash = lastSlash(path) else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Where the last `/` of `path` is, found in its UTF-8 bytes as the file system finds it (`lastIndex(of: "/")`
    /// on the characters costs some forty times more, each step back a grapheme break test, and misses a slash
    /// that a combining mark follows).
    @inlinable public static func lastSlash(_ path: String) -> String.Index? {
        path.utf8.lastIndex(of: UInt8(ascii: "/"))
    }

    @inlinable public static func lastSlash(_ path: Substring) -> String.Index? {
        path.utf8.lastIndex(of: UInt8(ascii: "/"))
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Entries of a directory (names only, without `.` and `..`), sorted; nil when it cannot be read.
    public static func list(_ path: String) -> [(name: String, isDirectory: Bool, isLink: Bool)]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var out: [(String, Bool, Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { p in
                p.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            var isDir = type == UInt8(DT_DIR)
            let isLink = type == UInt8(DT_LNK)
            if type == UInt8(DT_UNKNOWN) || isLink { isDir = isDirectory(path + "/" + name) }
            out.append((name, isDir, isLink))
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// Device and inode of a directory, to notice symlink loops.
    public static func identity(_ path: String) -> [UInt64]? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return [UInt64(st.st_dev), UInt64(st.st_ino)]
    }

    private static let processID = getpid()

    /// A process-wide counter for unique temporary names.
    private static let counter = Atomic<Int>(0)
}

extension DiskIO {
    /// Removes a directory if it is empty (and does nothing otherwise).
    public static func removeEmptyDirectory(_ path: String) { rmdir(path) }
}

extension DiskIO {
    /// Writes `bytes` to the file just opened as `fd` for `path` (a negative `fd`: opening failed, with `errno`
    /// saying why) and closes it.
    static func fill(_ fd: Int32, with bytes: some Collection<UInt8>, path: String) throws(Failure) {
        guard fd >= 0 else { throw Failure(path: path, message: "cannot write: \(String(cString: strerror(errno)))") }
        var problem = writeAll(fd, bytes)
        if close(fd) != 0, problem == nil { problem = String(cString: strerror(errno)) }
        if let problem { throw Failure(path: path, message: "cannot write: \(problem)") }
    }

    /// Writes a file that does not exist yet, atomically and with one directory operation instead of two:
    /// on Linux it is written nameless (`O_TMPFILE`) and linked under its name once complete, so a killed
    /// writer leaves nothing behind. Where the name exists, or the file system cannot, it is `write`.
    public static func writeNew(_ bytes: some Collection<UInt8>, to path: String) throws(Failure) {
        #if os(Linux)
        let directory = parent(path)
        let flags = O_WRONLY | O_CLOEXEC | O_DIRECTORY | 0o20000000  // O_TMPFILE
        var fd = open(directory, flags, 0o644)
        if fd < 0, errno == ENOENT {
            try makeDirectories(directory)
            fd = open(directory, flags, 0o644)
        }
        if fd >= 0 {
            let problem = writeAll(fd, bytes)
            let linked = problem == nil && linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0
            close(fd)
            if let problem { throw Failure(path: path, message: "cannot write: \(problem)") }
            if linked { return }
        }
        #endif
        try write(bytes, to: path)
    }

    /// Renames `from` to `to` (same file system); fails when `to` exists and is a non-empty folder.
    public static func move(_ from: String, to: String) throws(Failure) {
        guard rename(from, to) == 0 else { throw Failure(path: to, message: "cannot move \(from) into place: \(String(cString: strerror(errno)))") }
    }

    /// Removes a file or a folder and everything in it (does not follow symlinks).
    public static func removeTree(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            for entry in list(path) ?? [] { removeTree(path + "/" + entry.name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}

extension DiskIO {
    /// The process's working directory.
    public static var currentDirectory: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `true` when both paths name the same file (the same inode on the same device).
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// Publishes a copy of `source` at `path`, the new name appearing atomically: a hard link when both are on
    /// one file system (no data copied, no new inode), else a copy. (`OpenFolder.copyUnpublished` does the
    /// same in a staging folder, where nobody sees a name appear.)
    public static func publishCopy(of source: String, at path: String) throws(Failure) {
        let target = parent(path) + "/." + (path.split(separator: "/").last.map(String.init) ?? "copy") + ".tmp-link-\(getpid())"
        unlink(target)
        var linked = link(source, target) == 0
        if !linked, errno == ENOENT {
            try makeDirectories(parent(path))
            linked = link(source, target) == 0
        }
        if !linked {
            // another file system, or links not allowed: copy the bytes
            guard let bytes = try read(source) else { throw Failure(path: source, message: "cannot read: no such file") }
            try write(bytes, to: path)
            return
        }
        guard rename(target, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(target)
            throw Failure(path: path, message: "cannot write: \(message)")
        }
    }
}

extension DiskIO {
    /// Size and modification time (nanoseconds) of a file, to notice changes without reading it.
    public struct Stamp: Sendable, Equatable, Hashable {
        public var size: Int
        public var modified: Int64
        public init(size: Int, modified: Int64) { self.size = size; self.modified = modified }
    }

    public static func stamp(_ path: String) -> Stamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Stamp(size: Int(st.st_size), modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }

    /// An exclusive lock on a file (created if missing), held until `unlock` or process exit. With `wait`
    /// false, returns nil at once when another process holds it.
    public static func lock(_ path: String, wait: Bool) -> Int32? {
        try? makeDirectories(parent(path))
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        if flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 { close(fd); return nil }
        return fd
    }

    public static func unlock(_ fd: Int32) {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

/// A folder held open to create many files in it by their paths from it: the kernel walks the path from the
/// folder instead of from the root for each file.
public final class OpenFolder: Sendable {
    public let path: String
    private let fd: Int32

    public init?(_ path: String) {
        fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        self.path = path
    }

    /// The folder at `path`, opened; an error naming it when it cannot be.
    public static func opening(_ path: String) throws(DiskIO.Failure) -> OpenFolder {
        guard let folder = OpenFolder(path) else {
            throw DiskIO.Failure(path: path, message: "cannot open the folder: \(String(cString: strerror(errno)))")
        }
        return folder
    }

    deinit { close(fd) }

    /// Removes the folder at `relative` inside this one when it is empty (nothing otherwise).
    public func removeEmptyFolder(_ relative: String) {
        _ = relative.withCString { unlinkat(fd, $0, AT_REMOVEDIR) }
    }

    /// `mkdir -p` of `relative` inside this folder.
    public func makeFolders(_ relative: String) throws(DiskIO.Failure) {
        if relative.isEmpty || relative == "." { return }
        func make() -> Bool { relative.withCString { mkdirat(fd, $0, 0o755) } == 0 || errno == EEXIST }
        if make() { return }
        if errno == ENOENT {
            try makeFolders(DiskIO.parent(relative))
            if make() { return }
        }
        throw DiskIO.Failure(path: path + "/" + relative, message: "cannot create directory: \(String(cString: strerror(errno)))")
    }

    /// What `call` returns (negative: failed, `errno` saying why), called once more after making the folders
    /// `name` is in when it failed for their lack (`ENOENT`; `ENOTDIR`: a file stands where a folder should,
    /// which making them reports).
    private func makingFolders(of name: String, _ call: () -> Int32) throws(DiskIO.Failure) -> Int32 {
        let result = call()
        guard result < 0, errno == ENOENT || errno == ENOTDIR, let slash = DiskIO.lastSlash(name) else { return result }
        try makeFolders(String(name[..<slash]))
        return call()
    }

    /// Writes the file `name` (a name in this folder, or a path inside it) straight to its name, without the
    /// temporary file and rename that `DiskIO.write` uses: for a folder nobody sees yet (inside a staging folder
    /// moved into place whole; twice as fast on ext4 for a tree of new files). The folders a path is in are made
    /// when missing: created by its path from here, a file takes one call where opening its folder first took
    /// three (open, create, close). With `behind`, the file, once written, is handed to it to be written back
    /// and dropped from the page cache.
    public func writeUnpublished(_ bytes: some Collection<UInt8>, named name: String, behind: WriteBehind? = nil) throws(DiskIO.Failure) {
        let fd = try makingFolders(of: name) { name.withCString { openat(self.fd, $0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) } }
        guard let behind, fd >= 0 else { return try DiskIO.fill(fd, with: bytes, path: path + "/" + name) }
        if let problem = DiskIO.writeAll(fd, bytes) {
            close(fd)
            throw DiskIO.Failure(path: path + "/" + name, message: "cannot write: \(problem)")
        }
        behind.hand(fd, folder: path, name: name)
    }

    /// Publishes a copy of `source` as `name` (a name in this folder, or a path inside it, whose folders are
    /// made when missing; nobody sees it yet, as for `writeUnpublished`): a hard link on the same file system,
    /// else a copy of its bytes.
    public func copyUnpublished(of source: String, named name: String) throws(DiskIO.Failure) {
        // (a missing source fails the same way: the copy below says so)
        var linked = try makingFolders(of: name) { name.withCString { linkat(AT_FDCWD, source, fd, $0, 0) } } == 0
        if !linked, errno == EEXIST {
            _ = name.withCString { unlinkat(fd, $0, 0) }
            linked = name.withCString { linkat(AT_FDCWD, source, fd, $0, 0) } == 0
        }
        if linked { return }
        // another file system, or links not allowed: copy the bytes
        guard let bytes = try DiskIO.read(source) else { throw DiskIO.Failure(path: source, message: "cannot read: no such file") }
        try writeUnpublished(bytes, named: name)
    }

    /// The whole file at `relative` (a path inside this folder), nil when it does not exist.
    public func read(_ relative: String) throws(DiskIO.Failure) -> [UInt8]? {
        try DiskIO.read(opened: DiskIO.openToRead(fd, relative), path: path + "/" + relative)
    }

    /// The stamp of `name` in this folder (following a symlink, like `DiskIO.stamp`).
    public func stamp(_ name: some StringProtocol) -> DiskIO.Stamp? {
        var st = stat()
        let found = name.withCString { fstatat(fd, $0, &st, 0) } == 0
        return found ? DiskIO.Stamp(size: Int(st.st_size), modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)) : nil
    }
}

/// The files under a folder, read by their paths relative to it: the folder is held open, so that the
/// kernel looks up the names of the relative path only, not the whole path again for each of a build's
/// hundreds of thousands of reads. Where the folder cannot be opened, the whole path is used.
public struct FolderFiles: Sendable {
    public let path: String
    private let folder: OpenFolder?

    public init(_ path: String) {
        self.path = path
        folder = OpenFolder(path)
    }

    /// The whole file at `relative`, nil when it does not exist.
    public func read(_ relative: String) throws(DiskIO.Failure) -> [UInt8]? {
        if let folder { return try folder.read(relative) }
        return try DiskIO.read(path + "/" + relative)
    }
}
