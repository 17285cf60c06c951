#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file in fixed-size chunks, so a 1.7 GB CSV is streamed with constant memory.
public final class ChunkedFile {
    private let fd: Int32
    private let chunkSize: Int
    public private(set) var error: String?

    public init?(path: String, chunkSize: Int = 4 << 20) {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        self.chunkSize = chunkSize
    }

    deinit { close(fd) }

    /// The next chunk, or nil at the end (or on a read error, kept in `error`).
    public func next() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, chunkSize) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { error = String(cString: strerror(errno)); return nil }
            if n == 0 { return nil }
            buffer.removeSubrange(n...)
            return buffer
        }
    }
}
