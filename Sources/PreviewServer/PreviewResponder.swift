import Hummingbird

/// Answers every request of the preview: the live-reload endpoints under `/__chancery/`, and the files of
/// `Public/` for the rest. GET and HEAD only (others: 405 with `Allow`); targets longer than
/// `RequestPath.maximumLength` get 414.
public struct PreviewResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    public let files: StaticFiles
    public let reload: LiveReload

    public init(files: StaticFiles, reload: LiveReload) {
        self.files = files
        self.reload = reload
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        let method = request.method
        guard method == .get || method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD", .contentLength: "0"])
        }
        let target = request.head.path ?? "/"
        guard target.utf8.count <= RequestPath.maximumLength else {
            return Response(status: .uriTooLong, headers: [.connection: "close", .contentLength: "0"])
        }
        let path = target.prefix { $0 != "?" && $0 != "#" }
        let response: Response
        switch path {
        case LiveReload.eventsPath:
            response = await events()
        case LiveReload.statusPath:
            response = Self.text(await reload.status.json, type: "application/json")
        case LiveReload.scriptPath:
            response = Self.text(ReloadAssets.script, type: "text/javascript; charset=utf-8")
        case LiveReload.stylesheetPath:
            response = Self.text(ReloadAssets.stylesheet, type: "text/css; charset=utf-8")
        default:
            return files.respond(to: target, method: method, headers: request.headers)
        }
        return method == .head ? response.createHeadResponse() : response
    }

    private static func text(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache", .xContentTypeOptions: "nosniff"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The server-sent-event stream for one page; it ends when the page goes away or the server shuts down.
    private func events() async -> Response {
        let reload = self.reload
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache", .xContentTypeOptions: "nosniff"],
            body: .init { writer in
                let stream = await reload.subscribe()
                for await message in stream {
                    try await writer.write(ByteBuffer(string: message))
                }
                try await writer.finish(nil)
            }
        )
    }
}
