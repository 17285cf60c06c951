import Foundation
import Testing

/// A cable page's references by the letters of its REF line (`reference_line`), so that a reader can tell what
/// the body's "Ref C" is: the cables among them linked (or "not in this archive"), the rest as written.
@Suite struct LetteredReferenceTests {
    static let site = """
        -- Content/site.yml --
        title: Refs
        base_url: https://example.org/archive
        -- Content/cables/2009/09MADRID869.md --
        ---
        id: "09MADRID869"
        title: "UPDATES IN SPAIN'S INVESTIGATIONS OF RUSSIAN MAFIA"
        date: 2009-08-31T14:49:00Z
        origin: Embassy Madrid
        classification: CONFIDENTIAL
        references: ["09MADRID286", "08MADRID1141", "09STATE12345"]
        reference_line: "A. OSC EUP20080707950031 B. 08 MADRID 1141 C. OSC <EUP> & co D. MADRID 286"
        ---
        ¶1. (C) As reported in Ref A, and see Ref D.
        -- Content/cables/2009/09MADRID286.md --
        ---
        id: "09MADRID286"
        title: "THE CITED CABLE"
        date: 2009-03-10T10:00:00Z
        origin: Embassy Madrid
        classification: SECRET
        references: []
        ---
        Text.
        -- Content/cables/2009/09MADRID900.md --
        ---
        id: "09MADRID900"
        title: "UNLETTERED"
        date: 2009-09-02T10:00:00Z
        origin: Embassy Madrid
        references: ["09MADRID286"]
        reference_line: "MADRID 286 AND PREVIOUS"
        ---
        Text.
        -- Content/cables/2009/09MADRID901.md --
        ---
        id: "09MADRID901"
        title: "NOT A CABLE"
        date: 2009-09-03T10:00:00Z
        origin: Embassy Madrid
        references: []
        reference_line: "EUR/WE E-MAIL OF 09/08/2006"
        ---
        Text.
        -- Content/cables/2009/09MADRID902.md --
        ---
        id: "09MADRID902"
        title: "HAND WRITTEN, WITHOUT THE KEY"
        date: 2009-09-04T10:00:00Z
        origin: Embassy Madrid
        references: ["09MADRID286"]
        ---
        Text.
        """

    @Test("each letter with its text, the cables it names linked, or not in this archive")
    func lettered() throws {
        let site = try SiteFixture(Self.site)
        #expect(!site.report.failed, "errors: \(site.errorLines)")
        let page = "cable/2009/08/09MADRID869/index.html"
        site.assertFileContent(page, contains: [
            "<h2 id=\"refs-h\">References</h2>",
            "<ol class=\"ref-letters\">",
            "<li id=\"ref-a\"><span class=\"ref-letter\">A.</span> <span class=\"ref-text\">OSC EUP20080707950031</span></li>",
            "<li id=\"ref-b\"><span class=\"ref-letter\">B.</span> <span class=\"ref-text\">08 MADRID 1141</span>",
            "<span class=\"mono\">08MADRID1141</span> <span class=\"absent\">(not in this archive)</span>",
            "<li id=\"ref-c\"><span class=\"ref-letter\">C.</span> <span class=\"ref-text\">OSC &lt;EUP&gt; &amp; co</span></li>",
            "<li id=\"ref-d\"><span class=\"ref-letter\">D.</span> <span class=\"ref-text\">MADRID 286</span>",
            "<a class=\"mono\" href=\"/archive/cable/2009/03/09MADRID286/\">09MADRID286</a> <span class=\"cl-title\">THE CITED CABLE</span>",
            // cited, but named by no letter: listed after them
            "<span class=\"mono\">09STATE12345</span> <span class=\"absent\">(not in this archive)</span>",
        ], notContains: ["<p class=\"ref-line\">", "<EUP>"])
        site.assertOrder(page, ["id=\"ref-a\"", "id=\"ref-b\"", "08MADRID1141", "id=\"ref-c\"", "id=\"ref-d\"", "09MADRID286", "09STATE12345"])
        // the body's mentions lead to them
        site.assertFileContent(page, contains: [
            "As reported in Ref <a class=\"ref-link\" href=\"#ref-a\">A</a>, and see Ref <a class=\"ref-link\" href=\"#ref-d\">D</a>.",
        ])
        // the link works: the cited cable's page is there, and cites back
        site.assertFileContent("cable/2009/03/09MADRID286/index.html", contains: [
            "<h2 id=\"refby-h\">Referenced by</h2>", "href=\"/archive/cable/2009/08/09MADRID869/\"",
        ])
    }

    @Test("an unlettered line as written above its cables; a line of no cable alone; no line: as before")
    func unlettered() throws {
        let site = try SiteFixture(Self.site)
        site.assertFileContent("cable/2009/09/09MADRID900/index.html", contains: [
            "<p class=\"ref-line\"><span class=\"ref-label\">REF:</span> MADRID 286 AND PREVIOUS</p>",
            "<a class=\"mono\" href=\"/archive/cable/2009/03/09MADRID286/\">09MADRID286</a>",
        ], notContains: ["ref-letters"])
        site.assertFileContent("cable/2009/09/09MADRID901/index.html", contains: [
            "<h2 id=\"refs-h\">References</h2>",
            "<p class=\"ref-line\"><span class=\"ref-label\">REF:</span> EUR/WE E-MAIL OF 09/08/2006</p>",
        ], notContains: ["ref-letters", "cable-list\">\n</ul>"])
        site.assertFileContent("cable/2009/09/09MADRID902/index.html", contains: [
            "<h2 id=\"refs-h\">References</h2>", "href=\"/archive/cable/2009/03/09MADRID286/\"",
        ], notContains: ["ref-letters", "ref-line"])
    }

    @Test("an edited REF line re-renders the page on the next (incremental) build, as a clean build would")
    func incremental() throws {
        let site = try SiteFixture(Self.site)
        let path = "Content/cables/2009/09MADRID901.md"
        let text = try String(contentsOfFile: site.root + "/" + path, encoding: .utf8)
        try site.write(text.replacing("reference_line: \"EUR/WE E-MAIL OF 09/08/2006\"", with: "reference_line: \"A. EUR/WE E-MAIL OF 09/08/2006 B. MADRID 286\""), to: path)
        #expect(!site.build().failed)
        site.assertFileContent("cable/2009/09/09MADRID901/index.html", contains: [
            "<li id=\"ref-b\"><span class=\"ref-letter\">B.</span> <span class=\"ref-text\">MADRID 286</span></li>",
        ], notContains: ["ref-line"])
        #expect(try site.differencesFromCleanBuild() == [])
    }
}
