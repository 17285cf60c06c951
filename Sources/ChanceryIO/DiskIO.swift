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
        let fd = open(path, O_RDONLY | O_CLOEXEC)
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
        var bytes = [UInt8](repeating: 0, count: max(Int(st.st_size), 0))
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { p in readSome(fd, p.baseAddress! + done, p.count - done) }
            if n < 0 { throw Failure(path: path, message: String(cString: strerror(Int32(-n)))) }
            if n == 0 { break }
            done += n
        }
        if done < bytes.count {
            bytes.removeSubrange(done...)
            return bytes
        }
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
        let name = String(path[path.index(after: path.lastIndex(of: "/") ?? path.startIndex)...])
        let temporary = directory + "/." + name + ".tmp-\(processID)-\(counter.wrappingAdd(1, ordering: .relaxed).newValue)"
        var fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0, errno == ENOENT {
            try makeDirectories(directory)
            fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw Failure(path: path, message: "cannot write: \(String(cString: strerror(errno)))") }
        var ok = true
        var problem = ""
        let array = Array(bytes)
        array.withUnsafeBytes { p in
            var done = 0
            while done < p.count {
                let n = Glibc.write(fd, p.baseAddress! + done, p.count - done)
                if n < 0 { if errno == EINTR { continue }; ok = false; problem = String(cString: strerror(errno)); return }
                done += n
            }
        }
        if close(fd) != 0 { ok = false; problem = String(cString: strerror(errno)) }
        guard ok, rename(temporary, path) == 0 else {
            if problem.isEmpty { problem = String(cString: strerror(errno)) }
            unlink(temporary)
            throw Failure(path: path, message: "cannot write: \(problem)")
        }
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
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
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
