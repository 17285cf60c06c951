import Foundation
import Testing
import SiteBuilder

/// Content the sample barely has: cables without a date or with an estimated one, without title, post or
/// classification; tags whose addresses collide; a free page named like a section of the site.
@Suite struct EdgeCaseTests {
    static let undated = """

        -- Content/cables/2009/09STATE1000.md --
        ---
        id: "09STATE1000"
        title: "UNDATED"
        origin: Secretary of State
        classification: CONFIDENTIAL
        tags: [PREL]
        ---

        ¶1. (C) No date.
        -- Content/cables/2009/09STATE2000.md --
        ---
        id: "09STATE2000"
        date: 2009-05-01T00:00:00Z
        date_estimated: true
        tags: [PREL]
        ---

        ¶1. (U) Estimated date; no title, post or classification.
        """

    @Test func undatedCable() throws {
        let site = try SiteFixture(ReadingRoom.site + Self.undated)
        #expect(!site.report.failed, "\(site.errorLines)")
        // filed under its id's year, month 00; listed last in its lists; in no month
        let page = "cable/2009/00/09STATE1000/index.html"
        site.assertFileContent(page, contains: ["<h1 id=\"cable-title\">UNDATED</h1>", "<tr><th scope=\"row\">Reference ID</th><td class=\"mono\">09STATE1000</td></tr>"])
        // (its month page holds the year's estimated dates, not the undated)
        site.assertFileContent("date/2009/00/index.html", contains: ["09STATE2000"], notContains: ["09STATE1000"])
        site.assertFileContent("date/index.html", contains: [
            // the years' counts and this add up to the archive
            "<p class=\"note\">Without a date: 1 cable. They are in no year, and come last in the lists by tag, post and classification.</p>",
        ], notContains: ["/date/2009/\"><span class=\"tile-title\">2009</span> <span class=\"tile-count\">2"])
        site.assertOrder("origin/secretary-of-state/index.html", ["08STATE40000", "09STATE1000"])
        let data = try #require(site.data("data/cables.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(json.last?["id"] as? String == "09STATE1000")
        #expect(json.last?["date"] is NSNull)
        // no empty <time datetime=""> (invalid HTML; the kicker reads "09STATE1000 ·  · Secretary of State")
        site.assertFileContent(page, contains: [], notContains: ["datetime=\"\""])
    }

    /// A feed lists dated cables only: a tag or post whose cables are all undated has no feed (it would be
    /// empty and say it was updated in 1970) and its index page links to none.
    @Test func aTagOrPostOfUndatedCablesOnlyHasNoFeed() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Content/cables/2009/09KABUL1000.md --
            ---
            id: "09KABUL1000"
            title: "UNDATED FROM KABUL"
            origin: Embassy Kabul
            tags: [ZZUNDATED, PREL]
            ---

            ¶1. (U) No date.
            """)
        #expect(!site.report.failed, "\(site.errorLines)")
        site.assertMissing(["tag/ZZUNDATED/feed.xml", "origin/embassy-kabul/feed.xml"])
        site.assertExists(["tag/ZZUNDATED/index.html", "origin/embassy-kabul/index.html", "tag/PREL/feed.xml"])
        for page in ["tag/ZZUNDATED/index.html", "origin/embassy-kabul/index.html"] {
            site.assertFileContent(page, contains: [], notContains: ["feed.xml", "Atom feed"])
        }
        site.assertFileContent("tag/PREL/index.html", contains: ["<link rel=\"alternate\" type=\"application/atom+xml\"", "/tag/PREL/feed.xml"])
        #expect(site.allFiles().filter { $0.hasSuffix("feed.xml") }.allSatisfy { !(site.text($0) ?? "").contains("1970-01-01") })
    }

    @Test func estimatedDateAndMissingFields() throws {
        let site = try SiteFixture(ReadingRoom.site + Self.undated)
        // filed under month 00: its month is not known
        let page = "cable/2009/00/09STATE2000/index.html"
        site.assertMissing(["cable/2009/05/09STATE2000/index.html", "date/2009/05/index.html"])
        site.assertFileContent(page, contains: [
            "<h1 id=\"cable-title\">Cable 09STATE2000</h1>", "<time datetime=\"2009\">",
            "<a href=\"/date/2009/00/\">Date estimated</a>",
            "<title>Cable 09STATE2000 · Test Reading Room</title>",
        ], notContains: ["<tr><th scope=\"row\">Origin</th>", "class=\"banner", "09STATE2000: 09STATE2000"])
        site.assertFileContent("tag/PREL/page/2/index.html", contains: [
            "<a href=\"/cable/2009/00/09STATE2000/\">09STATE2000</a></th>\n<td class=\"col-title\">(no subject)</td>",
        ])
        // the year lists it after its months, apart; its page says why
        site.assertFileContent("date/2009/00/index.html", contains: ["Cables of 2009 whose date is estimated", "only its year is shown"])
        #expect(!(site.text("data/cables.csv") ?? "").contains("/cable/2009/05/09STATE2000/"))
        // the downloads give its date in one format, as the front matter has it, and say it is estimated
        site.assertFileContent("data/cables.csv", contains: ["09STATE2000,2009-05-01T00:00:00Z,true,"])
        site.assertFileContent("data/cables.json", contains: ["\"date\": \"2009-05-01T00:00:00Z\","])
        site.assertFileContent(page, contains: [], notContains: ["(estimated)</time> <span class=\"estimated\">(estimated"])
        // no classification: the row says so (it read "Classification · NODIS" with caveats), and the index counts it
        site.assertFileContent(page, contains: ["<th scope=\"row\">Classification</th><td>Not stated</td>"])
        site.assertFileContent("classification/index.html", contains: ["Without a classification: 1 cable."])
    }

    /// An original in Windows-1252 is published in UTF-8 beside the page (served and fetched as UTF-8, its bytes
    /// showed "Di�pen �quoted�" to readers and in search snippets); the page says so; Content/ keeps the bytes.
    @Test func anOriginalNotInUTF8IsPublishedInUTF8() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Content/cables/2010/10STATE9.md --
            ---
            id: "10STATE9"
            title: "ENCODED"
            date: 2010-02-01T10:00:00Z
            tags: [PREL]
            source:
              format: telegram
              file: "10STATE9.txt"
              encoding: windows-1252
            ---

            ¶1. (U) Van Diepen.
            """)
        let latin: [UInt8] = Array("SUBJECT: ENCODED\n\n1. (U) Van Di".utf8) + [0xE9] + Array("pen ".utf8) + [0x93] + Array("quoted".utf8) + [0x94] + [0x0A]
        try Data(latin).write(to: URL(fileURLWithPath: site.root + "/Content/cables/2010/10STATE9.txt"))
        let report = site.build()
        #expect(!report.failed, "\(site.errorLines)")
        #expect(site.text("cable/2010/02/10STATE9/10STATE9.txt") == "SUBJECT: ENCODED\n\n1. (U) Van Diépen “quoted”\n")
        site.assertFileContent("cable/2010/02/10STATE9/index.html", contains: ["10STATE9.txt</span></a> (in UTF-8: the file imported was windows-1252)</p>"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: site.root + "/Content/cables/2010/10STATE9.txt")) == Data(latin))
        // a UTF-8 original is published as it is, without the note
        site.assertFileContent("cable/2008/04/08STATE37957/index.html", contains: [], notContains: ["the file imported was"])
    }

    /// A date known to the day but not the time (a telegram form's, an archive record's) is shown, marked up
    /// and exported as a day: no made-up "00:00 UTC". The feeds, which need a moment, say its 0:00 UTC.
    @Test func aDayWithoutATimeIsShownAsADay() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Content/cables/1962/62BRUSSELS250.md --
            ---
            id: "62BRUSSELS250"
            title: "A FORM'S DAY"
            date: 1962-08-11
            origin: Embassy Brussels
            tags: [PREL]
            ---

            ¶1. (U) Text.
            """)
        #expect(!site.report.failed, "\(site.errorLines)")
        let page = "cable/1962/08/62BRUSSELS250/index.html"
        site.assertFileContent(page, contains: [
            "<time datetime=\"1962-08-11\">11 August 1962</time>", "\"dateCreated\": \"1962-08-11\"",
        ], notContains: ["00:00 UTC", "1962-08-11T00:00", "(estimated"])
        site.assertFileContent("data/cables.csv", contains: ["62BRUSSELS250,1962-08-11,false,"])
        site.assertFileContent("data/cables.json", contains: ["\"date\": \"1962-08-11\","], notContains: ["1962-08-11T"])
        site.assertFileContent("tag/PREL/feed.xml", contains: ["<updated>1962-08-11T00:00:00Z</updated>"])
    }

    /// An estimated date is a year's 1 January or a guess from the declassification date: the page shows the
    /// year alone, and so must the index rows and the links on other cables' pages, without a made-up day.
    @Test func estimatedDateInRowsAndLinksIsTheYear() throws {
        let site = try SiteFixture(ReadingRoom.site + Self.undated + """

            -- Content/cables/2009/09STATE3000.md --
            ---
            id: "09STATE3000"
            title: "CITES THE ESTIMATED ONE"
            date: 2009-06-01T10:00:00Z
            tags: [PREL]
            references: [09STATE2000]
            ---

            ¶1. (U) See ref.
            """)
        #expect(!site.report.failed, "\(site.errorLines)")
        site.assertFileContent("date/2009/00/index.html", contains: [
            "<td class=\"col-date\">2009 <span class=\"estimated\">(estimated)</span></td>",
        ], notContains: ["2009-05-01"])
        site.assertFileContent("cable/2009/06/09STATE3000/index.html", contains: [
            "<span class=\"cl-date\">2009 (estimated)</span>",
            // a cable without a subject is named as lists name it, not left blank
            "09STATE2000</a> <span class=\"cl-title\">(no subject)</span>",
        ], notContains: ["2009-05-01"])
        // a cable dated for sure is unchanged
        site.assertFileContent("date/2009/06/index.html", contains: ["<td class=\"col-date\">2009-06-01</td>"])
        // the year lists the estimated dates after its months
        let year = try #require(site.text("date/2009/index.html"))
        let estimated = try #require(year.range(of: "/date/2009/00/")), june = try #require(year.range(of: "/date/2009/06/"))
        #expect(june.lowerBound < estimated.lowerBound, "estimated dates after the months")
        #expect(year.contains("Date estimated"))
    }

    /// Cables of the same moment — most often those whose date is estimated as a year's 1 January — are in the
    /// order of their serial numbers, not of their ids as text ("1807" < "482"), in lists and in previous/next.
    @Test func cablesOfOneMomentAreInSerialOrder() throws {
        let cable = { (serial: Int) in """

            -- Content/cables/2005/05PARIS\(serial).md --
            ---
            id: "05PARIS\(serial)"
            title: "SERIAL \(serial)"
            date: 2005-01-01T00:00:00Z
            date_estimated: true
            origin: Embassy Paris
            tags: [FR]
            ---

            ¶1. (U) Text.
            """ }
        let site = try SiteFixture(ReadingRoom.site + cable(1807) + cable(482) + cable(95))
        #expect(!site.report.failed, "\(site.errorLines)")
        site.assertOrder("origin/embassy-paris/index.html", [">05PARIS95<", ">05PARIS482<", ">05PARIS1807<"])
        site.assertFileContent("cable/2005/00/05PARIS482/index.html", contains: [
            "<a href=\"/cable/2005/00/05PARIS95/\" rel=\"prev\">", "<a href=\"/cable/2005/00/05PARIS1807/\" rel=\"next\">",
        ])
    }

    /// Person tags are free text: `OVIP (RICE, CONDOLEEZZA)` and `OVIP (RICE CONDOLEEZZA)` both make the
    /// slug OVIP-RICE-CONDOLEEZZA. Both cables must stay reachable from a tag page, and no address may be
    /// written twice.
    @Test func tagsWhoseAddressesCollide() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Content/cables/2009/09STATE3000.md --
            ---
            id: "09STATE3000"
            title: "WITH A COMMA"
            date: 2009-01-01T00:00:00Z
            tags: ["OVIP (RICE, CONDOLEEZZA)"]
            ---

            ¶1. (U) One.
            -- Content/cables/2009/09STATE4000.md --
            ---
            id: "09STATE4000"
            title: "WITHOUT A COMMA"
            date: 2009-01-02T00:00:00Z
            tags: ["OVIP (RICE CONDOLEEZZA)"]
            ---

            ¶1. (U) Two.
            """)
        let locs = XMLDocumentCheck.parse(try #require(site.data("sitemaps/sitemap-1.xml"))).texts["loc"] ?? []
        let list = site.text("tag/OVIP-RICE-CONDOLEEZZA/index.html") ?? ""
        let reachable = ["09STATE3000", "09STATE4000"].filter { id in
            list.contains(">\(id)</a>") || site.allFiles().contains { $0.hasPrefix("tag/") && $0.hasSuffix("index.html") && site.text($0)?.contains(">\(id)</a>") == true && !$0.hasPrefix("tag/index") }
        }
        #expect(reachable.count == 2, "reachable from a tag page: \(reachable)")
        #expect(Set(locs).count == locs.count, "addresses listed twice: \(Dictionary(grouping: locs, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
    }

    /// A site of one cable says "1 cable from 1 post, filed under 1 tag", not "1 cables from 1 posts": the home
    /// page's counts have their units as every other count has.
    @Test func aOneCableSiteCountsInTheSingular() throws {
        let site = try SiteFixture(ReadingRoom.siteYML + """

            -- Content/cables/2009/09MADRID59.md --
            ---
            id: "09MADRID59"
            title: "ALONE"
            date: 2009-01-23T10:00:00Z
            origin: Embassy Madrid
            tags: [PREL]
            ---

            ¶1. (U) Alone.
            """)
        #expect(!site.report.failed, "\(site.errorLines)")
        site.assertFileContent("index.html", contains: [
            "<strong>1</strong> cable from <strong>1</strong> post, filed under <strong>1</strong> tag, dated from",
        ], notContains: ["cables from", "posts, filed", "tags, dated"])
    }

    /// `Embassy Madrid` and `embassy madrid` both had the address /origin/embassy-madrid/, and one post's
    /// index was lost. As with tags, only one spelling of a name gets the readable address alone (the post
    /// directory's, else capitalised words); any other gets a short hash as well.
    /// A post the directory does not hold keeps a readable address when spelt as the importer names it, its
    /// abbreviations in capitals (`REO Basrah`); another spelling of the same letters gets a hash.
    @Test func postsOutsideTheDirectoryKeepReadableAddresses() {
        #expect(SiteURLs.slug(origin: "REO Basrah") == "reo-basrah" && SiteURLs.slug(origin: "PRT Kirkuk") == "prt-kirkuk")
        #expect(SiteURLs.slug(origin: "US Office Almaty") == "us-office-almaty" && SiteURLs.slug(origin: "Embassy Ouagadougou") == "embassy-ouagadougou")
        for other in ["Reo Basrah", "REO BASRAH", "reo basrah"] {
            #expect(SiteURLs.slug(origin: other).hasPrefix("reo-basrah-"), "\(other)")
        }
    }

    @Test func postsWhoseNamesDifferOnlyInCaseHaveTwoAddresses() throws {
        let site = try SiteFixture(ReadingRoom.site + ReadingRoom.twoSpellingsOfMadrid + """

            -- Content/cables/2009/09OUAGADOUGOU1.md --
            ---
            id: "09OUAGADOUGOU1"
            title: "A POST NAMED BY RULE"
            date: 2009-02-04T10:00:00Z
            origin: Embassy Ouagadougou
            ---

            ¶1. (U) Text.
            """)
        #expect(!site.report.failed, "\(site.errorLines)")
        let lower = SiteURLs.slug(origin: "embassy madrid")
        #expect(lower.hasPrefix("embassy-madrid-") && lower.count == "embassy-madrid-".count + 6, "\(lower)")
        #expect(SiteURLs.slug(origin: "Embassy Madrid") == "embassy-madrid")
        #expect(SiteURLs.slug(origin: "EMBASSY MADRID") != "embassy-madrid")
        #expect(SiteURLs.slug(origin: "Secretary of State") == "secretary-of-state")
        #expect(SiteURLs.slug(origin: "Mission USNATO") == "mission-usnato")
        #expect(SiteURLs.slug(origin: "Embassy Ouagadougou") == "embassy-ouagadougou")
        site.assertFileContent("origin/embassy-madrid/index.html", contains: ["09MADRID97"], notContains: ["09MADRID59"])
        site.assertFileContent("origin/\(lower)/index.html", contains: ["09MADRID59"], notContains: ["09MADRID97"])
        site.assertFileContent("origin/index.html", contains: ["href=\"/origin/embassy-madrid/\">Embassy Madrid</a>", "href=\"/origin/\(lower)/\">embassy madrid</a>",
                                                               "href=\"/origin/embassy-ouagadougou/\">Embassy Ouagadougou</a>"])
        let locs = XMLDocumentCheck.parse(try #require(site.data("sitemaps/sitemap-1.xml"))).texts["loc"] ?? []
        #expect(Set(locs).count == locs.count)
    }

    /// `draft: true` was ignored and the draft published. A draft is left out by `chancery build` (its page,
    /// its menu link, its sitemap entry), shown by the preview server's builds (`drafts: true`), and a build
    /// after a preview removes the page the preview wrote.
    @Test func aDraftPageIsNotPublishedByTheBuild() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Content/pages/methods.md --
            ---
            title: Methods
            menu: Methods
            draft: true
            ---

            Not yet.
            """)
        #expect(!site.report.failed, "\(site.errorLines)")
        site.assertMissing(["methods/index.html"])
        site.assertFileContent("index.html", contains: [], notContains: ["/methods/"])
        let sitemaps = site.allFiles().filter { $0.hasPrefix("sitemap") }.compactMap { site.text($0) }.joined()
        #expect(!sitemaps.contains("/methods/"))
        // a preview shows it
        let preview = SiteBuilder(options: .init(root: site.root, drafts: true)).build()
        #expect(!preview.failed, "\(preview.errors)")
        site.assertFileContent("methods/index.html", contains: ["Not yet."])
        site.assertFileContent("index.html", contains: ["<a href=\"/methods/\">Methods</a>"])
        // and the next build takes it away again
        #expect(!site.build().failed, "\(site.errorLines)")
        site.assertMissing(["methods/index.html"])
        site.assertFileContent("index.html", contains: [], notContains: ["/methods/"])
        #expect(try site.differencesFromCleanBuild().isEmpty)
        // `draft: false` publishes it; a draft that is not true or false is an error
        try site.write("---\ntitle: Methods\ndraft: false\n---\n\nNow.\n", to: "Content/pages/methods.md")
        #expect(!site.build().failed, "\(site.errorLines)")
        site.assertFileContent("methods/index.html", contains: ["Now."])
        try site.write("---\ntitle: Methods\ndraft: soon\n---\n\nNow.\n", to: "Content/pages/methods.md")
        #expect(site.build().failed)
        #expect(site.errorLines.contains("Content/pages/methods.md:3: error: 'draft' must be true or false"), "\(site.errorLines)")
    }

    /// A free page may not take the address of a section: Content/pages/tag.md would be /tag/.
    @Test func freePageNamedLikeASection() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Content/pages/tag.md --
            ---
            title: A page named tag
            ---

            Hello.
            """)
        // whatever happens, the tags directory stays
        site.assertFileContent("tag/index.html", contains: ["<h1>Tags</h1>"], notContains: ["A page named tag"])
        #expect(site.errorLines.contains { $0.hasPrefix("Content/pages/tag.md") }, "an error names the page: \(site.errorLines)")
    }

    /// `About.md` and `about.md` both ask for /about/: one page keeps it (the first by name, so that every
    /// build makes the same site) and the other is an error naming both files.
    @Test func freePagesWhoseAddressesCollide() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Content/pages/Contact.md --
            # Upper

            From Contact.md.
            -- Content/pages/contact.md --
            # Lower

            From contact.md.
            """)
        site.assertFileContent("contact/index.html", contains: ["From Contact.md."], notContains: ["From contact.md."])
        #expect(site.errorLines.contains("Content/pages/contact.md: error: this page's address /contact/ is already taken by Content/pages/Contact.md (page addresses are lower case)"),
                "\(site.errorLines)")
    }

    /// A free page named in another script is served at its own name, and the sitemap (whose protocol wants
    /// URIs) lists its address percent-encoded.
    @Test func aFreePageWithANonASCIINameIsAValidURIInTheSitemap() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Content/pages/über.md --
            # Über dieses Archiv

            Hallo.
            """)
        #expect(!site.report.failed, "\(site.errorLines)")
        site.assertFileContent("über/index.html", contains: ["Hallo."])
        let sitemaps = site.allFiles().filter { $0.hasPrefix("sitemaps/") }.compactMap { site.text($0) }.joined()
        #expect(sitemaps.contains("/%C3%BCber/</loc>"), "\(sitemaps.prefix(300))")
        #expect(!sitemaps.contains("über"))
    }

    /// A base URL with a path in another script: the sitemap index and robots.txt give their addresses as
    /// URIs too, like the sitemaps themselves (they gave `https://example.org/archív/…` raw).
    @Test func aNonASCIIBasePathIsPercentEncodedInTheSitemapIndexAndRobots() throws {
        let site = try SiteFixture(ReadingRoom.site, baseURL: "https://example.org/archív")
        #expect(!site.report.failed, "\(site.errorLines)")
        site.assertFileContent("sitemap.xml", contains: ["<loc>https://example.org/arch%C3%ADv/sitemaps/sitemap-1.xml</loc>"], notContains: ["archív"])
        site.assertFileContent("robots.txt", contains: ["Sitemap: https://example.org/arch%C3%ADv/sitemap.xml\n"], notContains: ["archív"])
        site.assertFileContent("sitemaps/sitemap-1.xml", contains: ["<loc>https://example.org/arch%C3%ADv/</loc>"], notContains: ["archív"])
    }

    /// Control characters a cable's front matter may hold (YAML's `"\\0"`, `"\\a"`) never reach a page: HTML
    /// forbids them (a parse error; browsers show U+FFFD), and the title, OpenGraph tags and citation held
    /// them raw. JSON-LD keeps them as `\\u` escapes, and tab and line breaks stay.
    @Test func controlCharactersInFrontMatterAreDroppedFromPages() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Content/cables/2009/09STATE3000.md --
            ---
            id: "09STATE3000"
            title: "BELL\\aRING"
            date: 2009-05-01T10:00:00Z
            origin: "Embassy\\0 Nowhere"
            tags: [PREL]
            ---

            Body.
            """)
        #expect(!site.report.failed, "\(site.errorLines)")
        let page = "cable/2009/05/09STATE3000/index.html"
        site.assertFileContent(page, contains: [
            "<title>09STATE3000: BELLRING · ", "<meta property=\"og:title\" content=\"09STATE3000: BELLRING\">",
            "<pre class=\"citation\" tabindex=\"0\">Embassy Nowhere. “BELLRING.” Cable 09STATE3000",
            "\"name\": \"BELL\\u0007RING\"",
        ])
        let html = try #require(site.text(page))
        let raw = html.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" }
        #expect(raw.isEmpty, "raw control characters: \(raw.map(\.value))")
    }

    /// A key of site.yml without a value (`title:`, `title: ~`) is a key not given: its default stands, not
    /// the text "~" (which was every page's title) or an empty title.
    @Test func siteYMLKeysWithoutAValueKeepTheirDefaults() throws {
        let site = try SiteFixture("-- Content/site.yml --\ntitle: ~\ndescription:\nbase_url: https://example.org\nlanguage: null\n" + ReadingRoom.cables)
        #expect(!site.report.failed, "\(site.errorLines)")
        site.assertFileContent("tag/PREL/index.html", contains: ["<html lang=\"en\">", " · Cable Reading Room</title>", "A public reading room of diplomatic cables."],
                               notContains: ["~</title>", "lang=\"null\""])
    }

    /// A free page saved with Windows line ends takes its title from its `# ` line as one saved with Unix
    /// ones (the whole file was the title, and the page had no body).
    @Test func freePageWithCRLFLineEndsHasItsHeadingAsTitle() throws {
        let site = try SiteFixture(ReadingRoom.siteYML + "\n-- Content/pages/contact.md --\n", build: false)
        try site.write("# Contact us\r\n\r\nWrite to us.\r\n\r\nSecond paragraph.\r\n", to: "Content/pages/contact.md")
        #expect(!site.build().failed, "\(site.errorLines)")
        site.assertFileContent("contact/index.html", contains: ["<title>Contact us · Test Reading Room</title>", "<h1>Contact us</h1>", "<p>Write to us.</p>"])
    }

    /// `description: ""` in site.yml means no description (no empty lede on the home page, no empty meta
    /// description), and an empty `title` is an error naming its line; a free page whose title is empty takes
    /// the one made from its file name, as a page without one does.
    @Test func emptyTextValuesAreAbsentNotEmpty() throws {
        let site = try SiteFixture("-- Content/site.yml --\ntitle: Empty Values\ndescription: \"\"\nbase_url: https://example.org\n"
            + "-- Content/pages/notes.md --\n---\ntitle: \"  \"\n---\n\nSome notes.\n" + ReadingRoom.cables)
        #expect(!site.report.failed, "\(site.errorLines)")
        site.assertFileContent("index.html", contains: ["<title>Empty Values"],
                               notContains: ["class=\"lede\"", "name=\"description\"", "og:description"])
        site.assertFileContent("notes/index.html", contains: ["<title>Notes · Empty Values</title>", "<h1>Notes</h1>"])
        // a cable's page still describes itself by its summary
        let cable = try #require(site.allFiles().first { $0.hasPrefix("cable/") && $0.hasSuffix("index.html") && site.text($0)?.contains("class=\"summary\"") == true })
        site.assertFileContent(cable, contains: ["<meta name=\"description\" content=\""])

        try site.write("title: \"\"\nbase_url: https://example.org\n", to: "Content/site.yml")
        let report = site.build()
        #expect(report.failed)
        #expect(site.errorLines.contains { $0.hasPrefix("Content/site.yml:1: error: 'title' must not be empty") }, "\(site.errorLines)")
    }
}
