import Foundation
import Testing
@testable import SiteBuilder

/// Sites that must fail (in the manner of zola's invalid.rs): the error names the file and the line, a
/// bad cable is skipped and the rest of the site is still built, and the report says the build failed.
@Suite struct InvalidSiteTests {
    static let khan = "Content/cables/2008/08STATE37957.md"

    /// The reading room with 08STATE37957.md replaced by `text` (a later file of a fixture overwrites an earlier one).
    static func withKhan(_ text: String) throws -> SiteFixture {
        try SiteFixture(ReadingRoom.site + "\n-- \(khan) --\n" + text)
    }

    /// Expects exactly one error, on `path:line`, whose message contains `message`.
    static func expectError(_ site: SiteFixture, _ prefix: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(site.report.failed, "the build must fail", sourceLocation: sourceLocation)
        let lines = site.errorLines.filter { !$0.contains(": warning: ") }
        #expect(lines.count == 1, "one error: \(lines)", sourceLocation: sourceLocation)
        #expect(lines.contains { $0.hasPrefix(prefix) && $0.contains(message) },
                "expected \(prefix)… \(message); got \(lines)", sourceLocation: sourceLocation)
    }

    /// The other eight cables and the indexes are still built; the bad one is not.
    static func expectRestBuilt(_ site: SiteFixture, sourceLocation: SourceLocation = #_sourceLocation) {
        site.assertExists([
            "index.html", "tag/PREL/index.html", "date/2008/04/index.html", "feed.xml", "sitemap.xml", "data/cables.json",
            "cable/2007/12/07BAGHDAD4000/index.html", "cable/2008/03/08STATE30000/index.html", "cable/2008/04/08ISLAMABAD1000/index.html",
            "cable/2008/04/08STATE40000/index.html", "cable/2008/04/08ISLAMABAD1100/index.html", "cable/2008/04/08LAHORE300/index.html",
            "cable/2008/05/08ISLAMABAD1200/index.html", "cable/2008/06/08BAGHDAD500/index.html",
        ], sourceLocation: sourceLocation)
        site.assertMissing(["cable/2008/04/08STATE37957/index.html"], sourceLocation: sourceLocation)
        #expect(site.report.cables == 8, sourceLocation: sourceLocation)
        // the cables citing it now cite a cable that is not in this archive
        site.assertFileContent("cable/2008/04/08STATE40000/index.html", contains: [
            "<span class=\"mono\">08STATE37957</span> <span class=\"absent\">(not in this archive)</span>",
        ], sourceLocation: sourceLocation)
    }

    @Test func badDate() throws {
        let site = try Self.withKhan("""
            ---
            id: "08STATE37957"
            date: 2008-13-45T22:26:00Z
            title: "POSSIBLE RELEASE OF A.Q. KHAN"
            origin: Secretary of State
            ---

            ¶1. (C) Text.
            """)
        Self.expectError(site, "Content/cables/2008/08STATE37957.md:3: error: ", "'date' must be an ISO 8601 date")
        Self.expectRestBuilt(site)
    }

    @Test func badDeclassificationDateOnItsLine() throws {
        let site = try Self.withKhan("""
            ---
            id: "08STATE37957"
            title: "POSSIBLE RELEASE OF A.Q. KHAN"
            date: 2008-04-10T22:26:00Z
            origin: Secretary of State
            declassify_on: 2018-04
            ---

            ¶1. (C) Text.
            """)
        Self.expectError(site, "Content/cables/2008/08STATE37957.md:6: error: ", "'declassify_on' must be a date")
        Self.expectRestBuilt(site)
    }

    /// `tags: PREL, SP` became one tag "PREL, SP" with a page of its own: text with a comma where the format
    /// has a list is an error that shows how to write the list.
    @Test func tagsWrittenAsTextWithCommas() throws {
        let site = try Self.withKhan("""
            ---
            id: "08STATE37957"
            title: "POSSIBLE RELEASE OF A.Q. KHAN"
            date: 2008-04-10T22:26:00Z
            origin: Secretary of State
            tags: PREL, PK
            ---

            ¶1. (C) Text.
            """)
        Self.expectError(site, "Content/cables/2008/08STATE37957.md:6: error: ", "'tags' is a list, not text: write it in brackets, 'tags: [PREL, PK]'")
        Self.expectRestBuilt(site)
        #expect(!site.allFiles().contains { $0.hasPrefix("tag/PREL-PK") })
    }

    /// Read by Chancery's own scanner (the YAML subset it writes).
    @Test func unclosedList() throws {
        let site = try Self.withKhan("""
            ---
            id: "08STATE37957"
            title: "POSSIBLE RELEASE OF A.Q. KHAN"
            tags: [PREL, PK
            origin: Secretary of State
            ---

            ¶1. (C) Text.
            """)
        Self.expectError(site, "Content/cables/2008/08STATE37957.md:4: error: ", ": error: ")
        Self.expectRestBuilt(site)
    }

    // Front matter outside the subset Chancery writes is read by Yams, whose marks count lines from 1
    // (these lines were one too far until edc11c7).

    /// The error is found on line 3 (`a: b` is not a value).
    @Test func badYAML() throws {
        let site = try Self.withKhan("""
            ---
            id: "08STATE37957"
            title: a: b
            date: 2008-04-10T22:26:00Z
            origin: Secretary of State
            ---

            ¶1. (C) Text.
            """)
        Self.expectError(site, "Content/cables/2008/08STATE37957.md:", "error: invalid YAML: mapping values are not allowed")
        Self.expectError(site, "Content/cables/2008/08STATE37957.md:3: error: ", "invalid YAML")
        Self.expectRestBuilt(site)
    }

    /// An indented key continues the value of line 4; the parser finds the stray `:` on line 5.
    @Test func badYAMLIndentation() throws {
        let site = try Self.withKhan("""
            ---
            id: "08STATE37957"
            title: "POSSIBLE RELEASE OF A.Q. KHAN"
            date: 2008-04-10T22:26:00Z
              origin: Secretary of State
            ---

            ¶1. (C) Text.
            """)
        Self.expectError(site, "Content/cables/2008/08STATE37957.md:", "error: invalid YAML")
        Self.expectError(site, "Content/cables/2008/08STATE37957.md:5: error: ", "invalid YAML")
        Self.expectRestBuilt(site)
    }

    /// A block scalar sends the front matter to Yams; a bad value must still name its own line.
    @Test func badValueInFrontMatterReadByYams() throws {
        let site = try Self.withKhan("""
            ---
            id: "08STATE37957"
            summary: |
              A block scalar, which only Yams reads.
            date: 2008-13-45T22:26:00Z
            ---

            ¶1. (C) Text.
            """)
        Self.expectError(site, "Content/cables/2008/08STATE37957.md:", "'date' must be an ISO 8601 date")
        Self.expectError(site, "Content/cables/2008/08STATE37957.md:5: error: ", "'date' must be an ISO 8601 date")
        Self.expectRestBuilt(site)
    }

    /// A key given twice (here read by Yams) is one error line naming the key, not Yams's description
    /// with the whole front matter quoted in it.
    @Test func keyGivenTwiceIsOneErrorLine() throws {
        let site = try Self.withKhan("""
            ---
            id: "08STATE37957"
            summary: |
              A block scalar, which only Yams reads.
            title: "ONE"
            title: "TWO"
            date: 2008-04-10T22:26:00Z
            ---

            ¶1. (C) Text.
            """)
        Self.expectError(site, "Content/cables/2008/08STATE37957.md:5: error: ", "invalid YAML: a key is given twice: 'title'")
        let line = site.errorLines.first ?? ""
        #expect(!line.contains("\n"), "\(line)")
        Self.expectRestBuilt(site)
    }

    /// The same in the front matter Chancery writes (its fast reader took the last value silently).
    @Test func keyGivenTwiceInPlainFrontMatterIsAnError() throws {
        let site = try Self.withKhan("""
            ---
            id: "08STATE37957"
            title: "ONE"
            tags: [PREL]
            title: "TWO"
            date: 2008-04-10T22:26:00Z
            ---

            ¶1. (C) Text.
            """)
        Self.expectError(site, "Content/cables/2008/08STATE37957.md:5: error: ", "invalid YAML: a key is given twice: 'title' (first on line 3)")
        Self.expectRestBuilt(site)
    }

    @Test func unclosedFrontMatter() throws {
        let site = try Self.withKhan("""
            ---
            id: "08STATE37957"
            title: "POSSIBLE RELEASE OF A.Q. KHAN"
            date: 2008-04-10T22:26:00Z

            ¶1. (C) Text.
            """)
        Self.expectError(site, "Content/cables/2008/08STATE37957.md:1: error: ", "front matter is not closed")
        Self.expectRestBuilt(site)
    }

    @Test func missingFrontMatter() throws {
        let site = try Self.withKhan("¶1. (C) Text without front matter.\n")
        Self.expectError(site, "Content/cables/2008/08STATE37957.md:1: error: ", "missing front matter")
        Self.expectRestBuilt(site)
    }

    @Test func idNotMatchingTheFileName() throws {
        let site = try Self.withKhan("""
            ---
            id: "08STATE11111"
            title: "POSSIBLE RELEASE OF A.Q. KHAN"
            date: 2008-04-10T22:26:00Z
            ---

            ¶1. (C) Text.
            """)
        Self.expectError(site, "Content/cables/2008/08STATE37957.md:2: error: ", "the id '08STATE11111' does not match the file name '08STATE37957.md'")
        Self.expectRestBuilt(site)
        site.assertMissing(["cable/2008/04/08STATE11111/index.html"])
    }

    /// The line is the line of `id:`, wherever it is in the front matter.
    @Test func idNotMatchingTheFileNameNamesTheIdLine() throws {
        let site = try Self.withKhan("""
            ---
            title: "POSSIBLE RELEASE OF A.Q. KHAN"
            date: 2008-04-10T22:26:00Z
            id: "08STATE11111"
            ---

            ¶1. (C) Text.
            """)
        Self.expectError(site, "Content/cables/2008/08STATE37957.md:4: error: ", "does not match the file name")
        Self.expectRestBuilt(site)
    }

    @Test func invalidID() throws {
        let site = try Self.withKhan("""
            ---
            id: "not an id"
            title: "POSSIBLE RELEASE OF A.Q. KHAN"
            ---

            ¶1. (C) Text.
            """)
        Self.expectError(site, "Content/cables/2008/08STATE37957.md:2: error: ", "'id' must be a reference id")
        Self.expectRestBuilt(site)
    }

    @Test func unknownClassification() throws {
        let site = try Self.withKhan("""
            ---
            id: "08STATE37957"
            title: "POSSIBLE RELEASE OF A.Q. KHAN"
            date: 2008-04-10T22:26:00Z
            classification: SECRETISH
            ---

            ¶1. (C) Text.
            """)
        Self.expectError(site, "Content/cables/2008/08STATE37957.md:5: error: ", "unknown classification 'SECRETISH'")
        Self.expectRestBuilt(site)
    }

    @Test func duplicateID() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Content/cables/more/08STATE37957.md --
            ---
            id: "08STATE37957"
            title: "A SECOND COPY"
            date: 2008-04-10T22:26:00Z
            ---

            ¶1. (C) Text.
            """)
        #expect(site.report.failed)
        let errors = site.errorLines
        #expect(errors.count == 1, "\(errors)")
        let line = try #require(errors.first)
        #expect(line.hasPrefix("Content/cables/more/08STATE37957.md"), "the second file (in walk order) is the duplicate: \(line)")
        #expect(line.contains("error: duplicate id 08STATE37957") && line.contains("Content/cables/2008/08STATE37957.md"), "\(line)")
        #expect(line.hasPrefix("Content/cables/more/08STATE37957.md:2: error: "), "\(line)")
        // the first one is kept and the whole site is built
        site.assertFileContent("cable/2008/04/08STATE37957/index.html", contains: ["POSSIBLE RELEASE OF A.Q. KHAN"], notContains: ["A SECOND COPY"])
        #expect(site.report.cables == 9)
    }

    @Test func badFreePage() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Content/pages/broken.md --
            ---
            title: [unclosed
            ---

            Text.
            """)
        #expect(site.report.failed)
        #expect(site.errorLines.contains { $0.hasPrefix("Content/pages/broken.md:2: error: ") }, "\(site.errorLines)")
        site.assertExists(["about/index.html", "cable/2008/04/08STATE37957/index.html"])
        site.assertMissing(["broken/index.html"])
    }

    // MARK: site.yml

    @Test(arguments: [
        ("title: Test\nbase_url: https://example.org\ntitel: Typo\n", 3, "unknown key 'titel'"),
        ("title: Test\npage_size: 0\n", 2, "'page_size' must be a whole number from 5 to 1000"),
        ("title: Test\nbase_url: example.org\n", 2, "'base_url' must be an absolute URL starting with http:// or https://"),
        // each of these went through and broke every link (`/archive?x=1/assets/style.css`, a raw space,
        // `Sitemap: https:/sitemap.xml`)
        ("title: Test\nbase_url: https://example.org/archive?x=1\n", 2, "'base_url' must not have a query"),
        ("title: Test\nbase_url: https://example.org/a#frag\n", 2, "'base_url' must not have a fragment"),
        ("title: Test\nbase_url: https://\n", 2, "'base_url' names no host"),
        ("title: Test\nbase_url: https:///archive\n", 2, "'base_url' names no host"),
        ("title: Test\nbase_url: https://user:secret@example.org\n", 2, "'base_url' must not hold a user name or password"),
        ("title: Test\nbase_url: https://exa mple.org\n", 2, "'base_url' has an invalid host or port 'exa mple.org'"),
        ("title: Test\nbase_url: https://example.org:99999\n", 2, "'base_url' has an invalid host or port"),
        ("title: Test\nbase_url: https://example.org//archive\n", 2, "'base_url' must not have an empty, '.' or '..' segment"),
        ("title: Test\nbase_url: https://example.org/a%2\n", 2, "'base_url' has a '%' in its path not followed by two hexadecimal digits"),
        ("title: Test\nlanguage: english\n", 2, "'language' must be a BCP 47 language tag such as en, fr or pt-BR (not 'english')"),
        ("title: Test\nlanguage: en_US\n", 2, "'language' must be a BCP 47 language tag"),
        ("title: Test\nlanguage: e\n", 2, "'language' must be a BCP 47 language tag"),
        ("title: Test\nlanguage: en-\n", 2, "'language' must be a BCP 47 language tag"),
        ("title: Test\nlanguage: en-toolongsubtag\n", 2, "'language' must be a BCP 47 language tag"),
        ("title: Test\ntheme: ../elsewhere\n", 2, "'theme' must be a folder name"),
        ("title: Test\ndescription: a: b\n", 2, "invalid YAML"),
        ("title: Test\npage_size: 20\npage_size: 30\n", 2, "invalid YAML: a key is given twice: 'page_size'"),
        ("title: Test\ntitel:\n", 2, "unknown key 'titel'"),
    ])
    func badSiteYML(yml: String, line: Int, message: String) throws {
        let site = try SiteFixture("-- Content/site.yml --\n" + yml + ReadingRoom.cables)
        Self.expectError(site, "Content/site.yml:\(line): error: ", message)
        // nothing can be built without the configuration
        site.assertMissing(["index.html"])
    }

    /// What the rules of base_url and language accept: ports, IP addresses, paths with spaces or non-ASCII
    /// letters (percent-encoded), the scheme and host lower-cased, trailing slashes dropped; language tags
    /// with region, script or number.
    @Test func goodBaseURLsAndLanguagesAreAccepted() throws {
        for (given, used) in [("https://example.org", "https://example.org"), ("HTTPS://Example.ORG/Archive/", "https://example.org/Archive"),
                              ("http://localhost:8080/", "http://localhost:8080"), ("http://127.0.0.1:4000/a/b", "http://127.0.0.1:4000/a/b"),
                              ("http://[::1]:8080/x", "http://[::1]:8080/x"), ("https://example.org/my%20archive", "https://example.org/my%20archive"),
                              ("https://owner.github.io/reading-room/", "https://owner.github.io/reading-room"),
                              ("https://example.org/~user/cables_2", "https://example.org/~user/cables_2"),
                              // percent-encoded as a browser would: a raw space was written into every link
                              ("https://example.org/my archive/", "https://example.org/my%20archive"),
                              ("https://example.org/café/a%C3%A9", "https://example.org/caf%C3%A9/a%C3%A9")] {
            #expect(SiteConfig.baseURL(given) == used, "\(given)")
            let config = try SiteConfig.parse("base_url: \"\(given)\"\n", path: "Content/site.yml")
            #expect(config.baseURL == used && config.setsBaseURL)
        }
        for language in ["en", "fr", "pt-BR", "zh-Hant-TW", "es-419", "haw", "sr-Latn-RS", "de-CH-1996"] {
            #expect(try SiteConfig.parse("language: \(language)\n", path: "Content/site.yml").language == language)
        }
        #expect(!(try SiteConfig.parse("title: T\n", path: "Content/site.yml")).setsBaseURL)
    }

    /// Error lines are `path:line: error: message`, one line each, so editors and CI can read them.
    @Test func siteYMLSyntaxErrorIsOneLine() throws {
        let site = try SiteFixture("-- Content/site.yml --\ntitle: Test\ndescription: a: b\n" + ReadingRoom.cables)
        Self.expectError(site, "Content/site.yml:2: error: invalid YAML", "mapping values are not allowed")
        let line = site.errorLines.first ?? ""
        #expect(!line.contains("\n") && HTML.count("error:", in: line) == 1, "\(line)")
    }

    @Test func siteYMLThatIsNotAMapping() throws {
        let site = try SiteFixture("-- Content/site.yml --\n- a list\n- not a mapping\n" + ReadingRoom.cables)
        Self.expectError(site, "Content/site.yml:1: error: ", "must be a mapping")
        site.assertMissing(["index.html"])
    }

    @Test func missingTheme() throws {
        let site = try SiteFixture(ReadingRoom.site.replacingOccurrences(of: "theme: default", with: "theme: nowhere"))
        Self.expectError(site, "Content/site.yml", "theme 'nowhere' not found")
        #expect(site.errorLines.first?.hasPrefix("Content/site.yml:5: error: ") == true, "\(site.errorLines)")
    }
}
