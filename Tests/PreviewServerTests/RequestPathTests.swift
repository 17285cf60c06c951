import Testing
@testable import PreviewServer

@Suite("request path resolution")
struct RequestPathTests {
    @Test("plain targets become decoded segments", arguments: [
        ("/", [String](), true),
        ("/index.html", ["index.html"], false),
        ("/tag/PREL/", ["tag", "PREL"], true),
        ("/tag/PREL", ["tag", "PREL"], false),
        ("/cable/2008/04/08STATE37957/?q=1#top", ["cable", "2008", "04", "08STATE37957"], true),
        ("/origin/Embassy%20Berlin/", ["origin", "Embassy Berlin"], true),
        ("/a//b///c", ["a", "b", "c"], false),
        ("/caf%C3%A9", ["café"], false),
        ("/a..b/c...", ["a..b", "c..."], false),
    ])
    func plain(target: String, segments: [String], trailingSlash: Bool) {
        #expect(RequestPath.parse(target) == RequestPath(segments: segments, trailingSlash: trailingSlash))
    }

    /// Every spelling of "go up", of a separator, and of other things that must never reach the file system.
    static let hostile = [
        "/../secret.txt", "/..", "/../", "/a/../../secret.txt", "/a/..", "/./secret.txt", "/.",
        "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/%2e./secret.txt", "/%2e%2e",
        "/..%2fsecret.txt", "/..%2Fsecret.txt", "/%2f..%2fsecret.txt", "/a%2f..%2f..%2fsecret.txt", "/%2fetc%2fpasswd",
        "/..%5csecret.txt", "/..%5Csecret.txt", "/..\\secret.txt", "/a\\..\\..\\secret.txt", "/\\etc\\passwd",
        "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt", "/%25%32%65%25%32%65/secret.txt", "/%%32%65%%32%65/secret.txt",
        "/%00", "/index.html%00.txt", "/%00../secret.txt", "/a\u{0}b", "/a%0d%0aSet-Cookie:x", "/a%7f",
        "/%c0%ae%c0%ae/secret.txt", "/%e0%80%ae%e0%80%ae/", "/%ff",
        "/%", "/%2", "/%zz", "/a%2",
        "/.staging-123/index.html", "/.index.html.tmp-1-2", "/assets/.hidden", "/.well-known/x",
        "", "secret.txt", "../secret.txt", "*", "http://localhost/../secret.txt", "file:///etc/passwd", "C:\\secret.txt",
    ]

    @Test("traversal, encoded separators, NUL, hidden names and non-path targets are refused", arguments: hostile)
    func refused(target: String) {
        #expect(RequestPath.parse(target) == nil, "\(target)")
    }

    @Test("an absolute file-system path stays inside the served folder")
    func absolute() {
        // `/etc/passwd` is a request for Public/etc/passwd, nothing else
        #expect(RequestPath.parse("/etc/passwd")?.relative == "etc/passwd")
        #expect(RequestPath.parse("//etc/passwd")?.relative == "etc/passwd")
    }

    @Test("over-long targets are refused")
    func tooLong() {
        #expect(RequestPath.parse("/" + String(repeating: "a", count: RequestPath.maximumLength)) == nil)
        #expect(RequestPath.parse("/" + String(repeating: "a", count: 100)) != nil)
    }
}

@Suite("change classifier")
struct ChangeClassifierTests {
    @Test("what a changed path means", arguments: [
        ("Content/cables/2008/08STATE37957.md", ChangeKind.content),
        ("Content/cables/2008/08STATE37957.txt", .content),
        ("Content/pages/about.md", .content),
        ("Content/cables/2009", .content),
        ("Content", .content),
        ("./Content/pages/about.md", .content),
        ("Content/site.yml", .config),
        ("Content/pages/site.yml", .content),
        ("Themes/default/templates/layout.mustache", .theme),
        ("Themes/default/assets/style.css", .theme),
        ("Themes", .theme),
        // editors, file managers and our own temporary files
        ("Content/pages/.about.md.swp", .ignored),
        ("Content/pages/about.md.swp", .ignored),
        ("Content/pages/about.md.swx", .ignored),
        ("Content/pages/about.md~", .ignored),
        ("Content/pages/#about.md#", .ignored),
        ("Content/pages/.#about.md", .ignored),
        ("Content/pages/4913", .ignored),
        ("Content/.DS_Store", .ignored),
        ("Themes/default/.DS_Store", .ignored),
        ("Content/cables/2008/.08STATE37957.md.tmp-1234-1", .ignored),
        ("Content/cables/2008/08STATE37957.md.tmp-1234-1", .ignored),
        ("Themes/default/.git/index", .ignored),
        // not read by the build
        ("Public/index.html", .ignored),
        ("Public/.staging-12/index.html", .ignored),
        ("README.md", .ignored),
        ("Makefile", .ignored),
        ("", .ignored),
    ])
    func classify(path: String, kind: ChangeKind) {
        #expect(ChangeClassifier.classify(path) == kind, "\(path)")
    }

    @Test("absolute paths are taken relative to the root")
    func absolute() {
        #expect(ChangeClassifier.classify("/srv/site/Content/site.yml", root: "/srv/site") == .config)
        #expect(ChangeClassifier.classify("/srv/site/Themes/default/x.css", root: "/srv/site/") == .theme)
        #expect(ChangeClassifier.classify("/srv/site/Public/index.html", root: "/srv/site") == .ignored)
        #expect(ChangeClassifier.classify("/srv/other/Content/a.md", root: "/srv/site") == .ignored)
        #expect(ChangeClassifier.classify("/srv/site", root: "/srv/site") == .ignored)
    }
}
