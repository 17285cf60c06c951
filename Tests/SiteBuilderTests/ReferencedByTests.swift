import Foundation
@testable import SiteBuilder
import Testing

/// A cable's "Referenced by" section at archive scale: a cable cited more often than `referenced_by` (20)
/// lists the first citing cables by date, says how many cite it, and links to the search listing them all
/// (`/search/?cites=ID`), which the index answers from its `r:` terms.
@Suite struct ReferencedByTests {
    static let cited = "09MADRID286"

    /// `09MADRID286` cited by `count` cables, one a day from 1 April 2009 (`09MADRID1001`, …), and
    /// `09MADRID900`, cited by exactly `limit` of them.
    static func site(citing count: Int, config: String = "") -> String {
        var text = """
            -- Content/site.yml --
            title: Citations
            base_url: https://example.org/archive
            \(config)
            -- Content/cables/2009/09MADRID286.md --
            ---
            id: "09MADRID286"
            title: "THE CITED CABLE"
            date: 2009-03-10T10:00:00Z
            origin: Embassy Madrid
            classification: SECRET
            tags: [PREL, SP]
            references: []
            ---
            Text.
            -- Content/cables/2009/09MADRID900.md --
            ---
            id: "09MADRID900"
            title: "CITED TWENTY TIMES"
            date: 2009-03-11T10:00:00Z
            origin: Embassy Madrid
            references: []
            ---
            Text.

            """
        for k in 1...count { text += citer(k) }
        return text
    }

    static func citer(_ k: Int, title: String? = nil) -> String {
        let day = (k - 1) % 28 + 1, month = 4 + (k - 1) / 28
        let refs = k <= 20 ? "[\"09MADRID286\", \"09MADRID900\"]" : "[\"09MADRID286\"]"
        return """
            -- \(path(k)) --
            ---
            id: "09MADRID\(1000 + k)"
            title: "\(title ?? "CITING CABLE \(k)")"
            date: 2009-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)T10:00:00Z
            origin: Embassy Madrid
            tags: [\(k % 2 == 0 ? "PREL" : "ECON")]
            references: \(refs)
            ---
            Text \(k).

            """
    }

    static func path(_ k: Int) -> String { "Content/cables/2009/09MADRID\(1000 + k).md" }

    let page = "cable/2009/03/09MADRID286/index.html"

    /// The section of the page between its heading and the end of its section.
    func section(_ site: SiteFixture) throws -> String {
        let html = try #require(site.text(page))
        let start = try #require(html.range(of: "<h2 id=\"refby-h\">Referenced by</h2>"))
        let rest = html[start.upperBound...]
        return String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
    }

    @Test("cited 25 times: the first 20 by date, how many in all, and a link to the search of them all")
    func cut() throws {
        let site = try SiteFixture(Self.site(citing: 25))
        #expect(!site.report.failed, "\(site.errorLines)")
        let list = try section(site)
        #expect(HTML.count("<li>", in: list) == 20, "\(list)")
        for k in 1...20 { #expect(list.contains(">09MADRID\(1000 + k)</a>"), "09MADRID\(1000 + k) is among the first 20") }
        for k in 21...25 { #expect(!list.contains(">09MADRID\(1000 + k)</a>"), "09MADRID\(1000 + k) is not listed") }
        site.assertFileContent(page, contains: [
            "<p class=\"count-line\">25 cables in this archive cite this one: the first 20, by date.</p>",
            "<p class=\"more-link\"><a href=\"/archive/search/?cites=09MADRID286\">List all 25 cables citing 09MADRID286</a>, to search and filter them</p>",
        ])
        site.assertOrder(page, ["refby-h", "count-line", ">09MADRID1001<", ">09MADRID1020<", "more-link", "cite-h"])
        // cited exactly as often as a page lists: all of them, and nothing more to say
        site.assertFileContent("cable/2009/03/09MADRID900/index.html", contains: [">09MADRID1020</a>"], notContains: ["count-line", "more-link"])
        // the index the link asks: every citing cable has the cited id's r: terms
        let record = try #require(ContentLoader(root: site.root).loadCables(cache: [:]).records.first { $0.id == "09MADRID1025" })
        #expect(SearchDocument.filterTerms(record).contains("r:09madrid286") && SearchDocument.filterTerms(record).contains("r:madrid286"))
    }

    @Test("referenced_by in site.yml sets how many the page lists")
    func configured() throws {
        let site = try SiteFixture(Self.site(citing: 5, config: "referenced_by: 3"))
        #expect(!site.report.failed, "\(site.errorLines)")
        #expect(HTML.count("<li>", in: try section(site)) == 3)
        site.assertFileContent(page, contains: ["5 cables in this archive cite this one: the first 3, by date.", "List all 5 cables citing 09MADRID286"])
        #expect(throws: BuildError.self) { try SiteConfig.parse("referenced_by: 0", path: "site.yml") }
    }

    /// A citing cable whose (hand-edited) front matter names the cited cable twice is listed and counted
    /// once, as the search the page links to counts it.
    @Test func aReferenceNamedTwiceCountsOnce() throws {
        let twice = Self.citer(21).replacingOccurrences(of: "references: [\"09MADRID286\"]", with: "references: [\"09MADRID286\", \"09MADRID286\"]")
        #expect(twice.contains("[\"09MADRID286\", \"09MADRID286\"]"))
        let site = try SiteFixture(Self.site(citing: 20, config: "referenced_by: 21") + twice)
        #expect(!site.report.failed, "\(site.errorLines)")
        let list = try section(site)
        #expect(HTML.count("<li>", in: list) == 21 && HTML.count(">09MADRID1021</a>", in: list) == 1, "\(list)")
        site.assertFileContent(page, contains: [], notContains: ["count-line", "more-link"])
    }

    /// The page is kept while what it shows is the same (a citing cable it does not list is retitled) and
    /// rendered again when the count changes (a 26th citing cable, dated last), or when the list falls to
    /// the limit; each time as a clean build makes it.
    @Test("incremental builds show what a clean build shows")
    func incremental() throws {
        let site = try SiteFixture(Self.site(citing: 25))
        #expect(!site.report.failed, "\(site.errorLines)")
        let before = try #require(site.text(page))

        try site.write(String(Self.citer(23, title: "RETITLED").split(separator: "\n", maxSplits: 1)[1]), to: Self.path(23))
        var report = site.build()
        #expect(!report.failed, "\(site.errorLines)")
        #expect(site.text(page) == before, "a citing cable the page does not list changes nothing on it")
        #expect(try site.differencesFromCleanBuild() == [])

        try site.write(String(Self.citer(26).split(separator: "\n", maxSplits: 1)[1]), to: Self.path(26))
        report = site.build()
        #expect(!report.failed, "\(site.errorLines)")
        site.assertFileContent(page, contains: ["26 cables in this archive cite this one: the first 20, by date.", "List all 26 cables"])
        #expect(try site.differencesFromCleanBuild() == [])

        for k in 21...26 { try FileManager.default.removeItem(atPath: site.root + "/" + Self.path(k)) }
        report = site.build()
        #expect(!report.failed, "\(site.errorLines)")
        site.assertFileContent(page, contains: [">09MADRID1020</a>"], notContains: ["count-line", "more-link", "cites="])
        #expect(try site.differencesFromCleanBuild() == [])
    }
}
