import Foundation
import Testing
@testable import CableKit

/// The WikiLeaks pages of the sample corpus: `<repo>/../shared/corpus/cablegate/*.html`.
private let cablegateURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // CableKitTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // repository root
    .appendingPathComponent("../shared/corpus/cablegate")
    .standardizedFileURL

private func corpusPages() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(atPath: cablegateURL.path)
        .filter { $0.hasSuffix(".html") }.sorted().map { cablegateURL.appendingPathComponent($0) }
}

private func text(_ url: URL) throws -> String {
    String(decoding: try Data(contentsOf: url), as: UTF8.self)
}

private func squeezed(_ s: String) -> String {
    s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
}

/// `<` starting a tag or closing tag: what must never survive in the text.
private func hasTagRemnant(_ s: String) -> Bool {
    let u = Array(s.utf8)
    for i in u.indices.dropLast() where u[i] == UInt8(ascii: "<") {
        let c = u[i + 1] | 0x20
        if (c >= 0x61 && c <= 0x7A) || u[i + 1] == UInt8(ascii: "/") || u[i + 1] == UInt8(ascii: "!") { return true }
    }
    return false
}

/// A page in the Cablegate layout around the given table rows and blocks.
private func page(table: String? = nil, blocks: [String]) -> String {
    var html = "<?xml version='1.0' encoding='utf-8' ?>\n<html lang='en'>\n<head><title>Cable Viewer</title></head>\n<body>\n"
    if let table { html += "<table class='cable'>\n\(table)\n</table>\n" }
    for block in blocks { html += "<code><pre>\(block)</pre></code>\n" }
    return html + "</body>\n</html>\n"
}

private let cablegateTable = """
<tr>
<th>Reference ID</th>
<th>Created</th>
<th>Released</th>
<th>Classification</th>
<th>Origin</th>
</tr>
<tr>
<td>
<a href='/cable/2009/02/09CAIRO231.html'>09CAIRO231</a>
</td>
<td>
<a href='/date/2009-02_0.html'>2009-02-09 16:04</a>
</td>
<td>
<a href='/reldate/2010-11-28_0.html'>2010-11-28 18:06</a>
</td>
<td>
<a href='/classification/4_0.html' title='secret//noforn'>SECRET//NOFORN</a>
</td>
<td>
<a href='/origin/77_0.html'>Embassy Cairo</a>
</td>
</tr>
"""

@Suite struct WikiLeaksPageTests {
    @Test func corpusPagesMatchExpectedMetadata() throws {
        let data = try Data(contentsOf: cablegateURL.appendingPathComponent("expected.json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        let pages = try corpusPages()
        #expect(pages.count >= 10)
        for url in pages {
            let key = url.deletingPathExtension().lastPathComponent
            let meta = try #require(expected[key], "\(key) is not in expected.json")
            let page = try WikiLeaksPage.parse(try text(url))
            #expect(page.id == meta["id"] as? String, "\(key)")
            #expect(page.created == meta["created"] as? String, "\(key)")
            #expect(page.released == meta["released"] as? String, "\(key)")
            // The table's classification is the full marking, caveats included (`SECRET//NOFORN`).
            #expect(page.classification == meta["classification"] as? String, "\(key)")
            #expect(page.origin == meta["origin"] as? String, "\(key)")
        }
    }

    @Test func corpusPagesGiveCleanTelegramText() throws {
        let pages = try corpusPages()
        #expect(pages.count >= 10)
        for url in pages {
            let key = url.deletingPathExtension().lastPathComponent
            let page = try WikiLeaksPage.parse(try text(url))
            for part in [page.header, page.body] {
                #expect(!hasTagRemnant(part), "\(key)")
                #expect(!part.contains("&#"), "\(key)")
                #expect(!part.contains("&amp;") && !part.contains("&lt;") && !part.contains("&gt;"), "\(key)")
            }
            #expect(!page.body.hasSuffix(">"), "\(key)")
            // The header is the routing block: a message header, a partial-extract notice or the INFO list.
            let routingStarts = ["VZCZC", "This record is a partial extract", "INFO "]
            #expect(routingStarts.contains { page.header.hasPrefix($0) }, "\(key): \(page.header.prefix(40))")
            #expect(page.body.contains("¶") || page.body.contains("1."), "\(key)")
            // The corpus has each page's telegram as text too (with other line wrapping and a
            // trailing `>`): the words must be the same.
            let txt = try text(cablegateURL.appendingPathComponent(key + ".txt"))
            var words = squeezed(txt)
            if words.hasSuffix(" >") { words.removeLast(2) }
            #expect(squeezed(page.telegramText) == words, "\(key)")
            #expect(page.telegramText == page.header + "\n\n" + page.body)
        }
    }

    @Test func markupBecomesText() throws {
        let body = "C O N F I D E N T I A L&#x000A;E.O. 12958: DECL: 11/29/10 TAGS: "
            + "<a href='/tag/PGOV_0.html'>PGOV</a> <a href=\"/tag/ZI_0.html\">ZI</a>&#x000A;&#x000A;"
            + "<a id='par1' href='#par1'>¶</a>1. (C) &#8220;Quoted&#8221; &amp; &lt;angled&gt; &quot;x&quot; &apos;y&apos;"
            + "&nbsp;S&ED, AT&T; caf&eacute; &Agrave;&yuml;&divide; &#146;92&#x2019; &mdash; &bogus; &#xZZ; 3 < 4<br>"
            + "next<br />line<BR/>end<!-- comment -->&#x000A; CONFIDENTIAL&#x000A;>"
        let parsed = try WikiLeaksPage.parse(page(table: cablegateTable, blocks: ["VZCZCXRO6435&#x000A;OO RUEHROV", body]))
        #expect(parsed.header == "VZCZCXRO6435\nOO RUEHROV")
        #expect(parsed.body == """
            C O N F I D E N T I A L
            E.O. 12958: DECL: 11/29/10 TAGS: PGOV ZI

            ¶1. (C) “Quoted” & <angled> "x" 'y' S&ED, AT&T; café Àÿ÷ ’92’ — &bogus; &#xZZ; 3 < 4
            next
            line
            end
             CONFIDENTIAL
            """)
        #expect(parsed.id == "09CAIRO231")
        #expect(parsed.classification == "SECRET//NOFORN")
        #expect(parsed.telegramText.hasPrefix("VZCZCXRO6435\nOO RUEHROV\n\nC O N F I D E N T I A L\n"))
    }

    @Test func singlePreIsTheBody() throws {
        let parsed = try WikiLeaksPage.parse(page(blocks: ["&#x000A;VZCZC&#x000A;&#x000A;SUBJECT: X&#x000A;"]))
        #expect(parsed.header == "")
        #expect(parsed.body == "VZCZC\n\nSUBJECT: X")
        #expect(parsed.telegramText == parsed.body)
        #expect(parsed.id == nil)
    }

    @Test func mirrorLayoutWithHeaderAndValueSideBySide() throws {
        let table = """
            <tr><th>Reference ID:</th><td><a href='x'>06MADRID76</a></td></tr>
            <tr><th>Created</th><td>2006-01-12 17:05</td></tr>
            <tr><th>Released</th><td>2010-12-10 12:12</td></tr>
            <tr><th>Classification</th><td>CONFIDENTIAL</td></tr>
            <tr><th>Origin</th><td>Embassy   Madrid</td></tr>
            """
        let html = page(table: table, blocks: ["HEADER", "BODY"]).replacingOccurrences(of: "class='cable'", with: "class=\"cable wide\"")
        let parsed = try WikiLeaksPage.parse(html)
        #expect(parsed == WikiLeaksPage(id: "06MADRID76", created: "2006-01-12 17:05", released: "2010-12-10 12:12",
                                        classification: "CONFIDENTIAL", origin: "Embassy Madrid", header: "HEADER", body: "BODY"))
    }

    @Test func tableWithoutPre() throws {
        let parsed = try WikiLeaksPage.parse(page(table: cablegateTable, blocks: []))
        #expect(parsed.origin == "Embassy Cairo")
        #expect(parsed.telegramText == "")
    }

    @Test func notACablePage() {
        #expect(throws: WikiLeaksPageError(line: 1, message: "no cable table and no <pre> block: not a WikiLeaks cable page")) {
            try WikiLeaksPage.parse("<html><body><table class='other'><tr><td>x</td></tr></table></body></html>")
        }
        #expect(throws: WikiLeaksPageError.self) { try WikiLeaksPage.parse("") }
    }

    @Test func unterminatedPreReportsItsLine() {
        let html = "<html>\n<body>\n<code><pre>VZCZC&#x000A;\nno end\n</body></html>"
        #expect(throws: WikiLeaksPageError(line: 3, message: "unterminated <pre> block")) {
            try WikiLeaksPage.parse(html)
        }
    }

    @Test func detector() throws {
        for url in try corpusPages() {
            let head = try Data(contentsOf: url).prefix(4096)
            #expect(WikiLeaksPage.looksLikeWikiLeaksPage(head), "\(url.lastPathComponent)")
        }
        #expect(WikiLeaksPage.looksLikeWikiLeaksPage(Array("<!DOCTYPE html><HTML><body><table class=\"cable\">".utf8)))
        #expect(!WikiLeaksPage.looksLikeWikiLeaksPage(Array("VZCZCXRO6435\nOO RUEHROV\nDE RUEHEG #0231/01".utf8)))
        #expect(!WikiLeaksPage.looksLikeWikiLeaksPage(Array("<html><head><title>Weather</title></head></html>".utf8)))
        #expect(!WikiLeaksPage.looksLikeWikiLeaksPage([UInt8]()))
    }
}
