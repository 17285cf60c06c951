@testable import SiteBuilder
import Testing

/// What the body decorator adds to a cable body's HTML; here, the links from a mention of a lettered
/// reference ("Ref C") to that reference in the page's references (`#ref-c`).
@Suite struct BodyDecoratorTests {
    let letters: Set<UInt8> = Set("ABCD".utf8)

    func link(_ l: String) -> String { "<a class=\"ref-link\" href=\"#ref-\(l.lowercased())\">\(l)</a>" }

    @Test func aMentionLinksEachLetterTheREFLineGives() {
        let cases: [(String, String)] = [
            ("<p>As reported in Ref A, the press said.</p>", "<p>As reported in Ref \(link("A")), the press said.</p>"),
            ("<p>(See Ref B).</p>", "<p>(See Ref \(link("B"))).</p>"),
            ("<p>PER REFTEL C THE MINISTER</p>", "<p>PER REFTEL \(link("C")) THE MINISTER</p>"),
            ("<p>REF. D: NOTED</p>", "<p>REF. \(link("D")): NOTED</p>"),
            ("<p>refs A and B; REFS A, B AND C; Refs C &amp; D</p>",
             "<p>refs \(link("A")) and \(link("B")); REFS \(link("A")), \(link("B")) AND \(link("C")); Refs \(link("C")) &amp; \(link("D"))</p>"),
        ]
        for (html, expected) in cases {
            #expect(BodyDecorator.decorate(html, referenceLetters: letters) == expected)
        }
    }

    @Test func otherWordsAndLettersAreLeftAlone() {
        for html in [
            "<p>Ref E is not on the REF line.</p>",          // a letter the line does not give
            "<p>PREF A, PREFERENCE, REFERENCE A.</p>",        // not the word REF
            "<p>REF AB and Ref a</p>",                         // not a lone capital
            "<p>the REF line</p>", "<p>REF</p>", "<p>Ref</p>",
        ] {
            #expect(BodyDecorator.decorate(html, referenceLetters: letters) == html, "\(html)")
        }
        // without lettered references nothing is linked
        #expect(BodyDecorator.decorate("<p>Ref A</p>") == "<p>Ref A</p>")
    }
}

extension BodyDecorator {
    /// The decorator on text, for tests that read better with strings.
    static func decorate(_ html: String, referenceLetters: Set<UInt8> = []) -> String {
        String(decoding: decorate(Array(html.utf8), referenceLetters: referenceLetters), as: UTF8.self)
    }
}
