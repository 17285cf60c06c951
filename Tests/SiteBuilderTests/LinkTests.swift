import Foundation
import Testing
import SiteBuilder

/// No broken internal links: on the sample reading room of the repository, and on a site published under
/// a base path (`--base-url https://example.org/archive`).
@Suite struct LinkTests {
    /// The header and footer of the default theme link to `/search/`, a page the search work adds; until
    /// that page is built those links are reported apart (as a known issue) so every other broken link
    /// still fails the test.
    static func splitSearch(_ broken: [LinkChecker.Broken], base: String) -> (search: [LinkChecker.Broken], other: [LinkChecker.Broken]) {
        let search = broken.filter { $0.target == base + "/search/" }
        return (search, broken.filter { $0.target != base + "/search/" })
    }

    static func report(_ broken: [LinkChecker.Broken], limit: Int = 40) -> String {
        let lines = broken.prefix(limit).map(\.description)
        return "\(broken.count) broken link(s):\n" + lines.joined(separator: "\n") + (broken.count > limit ? "\n…" : "")
    }

    @Test func sampleSiteHasNoBrokenInternalLinks() throws {
        let sample = SampleSite.built
        #expect(sample.errors.isEmpty, "the sample site builds without errors: \(sample.errors.prefix(10))")
        let result = LinkChecker(output: sample.output, basePath: "", baseURL: "http://localhost:8080").check()
        #expect(result.pages > 600, "pages checked: \(result.pages)")
        #expect(result.links > 10_000, "links checked: \(result.links)")
        #expect(result.broken.isEmpty, "\(Self.report(result.broken))")
        // `chancery check` agrees, fragments included (`#p4`, a long list's `#y2009`)
        let checked = SiteCheck(root: sample.root, output: sample.output).run()
        let broken = checked.findings.filter { $0.message.hasPrefix("broken link") }
        #expect(broken.isEmpty, "\(broken.prefix(10))")
        #expect(checked.links > 10_000, "links checked: \(checked.links)")
    }

    /// The repairs the importer made are listed under the cable, named for what they are: the seed's `14.` →
    /// `¶4.` is a mark lost in a conversion, not OCR (the section said "OCR repairs" on every source).
    @Test func theSampleCableListsItsTextRepairs() throws {
        let html = String(decoding: try #require(FileManager.default.contents(atPath: SampleSite.built.output + "/cable/2008/04/08STATE37957/index.html")), as: UTF8.self)
        #expect(html.contains("<summary>Text repairs (3)</summary>") && html.contains("<td><code>14.</code></td><td><code>¶4.</code></td>"))
        #expect(!html.contains("OCR repairs"))
    }

    /// The header and footer link the free pages that ask for it (`menu:`), and nothing else: a new site
    /// without an about page has no link to one. Adding a menu page changes every page, incrementally too.
    @Test func theMenuLinksOnlyFreePagesThatAskForIt() throws {
        let withoutPages = ReadingRoom.site.components(separatedBy: "-- Content/pages/about.md --")[0]
        let site = try SiteFixture(withoutPages)
        #expect(!site.report.failed, "\(site.errorLines)")
        let cable = "cable/2008/04/08STATE37957/index.html"
        site.assertFileContent(cable, contains: ["<a href=\"/search/\">Search</a>"], notContains: ["/about/"])
        let before = LinkChecker(output: site.output, basePath: "", baseURL: "https://example.org").check()
        #expect(before.broken.isEmpty, "\(Self.report(before.broken))")

        try site.write("---\ntitle: How to read a cable\nmenu: Help\n---\n\nRead it slowly.\n", to: "Content/pages/help.md")
        try site.write("---\ntitle: Credits\n---\n\nThanks.\n", to: "Content/pages/credits.md")
        let report = site.build()
        #expect(!report.failed, "\(site.errorLines)")
        site.assertFileContent(cable, contains: ["<li><a href=\"/help/\">Help</a></li>"], notContains: ["/credits/"])
        site.assertFileContent("help/index.html", contains: ["How to read a cable"])
        site.assertFileContent("credits/index.html", contains: ["Thanks."])
        let differences = try site.differencesFromCleanBuild()
        #expect(differences.isEmpty, "\(differences.prefix(20))")
        let after = LinkChecker(output: site.output, basePath: "", baseURL: "https://example.org").check()
        #expect(after.broken.isEmpty, "\(Self.report(after.broken))")
    }

    /// The checker itself: it must find what it is meant to find.
    @Test func checkerFindsBrokenLinks() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Content/pages/broken.md --
            ---
            title: Broken
            ---

            [a](../cable/2008/04/NOPE/) [b](../tag/PREL/#nope) [c](../cable/2008/04/08STATE37957/#p4) [d](https://example.org/nowhere/)
            [e](../tag/PREL) [f](https://elsewhere.example/) [g](mailto:a@example.org) [h](#top) [i](../../../../outside/)
            """)
        let result = LinkChecker(output: site.output, basePath: "", baseURL: "https://example.org").check()
        let found = Set(Self.splitSearch(result.broken, base: "").other.filter { $0.page == "broken/index.html" }.map(\.link))
        // (`../../../../outside/` resolves to /outside/: URLs cannot climb above the root)
        #expect(found == ["../cable/2008/04/NOPE/", "../tag/PREL/#nope", "https://example.org/nowhere/", "../tag/PREL", "#top", "../../../../outside/"],
                "\(result.broken.filter { $0.page == "broken/index.html" })")
    }

    @Test func baseURLPrefixesEveryInternalLink() throws {
        let site = try SiteFixture(ReadingRoom.site, baseURL: "https://example.org/archive")
        #expect(!site.report.failed, "errors: \(site.errorLines)")
        // written at the same places: the base path is in the addresses, not in the folders
        site.assertExists(["index.html", "cable/2008/04/08STATE37957/index.html", "tag/PREL/page/2/index.html", "feed.xml"])
        site.assertMissing(["archive/index.html"])

        var rootRelative = 0
        for page in LinkChecker.pages(in: site.output) {
            let html = try #require(site.text(page))
            for link in HTML.attributes("href", in: html) + HTML.attributes("src", in: html) where link.hasPrefix("/") {
                rootRelative += 1
                #expect(link.hasPrefix("/archive/"), "\(page): \(link)")
            }
            for link in HTML.attributes("href", in: html) where link.hasPrefix("https://example.org") {
                #expect(link.hasPrefix("https://example.org/archive/"), "\(page): \(link)")
            }
        }
        #expect(rootRelative > 500)
        // relative links too, once resolved; and fragments
        let result = LinkChecker(output: site.output, basePath: "/archive", baseURL: "https://example.org/archive").check()
        let (_, other) = Self.splitSearch(result.broken, base: "/archive")
        #expect(other.isEmpty, "\(Self.report(other))")

        // a free page's links from the site's root are given the base path, as the theme's are
        site.assertFileContent("about/index.html", contains: ["href=\"/archive/tag/PREL/\"", "href=\"/archive/cable/2008/04/08STATE37957/#p2\""])
        // and `chancery check` agrees; a link from the host's root that is not the site's is broken there
        #expect(SiteCheck(root: site.root, output: site.output).run().findings.filter { $0.message.hasPrefix("broken link") }.isEmpty)
        let about = try #require(site.text("about/index.html"))
        try site.write(about.replacingOccurrences(of: "href=\"/archive/tag/PREL/\"", with: "href=\"/tag/PREL/\""), to: "Public/about/index.html")
        let outside = SiteCheck(root: site.root, output: site.output).run().findings.filter { $0.message.hasPrefix("broken link") }
        #expect(outside.map(\.message) == ["broken link /tag/PREL/ (outside the site, which is published under /archive/: write /archive/tag/PREL/)"],
                "\(outside)")
        try site.write(about, to: "Public/about/index.html")

        site.assertFileContent("cable/2008/04/08STATE37957/index.html", contains: [
            "<link rel=\"canonical\" href=\"https://example.org/archive/cable/2008/04/08STATE37957/\">",
            "<link rel=\"stylesheet\" href=\"/archive/assets/style.css\">",
            "href=\"/archive/cable/2008/04/08STATE37957/08STATE37957.txt\"",
            "\"url\": \"https://example.org/archive/cable/2008/04/08STATE37957/\"",
        ])
        // feeds, sitemaps, robots and exports carry absolute addresses under the base
        for path in ["feed.xml", "tag/PREL/feed.xml", "sitemap.xml", "sitemaps/sitemap-1.xml"] {
            let xml = XMLDocumentCheck.parse(try #require(site.data(path)))
            #expect(xml.error == nil, "\(path)")
            let urls = (xml.texts["loc"] ?? []) + (xml.texts["id"] ?? []) + (xml.attributes["link"] ?? []).compactMap { $0["href"] }
            #expect(!urls.isEmpty)
            for url in urls { #expect(url.hasPrefix("https://example.org/archive/"), "\(path): \(url)") }
        }
        site.assertFileContent("robots.txt", contains: ["Sitemap: https://example.org/archive/sitemap.xml"])
        let csv = try CSV.parse(try #require(site.text("data/cables.csv")))
        let url = try #require(csv.first?.firstIndex(of: "url"))
        for row in csv.dropFirst() { #expect(row[url].hasPrefix("https://example.org/archive/cable/")) }
    }

    @Test func baseURLFromSiteYML() throws {
        let site = try SiteFixture(ReadingRoom.site.replacingOccurrences(of: "base_url: https://example.org\n", with: "base_url: https://example.org/room/\n"))
        #expect(!site.report.failed, "errors: \(site.errorLines)")
        site.assertFileContent("tag/PREL/index.html", contains: ["<a href=\"/room/tag/PREL/page/2/\" rel=\"next\">", "href=\"/room/assets/style.css\""],
                               notContains: ["href=\"/tag/", "/room//"])
    }
}
