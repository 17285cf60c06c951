import Foundation
import Testing
@testable import CableKit

/// The later WikiLeaks PlusD page (`wikileaks.org/plusd/cables/<ID>_a.html`), as the public scrapers of it
/// read it: a synopsis table (`<table id="synopsis">`: the subject in a cell spanning the row, then
/// `<div class="s_key">…</div><div class="s_val">…</div>` pairs) and the text in `id="tagged-text"`. The
/// pages here are made from the Cablegate fixtures, and must read as the Cablegate pages do.
@Suite struct PlusDPageTests {
    enum Body: CaseIterable { case pre, lineBreaks, plain }

    static func escaped(_ s: String) -> String {
        s.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }

    /// A PlusD page for a cable: `created` as `2005-06-28 14:02`.
    static func page(id: String, subject: String, created: String, classification: String, from: String,
                     tags: [String], text: String, body: Body) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let d = created.split(whereSeparator: { $0 == "-" || $0 == " " }).map(String.init)
        let date = "\(d[0]) \(months[Int(d[1])! - 1]) \(Int(d[2])!), \(d.count > 3 ? d[3] : "00:00") (Tuesday)"
        func field(_ key: String, _ value: String) -> String {
            "<td><div class=\"s_key\">\(key)</div><div class=\"s_val\">\(escaped(value))</div></td>"
        }
        let cableText: String
        switch body {
        case .pre: cableText = "<pre>" + escaped(text) + "</pre>"
        case .lineBreaks: cableText = escaped(text).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br />\n")
        case .plain: cableText = escaped(text)
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Cable: \(id)_a</title></head>
            <body><div id="main">
            <table id="synopsis" class="table">
            <tbody>
            <tr><td colspan="2" class="title"><h3>\(escaped(subject))</h3></td></tr>
            <tr>\(field("Date:", date))\(field("Canonical ID:", id + "_a"))</tr>
            <tr>\(field("Original Classification:", classification))\(field("Current Classification:", "UNCLASSIFIED"))</tr>
            <tr>\(field("Handling Restrictions", "-- N/A or Blank --"))\(field("Character Count:", String(text.count)))</tr>
            <tr>\(field("Executive Order:", "-- Not Assigned --"))\(field("Locator:", "TEXT ONLINE"))</tr>
            <tr>\(field("TAGS:", tags.map { "\($0) - \($0) Affairs" }.joined(separator: " | ")))\(field("Enclosure:", "-- Not Assigned --"))</tr>
            <tr>\(field("From:", from))\(field("Markings:", "-- Not Assigned --"))</tr>
            </tbody>
            </table>
            <div class="text-content"><div id="tagged-text">\(cableText)</div></div>
            </div></body></html>
            """
    }

    static func reading(_ html: String, _ name: String) throws -> Cable {
        var cable = try CableReader.read(Array(html.utf8), fileName: name)
        cable.source = SourceInfo()
        return cable
    }

    static func cablegatePages() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: SharedCorpus.cablegate.path).filter { $0.hasSuffix(".html") }.sorted()
    }

    @Test("a PlusD page reads as the Cablegate page of the same cable", arguments: Body.allCases)
    func sameAsCablegate(_ body: Body) throws {
        let expected = try SharedCorpus.expected()
        for name in try Self.cablegatePages() {
            let html = try SharedCorpus.text("cablegate/" + name)
            let cablegate = try WikiLeaksPage.parse(html)
            let id = try #require(cablegate.id)
            let meta = try #require(expected[id])
            let plusd = Self.page(id: id, subject: meta["subject"] as? String ?? "", created: try #require(cablegate.created),
                                  classification: try #require(cablegate.classification), from: "Country " + (cablegate.origin ?? ""),
                                  tags: meta["tags"] as? [String] ?? [], text: cablegate.telegramText, body: body)
            #expect(try Self.reading(plusd, id + "_a.html") == Self.reading(html, name), "\(name) as a PlusD page (\(body))")
        }
    }

    @Test("the synopsis stands in for what the text does not say: subject, tags, date, sender")
    func synopsisFallbacks() throws {
        let html = Self.page(id: "10SHANGHAI60", subject: "DEFLATING ZHEJIANG'S PROPERTY BUBBLE", created: "2010-02-26 11:30",
                             classification: "CONFIDENTIAL", from: "China Shanghai", tags: ["ECON", "CH"],
                             text: "1. (C) The text of a cable whose header was not kept.", body: .lineBreaks)
        let cable = try CableReader.read(Array(html.utf8), fileName: "10SHANGHAI60_a.html")
        #expect(cable.id == "10SHANGHAI60")
        #expect(cable.title == "DEFLATING ZHEJIANG'S PROPERTY BUBBLE")
        #expect(cable.tags == ["ECON", "CH"])
        #expect(cable.date?.isoDate == "2010-02-26" && cable.dateEstimated == false)
        #expect(cable.classification == .confidential)
        #expect(cable.origin == "Consulate Shanghai")
        #expect(cable.source.format == .wikileaks)
    }

    @Test func plusdIDs() {
        #expect(PlusDSynopsis.canonicalID("10SHANGHAI60_a") == "10SHANGHAI60")
        #expect(PlusDSynopsis.canonicalID("1975DACCA00292_b") == "75DACCA292")
        #expect(PlusDSynopsis.created("2010 February 26, 11:30 (Friday)") == "2010-02-26 11:30")
        #expect(PlusDSynopsis.created("1975 January 1, 00:00 (Wednesday)") == "1975-01-01 00:00")
    }

    @Test("a PlusD page named otherwise than .html is still known by its markup")
    func detected() throws {
        let html = Self.page(id: "10SHANGHAI60", subject: "X", created: "2010-02-26 11:30", classification: "SECRET",
                             from: "China Shanghai", tags: [], text: "1. (S) Text.", body: .pre)
        #expect(SourceFormat.detect(Array(html.utf8), fileName: "10SHANGHAI60_a") == .wikileaks)
    }
}
