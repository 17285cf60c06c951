import Foundation
import Testing

/// One cable's page, built from the inline reading room of `ReadingRoom`.
@Suite struct CablePageTests {
    let site: SiteFixture
    let page = "cable/2008/04/08STATE37957/index.html"

    init() {
        site = SiteFixture.readingRoom
        #expect(!site.report.failed, "errors: \(site.errorLines)")
    }

    @Test func everyCableHasAPageUnderYearAndMonth() {
        site.assertExists([
            "cable/2007/12/07BAGHDAD4000/index.html", "cable/2008/03/08STATE30000/index.html",
            "cable/2008/04/08ISLAMABAD1000/index.html", "cable/2008/04/08STATE37957/index.html",
            "cable/2008/04/08STATE40000/index.html", "cable/2008/04/08ISLAMABAD1100/index.html",
            "cable/2008/04/08LAHORE300/index.html", "cable/2008/05/08ISLAMABAD1200/index.html",
            "cable/2008/06/08BAGHDAD500/index.html",
        ])
        #expect(site.report.cables == 9)
    }

    @Test func metadataTable() {
        site.assertFileContent(page, contains: [
            "<title>08STATE37957: POSSIBLE RELEASE OF A.Q. KHAN · Test Reading Room</title>",
            "<h1 id=\"cable-title\">POSSIBLE RELEASE OF A.Q. KHAN</h1>",
            "<caption>Cable details</caption>",
            "<tr><th scope=\"row\">Reference ID</th><td class=\"mono\">08STATE37957</td></tr>",
            "<time datetime=\"2008-04-10T22:26:00Z\">10 April 2008, 22:26 UTC</time>",
            "<a class=\"badge cls-secret\" href=\"/classification/secret/\">SECRET</a>",
            "<span class=\"mono marking-line\">SECRET//NOFORN</span>",
            "<li>NOFORN</li><li>SIPDIS</li>",
            "<tr><th scope=\"row\">Origin</th><td><a href=\"/origin/secretary-of-state/\">Secretary of State</a></td></tr>",
            "<tr><th scope=\"row\">Precedence</th><td>IMMEDIATE</td></tr>",
            "<li>AMEMBASSY ISLAMABAD</li>", "<li>AMEMBASSY LONDON</li>",
            "<tr><th scope=\"row\">Classified by</th><td>Richard A. Boucher</td></tr>",
            "<tr><th scope=\"row\">Reasons</th><td>1.4(b), 1.4(d)</td></tr>",
            "<tr><th scope=\"row\">Declassify on</th><td>2018-04-10</td></tr>",
            "<tr><th scope=\"row\">Signed by</th><td>RICE</td></tr>",
        ])
        // tags link to their index, with the glossary's names
        site.assertFileContent(page, contains: [
            "<a href=\"/tag/PREL/\"><span class=\"tag-code\">PREL</span> <span class=\"tag-name\">External Political Relations</span></a>",
            "<a href=\"/tag/PK/\"><span class=\"tag-code\">PK</span> <span class=\"tag-name\">Pakistan</span></a>",
            "<a href=\"/tag/KNNP/\"><span class=\"tag-code\">KNNP</span> <span class=\"tag-name\">Nuclear Nonproliferation</span></a>",
        ])
        site.assertOrder(page, ["Cable details", "Reference ID", "Date", "Classification", "Origin", "Tags", "Classified by"])
    }

    /// The banner at the head and foot of the page reads as the marking does, once: `SECRET//NOFORN`, not
    /// `SECRET SECRET//NOFORN`; a cable without caveats shows its classification alone.
    @Test func bannerShowsTheMarkingOnce() {
        site.assertFileContent(page, contains: [
            "<p class=\"banner cls-secret\"><span class=\"visually-hidden\">Classification: </span><span class=\"banner-marking\">SECRET//NOFORN</span></p>",
            "<p class=\"banner banner-foot cls-secret\" aria-hidden=\"true\">SECRET//NOFORN</p>",
        ], notContains: ["SECRET SECRET"])
        site.assertFileContent("cable/2008/06/08BAGHDAD500/index.html", contains: [
            "<p class=\"banner cls-secret\"><span class=\"visually-hidden\">Classification: </span>SECRET</p>",
        ])
    }

    @Test func unknownTagShowsItsCodeOnly() {
        site.assertFileContent("cable/2008/05/08ISLAMABAD1200/index.html", contains: [
            "<a href=\"/tag/ZZQX/\"><span class=\"tag-code\">ZZQX</span></a>",
        ])
    }

    @Test func bodyParagraphAnchorsMarkingsAndRedactions() throws {
        site.assertFileContent(page, contains: [
            "<p class=\"para\" id=\"p1\">", "<p class=\"para\" id=\"p2\">", "<p class=\"para\" id=\"p3\">", "<p class=\"para\" id=\"p4\">",
            "<a class=\"para-link\" href=\"#p4\"",
            "<span class=\"marking marking-c\">(C)</span> Washington is concerned",
            "<span class=\"marking marking-s\">(S/NF)</span> Post should raise",
            "<span class=\"marking marking-u\">(U)</span> No further action.",
            "<span class=\"marking marking-s\">(S)</span> Begin talking points.",
            "<span class=\"redacted\" title=\"Redacted\">XXXXXXXXXXXX</span>",
        ], notContains: ["¶1. (C)", "<p>¶"])
        let html = try #require(site.text(page))
        // each ¶ link points at an anchor of the page, and each numbered paragraph has exactly one
        let ids = HTML.ids(in: html)
        for n in 1...4 {
            #expect(ids.contains("p\(n)"))
            #expect(HTML.count("id=\"p\(n)\"", in: html) == 1)
        }
        #expect(!ids.contains("p5"))
        // no aria-label on the redaction span (not allowed on a plain span)
        #expect(!html.contains("<span class=\"redacted\" aria-label"))
    }

    /// THEME.md: "a leading `<a class="para-link" href="#pN" aria-label="Link to paragraph N">¶</a>N.`"
    @Test func paragraphLinkHasTheDocumentedAccessibleName() {
        site.assertFileContent(page, contains: ["<a class=\"para-link\" href=\"#p4\" aria-label=\"Link to paragraph 4\">¶</a>4."])
    }

    @Test func referencesBothWaysAndAbsentOnes() {
        site.assertFileContent(page, contains: [
            "<h2 id=\"refs-h\">References</h2>",
            "<a class=\"mono\" href=\"/cable/2008/04/08ISLAMABAD1000/\">08ISLAMABAD1000</a> <span class=\"cl-title\">PAKISTAN: &quot;KHAN&quot;, AGAIN</span>",
            "<span class=\"mono\">07STATE99999</span> <span class=\"absent\">(not in this archive)</span>",
            "<h2 id=\"refby-h\">Referenced by</h2>",
            "<a class=\"mono\" href=\"/cable/2008/04/08STATE40000/\">08STATE40000</a>",
            "<a class=\"mono\" href=\"/cable/2008/04/08ISLAMABAD1100/\">08ISLAMABAD1100</a>",
        ], notContains: ["href=\"/cable/2007/00/07STATE99999/\"", "07STATE99999/\""])
        // references in the order the cable gives them; backlinks in date order
        site.assertOrder(page, ["refs-h", "08ISLAMABAD1000", "07STATE99999", "refby-h", "08STATE40000", "08ISLAMABAD1100"])
        // the cited cable shows the citing one
        site.assertFileContent("cable/2008/04/08ISLAMABAD1000/index.html", contains: [
            "<h2 id=\"refby-h\">Referenced by</h2>", "<a class=\"mono\" href=\"/cable/2008/04/08STATE37957/\">08STATE37957</a>",
        ], notContains: ["<h2 id=\"refs-h\">References</h2>"])
        // a cable that cites nothing and is cited by nothing has neither section
        site.assertFileContent("cable/2008/06/08BAGHDAD500/index.html", contains: [], notContains: ["refs-h", "refby-h"])
    }

    @Test func relatedCablesShareTags() throws {
        let html = try #require(site.text(page))
        let section = try #require(html.range(of: "<h2 id=\"related-h\">Related cables</h2>").map { html[$0.upperBound...] })
        let list = String(section[..<(section.range(of: "</section>")?.lowerBound ?? section.endIndex)])
        // 08STATE30000 and 08LAHORE300 share PREL (and PK); 08STATE40000 shares KNNP and PREL and 08ISLAMABAD1000
        // PK and PREL, but the page lists them already, as citing and cited: related cables are others
        #expect(list.contains("href=\"/cable/2008/03/08STATE30000/\""))
        #expect(list.contains("href=\"/cable/2008/04/08LAHORE300/\""))
        for shown in ["2008/04/08STATE40000", "2008/04/08ISLAMABAD1000", "2008/04/08ISLAMABAD1100"] {
            #expect(!list.contains("href=\"/cable/\(shown)/\""), "\(shown) is listed as citing or cited, not again as related")
        }
        #expect(!list.contains("href=\"/cable/2008/04/08STATE37957/\""), "a cable is not related to itself")
        #expect(HTML.count("<li>", in: list) <= 6, "related: 6 by default")
    }

    @Test func previousAndNextFromTheSamePost() {
        // Secretary of State: 08STATE30000 (25 Mar) → 08STATE37957 (10 Apr) → 08STATE40000 (12 Apr)
        site.assertFileContent(page, contains: [
            "<a href=\"/cable/2008/03/08STATE30000/\" rel=\"prev\">", "<a href=\"/cable/2008/04/08STATE40000/\" rel=\"next\">",
        ])
        site.assertFileContent("cable/2008/03/08STATE30000/index.html", contains: ["<a href=\"/cable/2008/04/08STATE37957/\" rel=\"next\">"],
                               notContains: ["rel=\"prev\""])
        site.assertFileContent("cable/2008/04/08STATE40000/index.html", contains: ["<a href=\"/cable/2008/04/08STATE37957/\" rel=\"prev\">"],
                               notContains: ["rel=\"next\""])
        // Embassy Islamabad, not the chronologically adjacent cable of another post
        site.assertFileContent("cable/2008/04/08ISLAMABAD1100/index.html", contains: [
            "<a href=\"/cable/2008/04/08ISLAMABAD1000/\" rel=\"prev\">", "<a href=\"/cable/2008/05/08ISLAMABAD1200/\" rel=\"next\">",
        ])
        // alone from its post: no navigation
        site.assertFileContent("cable/2008/04/08LAHORE300/index.html", contains: [], notContains: ["class=\"cable-nav\""])
    }

    @Test func originalBesideThePage() throws {
        site.assertFileContent(page, contains: [
            "<a href=\"/cable/2008/04/08STATE37957/08STATE37957.txt\">Original text file: <span class=\"mono\">08STATE37957.txt</span></a>",
        ])
        let copy = try #require(site.data("cable/2008/04/08STATE37957/08STATE37957.txt"))
        #expect(copy == Data((ReadingRoom.original + "\n").utf8))
        // cables without an original have no link
        site.assertFileContent("cable/2008/04/08STATE40000/index.html", contains: [], notContains: ["Original text file"])
    }

    @Test func jsonLDParses() throws {
        for id in ReadingRoom.ids {
            let path = try #require(site.allFiles().first { $0.hasSuffix("/\(id)/index.html") })
            let html = try #require(site.text(path))
            let blocks = HTML.jsonLD(in: html)
            #expect(blocks.count == 1, "\(path): one JSON-LD block")
            guard let block = blocks.first else { continue }
            let object = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any], "\(path): JSON-LD is an object")
            #expect(object["@context"] as? String == "https://schema.org")
            #expect(object["identifier"] as? String == id)
            #expect(object["url"] as? String == "https://example.org/" + path.dropLast("index.html".count))
        }
        // a title that tries to close the script: still one script element, and the JSON holds the title as written
        let html = try #require(site.text("cable/2008/04/08LAHORE300/index.html"))
        #expect(HTML.count("</script>", in: html) == HTML.count("<script", in: html))
        let block = try #require(HTML.jsonLD(in: html).first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "CONCERNS ABOUT </script><script>alert(1)</script> & OTHER <TAGS>")
        #expect(html.contains("<title>08LAHORE300: CONCERNS ABOUT &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; OTHER &lt;TAGS&gt; · Test Reading Room</title>"))
    }

    @Test func titlesAreEscapedInTextAndAttributes() {
        site.assertFileContent("cable/2008/04/08ISLAMABAD1000/index.html", contains: [
            "<title>08ISLAMABAD1000: PAKISTAN: &quot;KHAN&quot;, AGAIN · Test Reading Room</title>",
            "<meta property=\"og:title\" content=\"08ISLAMABAD1000: PAKISTAN: &quot;KHAN&quot;, AGAIN\">",
            "<h1 id=\"cable-title\">PAKISTAN: &quot;KHAN&quot;, AGAIN</h1>",
        ], notContains: ["\"KHAN\""])
        site.assertFileContent("cable/2008/04/08LAHORE300/index.html", contains: [
            "<h1 id=\"cable-title\">CONCERNS ABOUT &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; OTHER &lt;TAGS&gt;</h1>",
        ], notContains: ["<script>alert(1)", "&amp;lt;", "&amp;amp;"])
    }

    @Test func citationAndCanonical() {
        site.assertFileContent(page, contains: [
            "<link rel=\"canonical\" href=\"https://example.org/cable/2008/04/08STATE37957/\">",
            "<meta property=\"og:type\" content=\"article\">",
            "<meta property=\"og:url\" content=\"https://example.org/cable/2008/04/08STATE37957/\">",
            "<p class=\"wrap print-only\">Printed from https://example.org/cable/2008/04/08STATE37957/</p>",
            "Secretary of State. “POSSIBLE RELEASE OF A.Q. KHAN.” Cable 08STATE37957, 10 April 2008. SECRET//NOFORN. Test Reading Room. https://example.org/cable/2008/04/08STATE37957/",
        ])
    }

    @Test func breadcrumbsLeadToTheMonth() {
        site.assertOrder(page, ["aria-label=\"Breadcrumb\"", "<a href=\"/\">Home</a>", "<a href=\"/date/\">Dates</a>",
                                "<a href=\"/date/2008/\">2008</a>", "<a href=\"/date/2008/04/\">April</a>"])
    }
}
