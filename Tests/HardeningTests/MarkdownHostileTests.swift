import CableKit
import SiteBuilder
import Testing

/// The cases the property tests found, kept as fixed examples: cable text written as Markdown and rendered
/// by libcmark-gfm never becomes markup.
@Suite struct MarkdownHostileTests {
    private func render(_ lines: [String]) -> String {
        MarkdownRenderer.html(BodyWriter.markdown(lines: lines).markdown)
    }

    @Test("a URL right before a tag: the autolink no longer swallows the escape of the '<' after it", arguments: [
        "<http://x><img src=x onerror=alert(1)>",
        "see http://x.org/a<script>alert(1)</script>",
        "www.example.org<svg onload=alert(1)>",
        "*www.x.org<img src=x onerror=alert(1)>",
        "https://x.org/<b>bold</b>",
    ])
    func autolinkBeforeATag(text: String) {
        let html = render([text])
        #expect(HTMLSafety.problems(inRenderedBody: html).isEmpty, "\(html)")
        // the tag is shown as text, not dropped (inside the link the autolinker made, as the entity's text: the
        // autolink extension reads the URL raw; see MarkdownEscaping)
        #expect(html.contains("&lt;") || html.contains("&amp;lt;"), "\(html)")
        #expect(!html.contains("raw HTML omitted"))
    }

    @Test("a bullet's text cannot open a block of its own", arguments: [
        ["-- # heading"], ["-- \t# heading"], ["-- + item"], ["-- = x", "==="], ["-- 1. item"], ["-- 12) item"], ["-- > quote"],
        ["1. (S/NF) x", "-- # y"],
    ])
    func bullets(lines: [String]) {
        let html = render(lines)
        for tag in ["<h1", "<h2", "<ol", "<blockquote", "<ul>\n<li>\n<ul"] {
            #expect(!html.contains(tag), "\(lines) → \(html)")
        }
    }

    @Test("indentation by tabs, line breaks or a byte-order mark does not hide a block opener", arguments: [
        "\t# heading", "\n# heading", "\r# heading", "\u{FEFF}# heading", " \t 1. item", "\u{FEFF}- item", "\n\n> quote",
    ])
    func hiddenOpeners(text: String) {
        let html = MarkdownRenderer.html(MarkdownEscaping.escape(text))
        #expect(HTMLSafety.problems(inRenderedBody: html).isEmpty, "\(text.debugDescription) → \(html)")
        #expect(html.hasPrefix("<p>"), "\(text.debugDescription) → \(html)")
    }

    @Test("no '<' is ever written into the Markdown from cable text")
    func noLessThan() {
        let markdown = BodyWriter.markdown(lines: ["a <b> c", "-- <x>", "1. (S) <y>", "NAME    <z>     VALUE", "NAME    <w>     VALUE"]).markdown
        // a table (code block) keeps its text verbatim: libcmark-gfm escapes it
        let outsideCode = markdown.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
        #expect(!outsideCode.contains("<"), "\(markdown)")
    }
}
