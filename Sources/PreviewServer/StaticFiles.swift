#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Hummingbird
import Synchronization

/// Serves the files of `Public/` for GET and HEAD: `index.html` for folders (`/dir` redirects to `/dir/`
/// when it has one), the site's `404.html` with status 404, content types by extension, ETag and
/// Last-Modified with 304s, `Cache-Control: no-cache`, and the live-reload tags injected into HTML.
///
/// Nothing outside `Public/` is ever served: the target is reduced to plain segments by `RequestPath`, and
/// the file's real path (symbolic links resolved) must lie under the real path of `Public/`.
public final class StaticFiles: Sendable {
    /// The folder served.
    public let publicDirectory: String
    /// Whether HTML responses get the live-reload tags.
    public let liveReload: Bool
    /// The path part of the site's base URL (`/archive`), under which `Public/` is served.
    private let base = Mutex<[String]>([])

    /// Files up to this size are read whole; larger ones are streamed.
    static let wholeFileLimit = 4 << 20

    public init(publicDirectory: String, basePath: String = "", liveReload: Bool = true) {
        self.publicDirectory = publicDirectory
        self.liveReload = liveReload
        setBasePath(basePath)
    }

    /// Serves the site under `path` (`/archive`; `""` for the root of the host).
    public func setBasePath(_ path: String) {
        let segments = path.split(separator: "/").map(String.init)
        base.withLock { $0 = segments }
    }

    /// The base path, `/archive/` or `/`.
    public var basePath: String {
        let segments = base.withLock { $0 }
        return segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/"
    }

    // MARK: - Responding

    /// The response to a GET or HEAD of `target` (the raw request target, query included).
    public func respond(to target: String, method: HTTPRequest.Method, headers: HTTPFields) -> Response {
        let head = method == .head
        guard var path = RequestPath.parse(target) else { return notFound(head: head) }
        let full = path
        let base = self.base.withLock { $0 }
        if !base.isEmpty {
            if path.segments.starts(with: base) {
                path.segments.removeFirst(base.count)
            } else if path.segments.isEmpty {
                return redirect(to: RequestPath(segments: base, trailingSlash: true), target: target)
            } else {
                return notFound(head: head)
            }
        }
        switch locate(path) {
        case .file(let file):
            return serve(file, headers: headers, head: head, status: .ok, conditional: true)
        case .folderWithIndex:
            return redirect(to: RequestPath(segments: full.segments, trailingSlash: true), target: target)
        case .notFound:
            return notFound(head: head)
        }
    }

    /// What a path names under `Public/`.
    enum Lookup: Equatable {
        /// A regular file, by its real path.
        case file(String)
        /// A folder with an `index.html`, asked for without the trailing slash.
        case folderWithIndex
        case notFound
    }

    /// Resolves a path under `Public/`; symbolic links may point anywhere inside it, never outside.
    func locate(_ path: RequestPath) -> Lookup {
        guard let root = Self.realPath(publicDirectory) else { return .notFound }
        let candidate = path.segments.isEmpty ? root : root + "/" + path.relative
        guard let real = Self.realPath(candidate), Self.isInside(real, root) else { return .notFound }
        var info = stat()
        guard stat(real, &info) == 0 else { return .notFound }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return path.trailingSlash ? .notFound : .file(real)
        case S_IFDIR:
            guard let index = Self.realPath(real + "/index.html"), Self.isInside(index, root),
                  stat(index, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .notFound }
            return path.trailingSlash ? .file(index) : .folderWithIndex
        default:
            return .notFound
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    private func notFound(head: Bool) -> Response {
        if case .file(let page) = locate(RequestPath(segments: ["404.html"], trailingSlash: false)) {
            return serve(page, headers: [:], head: head, status: .notFound, conditional: false)
        }
        let body = "Not Found\n"
        let response = Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-cache"],
                                body: .init(byteBuffer: ByteBuffer(string: body)))
        return head ? response.createHeadResponse() : response
    }

    /// A redirect to `path` (rebuilt from its decoded segments, so nothing odd reaches `Location`), keeping the query.
    private func redirect(to path: RequestPath, target: String) -> Response {
        var location = "/" + path.segments.map(Self.encode).joined(separator: "/")
        if path.trailingSlash && !path.segments.isEmpty { location += "/" }
        if let query = target.firstIndex(of: "?") { location += target[query...].prefix { $0 != "#" } }
        return Response(status: .movedPermanently, headers: [.location: location, .cacheControl: "no-cache", .contentLength: "0"])
    }

    /// Percent-encodes a segment for a URL path.
    static func encode(_ segment: String) -> String {
        var out = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    // MARK: - Files

    /// An open file, closed when the last response holding it is gone.
    final class OpenFile: Sendable {
        let descriptor: Int32
        init?(_ path: String) {
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { return nil }
            descriptor = fd
        }
        deinit { close(descriptor) }

        /// Reads up to `count` bytes at `offset` (fewer at the end of the file).
        func read(at offset: Int, count: Int) -> [UInt8]? {
            var bytes = [UInt8](repeating: 0, count: count)
            var done = 0
            while done < count {
                let n = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return nil }
                if n == 0 { break }
                done += n
            }
            bytes.removeSubrange(done...)
            return bytes
        }
    }

    private func serve(_ path: String, headers requestHeaders: HTTPFields, head: Bool, status: HTTPResponse.Status, conditional: Bool) -> Response {
        guard let file = OpenFile(path) else { return Response(status: .notFound) }
        var info = stat()
        guard fstat(file.descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return Response(status: .notFound) }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        let size = Int(info.st_size)
        let type = ContentTypes.forFile(path)
        let inject = liveReload && ContentTypes.isHTML(type)
        let tag = "\"" + String(UInt64(info.st_ino), radix: 16) + "-" + String(size, radix: 16) + "-" + String(Int(modified.tv_sec), radix: 16)
            + "." + String(Int(modified.tv_nsec), radix: 16) + (inject ? "-lr" : "") + "\""
        var headers: HTTPFields = [
            .contentType: type,
            .cacheControl: "no-cache",
            .xContentTypeOptions: "nosniff",
        ]
        if status == .ok {
            headers[.eTag] = tag
            headers[.lastModified] = HTTPDate.format(Int(modified.tv_sec))
        }

        if conditional && Self.notModified(requestHeaders, tag: tag, modified: Int(modified.tv_sec)) {
            // RFC 9110 §8.6: a 304 may carry the length a 200 would have, and nothing else
            headers[.contentLength] = String(inject ? size + LiveReload.injectedLength : size)
            return Response(status: .notModified, headers: headers)
        }

        if inject || size <= Self.wholeFileLimit {
            guard var bytes = file.read(at: 0, count: size) else { return Response(status: .internalServerError) }
            if inject { bytes = LiveReload.inject(into: bytes) }
            let response = Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
            return head ? response.createHeadResponse() : response
        }
        headers[.contentLength] = String(size)
        if head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: .init(contentLength: size) { writer in
            let chunk = 256 << 10
            var offset = 0
            while offset < size {
                guard let bytes = file.read(at: offset, count: min(chunk, size - offset)), !bytes.isEmpty else { break }
                try await writer.write(ByteBuffer(bytes: bytes))
                offset += bytes.count
            }
            try await writer.finish(nil)
        })
    }

    /// RFC 9110 §13.2.2: If-None-Match decides when present; otherwise If-Modified-Since.
    static func notModified(_ headers: HTTPFields, tag: String, modified: Int) -> Bool {
        if let match = headers[.ifNoneMatch] {
            func opaque(_ tag: Substring) -> Substring {
                let trimmed = tag.drop { $0 == " " || $0 == "\t" }
                return trimmed.hasPrefix("W/") ? trimmed.dropFirst(2) : trimmed
            }
            return match.split(separator: ",").contains { candidate in
                let value = opaque(candidate).prefix { $0 != " " && $0 != "\t" }
                return value == "*" || value == opaque(Substring(tag))
            }
        }
        if let since = headers[.ifModifiedSince].flatMap(HTTPDate.parse) {
            return modified <= since
        }
        return false
    }
}
