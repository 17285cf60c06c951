import Testing
@testable import SiteBuilder

/// A page's path maps to its file under `Public/`: without the site's base path and leading slashes, a
/// folder's path to its `index.html`; read by bytes, names in any script keep every character.
@Suite struct SiteURLsTests {
    static func urls(_ baseURL: String) -> SiteURLs {
        var config = SiteConfig()
        config.baseURL = baseURL
        return SiteURLs(config: config)
    }

    @Test func pathsMapToFilesAtTheRoot() {
        let urls = Self.urls("https://cables.example.org/")
        #expect(urls.base == "")
        #expect(urls.file(for: "/") == "index.html")
        #expect(urls.file(for: "") == "index.html")
        #expect(urls.file(for: "/cable/2008/04/08STATE37957/") == "cable/2008/04/08STATE37957/index.html")
        #expect(urls.file(for: "//tag/PREL/") == "tag/PREL/index.html")
        #expect(urls.file(for: "/feed.xml") == "feed.xml")
        #expect(urls.file(for: "/origin/Embassy São Tomé/") == "origin/Embassy São Tomé/index.html")
        #expect(urls.file(for: "/tag/名前/a\u{301}") == "tag/名前/a\u{301}")
    }

    @Test func pathsUnderABasePathLoseIt() {
        let urls = Self.urls("https://example.org/archive/cables/")
        #expect(urls.base == "/archive/cables")
        #expect(urls.file(for: "/archive/cables/") == "index.html")
        #expect(urls.file(for: "/archive/cables") == "index.html")
        #expect(urls.file(for: "/archive/cables/tag/PREL/") == "tag/PREL/index.html")
        #expect(urls.file(for: "/archive/cables/assets/style.css") == "assets/style.css")
        // a path outside the base keeps its folders
        #expect(urls.file(for: "/other/page/") == "other/page/index.html")
        let accented = Self.urls("https://example.org/café/")
        #expect(accented.file(for: "/café/origin/Embassy Paris/") == "origin/Embassy Paris/index.html")
    }
}
