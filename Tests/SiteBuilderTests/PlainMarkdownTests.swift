import CableKit
import CTextScan
import Foundation
@testable import SiteBuilder
import Testing

/// `PlainMarkdown` renders what it accepts to exactly libcmark-gfm's HTML: on the body of every cable of the
/// shared corpus as `chancery import` writes it, and on texts generated from pieces chosen to trip either
/// (block openers, escapes, entities, autolink triggers, fences). Whatever it declines goes to libcmark-gfm,
/// so only agreement matters — and that it accepts plain cables, or it would save nothing.
@Suite struct PlainMarkdownTests {
    static func cmark(_ markdown: String) -> String {
        var markdown = markdown
        return markdown.withUTF8 { String(decoding: MarkdownRenderer.cmarkHTML($0), as: UTF8.self) }
    }

    /// The fast path alone: nil when the text holds anything it does not render.
    static func plain(_ markdown: String) -> String? {
        var markdown = markdown
        return markdown.withUTF8 { PlainMarkdown.html($0).map { String(decoding: $0, as: UTF8.self) } }
    }

    /// The fast path with libcmark-gfm for the parts it does not render: nil when the text goes whole to libcmark-gfm.
    static func mixed(_ markdown: String) -> String? {
        var markdown = markdown
        return markdown.withUTF8 { PlainMarkdown.html($0, rest: { MarkdownRenderer.cmarkHTML($0) }).map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Expects the fast path alone and the fast path with libcmark-gfm for the rest to give libcmark-gfm's HTML
    /// for `text` whenever they take it; returns which took it.
    static func expectLibcmarkGFMsHTML(_ text: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) -> (plain: Bool, mixed: Bool) {
        let expected = cmark(text)
        let plain = Self.plain(text), mixed = Self.mixed(text)
        if let plain { #expect(plain == expected, "\(name): \(firstDifference(plain, expected))", sourceLocation: sourceLocation) }
        if let mixed { #expect(mixed == expected, "\(name) (mixed): \(firstDifference(mixed, expected))", sourceLocation: sourceLocation) }
        return (plain != nil, mixed != nil)
    }

    /// The corpus's cables, read as `chancery import` reads them: their Markdown bodies.
    static func corpusBodies() throws -> [(String, String)] {
        let shared = SharedData.root
        var bodies: [(String, String)] = []
        for folder in ["cablegate", "foia", "seeds"] {
            let path = shared + "/corpus/" + folder
            for name in try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            where name.hasSuffix(".txt") || name.hasSuffix(".html") {
                let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path + "/" + name)))
                guard let cable = try? CableReader.read(bytes, fileName: name) else { continue }
                bodies.append((folder + "/" + name, cable.body))
            }
        }
        return bodies
    }

    @Test func corpusBodiesRenderAsLibcmarkGFMRendersThem() throws {
        let bodies = try Self.corpusBodies()
        #expect(bodies.count >= 330)
        var plain = 0, mixed = 0
        for (name, body) in bodies {
            let taken = Self.expectLibcmarkGFMsHTML(body, name: name)
            if taken.plain { plain += 1 }
            if taken.mixed { mixed += 1 }
        }
        // most cables are plain text throughout; nearly all the others but for a URL or an address, which
        // libcmark-gfm renders while the fast path does the rest
        #expect(plain * 10 >= bodies.count * 8, "only \(plain) of \(bodies.count) cables are plain throughout")
        #expect(mixed * 100 >= bodies.count * 98, "only \(mixed) of \(bodies.count) cables took the fast path")
    }

    /// Texts of random lines made of pieces that open blocks, escape, trip autolinks or entities, in every
    /// order: each one the fast path accepts renders as libcmark-gfm renders it. The generator is seeded, so a
    /// failure repeats.
    @Test func generatedTextsRenderAsLibcmarkGFMRendersThem() {
        var random = SeededRandom(seed: 0x5EED_CAB1E)
        let starts = ["", "", "", "# ", "## ", "###### ", "####### ", "#", "- ", "-  ", "-", "* ", "+ ", "> ", "1. ", "1) ", "2. ", "12.5 ",
                      "1234567890. ", "    ", " ", "   ", "\t", "```", "```text", "````", "~~~", "=== ", "---", "***", "___", "|", ": ",
                      "¶1. ", "¶12. (C) ", "(S) ", "\\# ", "\\- ", "1\\. ", "<div>", "[x]: /u", "[^1]: n", "\u{FEFF}", "\"", "'", "WWW.", ":-"]
        let words = ["TEXT", "word", "Ref A", "(C)", "(S/NF)", "XXXXXXXXXXXX", "é", "ß", "日本", "\u{A0}", "a  b", "x",
                     "\\*", "\\_", "\\`", "\\[", "\\]", "\\<", "\\>", "\\&", "\\!", "\\|", "\\~", "\\\\", "\\", "\\a", "\\\"",
                     "&lt;", "&gt;", "&amp;", "&quot;", "&", "& ", "&copy;", "&#39;", "&x", "\"q\"", "'s", ">", "<", "<b>", "*", "_", "`",
                     "[", "]", "!", "~", "~~s~~", "|", "@", "a@b.org", "http://x.org", "https:", "a:b", ":/", "www.x.org", "wwwx", "Www.",
                     "mailto:a", "#", " #", "##", "1.", "12)", "-", "--", "=", "\t", " ", "  ", "\r", "\u{0}", ":", "w", "W"]
        var accepted = 0, mixedCount = 0
        let count = 20000
        for _ in 0..<count {
            var text = ""
            for _ in 0..<random.next(below: 8) {
                let kind = random.next(below: 10)
                if kind == 0 { text += "\n"; continue }   // blank lines
                if kind == 1 {
                    // a fenced block, closed or not
                    let fence = String(repeating: "`", count: 3 + random.next(below: 2))
                    text += fence + (random.next(below: 2) == 0 ? "text" : "") + "\n"
                    for _ in 0..<random.next(below: 3) { text += words[random.next(below: words.count)] + "\n" }
                    if random.next(below: 4) > 0 { text += String(repeating: "`", count: 3 + random.next(below: 2)) + "\n" }
                    continue
                }
                // plain lines are the commonest, as in cables
                var line = random.next(below: 3) == 0 ? starts[random.next(below: starts.count)] : ""
                for k in 0..<(1 + random.next(below: 5)) {
                    if k > 0 { line += random.next(below: 3) == 0 ? "" : " " }
                    line += random.next(below: 3) == 0 ? words[random.next(below: words.count)] : "PLAIN"
                }
                if random.next(below: 8) == 0 { line += random.next(below: 2) == 0 ? "\\" : " " }
                text += line + "\n"
            }
            let taken = Self.expectLibcmarkGFMsHTML(text, name: text.debugDescription)
            if taken.plain { accepted += 1 }
            if taken.mixed { mixedCount += 1 }
        }
        // both sides of the line are exercised
        #expect(accepted > count / 10 && accepted < count * 9 / 10, "\(accepted) of \(count) plain throughout")
        #expect(mixedCount > accepted + count / 10 && mixedCount < count * 9 / 10, "\(mixedCount) of \(count) mixed")
    }

    @Test func declinesWhatItDoesNotRender() {
        for text in ["*emphasis*", "a <b>tag</b>", "see www.state.gov", "http://x.org", "mail a@b.org", "    code", "> quote",
                     "1. item", "para\n- item", "- a\n\n- b", "a | b\n--|--", "x\n===", "&copy;", "tab\there", "line  ", "[link](u)",
                     "```\nunclosed", "para\n## heading", "ends in \\"] {
            #expect(Self.plain(text) == nil, "\(text.debugDescription)")
        }
    }

    /// Texts where a part libcmark-gfm renders could reach past a blank line into what follows (a loose list,
    /// an indented code block, a fence, an HTML block, a link definition): split or not, the HTML is the same.
    @Test func partsGivenToLibcmarkGFMDoNotChangeTheirNeighbours() {
        let texts = [
            "PLAIN\n\n- a\n\n- b http://x.org\n\nPLAIN", "- a http://x.org\n\n- b\n\nPLAIN", "- a\n- b\n\n- c www.x.org\n",
            "| a | b |\n|---|---|\n| c | d |\n\nPLAIN", "a\n:-\n\nPLAIN", "    code\n\n    more http://x\n\nPLAIN",
            "> quote http://x\n\nPLAIN\n> more", "PLAIN http://x\n\n```\ncode\n\nmore\n```\n\nPLAIN", "x http://y\n```\n\nz\n```",
            "<div>\n\nPLAIN\n\n</div>", "[x]: http://a\n\nsee [x]", "see [x]\n\nPLAIN\n\n[x]: http://a", "PLAIN[^1]\n\n[^1]: note\n\nPLAIN",
            "PLAIN\n\n1. one http://x\n\n2. two\n\nPLAIN", "PLAIN \\\n\nPLAIN", "PLAIN\\\n\nNEXT", "## H http://x\nPLAIN\n\n## H2",
            "PLAIN\n\n\u{FEFF}http://x.org\n\nPLAIN", "\u{FEFF}PLAIN", "~~~\nPLAIN\n\nPLAIN", "PLAIN <!-- c\n\nx -->\n\nPLAIN",
            "PLAIN\n\n* a http://x\n\n* b\n\nPLAIN", "a@b.org\n\n  indented\n\nPLAIN", "PLAIN\n===\n\nPLAIN\n\nx\n---",
        ]
        for text in texts {
            let expected = Self.cmark(text)
            let html = Self.mixed(text) ?? expected
            #expect(html == expected, "\(text.debugDescription): \(Self.firstDifference(html, expected))")
        }
    }

    @Test func rendersTheShapesImportWrites() {
        let text = "## BEGIN SUMMARY\n\n¶1. (C) TEXT \\*NOT EMPHASIS\\* &lt;X&gt; \"Q\" A \\& B.\n\n- ONE\n- TWO\n\nLINE ONE\\\nLINE TWO\n\n"
            + "```text\nA  <B>  & \"C\"\n```\n"
        let html = Self.plain(text)
        #expect(html == Self.cmark(text))
        #expect(html == "<h2>BEGIN SUMMARY</h2>\n<p>¶1. (C) TEXT *NOT EMPHASIS* &lt;X&gt; &quot;Q&quot; A &amp; B.</p>\n<ul>\n<li>ONE</li>\n"
            + "<li>TWO</li>\n</ul>\n<p>LINE ONE<br />\nLINE TWO</p>\n<pre><code class=\"language-text\">A  &lt;B&gt;  &amp; &quot;C&quot;\n</code></pre>\n")
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = Array(a.utf8), y = Array(b.utf8)
        var i = 0
        while i < min(x.count, y.count), x[i] == y[i] { i += 1 }
        let from = max(0, i - 40)
        return "fast path \(String(decoding: x[from..<min(x.count, i + 60)], as: UTF8.self).debugDescription) vs libcmark-gfm \(String(decoding: y[from..<min(y.count, i + 60)], as: UTF8.self).debugDescription)"
    }
    /// The fast path finds the next byte to look at with `chancery_next_inline_mark` (sixteen bytes at a time,
    /// by nibble lookups): it must stop where a byte-by-byte reading of `inlineClass` would — at every byte the
    /// class table marks, whatever its value; at a `.` only after `www` within the line; at a `:` only before a
    /// `/` — from any start in a line.
    @Test func theInlineScanStopsWhereAByteByByteReadingWould() {
        let marks = Set((0...255).filter { PlainMarkdown.inlineClass[$0] != 0 }.map(UInt8.init)).subtracting([0x2E, 0x3A])
        #expect(marks.contains(0x5C) && marks.contains(0x0A) && marks.count == 18)
        func reference(_ b: [UInt8], _ lineStart: Int, _ from: Int) -> Int {
            var i = from
            while i < b.count {
                let c = b[i]
                if marks.contains(c) { return i }
                if c == 0x2E, i >= lineStart + 3, b[i - 1] | 0x20 == 0x77, b[i - 2] | 0x20 == 0x77, b[i - 3] | 0x20 == 0x77 { return i }
                if c == 0x3A, i + 1 < b.count, b[i + 1] == 0x2F { return i }
                i += 1
            }
            return b.count
        }
        func check(_ b: [UInt8], _ label: String) {
            for lineStart in Set([0, 1, 2, 5, b.count / 2]) where lineStart <= b.count {
                for from in lineStart...b.count {
                    let found = b.withUnsafeBufferPointer { chancery_next_inline_mark($0.baseAddress!, lineStart, from, b.count) }
                    #expect(found == reference(b, lineStart, from), "\(label): line at \(lineStart), from \(from)")
                }
            }
        }
        // every byte value, alone in a run of plain text at each place of a block
        for value in 0...255 {
            for place in [0, 3, 15, 16, 17, 31] {
                var b = [UInt8](repeating: 0x61, count: 40)
                b[place] = UInt8(value)
                check(b, "byte \(value) at \(place)")
            }
        }
        var rng = SeededRandom(seed: 7)
        let pieces = ["www.", "WwW.", "ww.", "a.", "http://", "a:b", ":/", ": /", "text ", "é", "&amp;", "\\", "*", "\n", "."]
        for round in 0..<300 {
            var text = ""
            while text.utf8.count < 10 + round % 90 { text += pieces[rng.next(below: pieces.count)] }
            check(Array(text.utf8), text)
        }
    }
}

/// A small deterministic generator (SplitMix64), so that generated tests repeat.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(below n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// The shared sample data beside the repository (`<repo>/../shared`), or `$CHANCERY_SHARED`.
enum SharedData {
    static let root: String = {
        if let path = ProcessInfo.processInfo.environment["CHANCERY_SHARED"], !path.isEmpty { return path }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared").standardizedFileURL.path
    }()
}
