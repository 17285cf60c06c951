import Foundation
import Testing
@testable import SiteBuilder

/// A cable page's `<meta name="description">` and `og:description`: its summary, cut after a whole word
/// and ended with `…` when it is longer than the budget (it was cut mid-word: "…Francisco Granados, cr").
@Suite struct PageDescriptionTests {
    @Test func shortTextIsKeptWhole() {
        #expect(Excerpt.of("Three short words.", limit: 300) == "Three short words.")
        let exact = String(repeating: "a", count: 300)
        #expect(Excerpt.of(exact, limit: 300) == exact)
    }

    @Test func longTextIsCutAfterAWholeWordAndEndsWithAnEllipsis() {
        #expect(Excerpt.of("one two three four", limit: 10) == "one two…")
        // the budget ends right after a word: that word is kept
        #expect(Excerpt.of("one two three four", limit: 8) == "one two…")
        // punctuation and spaces the kept words end on go
        #expect(Excerpt.of("Madrid, Granados, cronies", limit: 20) == "Madrid, Granados…")
        // a single word longer than the budget is cut where the budget ends
        #expect(Excerpt.of("Supercalifragilistic", limit: 6) == "Super…")
        // never longer than the budget, ellipsis included
        let long = String(repeating: "word ", count: 100)
        let cut = Excerpt.of(long, limit: 300)
        #expect(cut.count <= 300 && cut.hasSuffix("word…"))
    }

    /// Plain ASCII is cut by byte offsets, any other text by characters: both give what counting characters
    /// gives, on texts of words, punctuation, accents, combining marks and CR LF line ends.
    @Test func cuttingByBytesAgreesWithCuttingByCharacters() {
        func byCharacters(_ text: String, limit: Int) -> String {
            guard text.count > limit else { return text }
            let head = text.prefix(limit - 1)
            var end = head.endIndex
            if !text[end].isWhitespace, let space = head.lastIndex(where: \.isWhitespace) { end = space }
            var kept = head[..<end]
            while let last = kept.last, last.isWhitespace || ",;:-—".contains(last) { kept = kept.dropLast() }
            if kept.isEmpty { kept = head }
            return kept + "…"
        }
        let pieces = ["word", "Madrid,", "a", "—", "-", ";", "  ", "e\u{301}té", "naïve", "\r\n", "\n", "Supercalifragilistic", "x:", "日本"]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<2_000 {
            let asciiOnly = round % 2 == 0
            let count = Int.random(in: 1...40, using: &generator)
            let text = (0..<count).map { _ in
                let piece = pieces.randomElement(using: &generator)!
                return asciiOnly && !piece.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) ? "plain" : piece
            }.joined(separator: Bool.random(using: &generator) ? " " : "")
            for limit in [2, 5, 10, 31, 80] {
                #expect(Excerpt.of(text, limit: limit) == byCharacters(text, limit: limit), "\(text.debugDescription) at \(limit)")
            }
        }
    }

    @Test func aCablePagesDescriptionEndsWithAWholeWord() throws {
        // 299 characters end inside "crowns", as the user's did ("…Francisco Granados, cr")
        let summary = String(repeating: "Madrid ", count: 33) + "this the affair touches the justice counselor Francisco Granados, "
            + "crowns months of infighting in the regional government of Madrid."
        #expect(summary.count > 300)
        let site = try SiteFixture(ReadingRoom.site + """

            -- Content/cables/2009/09MADRID59.md --
            ---
            id: "09MADRID59"
            title: "MADRID SPYING AFFAIR"
            date: 2009-01-23T10:00:00Z
            origin: Embassy Madrid
            summary: "\(summary)"
            ---

            ¶1. (C) Summary.
            """)
        let html = try #require(site.text("cable/2009/01/09MADRID59/index.html"))
        let meta = try #require(html.firstMatch(of: /<meta name="description" content="([^"]*)">/)).1
        let og = try #require(html.firstMatch(of: /<meta property="og:description" content="([^"]*)">/)).1
        #expect(meta == og)
        #expect(meta.hasSuffix("Francisco Granados…"), "\(meta)")
        #expect(meta.count <= 300)
    }
}
