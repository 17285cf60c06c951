#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PreviewServer
import Testing

/// `chancery serve` (the real binary, on a loopback port) under attack: traversal in every spelling, links out
/// of Public/, methods other than GET and HEAD, oversized requests; loopback unless told otherwise.
@Suite(.serialized) struct PreviewServerHardeningTests {
    static let marker = "SECRET-MARKER-7f3a9c"

    /// A small site, with secrets beside Public/ that no request may reach.
    static func makeSite() throws -> TempDir {
        let dir = TempDir("serve-hostile")
        try dir.write("site/Content/site.yml", "title: Serve\nbase_url: http://127.0.0.1:8080\ntheme: default\n")
        try dir.write("site/Content/pages/about.md", "# About\n\nThe about page.\n")
        try copyTree(Repo.themes, to: dir.path + "/site/Themes")
        try dir.write("site/secret.txt", marker + " beside Public/\n")
        try dir.write("site/Content/secret.md", "---\ntitle: " + marker + "\n---\n")
        try dir.write("outside.txt", marker + " outside the site\n")
        return dir
    }

    /// Links out of Public/, made once the server has built it (a build removes files it did not write).
    static func addLinks(_ dir: TempDir) throws {
        try dir.symlink("site/Public/leak.txt", to: "../secret.txt")
        try dir.symlink("site/Public/abs.txt", to: dir.path + "/outside.txt")
        try dir.symlink("site/Public/outdir", to: "..")
        try dir.symlink("site/Public/rootdir", to: "/")
        try dir.symlink("site/Public/etc", to: "/etc")
        try dir.symlink("site/Public/about/up.html", to: "../../secret.txt")
        try dir.symlink("site/Public/loop", to: "loop")
    }

    static func traversals(_ root: String) -> [String] {
        [
            "/../secret.txt", "/../../outside.txt", "/..%2fsecret.txt", "/..%2Fsecret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
            "/.%2e/secret.txt", "/%2e./secret.txt", "/%2e%2e%2fsecret.txt", "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt",
            "/..%5csecret.txt", "/..%5Csecret.txt", "/%5c..%5csecret.txt", "/..\\secret.txt", "/\\..\\secret.txt", "/..%255csecret.txt",
            "//../secret.txt", "/./../secret.txt", "/about/../../secret.txt", "/about/%2e%2e/%2e%2e/secret.txt", "/..;/secret.txt",
            "/%c0%ae%c0%ae/secret.txt", "/%c0%af../secret.txt", "/%e0%80%ae%e0%80%ae/secret.txt", "/%EF%BC%8E%EF%BC%8E/secret.txt",
            "/%u002e%u002e/secret.txt", "/..%00/secret.txt", "/secret.txt%00.html", "/%00../secret.txt", "/....//secret.txt",
            "/...//secret.txt", "/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/../../../../../../etc/passwd",
            root + "/secret.txt", "/" + root + "/secret.txt", root + "/../outside.txt", "/%2F" + root.dropFirst() + "%2Fsecret.txt",
            "http://127.0.0.1/../secret.txt", "http://127.0.0.1/%2e%2e/secret.txt", "file:///etc/passwd", "../secret.txt", "secret.txt",
            "/leak.txt", "/abs.txt", "/outdir/secret.txt", "/outdir/outdir/outside.txt", "/rootdir/etc/passwd", "/etc/passwd",
            "/etc/hostname", "/about/up.html", "/loop", "/loop/x", "/%2fetc%2fpasswd", "/.chancery/", "/../Content/secret.md",
            "/..%2fContent%2fsecret.md", "/../Content/site.yml", "/about/..%2f..%2fsecret.txt", "/?/../secret.txt", "/#/../secret.txt",
            "/about/?../../secret.txt", "/.%2E/.%2E/secret.txt", "/%2e%2e\\secret.txt", "/ ../secret.txt", "/..%20/secret.txt",
            "/..%09/secret.txt", "/%0a../secret.txt",
        ]
    }

    @Test("path traversal in every spelling, and links out of Public/, answer 404 without a byte from outside")
    func traversal() throws {
        let dir = try Self.makeSite()
        defer { dir.remove() }
        let server = try ServeProcess(root: dir.path + "/site")
        defer { server.stop() }
        try Self.addLinks(dir)
        let port = server.port
        // the site itself is served
        let about = HTTPConnection.request(port: port, target: "/about/")
        #expect(about.reply?.status == 200)
        #expect(about.reply?.text.contains("The about page.") == true)

        for target in Self.traversals(dir.path + "/site") {
            for method in ["GET", "HEAD"] {
                let (reply, raw) = HTTPConnection.request(port: port, method: method, target: target)
                let text = String(decoding: raw, as: UTF8.self)
                #expect(!text.contains(Self.marker), "\(method) \(target) leaked the secret")
                #expect(!text.contains("root:x:0:0") && !text.contains("title: Serve"), "\(method) \(target) leaked a file")
                // a target the HTTP parser itself refuses (raw space, tab, line break; not origin- or absolute-form) gets 400;
                // a query or fragment is not part of the path (`/?/../secret.txt` is the home page)
                let parserRefuses = target.contains(" ") || target.contains("\t") || target.contains("\n")
                    || !(target.hasPrefix("/") || target.hasPrefix("http://"))
                let pathIsAPage = ["/?", "/#", "/about/?"].contains { target.hasPrefix($0) }
                let status = reply?.status
                let expected = status == 404 || (parserRefuses && (status == 400 || status == nil)) || (pathIsAPage && status == 200)
                #expect(expected, "\(method) \(target) → \(status.map(String.init) ?? "no reply")")
            }
        }
        // a hidden or oversized path is 404/414, and the server still answers afterwards
        #expect(HTTPConnection.request(port: port, target: "/about/").reply?.status == 200)
    }

    @Test("only GET and HEAD: every other method gets 405 with Allow")
    func methods() throws {
        let dir = try Self.makeSite()
        defer { dir.remove() }
        let server = try ServeProcess(root: dir.path + "/site")
        defer { server.stop() }
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "MKCOL", "COPY", "MOVE", "LOCK", "FOO"] {
            let (reply, raw) = HTTPConnection.request(port: server.port, method: method, target: "/about/",
                                                      headers: ["Content-Length": "5"])
            #expect(reply?.status == 405 || reply?.status == 400, "\(method) → \(reply?.status ?? -1)")
            if reply?.status == 405 { #expect(reply?.headers["allow"] == "GET, HEAD") }
            #expect(!String(decoding: raw, as: UTF8.self).contains("The about page."), "\(method) returned the page")
        }
        let connect = HTTPConnection.request(port: server.port, method: "CONNECT", target: "127.0.0.1:22")
        #expect(connect.reply.map { $0.status == 405 || $0.status == 400 } ?? true)
        let head = HTTPConnection.request(port: server.port, method: "HEAD", target: "/about/")
        #expect(head.reply?.status == 200)
        #expect(head.reply?.body.isEmpty == true)
    }

    @Test("headers and URLs of unreasonable size are refused, and the server goes on")
    func oversized() throws {
        let dir = try Self.makeSite()
        defer { dir.remove() }
        let server = try ServeProcess(root: dir.path + "/site")
        defer { server.stop() }
        let port = server.port
        func refused(_ status: Int?) -> Bool { status == nil || status == 400 || status == 413 || status == 414 || status == 431 }
        #expect(HTTPConnection.request(port: port, target: "/" + String(repeating: "a", count: 9000)).reply?.status == 414)
        #expect(refused(HTTPConnection.request(port: port, target: "/" + String(repeating: "a/", count: 200_000)).reply?.status))
        #expect(refused(HTTPConnection.request(port: port, target: "/about/?" + String(repeating: "q", count: 20_000)).reply?.status))
        #expect(refused(HTTPConnection.request(port: port, target: "/", headers: ["X-Big": String(repeating: "b", count: 20_000)]).reply?.status))
        var many: [String: String] = [:]
        for i in 0..<150 { many["X-Header-\(i)"] = "v" }
        #expect(refused(HTTPConnection.request(port: port, target: "/", headers: many).reply?.status))
        var wide: [String: String] = [:]
        for i in 0..<90 { wide["X-Wide-\(i)"] = String(repeating: "w", count: 1000) }
        #expect(refused(HTTPConnection.request(port: port, target: "/", headers: wide).reply?.status))
        #expect(refused(HTTPConnection.request(port: port, target: "/", headers: ["Cookie": String(repeating: "c=1; ", count: 10_000)]).reply?.status))
        // garbage instead of HTTP
        if let connection = HTTPConnection(port: port, timeout: 3) {
            _ = connection.send([UInt8](repeating: 0, count: 4096) + Array("\r\n\r\n".utf8))
            let answer = String(decoding: connection.readAll(), as: UTF8.self)
            #expect(answer.isEmpty || answer.hasPrefix("HTTP/1.1 400"), "\(answer.prefix(100))")
        }
        #expect(HTTPConnection.request(port: port, target: "/about/").reply?.status == 200)
        #expect(server.process.isRunning)
    }

    @Test("loopback by default; another --host gets a warning")
    func loopbackByDefault() throws {
        #expect(PreviewServer.Options().host == "127.0.0.1")
        let dir = try Self.makeSite()
        defer { dir.remove() }
        let server = try ServeProcess(root: dir.path + "/site")
        defer { server.stop() }
        // the listening socket is bound to 127.0.0.1 only (/proc/net/tcp: local address 0100007F:PORT, state 0A)
        let tcp = (try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)) ?? ""
        let port = String(server.port, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - port.count)) + port
        let listening = tcp.split(separator: "\n").filter { $0.contains(":\(padded) ") && $0.split(separator: " ")[3] == "0A" }
        #expect(!listening.isEmpty)
        #expect(listening.allSatisfy { $0.split(separator: " ")[1].hasPrefix("0100007F:") }, "\(listening)")
        #expect(!server.transcript.contains("warning"))

        // an address that is not loopback (TEST-NET-1: not on this machine, so nothing is exposed): the warning, then the bind error
        let (status, output) = try runProcess(Repo.debugBinary, ["serve", "--root", dir.path + "/site", "--host", "192.0.2.1", "--port", "0"])
        #expect(output.contains("warning: --host 192.0.2.1 is not a loopback address"), "\(output)")
        #expect(status != 0)
    }
}
