import Templates
@testable import SiteBuilder
import Testing

/// Text in feeds and sitemaps: the five markup characters become entities, and what XML 1.0 cannot hold
/// (control characters but tab and line breaks, U+FFFE and U+FFFF) is dropped.
@Suite struct XMLEscapingTests {
    @Test func markupBecomesEntities() {
        #expect(escape(#"A & B <script> "x" 'y'"#) == "A &amp; B &lt;script&gt; &quot;x&quot; &#39;y&#39;")
        #expect(escape("plain text — ¶4") == "plain text — ¶4")
    }

    @Test func charactersXMLCannotHoldAreDropped() {
        #expect(escape("a\u{1}b\u{1B}c\td\ne\r") == "abc\td\ne\r")
        #expect(escape("x\u{FFFE}y\u{FFFF}z<") == "xyz&lt;")
        #expect(escape("\u{FEFF}kept") == "\u{FEFF}kept", "U+FEFF starts with the same byte and is kept")
    }

    /// Template values in pages: control characters HTML forbids (C0 but tab and line breaks, DEL) are dropped
    /// too, in text with markup and without (see EdgeCaseTests.controlCharactersInFrontMatterAreDroppedFromPages).
    @Test func controlCharactersAreDroppedFromHTML() {
        #expect(HTMLEscape.escape("a\u{0}b\u{7}c\u{7F}d\te\nf\r<") == "abcd\te\nf\r&lt;")
        #expect(HTMLEscape.escape("plain\u{1B}") == "plain")
        #expect(HTMLEscape.escape("plain text — ¶4") == "plain text — ¶4")
    }

    /// Every byte value at every place around the sixteen-byte blocks the plain runs are found in (and in texts
    /// shorter than a block, read a byte at a time) is escaped as a byte-by-byte reading escapes it.
    @Test func everyByteIsEscapedWhereverItFalls() {
        func reference(_ s: String) -> String {
            var out = ""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default:
                    if (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F { continue }
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        for value in 0..<0x80 {
            let c = String(UnicodeScalar(UInt8(value)))
            for place in [0, 1, 7, 14, 15, 16, 17, 30, 31, 32, 40] {
                for after in [0, 1, 5, 16] {
                    let s = String(repeating: "a", count: place) + c + String(repeating: "é", count: after / 2) + String(repeating: "z", count: after % 2)
                    #expect(HTMLEscape.escape(s) == reference(s), "byte \(value) at \(place), \(after) after")
                }
            }
        }
    }
}
