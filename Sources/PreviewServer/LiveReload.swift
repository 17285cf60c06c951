/// Live reload, added at serve time only (never to the files in `Public/`): the tags injected into HTML
/// responses, the latest build status, and the pages listening at `/__chancery/events` (server-sent events).
///
/// Events: `hello` on connecting (`{"server":"…","generation":N}`: the page reloads if it reconnects to a
/// different server or generation), `reload` after a rebuild that changed files, `status` after one that
/// changed nothing (the page refreshes its error overlay from `/__chancery/status`), and `: ping` comments.
public actor LiveReload {
    public static let eventsPath = "/__chancery/events"
    public static let statusPath = "/__chancery/status"
    public static let scriptPath = "/__chancery/reload.js"
    public static let stylesheetPath = "/__chancery/overlay.css"

    /// Injected before `</head>` (or with the script when there is none).
    public static let headTag = "<link rel=\"stylesheet\" href=\"\(stylesheetPath)\">"
    /// Injected before the last `</body>` (or at the end).
    public static let bodyTag = "<script src=\"\(scriptPath)\" defer></script>"

    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0
    private var closed = false
    /// The latest build's outcome.
    public private(set) var status: BuildStatus
    /// Tells this server process apart from an earlier one on the same port.
    public nonisolated let instance: String

    public init(status: BuildStatus = BuildStatus()) {
        self.status = status
        self.instance = String(UInt64.random(in: 1...UInt64.max), radix: 36)
    }

    /// Pages listening now.
    public var listeners: Int { subscribers.count }

    /// A stream of server-sent-event messages for one page, starting with `hello`; it ends when the server
    /// shuts down (and the subscription ends when the page goes away).
    public func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(32))
        continuation.yield("retry: 1000\n" + Self.message("hello", "{\"server\":\"\(instance)\",\"generation\":\(status.generation)}"))
        if closed {
            continuation.finish()
            return stream
        }
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return stream
    }

    /// Records a build's outcome and tells the pages: `reload` if files changed, else `status`.
    public func publish(_ status: BuildStatus, reload: Bool) {
        self.status = status
        let data = "{\"generation\":\(status.generation),\"ok\":\(status.ok)}"
        broadcast(Self.message(reload ? "reload" : "status", data))
    }

    /// Keeps idle connections alive and notices pages that went away.
    public func ping() {
        broadcast(": ping\n\n")
    }

    /// Ends every stream (graceful shutdown: open pages must not hold the server up) and refuses new ones.
    public func close() {
        closed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    private func broadcast(_ message: String) {
        for continuation in subscribers.values { continuation.yield(message) }
    }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }

    static func message(_ event: String, _ data: String) -> String {
        "event: \(event)\ndata: \(data)\n\n"
    }

    // MARK: - Injection

    /// The HTML with the overlay stylesheet before `</head>` and the reload script before the last
    /// `</body>` (matched case-insensitively; at the end when missing).
    public static func inject(into html: [UInt8]) -> [UInt8] {
        let head = Array(headTag.utf8), body = Array(bodyTag.utf8)
        var out = html
        let bodyEnd = lastIndex(of: Array("</body".utf8), in: out) ?? out.count
        out.insert(contentsOf: body, at: bodyEnd)
        if let headEnd = firstIndex(of: Array("</head".utf8), in: out), headEnd < bodyEnd {
            out.insert(contentsOf: head, at: headEnd)
        } else {
            out.insert(contentsOf: head, at: bodyEnd)
        }
        return out
    }

    /// How many bytes `inject` adds.
    public static var injectedLength: Int { headTag.utf8.count + bodyTag.utf8.count }

    private static func matches(_ needle: [UInt8], in haystack: [UInt8], at start: Int) -> Bool {
        for k in 0..<needle.count {
            var byte = haystack[start + k]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
            if byte != needle[k] { return false }
        }
        return true
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where matches(needle, in: haystack, at: start) { return start }
        return nil
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in stride(from: haystack.count - needle.count, through: 0, by: -1) where matches(needle, in: haystack, at: start) { return start }
        return nil
    }
}
