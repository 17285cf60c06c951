import Foundation
import Testing
import SiteBuilder

/// Index pages, directories, home, 404 and the free page of the inline reading room (page_size 5).
@Suite struct IndexPageTests {
    let site: SiteFixture

    init() {
        site = SiteFixture.readingRoom
        #expect(!site.report.failed, "errors: \(site.errorLines)")
    }

    /// Row links of a list page, in order.
    func rowIDs(_ path: String) -> [String] {
        guard let html = site.text(path) else { return [] }
        return html.components(separatedBy: "<th scope=\"row\" class=\"col-id\">").dropFirst().compactMap { part in
            guard let start = part.range(of: "\">"), let end = part.range(of: "</a>") else { return nil }
            return String(part[start.upperBound..<end.lowerBound])
        }
    }

    @Test func tagIndexIsPaginatedAndSortedByDate() {
        #expect(rowIDs("tag/PREL/index.html") == Array(ReadingRoom.ids.prefix(5)))
        #expect(rowIDs("tag/PREL/page/2/index.html") == Array(ReadingRoom.ids.dropFirst(5)))
        site.assertMissing(["tag/PREL/page/1/index.html", "tag/PREL/page/3/index.html"])
        site.assertFileContent("tag/PREL/index.html", contains: [
            "<h1>PREL — External Political Relations</h1>",
            "<span class=\"count-total\">9 cables</span>",
            "<p class=\"pagination-status\">Page 1 of 2</p>",
            "<a href=\"/tag/PREL/page/2/\" rel=\"next\">",
            "<a href=\"/tag/PREL/\" aria-current=\"page\">",
            "<a class=\"feed-link\" href=\"/tag/PREL/feed.xml\"",
            "<link rel=\"alternate\" type=\"application/atom+xml\"",
        ], notContains: ["rel=\"prev\""])
        site.assertFileContent("tag/PREL/page/2/index.html", contains: [
            "<span class=\"count-total\">9 cables</span>",
            "<p class=\"pagination-status\">Page 2 of 2</p>",
            "<a href=\"/tag/PREL/\" rel=\"prev\">",
            "<a href=\"/tag/PREL/page/2/\" aria-current=\"page\">",
            "<title>Tag PREL — External Political Relations (page 2 of 2) · Test Reading Room</title>",
            "<link rel=\"canonical\" href=\"https://example.org/tag/PREL/page/2/\">",
        ], notContains: ["rel=\"next\""])
        // a list that fits one page has no pagination
        #expect(rowIDs("tag/PK/index.html") == ["08ISLAMABAD1000", "08STATE37957", "08ISLAMABAD1100", "08LAHORE300"])
        site.assertFileContent("tag/PK/index.html", contains: ["<span class=\"count-total\">4 cables</span>"], notContains: ["class=\"pagination\""])
    }

    /// A tag of thousands of cables spans hundreds of pages: a page after the first says which it is in its
    /// heading, and every page lets the reader jump to the page where a year starts.
    @Test func longListSaysItsPageAndJumpsToAYear() {
        site.assertFileContent("tag/PREL/page/2/index.html", contains: [
            "<h1>PREL — External Political Relations <span class=\"heading-page\">(page 2 of 2)</span></h1>",
            "<nav class=\"jump jump-years\" aria-label=\"Jump to a year\">",
            // 2007 has one cable, on page 1; 2008 starts on page 1 and runs on to this page: each links to its
            // year's first row, on the page it is on
            "<li><a href=\"/tag/PREL/#y2007\">2007</a></li>\n<li><a href=\"/tag/PREL/#y2008\" aria-current=\"true\">2008</a></li>",
        ], notContains: ["<tr id="])
        site.assertFileContent("tag/PREL/index.html", contains: [
            "<h1>PREL — External Political Relations</h1>",
            "<li><a href=\"/tag/PREL/#y2007\" aria-current=\"true\">2007</a></li>\n<li><a href=\"/tag/PREL/#y2008\" aria-current=\"true\">2008</a></li>",
        ])
        // the rows the links lead to: the first of each year, and only those
        let page1 = site.text("tag/PREL/index.html") ?? ""
        #expect(page1.components(separatedBy: "<tr id=\"").count - 1 == 2)
        #expect(page1.contains("<tr id=\"y2007\">\n<th scope=\"row\" class=\"col-id\"><a href=\"/cable/2007/"))
        #expect(page1.contains("<tr id=\"y2008\">\n<th scope=\"row\" class=\"col-id\"><a href=\"/cable/2008/"))
        // a list of one page, or of one year, has no jump
        site.assertFileContent("tag/PK/index.html", contains: [], notContains: ["jump-years"])
    }

    /// "SECRET cables from Embassy Islamabad in 2009 about PTER": a list leads to the search page filtered to
    /// its cables, whose facets and year chart narrow them down further (the value percent-encoded).
    @Test func listsLeadToSearchFilteredToTheirCables() {
        site.assertFileContent("tag/PREL/page/2/index.html", contains: [
            "<a class=\"search-link\" href=\"/search/?tag=PREL\">Search and filter these cables<span class=\"visually-hidden\"> (PREL — External Political Relations)</span></a>",
        ])
        site.assertFileContent("origin/embassy-islamabad/index.html", contains: ["href=\"/search/?origin=Embassy%20Islamabad\""])
        site.assertFileContent("classification/secret/index.html", contains: ["href=\"/search/?cls=secret\""])
        site.assertFileContent("date/2008/04/index.html", contains: [], notContains: ["search-link"])
        #expect(SiteURLs.queryValue("OVIP (RICE, CONDOLEEZZA)&x=1") == "OVIP%20%28RICE%2C%20CONDOLEEZZA%29%26x%3D1")
    }

    /// The home chart is a time line: years without cables between the first and the last are empty bars,
    /// not left out (an archive of 2005, 2007 and 2008 must not draw 2005 next to 2007).
    @Test func homeChartKeepsTheYearsBetween() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Content/cables/2005/05PARIS95.md --
            ---
            id: "05PARIS95"
            title: "EARLY"
            date: 2005-03-01T10:00:00Z
            origin: Embassy Paris
            ---

            ¶1. (U) Text.
            """)
        let html = try #require(site.text("index.html"))
        #expect(HTML.count("<rect class=\"chart-bar\"", in: html) == 4)
        #expect(html.contains("height=\"0\"><title>2006: 0 cables</title></rect>"))
        #expect(html.contains("<title id=\"chart-title\">Cables per year: 2005: 1, 2007: 1, 2008: 8; none in the other years</title>"))
        #expect(html.contains(">2006</text>"), "four bars have room for every year's label")
    }

    /// Over half a century the bars are narrow: every fifth year is labelled, with its four digits (two
    /// would read 98 99 00 01).
    @Test func homeChartOfDecadesLabelsEveryFifthYear() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Content/cables/1962/62PARIS95.md --
            ---
            id: "62PARIS95"
            title: "EARLY"
            date: 1962-03-01T10:00:00Z
            origin: Embassy Paris
            ---

            ¶1. (U) Text.
            """)
        let html = try #require(site.text("index.html"))
        #expect(HTML.count("<rect class=\"chart-bar\"", in: html) == 47)
        for year in [1965, 1970, 2000, 2005] { #expect(html.contains(">\(year)</text>"), "\(year) labelled") }
        for label in ["1963", "2001", "00", "63"] { #expect(!html.contains(">\(label)</text>"), "\(label) not labelled") }
    }

    @Test func yearJumpLinksThePageWhereEachYearStarts() throws {
        let site = try SiteFixture(ReadingRoom.site + EdgeCaseTests.undated)
        // PREL: 07BAGHDAD4000 | 08… ×8 | 09STATE2000 (2009, estimated) | 09STATE1000 (undated) — pages of 5
        site.assertFileContent("tag/PREL/page/2/index.html", contains: [
            "<li><a href=\"/tag/PREL/#y2007\">2007</a></li>\n<li><a href=\"/tag/PREL/#y2008\" aria-current=\"true\">2008</a></li>\n"
                + "<li><a href=\"/tag/PREL/page/2/#y2009\" aria-current=\"true\">2009</a></li>\n<li><a href=\"/tag/PREL/page/3/#undated\">Undated</a></li>",
            "<tr id=\"y2009\">",
        ])
        site.assertFileContent("tag/PREL/page/3/index.html", contains: ["<tr id=\"undated\">"])
    }

    @Test func unknownTagIndexShowsItsCode() {
        site.assertFileContent("tag/ZZQX/index.html", contains: ["<h1>ZZQX</h1>", "Cables tagged ZZQX."])
        #expect(rowIDs("tag/ZZQX/index.html") == ["08ISLAMABAD1200"])
    }

    @Test func originAndClassificationLists() {
        #expect(rowIDs("origin/embassy-islamabad/index.html") == ["08ISLAMABAD1000", "08ISLAMABAD1100", "08ISLAMABAD1200"])
        #expect(rowIDs("origin/secretary-of-state/index.html") == ["08STATE30000", "08STATE37957", "08STATE40000"])
        site.assertFileContent("origin/embassy-islamabad/index.html", contains: ["<h1>Embassy Islamabad</h1>", "Cables sent by Embassy Islamabad (Pakistan)."])
        #expect(rowIDs("classification/secret/index.html") == ["08STATE37957", "08STATE40000", "08ISLAMABAD1100", "08BAGHDAD500"])
        #expect(rowIDs("classification/unclassified/index.html") == ["07BAGHDAD4000", "08LAHORE300", "08ISLAMABAD1200"])
    }

    @Test func dates() {
        site.assertFileContent("date/index.html", contains: [
            "<a href=\"/date/2007/\"><span class=\"tile-title\">2007</span> <span class=\"tile-count\">1 ",
            "<a href=\"/date/2008/\"><span class=\"tile-title\">2008</span> <span class=\"tile-count\">8 cables</span>",
        ])
        site.assertOrder("date/index.html", ["/date/2007/", "/date/2008/"])
        site.assertFileContent("date/index.html", contains: [], notContains: ["Without a date"])
        site.assertFileContent("date/2008/index.html", contains: [
            "<h1>Cables from 2008</h1>", "<span class=\"count-total\">8 cables</span>",
            "<a href=\"/date/2008/03/\"><span class=\"tile-title\">March</span>",
            "<a href=\"/date/2008/04/\"><span class=\"tile-title\">April</span> <span class=\"tile-count\">5 cables</span>",
            "<a href=\"/date/2007/\" rel=\"prev\">",
        ], notContains: ["/date/2008/01/", "/date/2008/02/", "rel=\"next\""])
        site.assertOrder("date/2008/index.html", ["/date/2008/03/", "/date/2008/04/", "/date/2008/05/", "/date/2008/06/"])
        site.assertFileContent("date/2007/index.html", contains: ["<a href=\"/date/2008/\" rel=\"next\">"])
        #expect(rowIDs("date/2008/04/index.html") == ["08ISLAMABAD1000", "08STATE37957", "08STATE40000", "08ISLAMABAD1100", "08LAHORE300"])
        site.assertFileContent("date/2008/04/index.html", contains: ["<h1>Cables of April 2008</h1>", "<span class=\"count-total\">5 cables</span>"],
                               notContains: ["class=\"pagination\""])
        site.assertMissing(["date/2008/04/page/2/index.html", "date/2008/01/index.html"])
    }

    @Test func tagsGroupedByKindWithGlossaryNames() throws {
        let path = "tag/index.html"
        site.assertOrder(path, ["id=\"kind-subject\">Subjects</h2>", "id=\"kind-program\">Programmes</h2>",
                                "id=\"kind-country\">Countries and areas</h2>", "id=\"kind-other\">Other tags</h2>"])
        site.assertFileContent(path, contains: [
            "<a href=\"/tag/PREL/\"><span class=\"tag-code\">PREL</span> <span class=\"tag-name\">External Political Relations</span></a> <span class=\"count\">9",
            "<a href=\"/tag/KNNP/\"><span class=\"tag-code\">KNNP</span> <span class=\"tag-name\">Nuclear Nonproliferation</span></a> <span class=\"count\">3",
            "<a href=\"/tag/PK/\"><span class=\"tag-code\">PK</span> <span class=\"tag-name\">Pakistan</span></a> <span class=\"count\">4",
            "<a href=\"/tag/ZZQX/\"><span class=\"tag-code\">ZZQX</span>",
        ])
        // each tag in the group of its kind
        let html = try #require(site.text(path))
        func group(_ kind: String) -> String {
            guard let start = html.range(of: "id=\"kind-\(kind)\">") else { return "" }
            let rest = html[start.upperBound...]
            return String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
        }
        #expect(group("subject").contains("/tag/PREL/") && group("subject").contains("/tag/MARR/") && !group("subject").contains("/tag/PK/"))
        #expect(group("country").contains("/tag/PK/") && group("country").contains("/tag/IZ/"))
        #expect(group("program").contains("/tag/KNNP/"))
        #expect(group("other").contains("/tag/ZZQX/"))
        #expect(!html.contains("id=\"kind-organization\""), "no empty group")
    }

    /// An unknown tag has no name: it is shown by its code alone (THEME.md: "a value that is not known is absent").
    @Test func unknownTagIsNotNamedAfterItself() {
        site.assertFileContent("tag/index.html", contains: [], notContains: ["<span class=\"tag-name\">ZZQX</span>"])
        site.assertFileContent("index.html", contains: [], notContains: ["<span class=\"tag-name\">ZZQX</span>"])
    }

    @Test func originsGroupedByCountry() {
        let path = "origin/index.html"
        site.assertOrder(path, ["<h2>Iraq</h2>", "/origin/embassy-baghdad/", "<h2>Pakistan</h2>", "/origin/consulate-lahore/",
                                "/origin/embassy-islamabad/", "<h2>United States</h2>", "/origin/secretary-of-state/"])
        site.assertFileContent(path, contains: [
            "<a href=\"/origin/embassy-islamabad/\">Embassy Islamabad</a> <span class=\"count\">3",
            "<a href=\"/origin/embassy-baghdad/\">Embassy Baghdad</a> <span class=\"count\">2",
        ])
    }

    @Test func classifications() {
        site.assertOrder("classification/index.html", ["/classification/unclassified/", "/classification/confidential/", "/classification/secret/"])
        site.assertFileContent("classification/index.html", contains: [
            "UNCLASSIFIED</a> <span class=\"count\">3", "CONFIDENTIAL</a> <span class=\"count\">2", "SECRET</a> <span class=\"count\">4",
        ], notContains: ["/classification/top-secret/"])
        site.assertMissing(["classification/top-secret/index.html"])
    }

    @Test func home() throws {
        let path = "index.html"
        site.assertFileContent(path, contains: [
            "<title>Test Reading Room</title>",
            "<h1>Test Reading Room</h1>",
            "<strong>9</strong> cables from <strong>4</strong> posts, filed under <strong>9</strong> tags, dated from <strong>30 December 2007</strong> to <strong>1 June 2008</strong>.",
            "<svg class=\"chart\"",
            "<a href=\"/tag/PREL/\"><span class=\"tag-code\">PREL</span> <span class=\"tag-name\">External Political Relations</span></a> <span class=\"count\">9",
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Test Reading Room\" href=\"/feed.xml\">",
        ])
        let html = try #require(site.text(path))
        // the chart: one bar per year, drawn inline (no image, no script)
        #expect(HTML.count("<rect class=\"chart-bar\"", in: html) == 2)
        #expect(html.contains("<title id=\"chart-title\">Cables per year: 2007: 1, 2008: 8</title>"))
        // top tags by count, then code; top posts by count
        site.assertOrder(path, ["toptags-h", "/tag/PREL/", "/tag/PK/", "/tag/KNNP/", "/tag/IZ/"])
        site.assertOrder(path, ["toporigins-h", "/origin/embassy-islamabad/", "/origin/secretary-of-state/", "/origin/embassy-baghdad/", "/origin/consulate-lahore/"])
        // latest first
        #expect(rowIDs(path) == ReadingRoom.ids.reversed())
        // JSON-LD of the site
        let block = try #require(HTML.jsonLD(in: html).first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
        #expect(object["@type"] as? String == "WebSite")
        #expect(object["url"] as? String == "https://example.org/")
    }

    @Test func notFoundPage() {
        site.assertFileContent("404.html", contains: [
            "<title>Page not found · Test Reading Room</title>", "<meta name=\"robots\" content=\"noindex\">", "<h1>Page not found</h1>",
            "href=\"/assets/style.css\"",
        ])
        // served for any address: its links must not be relative
        site.assertFileContent("404.html", contains: [], notContains: ["href=\"../", "src=\"../", "href=\"assets/"])
        // kept out of search engines, it names no canonical address (the two would contradict each other)
        site.assertFileContent("404.html", contains: [], notContains: ["rel=\"canonical\"", "og:url", "Printed from"])
    }

    @Test func freePage() {
        site.assertFileContent("about/index.html", contains: [
            "<title>About the test room · Test Reading Room</title>",
            "<h1>About the test room</h1>",
            "<p>This room exists for the <strong>tests</strong>. Download the <a href=\"../data/cables.json\">JSON</a>. Start at <a href=\"/tag/PREL/\">PREL</a> or",
            "<link rel=\"canonical\" href=\"https://example.org/about/\">",
        ], notContains: ["title: About"])
    }

    @Test func themeAssetsAreCopied() throws {
        let assets = site.root + "/Themes/default/assets"
        for asset in Tree.files(assets) {
            #expect(site.data("assets/" + asset) == FileManager.default.contents(atPath: assets + "/" + asset), "assets/\(asset)")
        }
    }
}
