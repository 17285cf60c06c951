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
}
