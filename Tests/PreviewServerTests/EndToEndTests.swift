#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization
import Testing
@testable import PreviewServer

/// The repository (for its Themes/ and sample cable).
private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// What the server printed.
private final class Transcript: Sendable {
    private let lines = Mutex<[String]>([])
    func add(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
    func contains(_ text: String) -> Bool { all.contains { $0.contains(text) } }
}

private final class ServerBox: Sendable {
    private let running = Mutex<PreviewServer.Running?>(nil)
    func set(_ value: PreviewServer.Running) { running.withLock { $0 = value } }
    var value: PreviewServer.Running? { running.withLock { $0 } }
}

/// A server for the site in `root` on a free loopback port, once it listens: its port, the box holding it
/// (`box.value?.stop()` stops it) and the task running it (cancel it when the test ends).
private func startServer(root: String, console: PreviewServer.Console, drafts: Bool = false,
                         sourceLocation: SourceLocation = #_sourceLocation) async throws -> (port: Int, box: ServerBox, running: Task<Void, Error>) {
    let box = ServerBox()
    let server = PreviewServer(options: .init(root: root, host: "127.0.0.1", port: 0, debounce: .milliseconds(50), drafts: drafts), console: console)
    let running = Task { try await server.run { box.set($0) } }
    #expect(await eventually(timeout: .seconds(60)) { box.value != nil }, sourceLocation: sourceLocation)
    do { return (try #require(box.value?.port, sourceLocation: sourceLocation), box, running) } catch { running.cancel(); throw error }
}

/// What the server prints, into `transcript`.
private func console(_ transcript: Transcript) -> PreviewServer.Console {
    .init(info: { transcript.add($0) }, error: { transcript.add($0) })
}

/// A tiny site: site.yml, one cable (with its original), a free page, and a copy of the repository's themes.
private func makeSite(_ folder: TempFolder) throws {
    try folder.write("Content/site.yml", "title: Test Reading Room\nbase_url: http://127.0.0.1:8080\ntheme: default\n")
    try folder.write("Content/pages/about.md", "# About\n\nFirst version of the about page.\n")
    try folder.mkdir("Content/cables/2006")
    for name in ["06BERLIN2546.md", "06BERLIN2546.txt"] {
        try FileManager.default.copyItem(atPath: repository + "/Content/cables/2006/" + name, toPath: folder.path + "/Content/cables/2006/" + name)
    }
    try FileManager.default.copyItem(atPath: repository + "/Themes", toPath: folder.path + "/Themes")
}

@Suite("chancery serve, end to end", .serialized)
struct EndToEndTests {
    @Test("loopback addresses (anything else gets a warning)")
    func loopback() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "preview.localhost", "::1", "[::1]"] {
            #expect(PreviewServer.isLoopback(host), "\(host)")
        }
        for host in ["0.0.0.0", "::", "192.168.1.2", "example.org", "127.0.0.1.example.org", "128.0.0.1", "127.0.0.256"] {
            #expect(!PreviewServer.isLoopback(host), "\(host)")
        }
    }

    @Test("the real server on a loopback port: serves the site, rebuilds on an edit, sends the reload event, survives a failed build")
    func serve() async throws {
        try await TempFolder.with { folder in
            try makeSite(folder)
            let transcript = Transcript()
            let (port, serverBox, running) = try await startServer(root: folder.path, console: console(transcript))
            defer { running.cancel() }
            #expect(transcript.contains("Serving \(folder.path)/Public at http://127.0.0.1:\(port)/ (Ctrl-C to stop)"))
            #expect(transcript.contains("Built 1 cable into"))

            // the page, with the reload script injected only in the response
            let first = try #require(await onThread { RawHTTP.request(port: port, "/about/") })
            #expect(first.status == 200)
            #expect(first.body.contains("First version of the about page."))
            #expect(first.body.contains(LiveReload.bodyTag))
            #expect(folder.read("Public/about/index.html")?.contains("__chancery") == false)
            #expect(first.headers["cache-control"] == "no-cache")

            // a page listening for events
            let events = await onThread { RawHTTP.connect(port: port) }
            #expect(events >= 0)
            defer { close(events) }
            let hello = await onThread {
                _ = RawHTTP.send(events, "GET /__chancery/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                return RawHTTP.read(events, timeout: 5) { $0.contains("event: hello") }
            }
            #expect(hello.contains("text/event-stream"))
            #expect(hello.contains("event: hello"))

            // edit → rebuild → reload event → the changed page
            let edited = ContinuousClock.now
            try folder.write("Content/pages/about.md", "# About\n\nSecond version of the about page.\n")
            let reload = await onThread { RawHTTP.read(events, timeout: 10) { $0.contains("event: reload") } }
            #expect(reload.contains("event: reload"))
            let latency = ContinuousClock.now - edited
            #expect(latency < .seconds(5))
            let second = try #require(await onThread { RawHTTP.request(port: port, "/about/") })
            #expect(second.body.contains("Second version of the about page."))
            #expect(await eventually { transcript.contains("Rebuilt in ") })
            #expect(transcript.all.contains { $0.hasPrefix("Rebuilt in ") && $0.hasSuffix("written)") })

            // a broken site.yml: the rebuild fails, the errors are in the status, the last good site is served
            try folder.write("Content/site.yml", "title: Test Reading Room\nbase_url: http://127.0.0.1:8080\ncolour: red\n")
            let failed = await onThread { RawHTTP.read(events, timeout: 10) { $0.contains("\"ok\":false") } }
            #expect(failed.contains("event: status"))
            let status = try #require(await onThread { RawHTTP.request(port: port, "/__chancery/status") })
            #expect(status.headers["content-type"] == "application/json")
            #expect(status.body.contains("\"ok\":false"))
            #expect(status.body.contains("Content/site.yml:"))
            #expect(status.body.contains("error: unknown key 'colour'"))
            #expect(transcript.contains("error: unknown key 'colour'"))
            #expect(transcript.contains("Rebuild failed in "))
            let stillThere = try #require(await onThread { RawHTTP.request(port: port, "/about/") })
            #expect(stillThere.status == 200)
            #expect(stillThere.body.contains("Second version of the about page."))

            // fixed again
            try folder.write("Content/site.yml", "title: Test Reading Room\nbase_url: http://127.0.0.1:8080\n")
            let fixed = await onThread { RawHTTP.read(events, timeout: 10) { $0.contains("\"ok\":true") } }
            #expect(fixed.contains("\"ok\":true"))
            #expect(try #require(await onThread { RawHTTP.request(port: port, "/__chancery/status") }).body.contains("\"ok\":true"))

            // editor litter does not rebuild
            let builds = transcript.all.filter { $0.hasPrefix("Rebuil") }.count
            try folder.write("Content/pages/.about.md.swp", "swap")
            try folder.write("Content/pages/about.md~", "backup")
            try await Task.sleep(for: .milliseconds(400))
            #expect(transcript.all.filter { $0.hasPrefix("Rebuil") }.count == builds)

            // requests the server must refuse without falling over
            let huge = try #require(await onThread { RawHTTP.request(port: port, "/" + String(repeating: "a", count: 200_000)) })
            #expect(huge.status == 400 || huge.status == 414 || huge.status == 431)
            let long = try #require(await onThread { RawHTTP.request(port: port, "/" + String(repeating: "a", count: 10_000)) })
            #expect(long.status == 414)
            let bigHeader = try #require(await onThread { RawHTTP.request(port: port, "/", headers: ["X-Big": String(repeating: "b", count: 100_000)]) })
            #expect(bigHeader.status == 400 || bigHeader.status == 431)
            let post = try #require(await onThread { RawHTTP.request(port: port, "/about/", method: "POST") })
            #expect(post.status == 405)
            #expect(post.headers["allow"] == "GET, HEAD")
            let traversal = try #require(await onThread { RawHTTP.request(port: port, "/..%2f..%2f..%2fetc%2fpasswd") })
            #expect(traversal.status == 404)
            let absolute = try #require(await onThread { RawHTTP.request(port: port, "http://127.0.0.1/../Content/site.yml") })
            #expect(absolute.status == 404 || absolute.status == 400)
            #expect(!absolute.body.contains("base_url"))
            let after = try #require(await onThread { RawHTTP.request(port: port, "/") })
            #expect(after.status == 200)

            // graceful shutdown (as on SIGTERM) with a page still listening: its stream ends, run() returns
            let stopping = ContinuousClock.now
            await serverBox.value?.stop()
            let rest = await onThread { RawHTTP.read(events, timeout: 10) { _ in false } }
            #expect(rest.hasSuffix("0\r\n\r\n"))  // the chunked event stream was ended properly
            try await running.value
            #expect(ContinuousClock.now - stopping < .seconds(5))
            #expect(await onThread { RawHTTP.request(port: port, "/") } == nil)
        }
    }

    /// A rebuild that fails on one cable still writes the rest of the site; when base_url changed with it,
    /// the site is served under the new base path, where its links point (not under the old one, where every
    /// link of every page was a 404 until the cable was fixed).
    @Test("a second server on a port in use says so, not the system's bind error")
    func portInUse() async throws {
        try await TempFolder.with { folder in
            try makeSite(folder)
            let quiet = PreviewServer.Console(info: { _ in }, error: { _ in })
            let (port, serverBox, running) = try await startServer(root: folder.path, console: quiet)
            defer { running.cancel() }
            let second = PreviewServer(options: .init(root: folder.path, host: "127.0.0.1", port: port, debounce: .milliseconds(50)), console: quiet)
            do {
                try await second.run()
                Issue.record("the second server ran on a port in use")
            } catch let error as PreviewServer.PortInUse {
                #expect(error.description == "127.0.0.1:\(port) is already in use (another chancery serve?): choose another port with --port")
            }
            await serverBox.value?.stop()
            try await running.value
        }
    }

    @Test("a rebuild that fails on a cable serves the site under the base path it was built with")
    func newBasePathWithABadCable() async throws {
        try await TempFolder.with { folder in
            try makeSite(folder)
            let transcript = Transcript()
            let (port, serverBox, running) = try await startServer(root: folder.path, console: console(transcript))
            defer { running.cancel() }

            try folder.write("Content/cables/2006/06BERLIN9999.md", "---\nid: \"06BERLIN9999\"\ndate: not a date\n---\n\nText.\n")
            #expect(await eventually { transcript.all.filter { $0.hasPrefix("Rebuild failed") }.count == 1 })
            try folder.write("Content/site.yml", "title: Test Reading Room\nbase_url: http://127.0.0.1:8080/moved\ntheme: default\n")
            #expect(await eventually { transcript.all.filter { $0.hasPrefix("Rebuild failed") }.count == 2 })

            let moved = try #require(await onThread { RawHTTP.request(port: port, "/moved/about/") })
            #expect(moved.status == 200)
            #expect(moved.body.contains("href=\"/moved/date/\""))
            let old = try #require(await onThread { RawHTTP.request(port: port, "/about/") })
            #expect(old.status == 404)
            await serverBox.value?.stop()
            try await running.value
        }
    }
}

/// A preview leaves the draft pages out, as `chancery build` does, and says how to see them; with `--drafts`
/// it shows them, says so when it starts, and names them again when it stops: they stay in Public/ until
/// `chancery build`, which a publisher must run before syncing it.
@Suite("chancery serve, draft pages", .serialized)
struct DraftNoticeTests {
    @Test("without --drafts a preview leaves the drafts out of Public/ and says how to show them")
    func draftsLeftOut() async throws {
        try await TempFolder.with { folder in
            try makeSite(folder)
            try folder.write("Content/pages/notes.md", "---\ntitle: Working notes\nmenu: Notes\ndraft: true\n---\n\nNot for publication.\n")
            let transcript = Transcript()
            let (port, serverBox, running) = try await startServer(root: folder.path, console: console(transcript))
            defer { running.cancel() }
            #expect(transcript.contains("1 draft page is not shown (Content/pages/notes.md): chancery serve --drafts shows it"), "\(transcript.all)")
            let page = try #require(await onThread { RawHTTP.request(port: port, "/notes/") })
            #expect(page.status == 404)
            let home = try #require(await onThread { RawHTTP.request(port: port, "/") })
            #expect(home.status == 200 && !home.body.contains("/notes/"))
            #expect(!FileManager.default.fileExists(atPath: folder.path + "/Public/notes/index.html"))
            await serverBox.value?.stop()
            try await running.value
            #expect(!transcript.all.contains { $0.contains("still holds") }, "\(transcript.all)")
        }
    }

    @Test("with --drafts the drafts a preview shows are named when it starts and when it stops")
    func draftsAreNamed() async throws {
        try await TempFolder.with { folder in
            try makeSite(folder)
            try folder.write("Content/pages/notes.md", "---\ntitle: Working notes\ndraft: true\n---\n\nNot for publication.\n")
            let transcript = Transcript()
            let (port, serverBox, running) = try await startServer(root: folder.path, console: console(transcript), drafts: true)
            defer { running.cancel() }
            #expect(transcript.contains("Showing 1 draft page (Content/pages/notes.md): chancery build leaves it out"), "\(transcript.all)")
            let page = try #require(await onThread { RawHTTP.request(port: port, "/notes/") })
            #expect(page.status == 200 && page.body.contains("Not for publication."))
            await serverBox.value?.stop()
            try await running.value
            #expect(transcript.contains("\(folder.path)/Public still holds the preview's draft page (Content/pages/notes.md): "
                                        + "run chancery build, which removes drafts, before publishing it"), "\(transcript.all)")
        }
    }

    @Test("a preview without drafts says nothing of them")
    func noDraftsNoNotice() async throws {
        try await TempFolder.with { folder in
            try makeSite(folder)
            let transcript = Transcript()
            let (_, serverBox, running) = try await startServer(root: folder.path, console: console(transcript))
            defer { running.cancel() }
            await serverBox.value?.stop()
            try await running.value
            #expect(!transcript.all.contains { $0.contains("draft") }, "\(transcript.all)")
        }
    }
}
