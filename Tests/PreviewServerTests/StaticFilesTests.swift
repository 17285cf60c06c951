import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PreviewServer

/// A site folder with Public/ (index, a folder with an index, an asset folder without one, the 404 page, one
/// file per content type) beside a secret that must never be served, and symbolic links in and out.
private func withSite(_ body: (TempFolder, Application<PreviewResponder>) async throws -> Void) async throws {
    try await TempFolder.with { folder in
        try folder.write("secret.txt", "TOP SECRET outside Public")
        try folder.write("site/secret.txt", "TOP SECRET beside Public")
        try folder.write("site/Public/index.html", "<!DOCTYPE html>\n<html><head><title>Home</title></head><body><h1>Home</h1></body></html>\n")
        try folder.write("site/Public/tag/PREL/index.html", "<html><head></head><BODY><p>PREL</p></BODY></html>")
        try folder.write("site/Public/404.html", "<html><head></head><body><h1>Page not found</h1></body></html>")
        try folder.write("site/Public/assets/style.css", "body { color: black }\n")
        try folder.write("site/Public/.staging-1/index.html", "staging")
        try folder.write("site/Public/nohead.html", "<p>fragment</p>")
        for (ext, text) in [("js", "1"), ("svg", "<svg/>"), ("json", "{}"), ("xml", "<a/>"), ("txt", "t"), ("csv", "a,b"),
                            ("png", "P"), ("ico", "I"), ("woff2", "W"), ("webmanifest", "{}"), ("bin", "B")] {
            try folder.write("site/Public/files/a.\(ext)", text)
        }
        // links: inside Public (allowed), out of it (never followed)
        try folder.symlink("site/Public/alias.css", to: "assets/style.css")
        try folder.symlink("site/Public/leak", to: "../secret.txt")
        try folder.symlink("site/Public/leak-absolute", to: folder.path + "/secret.txt")
        try folder.symlink("site/Public/leakdir", to: folder.path)
        try folder.symlink("site/Public/tag/up", to: "../..")
        let files = StaticFiles(publicDirectory: folder.path + "/site/Public")
        let app = Application(responder: PreviewResponder(files: files, reload: LiveReload()))
        try await body(folder, app)
    }
}

private func text(_ response: TestResponse) -> String { String(buffer: response.body) }

@Suite("static files")
struct StaticFilesTests {
    static let traversals = RequestPathTests.hostile.filter { !$0.isEmpty && $0.hasPrefix("/") } + [
        "/secret.txt", "/leak", "/leak-absolute", "/leakdir/secret.txt", "/leakdir/site/secret.txt", "/leakdir/", "/leakdir",
        "/tag/up/secret.txt", "/tag/up/../secret.txt", "/tag/up/", "/tag/up",
        "/etc/passwd", "/../../../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd",
    ]

    @Test("every traversal spelling and link out of Public/ is a 404 without a byte from outside", arguments: traversals)
    func traversal(target: String) async throws {
        try await withSite { folder, app in
            let outside = folder.path
            try await app.test(.router) { client in
                for method in [HTTPRequest.Method.get, .head] {
                    try await client.execute(uri: target, method: method) { response in
                        #expect(response.status == .notFound, "\(method) \(target)")
                        #expect(!text(response).contains("TOP SECRET"), "\(target)")
                        #expect(!(response.headers[.location] ?? "").contains(outside))
                    }
                }
            }
        }
    }

    @Test("absolute paths of the machine are paths inside Public/")
    func absoluteFileSystemPath() async throws {
        try await withSite { folder, app in
            try await app.test(.router) { client in
                try await client.execute(uri: folder.path + "/secret.txt", method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(!text(response).contains("TOP SECRET"))
                }
            }
        }
    }

    @Test("links that stay inside Public/ are followed")
    func linkInside() async throws {
        try await withSite { _, app in
            try await app.test(.router) { client in
                try await client.execute(uri: "/alias.css", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(text(response) == "body { color: black }\n")
                }
            }
        }
    }

    @Test("GET and HEAD only: other methods get 405 with Allow", arguments: [
        HTTPRequest.Method.post, .put, .delete, .patch, .options, .trace, .connect, HTTPRequest.Method("PROPFIND")!,
    ])
    func methods(method: HTTPRequest.Method) async throws {
        try await withSite { _, app in
            try await app.test(.router) { client in
                try await client.execute(uri: "/index.html", method: method) { response in
                    #expect(response.status == .methodNotAllowed)
                    #expect(response.headers[.allow] == "GET, HEAD")
                }
            }
        }
    }

    @Test("HEAD has GET's headers and no body")
    func head() async throws {
        try await withSite { _, app in
            try await app.test(.router) { client in
                let get = try await client.execute(uri: "/assets/style.css", method: .get)
                let head = try await client.execute(uri: "/assets/style.css", method: .head)
                #expect(head.status == .ok)
                #expect(head.body.readableBytes == 0)
                #expect(head.headers[.contentLength] == get.headers[.contentLength])
                #expect(head.headers[.contentType] == "text/css; charset=utf-8")
                #expect(head.headers[.eTag] == get.headers[.eTag])
                let page = try await client.execute(uri: "/", method: .get)
                let pageHead = try await client.execute(uri: "/", method: .head)
                #expect(pageHead.headers[.contentLength] == String(page.body.readableBytes))
            }
        }
    }

    @Test("content types by extension", arguments: [
        ("/index.html", "text/html; charset=utf-8"), ("/assets/style.css", "text/css; charset=utf-8"),
        ("/files/a.js", "text/javascript; charset=utf-8"), ("/files/a.svg", "image/svg+xml"), ("/files/a.json", "application/json"),
        ("/files/a.xml", "application/xml"), ("/files/a.txt", "text/plain; charset=utf-8"), ("/files/a.csv", "text/csv; charset=utf-8"),
        ("/files/a.png", "image/png"), ("/files/a.ico", "image/x-icon"), ("/files/a.woff2", "font/woff2"),
        ("/files/a.webmanifest", "application/manifest+json"), ("/files/a.bin", "application/octet-stream"),
    ])
    func contentTypes(target: String, type: String) async throws {
        try await withSite { _, app in
            try await app.test(.router) { client in
                try await client.execute(uri: target, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == type)
                    #expect(response.headers[.cacheControl] == "no-cache")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                }
            }
        }
        #expect(ContentTypes.forFile("README") == "application/octet-stream")
        #expect(ContentTypes.forFile(".htaccess") == "application/octet-stream")
        #expect(ContentTypes.forFile("INDEX.HTML") == "text/html; charset=utf-8")
    }

    @Test("folders serve index.html; /dir redirects to /dir/ when it has one; no listings")
    func folders() async throws {
        try await withSite { _, app in
            try await app.test(.router) { client in
                try await client.execute(uri: "/", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(text(response).contains("<h1>Home</h1>"))
                }
                try await client.execute(uri: "/tag/PREL/", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(text(response).contains("<p>PREL</p>"))
                }
                try await client.execute(uri: "/tag/PREL?page=2", method: .get) { response in
                    #expect(response.status == .movedPermanently)
                    #expect(response.headers[.location] == "/tag/PREL/?page=2")
                }
                try await client.execute(uri: "/tag/%50REL", method: .head) { response in
                    #expect(response.status == .movedPermanently)
                    #expect(response.headers[.location] == "/tag/PREL/")
                }
                for target in ["/assets", "/assets/", "/tag", "/index.html/", "/assets/style.css/"] {
                    try await client.execute(uri: target, method: .get) { response in
                        #expect(response.status == .notFound, "\(target)")
                    }
                }
            }
        }
    }

    @Test("missing files get the site's 404.html with status 404, or a plain 404 without one")
    func notFound() async throws {
        try await withSite { folder, app in
            try await app.test(.router) { client in
                try await client.execute(uri: "/no/such/page/", method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(text(response).contains("Page not found"))
                    #expect(text(response).contains(LiveReload.bodyTag))
                    #expect(response.headers[.eTag] == nil)
                }
                try FileManager.default.removeItem(atPath: folder.path + "/site/Public/404.html")
                try await client.execute(uri: "/no/such/page/", method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(text(response) == "Not Found\n")
                }
            }
        }
    }

    @Test("ETag and Last-Modified, with 304 on If-None-Match and If-Modified-Since")
    func conditional() async throws {
        try await withSite { folder, app in
            try await app.test(.router) { client in
                let first = try await client.execute(uri: "/assets/style.css", method: .get)
                let tag = try #require(first.headers[.eTag])
                let modified = try #require(first.headers[.lastModified])
                #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""))
                #expect(HTTPDate.parse(modified) != nil)

                for header: HTTPFields in [[.ifNoneMatch: tag], [.ifNoneMatch: "W/" + tag], [.ifNoneMatch: "\"x\", " + tag], [.ifNoneMatch: "*"],
                                           [.ifModifiedSince: modified], [.ifModifiedSince: HTTPDate.format(Int(Date().timeIntervalSince1970) + 60)]] {
                    try await client.execute(uri: "/assets/style.css", method: .get, headers: header) { response in
                        #expect(response.status == .notModified, "\(header)")
                        #expect(response.body.readableBytes == 0)
                        #expect(response.headers[.eTag] == tag)
                    }
                }
                for header: HTTPFields in [[.ifNoneMatch: "\"other\""], [.ifModifiedSince: "Thu, 01 Jan 1970 00:00:00 GMT"], [.ifModifiedSince: "yesterday"],
                                           [.ifNoneMatch: "\"other\"", .ifModifiedSince: modified]] {
                    try await client.execute(uri: "/assets/style.css", method: .get, headers: header) { response in
                        #expect(response.status == .ok, "\(header)")
                        #expect(text(response) == "body { color: black }\n")
                    }
                }
                // a change on disk changes the tag
                try await Task.sleep(for: .milliseconds(20))
                try folder.write("site/Public/assets/style.css.new", "body { color: red }\n")
                _ = rename(folder.path + "/site/Public/assets/style.css.new", folder.path + "/site/Public/assets/style.css")
                try await client.execute(uri: "/assets/style.css", method: .get, headers: [.ifNoneMatch: tag]) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.eTag] != tag)
                    #expect(text(response) == "body { color: red }\n")
                }
            }
        }
    }

    @Test("the reload tags are injected into HTML responses only, never into the files on disk")
    func injection() async throws {
        try await withSite { folder, app in
            let onDisk = folder.read("site/Public/index.html")
            try await app.test(.router) { client in
                try await client.execute(uri: "/", method: .get) { response in
                    let page = text(response)
                    #expect(page.contains("<link rel=\"stylesheet\" href=\"/__chancery/overlay.css\"></head>"))
                    #expect(page.contains("<script src=\"/__chancery/reload.js\" defer></script></body>"))
                    #expect(page.components(separatedBy: "/__chancery/reload.js").count == 2)
                    #expect(response.headers[.contentLength] == String(response.body.readableBytes))
                }
                try await client.execute(uri: "/tag/PREL/", method: .get) { response in
                    #expect(text(response).contains("<p>PREL</p><script src=\"/__chancery/reload.js\" defer></script></BODY>"))
                }
                try await client.execute(uri: "/nohead.html", method: .get) { response in
                    #expect(text(response) == "<p>fragment</p>" + LiveReload.headTag + LiveReload.bodyTag)
                }
                try await client.execute(uri: "/assets/style.css", method: .get) { response in
                    #expect(!text(response).contains("__chancery"))
                }
            }
            #expect(folder.read("site/Public/index.html") == onDisk)
            #expect(onDisk?.contains("__chancery") == false)
        }
        let noHead = LiveReload.inject(into: Array("<html><body></body></html>".utf8))
        #expect(String(decoding: noHead, as: UTF8.self) == "<html><body>" + LiveReload.headTag + LiveReload.bodyTag + "</body></html>")
    }

    @Test("the live-reload endpoints")
    func endpoints() async throws {
        try await withSite { _, app in
            try await app.test(.router) { client in
                try await client.execute(uri: "/__chancery/reload.js", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                    #expect(text(response).contains("new EventSource('/__chancery/events')"))
                    #expect(!text(response).contains(".style."))   // the CSP forbids inline styles: classes only
                }
                try await client.execute(uri: "/__chancery/overlay.css", method: .get) { response in
                    #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                    #expect(text(response).contains(".chancery-overlay {"))
                }
                try await client.execute(uri: "/__chancery/status?x=1", method: .get) { response in
                    #expect(response.headers[.contentType] == "application/json")
                    #expect(text(response).hasPrefix("{\"generation\":0,\"ok\":true,"))
                }
                try await client.execute(uri: "/__chancery/status", method: .post) { response in
                    #expect(response.status == .methodNotAllowed)
                }
                try await client.execute(uri: "/__chancery/other", method: .get) { response in
                    #expect(response.status == .notFound)
                }
            }
        }
    }

    @Test("over-long targets get 414")
    func uriTooLong() async throws {
        try await withSite { _, app in
            try await app.test(.router) { client in
                try await client.execute(uri: "/" + String(repeating: "a", count: 9000), method: .get) { response in
                    #expect(response.status == .uriTooLong)
                }
            }
        }
    }

    @Test("a base path from base_url: the site is served under it")
    func basePath() async throws {
        try await TempFolder.with { folder in
            try folder.write("Public/index.html", "<html><body>home</body></html>")
            try folder.write("Public/tag/index.html", "<html><body>tags</body></html>")
            let files = StaticFiles(publicDirectory: folder.path + "/Public", basePath: "/archive")
            #expect(files.basePath == "/archive/")
            let app = Application(responder: PreviewResponder(files: files, reload: LiveReload()))
            try await app.test(.router) { client in
                try await client.execute(uri: "/archive/", method: .get) { #expect(text($0).contains("home")) }
                try await client.execute(uri: "/archive/tag/", method: .get) { #expect(text($0).contains("tags")) }
                try await client.execute(uri: "/", method: .get) { response in
                    #expect(response.status == .movedPermanently)
                    #expect(response.headers[.location] == "/archive/")
                }
                try await client.execute(uri: "/archive", method: .get) { response in
                    #expect(response.headers[.location] == "/archive/")
                }
                try await client.execute(uri: "/tag/", method: .get) { #expect($0.status == .notFound) }
            }
        }
    }

    @Test("HTTP dates")
    func dates() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("") == nil)
    }
}
