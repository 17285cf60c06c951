import Testing
@testable import SiteBuilder

/// `chancery check`'s reading of links: which are the site's, the file each names, its fragment, the ids a
/// page has.
@Suite struct LinkScannerTests {
    @Test func externalAndSpecialLinksAreNotTheSites() {
        for target in ["https://example.org/x/", "http://a.b", "//cdn.example/x.js", "mailto:a@example.org", "data:image/png;base64,AA", "#p4", "?q=x", ""] {
            #expect(LinkScanner.resolve(target, from: "tag/PREL/index.html", base: "") == nil, "\(target)")
        }
        #expect(LinkScanner.resolve("../cable/2008/04/08STATE37957/#p4", from: "tag/PREL/index.html", base: "") == "tag/cable/2008/04/08STATE37957/")
        #expect(LinkScanner.resolve("/archive/tag/PREL/?x=1#y2009", from: "index.html", base: "/archive") == "tag/PREL/")
        #expect(LinkScanner.resolve("notes:2009/x.html", from: "index.html", base: "") == "notes:2009/x.html", "a colon without // names no scheme")
        #expect(LinkScanner.resolve("a&amp;b/", from: "index.html", base: "") == "a&b/")
    }

    /// A site published under `/archive`: a path from the host's root is the site's only below it.
    @Test func pathsOutsideTheBasePathAreNotTheSites() {
        for target in ["/tag/PREL/", "/archives/x/", "/", "/archive.html"] { #expect(SiteURLs.isOutside(target, base: "/archive"), "\(target)") }
        for target in ["/archive/tag/PREL/", "/archive", "/archive/", "/archive?q=1", "/archive#top", "tag/PREL/", "//cdn.example/x", "https://e.org/"] {
            #expect(!SiteURLs.isOutside(target, base: "/archive"), "\(target)")
        }
        #expect(!SiteURLs.isOutside("/tag/PREL/", base: ""))
        #expect(LinkScanner.resolve("/archives/x/", from: "index.html", base: "/archive") == "archives/x/", "a prefix of a name is no base path")
    }

    /// Content's links from the site's root get the base path when the site is published below the host's root.
    @Test func markdownLinksFromTheRootGetTheBasePath() {
        let html = MarkdownRenderer.html("[a](/tag/PREL/) [b](/archive/tag/PK/) [c](../x/) [d](https://e.org/y) ![i](/assets/i.png) <https://f.org/>",
                                         basePath: "/archive")
        #expect(html.contains("href=\"/archive/tag/PREL/\"") && html.contains("href=\"/archive/tag/PK/\"") && html.contains("href=\"../x/\""), "\(html)")
        #expect(html.contains("href=\"https://e.org/y\"") && html.contains("src=\"/archive/assets/i.png\"") && html.contains("href=\"https://f.org/\""), "\(html)")
        #expect(MarkdownRenderer.html("[a](/tag/PREL/)").contains("href=\"/tag/PREL/\""))
    }

    @Test func fragmentsAreDecoded() {
        #expect(LinkScanner.fragment(of: "/tag/PREL/#y2009") == "y2009")
        #expect(LinkScanner.fragment(of: "#caf%C3%A9") == "café")
        #expect(LinkScanner.fragment(of: "#100%") == "100%" && LinkScanner.fragment(of: "#%zz1") == "%zz1")
        #expect(LinkScanner.fragment(of: "/tag/PREL/#") == nil && LinkScanner.fragment(of: "/tag/PREL/") == nil)
    }

    @Test func idsAndNamesOfAPage() {
        let html = Array("<main id=\"main\"><p class=\"para\" id=\"p4\">x</p><a name=\"old-anchor\"></a><tr\nid=\"y2009\"><div data-id=\"no\" hidden=\"id\">".utf8)
        #expect(LinkScanner.ids(in: html) == ["main", "p4", "old-anchor", "y2009"])
    }
}
