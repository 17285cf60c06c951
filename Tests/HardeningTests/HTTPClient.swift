#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

#if canImport(Glibc)
private let systemConnect = Glibc.connect
private let systemSend = Glibc.send
private let noSignal = Int32(MSG_NOSIGNAL)
private let streamSocket = Int32(SOCK_STREAM.rawValue)
#else
private let systemConnect = Darwin.connect
private let systemSend = Darwin.send
private let noSignal: Int32 = 0
private let streamSocket = SOCK_STREAM
#endif

/// A blocking HTTP/1.1 client over loopback sockets, raw enough to send what a browser never would.
final class HTTPConnection {
    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    let fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:port; nil on failure.
    init?(port: Int, timeout: Double = 5) {
        let fd = socket(AF_INET, streamSocket, 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        // connected without blocking, waited for up to `timeout`: a server whose queue of connections is full
        // would otherwise keep a blocking connect retrying for two minutes
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { systemConnect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if connected != 0 {
            guard errno == EINPROGRESS else { close(fd); return nil }
            var waiting = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            var failure: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard poll(&waiting, 1, Int32(timeout * 1000)) == 1,
                  getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &length) == 0, failure == 0 else { close(fd); return nil }
        }
        _ = fcntl(fd, F_SETFL, flags)
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        self.fd = fd
    }

    deinit { close(fd) }

    func send(_ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { systemSend(fd, $0.baseAddress! + done, $0.count - done, noSignal) }
            if n <= 0 { return false }
            done += n
        }
        return true
    }

    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Reads more bytes into the buffer; false at the end of the stream, on an error or a timeout.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { buffer += chunk[0..<n]; return true }
            if n < 0 && errno == EINTR { continue }
            return false
        }
    }

    /// Reads one response (Content-Length, chunked, or to the end of the stream); nil if none came.
    func readReply(head: Bool = false) -> Reply? {
        var headerEnd: Int?
        while headerEnd == nil {
            headerEnd = find([13, 10, 13, 10])
            if headerEnd == nil, !fill() { return nil }
        }
        let headText = String(decoding: buffer[0..<headerEnd!], as: UTF8.self)
        buffer.removeFirst(headerEnd! + 4)
        let lines = headText.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body: [UInt8] = []
        if head || status == 304 || status == 204 || (100..<200).contains(status) {
        } else if let length = headers["content-length"].flatMap({ Int($0) }) {
            while buffer.count < length { if !fill() { break } }
            body = Array(buffer.prefix(length))
            buffer.removeFirst(min(length, buffer.count))
        } else if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            while true {
                var lineEnd = find([13, 10])
                while lineEnd == nil { if !fill() { return Reply(status: status, headers: headers, body: body) }; lineEnd = find([13, 10]) }
                let size = Int(String(decoding: buffer[0..<lineEnd!], as: UTF8.self).split(separator: ";")[0], radix: 16) ?? 0
                buffer.removeFirst(lineEnd! + 2)
                while buffer.count < size + 2 { if !fill() { break } }
                body += buffer.prefix(size)
                buffer.removeFirst(min(size + 2, buffer.count))
                if size == 0 { break }
            }
        } else {
            while fill() {}
            body = buffer
            buffer = []
        }
        return Reply(status: status, headers: headers, body: body)
    }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        var i = 0
        while i + pattern.count <= buffer.count {
            if buffer[i] == pattern[0], Array(buffer[i..<(i + pattern.count)]) == pattern { return i }
            i += 1
        }
        return nil
    }

    /// Everything the peer sends until it closes or goes quiet.
    func readAll() -> [UInt8] {
        while fill() {}
        defer { buffer = [] }
        return buffer
    }

    /// One raw request on a new connection (`Connection: close` added unless `raw`); the reply, or the bytes.
    static func request(port: Int, method: String = "GET", target: String, headers: [String: String] = [:], timeout: Double = 5) -> (reply: Reply?, raw: [UInt8]) {
        guard let connection = HTTPConnection(port: port, timeout: timeout) else { return (nil, []) }
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        guard connection.send(text) else { return (nil, []) }
        let raw = connection.readAll()
        let parser = HTTPConnection.Parser(raw)
        return (parser.reply(head: method == "HEAD"), raw)
    }

    /// Parses a reply from bytes already read.
    struct Parser {
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        func reply(head: Bool) -> Reply? {
            let text = String(decoding: bytes, as: UTF8.self)
            guard let split = text.range(of: "\r\n\r\n") else { return nil }
            let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
            let parts = lines[0].split(separator: " ")
            guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            return Reply(status: status, headers: headers, body: Array(text[split.upperBound...].utf8))
        }
    }
}

/// `chancery serve` as a child process: the debug binary on a free loopback port.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    private let output: Pipe
    private let log = Log()
    var transcript: String { log.text }

    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var value = ""
        func append(_ s: String) { lock.lock(); value += s; lock.unlock() }
        var text: String { lock.lock(); defer { lock.unlock() }; return value }
    }

    /// Starts the server on `root` and waits (up to `timeout`) until it listens.
    init(root: String, extra: [String] = [], timeout: Double = 120) throws {
        process.executableURL = URL(fileURLWithPath: Repo.debugBinary)
        process.arguments = ["serve", "--root", root, "--port", "0"] + extra
        output = Pipe()
        process.standardOutput = output
        process.standardError = output
        // its output is read as it comes, from the start (so it never blocks on a full pipe), and the port
        // looked for in it until the deadline: a server that neither listens nor ends is given up on in time
        output.fileHandleForReading.readabilityHandler = { [log] h in
            let data = h.availableData
            if !data.isEmpty { log.append(String(decoding: data, as: UTF8.self)) }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var found: Int?
        while found == nil, Date() < deadline {
            let seen = log.text
            // (the port whole: followed by what ends it, the base path or a space)
            if let range = seen.range(of: #"at http://127\.0\.0\.1:\d+[^\d]"#, options: .regularExpression) {
                found = Int(seen[range].dropLast().split(separator: ":").last!)
            } else if !process.isRunning {
                usleep(50_000)  // what it printed last
                if log.text == seen { break }
            } else {
                usleep(20_000)
            }
        }
        guard let found else {
            output.fileHandleForReading.readabilityHandler = nil
            if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
            throw ServeFailure(output: log.text)
        }
        port = found
    }

    struct ServeFailure: Error, CustomStringConvertible {
        var output: String
        var description: String { "chancery serve did not start:\n\(output)" }
    }

    var pid: Int32 { process.processIdentifier }

    /// Resident memory in KiB, from /proc.
    var residentKiB: Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])
        }
        return nil
    }

    func stop() {
        output.fileHandleForReading.readabilityHandler = nil
        if process.isRunning {
            kill(pid, SIGTERM)
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(pid, SIGKILL) }
        }
        process.waitUntilExit()
    }
}
