#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written piece by piece (a large data export) and put in place atomically at the end; when the
/// result equals the file already there, the old file is kept untouched (its modification time too).
public final class StreamFile {
    public let path: String
    private let temporary: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    public private(set) var failure: String?
    /// A running fingerprint of everything written (deterministic for the same appends): each buffer's
    /// `FastHash.ofContents` as it is written.
    public private(set) var fingerprint: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Whether the file is compared with the one already there (and a fingerprint kept): worth it for
    /// published files, not for private state that always changes.
    private let keepsIdentical: Bool

    public init(path: String, keepsIdentical: Bool = true) throws(DiskIO.Failure) {
        self.path = path
        self.keepsIdentical = keepsIdentical
        try DiskIO.makeDirectories(DiskIO.parent(path))
        temporary = DiskIO.parent(path) + "/." + (path.split(separator: "/").last.map(String.init) ?? "stream") + ".tmp-stream-\(getpid())"
        fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw DiskIO.Failure(path: path, message: "cannot write: \(String(cString: strerror(errno)))") }
        buffer.reserveCapacity(1 << 20)
    }

    deinit { if fd >= 0 { close(fd); unlink(temporary) } }

    public func append(_ text: String) { append(Array(text.utf8)) }

    public func append(_ bytes: [UInt8]) {
        buffer += bytes
        if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
        if keepsIdentical, !buffer.isEmpty {
            var h = FastHash(seed: fingerprint)
            h.add(FastHash.ofContents(buffer))
            fingerprint = h.value
        }
        guard failure == nil, !buffer.isEmpty else { buffer.removeAll(keepingCapacity: true); return }
        buffer.withUnsafeBytes { p in
            var done = 0
            while done < p.count {
                let n = write(fd, p.baseAddress! + done, p.count - done)
                if n < 0 { if errno == EINTR { continue }; failure = String(cString: strerror(errno)); return }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Puts the file in place; returns false when the existing file was identical and kept.
    @discardableResult
    public func commit() throws(DiskIO.Failure) -> Bool {
        flush()
        close(fd)
        fd = -1
        if let failure { unlink(temporary); throw DiskIO.Failure(path: path, message: "cannot write: \(failure)") }
        if keepsIdentical, DiskIO.sameContents(temporary, path) { unlink(temporary); return false }
        guard rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw DiskIO.Failure(path: path, message: "cannot write: \(message)")
        }
        return true
    }
}

extension DiskIO {
    /// `true` when both files exist and have the same bytes (compared in chunks).
    public static func sameContents(_ a: String, _ b: String) -> Bool {
        guard let sa = size(a), let sb = size(b), sa == sb else { return false }
        guard let fa = ChunkedFile(path: a, chunkSize: 1 << 20), let fb = ChunkedFile(path: b, chunkSize: 1 << 20) else { return false }
        while true {
            let x = fa.next(), y = fb.next()
            if x == nil && y == nil { return true }
            guard x == y else { return false }
        }
    }
}
