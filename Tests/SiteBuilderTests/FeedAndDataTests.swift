import CableKit
import Foundation
@testable import SiteBuilder
import Testing

/// Atom feeds, sitemaps, robots.txt and the data exports of the inline reading room.
@Suite struct FeedAndDataTests {
    let site: SiteFixture

    init() {
        site = SiteFixture.readingRoom
        #expect(!site.report.failed, "errors: \(site.errorLines)")
    }

    @Test func feedsParseAsAtom() throws {
        let feeds = site.allFiles().filter { $0.hasSuffix(".xml") && $0 != "sitemap.xml" && !$0.hasPrefix("sitemaps/") }
        // the site's, one per tag (9) and one per post (4)
        #expect(feeds.count == 1 + 9 + 4, "\(feeds)")
        for tag in ["PREL", "PK", "KNNP", "MNUC", "PARM", "PGOV", "ZZQX", "IZ", "MARR"] { #expect(feeds.contains("tag/\(tag)/feed.xml")) }
        for post in ["secretary-of-state", "embassy-islamabad", "consulate-lahore", "embassy-baghdad"] { #expect(feeds.contains("origin/\(post)/feed.xml")) }
        for path in feeds {
            let xml = XMLDocumentCheck.parse(try #require(site.data(path)))
            #expect(xml.error == nil, "\(path): \(xml.error ?? "")")
            #expect(xml.root == "feed", "\(path)")
            let links = xml.attributes["link"] ?? []
            #expect(links.contains { $0["rel"] == "self" && $0["href"] == "https://example.org/" + path }, "\(path): self link")
            #expect(xml.texts["updated"]?.allSatisfy { $0.hasSuffix("Z") && $0.count == 20 } == true, "\(path): RFC 3339 dates")
        }
    }

    @Test func siteFeedListsNewestFirst() throws {
        let xml = XMLDocumentCheck.parse(try #require(site.data("feed.xml")))
        #expect(xml.error == nil)
        let entryIDs = (xml.texts["id"] ?? []).dropFirst()  // the first id is the feed's
        #expect(Array(entryIDs) == ReadingRoom.ids.reversed().map { id in
            let date = id.hasPrefix("07") ? "2007/12" : ["08STATE30000": "2008/03", "08ISLAMABAD1200": "2008/05", "08BAGHDAD500": "2008/06"][id] ?? "2008/04"
            return "https://example.org/cable/\(date)/\(id)/"
        })
        // titles are escaped, not dropped
        #expect(xml.texts["title"]?.contains("08LAHORE300: CONCERNS ABOUT </script><script>alert(1)</script> & OTHER <TAGS>") == true)
        #expect(xml.texts["updated"]?.first == "2008-06-01T06:00:00Z", "the feed is as new as its newest cable")
        let tag = XMLDocumentCheck.parse(try #require(site.data("tag/PK/feed.xml")))
        #expect(tag.elements.filter { $0 == "entry" }.count == 4)
    }

    /// A cable without a summary had its marking alone as its entry's summary ("SECRET"): the classification is
    /// a category of its own scheme now, and an entry has a summary only when its cable has one.
    @Test func feedEntriesCarryTheClassificationAsACategory() throws {
        let xml = XMLDocumentCheck.parse(try #require(site.data("feed.xml")))
        #expect(xml.error == nil)
        for summary in xml.texts["summary"] ?? [] {
            let markingAlone = Classification.allCases.contains { summary == $0.rawValue || summary.hasPrefix($0.rawValue + "//") && !summary.contains(" — ") }
            #expect(!markingAlone, "a marking alone as a summary: \(summary)")
        }
        #expect(xml.elements.filter { $0 == "summary" }.count < xml.elements.filter { $0 == "entry" }.count, "the fixture has cables without a summary")
        let classified = (xml.attributes["category"] ?? []).filter { $0["scheme"] == "https://example.org/classification/" }
        #expect(!classified.isEmpty && classified.allSatisfy { $0["term"] != nil && $0["label"] != nil }, "\(classified)")
    }

    @Test func sitemapIndexListsEveryPage() throws {
        let index = XMLDocumentCheck.parse(try #require(site.data("sitemap.xml")))
        #expect(index.error == nil, "\(index.error ?? "")")
        #expect(index.root == "sitemapindex")
        var listed: [String] = []
        for loc in index.texts["loc"] ?? [] {
            #expect(loc.hasPrefix("https://example.org/sitemaps/"))
            let part = XMLDocumentCheck.parse(try #require(site.data(String(loc.dropFirst("https://example.org/".count))), "\(loc) exists"))
            #expect(part.error == nil, "\(loc): \(part.error ?? "")")
            #expect(part.root == "urlset")
            listed += part.texts["loc"] ?? []
        }
        #expect(!listed.isEmpty)
        #expect(Set(listed).count == listed.count, "no address twice")
        // every page but those search engines are told to skip
        let pages = site.allFiles().filter { $0.hasSuffix("index.html") }
            .filter { site.text($0)?.contains("<meta name=\"robots\" content=\"noindex") == false }
            .map { "https://example.org/" + $0.dropLast("index.html".count) }
        let missing = Set(pages).subtracting(listed).sorted(), extra = Set(listed).subtracting(pages).sorted()
        #expect(extra.isEmpty, "listed but not built: \(extra)")
        #expect(missing.isEmpty, "built but not listed: \(missing)")
        #expect(!listed.contains { $0.contains("404") })
    }

    @Test func robots() {
        site.assertFileContent("robots.txt", contains: ["User-agent: *", "Sitemap: https://example.org/sitemap.xml"], notContains: ["Disallow: /\n"])
    }

    /// Every feed says the language of its text (`xml:lang`), the site's, as the pages' `<html lang>` does;
    /// it said none, so a reader could not tell a Portuguese reading room from an English one.
    @Test func feedsSayTheSiteLanguage() throws {
        #expect(site.text("feed.xml")?.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">") == true)
        let other = try SiteFixture("-- Content/site.yml --\ntitle: Sala\nbase_url: https://example.org\nlanguage: pt-BR\n" + ReadingRoom.cables)
        #expect(!other.report.failed, "\(other.errorLines)")
        for path in ["feed.xml", "tag/PREL/feed.xml", "origin/embassy-islamabad/feed.xml"] {
            other.assertFileContent(path, contains: ["<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"pt-BR\">"])
        }
    }

    static let frontMatterKeys = ["id", "title", "date", "date_estimated", "origin", "classification", "caveats", "precedence", "to", "info",
                                  "tags", "references", "reference_line", "classified_by", "reasons", "declassify_on", "signed_by", "summary",
                                  "partial", "release", "source", "repairs"]

    @Test func cablesJSON() throws {
        let data = try #require(site.data("data/cables.json"))
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(array.count == 9)
        #expect(array.compactMap { $0["id"] as? String } == ReadingRoom.ids, "one object per cable, in date order")
        for object in array {
            for key in Self.frontMatterKeys { #expect(object.keys.contains(key), "\(object["id"] ?? "?"): no \(key)") }
        }
        let khan = try #require(array.first { $0["id"] as? String == "08STATE37957" })
        #expect(khan["title"] as? String == "POSSIBLE RELEASE OF A.Q. KHAN")
        #expect(khan["date"] as? String == "2008-04-10T22:26:00Z")
        #expect(khan["tags"] as? [String] == ["KNNP", "MNUC", "PARM", "PK", "PREL"])
        #expect(khan["references"] as? [String] == ["08ISLAMABAD1000", "07STATE99999"])
        #expect(khan["caveats"] as? [String] == ["NOFORN", "SIPDIS"])
        #expect(khan["partial"] as? Bool == false)
        #expect(khan["url"] as? String == "https://example.org/cable/2008/04/08STATE37957/")
        let quoted = try #require(array.first { $0["id"] as? String == "08ISLAMABAD1000" })
        #expect(quoted["title"] as? String == "PAKISTAN: \"KHAN\", AGAIN")
    }

    @Test func cablesCSV() throws {
        let text = try #require(site.text("data/cables.csv"))
        #expect(text.hasSuffix("\r\n"), "records end in CRLF")
        let records = try CSV.parse(text)
        let header = try #require(records.first)
        #expect(header == ["id", "date", "date_estimated", "title", "origin", "classification", "caveats", "precedence", "to", "info", "tags",
                           "references", "classified_by", "reasons", "declassify_on", "signed_by", "partial", "url", "reference_line"])
        let rows = Array(records.dropFirst())
        #expect(rows.count == 9, "one row per cable")
        for row in rows { #expect(row.count == header.count, "\(row.first ?? "?"): \(row.count) fields") }
        #expect(rows.map { $0[0] } == ReadingRoom.ids)
        func field(_ id: String, _ name: String) -> String? {
            guard let row = rows.first(where: { $0.first == id }), let k = header.firstIndex(of: name) else { return nil }
            return row[k]
        }
        #expect(field("08STATE37957", "tags") == "KNNP;MNUC;PARM;PK;PREL")
        #expect(field("08STATE37957", "reasons") == "1.4(b);1.4(d)")
        #expect(field("08STATE37957", "url") == "https://example.org/cable/2008/04/08STATE37957/")
        #expect(field("08STATE37957", "reference_line") == "A. ISLAMABAD 1000 B. 07 STATE 99999 C. OSC SAP20080409950012 <E-MAIL> & NOTES")
        #expect(field("08ISLAMABAD1000", "reference_line") == "", "a cable without a REF line has an empty field")
        #expect(field("08ISLAMABAD1000", "title") == "PAKISTAN: \"KHAN\", AGAIN", "quotes and commas survive")
        #expect(field("08ISLAMABAD1200", "title") == "'=HYPERLINK(\"http://example.com\")", "a formula is defused")
        #expect(field("08LAHORE300", "title") == "CONCERNS ABOUT </script><script>alert(1)</script> & OTHER <TAGS>")
    }

    /// A cable's CSV line is its columns, each quoted as `csvField` quotes it, joined by commas, lists by ';' —
    /// written straight into bytes: an empty first field still takes its place, and a field that both starts
    /// like a formula and needs quoting gets both.
    @Test func csvLineIsTheColumnsFieldByField() throws {
        let urls = SiteURLs(config: SiteConfig())
        let cable = Cable(id: "", title: "=SUM(A1), \"B\"", origin: "Embassy Paris", tags: ["PREL", "FR"], references: ["08PARIS1", "08STATE2"],
                          referenceLine: "A. 08PARIS1\r\nB. 08STATE2", summary: "not a column")
        let entry = try #require(DataExports.entry(cable, urls: urls))
        let url = urls.absolute(urls.cable(id: "", date: nil, estimated: false))
        let fields = ["", "", "false", "=SUM(A1), \"B\"", "Embassy Paris", "", "", "", "", "", "PREL;FR", "08PARIS1;08STATE2", "", "", "", "", "false", url,
                      "A. 08PARIS1\r\nB. 08STATE2"]
        #expect(fields.count == DataExports.csvColumns.count)
        #expect(String(decoding: entry.csv, as: UTF8.self) == fields.map(DataExports.csvField).joined(separator: ",") + "\r\n")
        #expect(String(decoding: entry.csv, as: UTF8.self).hasPrefix(",,false,\"'=SUM(A1), \"\"B\"\"\",Embassy Paris,"))
        #expect(String(decoding: entry.json, as: UTF8.self) == CableJSON.object(cable, indent: " ", extra: [("url", CableJSON.string(url))]))
        #expect(DataExports.entry(Cable(), urls: urls) == nil, "a cable without an id has no entry")
    }

    @Test func csvFieldsQuoteWhatSpreadsheetsWouldSplit() {
        #expect(DataExports.csvField("PLAIN TEXT") == "PLAIN TEXT")
        #expect(DataExports.csvField("A, B") == "\"A, B\"")
        #expect(DataExports.csvField("SAID \"NO\"") == "\"SAID \"\"NO\"\"\"")
        #expect(DataExports.csvField("TWO\nLINES") == "\"TWO\nLINES\"")
        #expect(DataExports.csvField("TWO\r\nLINES") == "\"TWO\r\nLINES\"", "a CRLF (one Character) is quoted too")
        #expect(DataExports.csvField("-1") == "'-1")
        #expect(DataExports.csvField("@SUM(A1)") == "'@SUM(A1)")
        #expect(DataExports.csvField("ZÜRICH, GENÈVE") == "\"ZÜRICH, GENÈVE\"")
    }

    /// A list is written item by item as the field of the items joined by ';' would be: quoted when any item
    /// needs it, a formula's mark when the joined field would start like one (an empty first item starts it
    /// with the separator).
    @Test func csvListsAreTheirJoinedField() {
        let lists: [[String]] = [[], [""], ["", ""], ["PREL"], ["PREL", "FR"], ["=X"], ["", "=X"], ["=X", "Y"], ["A, B", "C"], ["A", "SAID \"NO\""],
                                 ["-1", "TWO\nLINES"], ["@", ""], ["ZÜRICH", "GENÈVE"]]
        for items in lists {
            var out = ByteWriter()
            DataExports.appendCSVField(items, to: &out)
            #expect(String(decoding: out.finish(), as: UTF8.self) == DataExports.csvField(items.joined(separator: ";")), "\(items)")
        }
    }
}
