import CTextScan
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

    /// The decorator skips plain text with `chancery_next_decoration` (sixteen bytes at a time): it must stop
    /// exactly where a byte-by-byte reading would — at every `<`, and at an `X` (or, with mentions, an `r`/`R`)
    /// that begins a word — from any starting point, whatever falls on the edges of its blocks.
    @Test func theScanStopsWhereAByteByByteReadingWould() {
        func isWord(_ c: UInt8) -> Bool { (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || c >= 0x80 }
        func reference(_ b: [UInt8], _ from: Int, _ mentions: Bool) -> Int {
            var i = from
            while i < b.count {
                let c = b[i]
                if c == 0x3C { return i }
                if c == 0x58 || (mentions && c | 0x20 == 0x72), i == 0 || !isWord(b[i - 1]) { return i }
                i += 1
            }
            return b.count
        }
        let pieces = ["X", "XX", "r", "R", "<", ">", " ", "a", "ab", "é", "9", "(", "REF", "the Ref", "rXr", "\n", "&amp;", "XXXXXXXX"]
        var rng = SeededRandom(seed: 11)
        for round in 0..<400 {
            var text = ""
            while text.utf8.count < 20 + round % 70 { text += pieces[rng.next(below: pieces.count)] }
            let bytes = Array(text.utf8)
            for mentions in [false, true] {
                for from in 0...bytes.count {
                    let scanned = bytes.withUnsafeBufferPointer { chancery_next_decoration($0.baseAddress!, from, bytes.count, mentions ? 1 : 0) }
                    #expect(scanned == reference(bytes, from, mentions), "\(text) from \(from), mentions \(mentions)")
                }
            }
        }
    }

}

extension BodyDecorator {
    /// The decorator on text, for tests that read better with strings.
    static func decorate(_ html: String, referenceLetters: Set<UInt8> = []) -> String {
        String(decoding: decorate(Array(html.utf8), referenceLetters: referenceLetters), as: UTF8.self)
    }

}
