import CableKit
import PropertyBased
import SiteBuilder
import Testing

/// Strings built from what breaks YAML, Markdown and HTML (delimiters, quotes, line breaks, invisible and
/// combining characters, markup) mixed with arbitrary Unicode scalars.
enum HostileText {
    static let tokens: [String] = [
        "---", "...", "\n", "\r\n", "\r", ": ", ":", "#", " #", "\"", "'", "\\", "\\n", "\\u0041", "&a", "*a", "!!str", "|", ">",
        "[", "]", "{", "}", ",", "- ", "? ", "%", "@", "`", "```", "~~~", "~", "null", "true", "False", "yes", "NO", "~", "1.4(b)",
        "2008-04-10", "0x1F", "1e9", ".inf", "\t", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}", "\u{2029}",
        "\u{FEFF}", "\u{FFFD}", "\u{200B}", "é", "e\u{301}", "🇺🇸", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>", "javascript:alert(1)", "data:text/html,<b>", "[x](javascript:alert(1))",
        "![i](data:image/svg+xml,<svg onload=alert(1)>)", "<http://x>", "www.example.org", "&amp;", "&#60;", "&lt;", "]]>",
        "-->", "<!--", "<?php", "<![CDATA[", "{{x}}", "{{{x}}}", "\n  checksum: ", "*emph*", "_u_", "**b**", "| a | b |",
        "1. ", "10) ", "# ", "> ", "+ ", "= ", "    code", "¶4.", "(S/NF)", "A", "STATE", " ", "  ", "x",
    ]

    /// One piece: a token, a printable ASCII character, or any scalar.
    static let piece = zip(Gen.int(in: 0...99), Gen<UInt32>.value(in: 0...0x10FFFF)).map { choice, value -> String in
        if choice < 50 { return tokens[(choice * 7 + Int(value % 97)) % tokens.count] }
        if choice < 80 { return String(Character(Unicode.Scalar(UInt8(32 + value % 95)))) }
        return String(Character(Unicode.Scalar(value) ?? "\u{FFFD}"))
    }

    static let string = piece.array(of: 0...16).map { $0.joined() }
}

@Suite struct PropertyTests {
    /// A cable with arbitrary text wherever the model holds text, and valid values where it holds a date,
    /// an id, a classification or a digest.
    static let cables = zip(
        HostileText.string.array(of: 24),
        HostileText.string.array(of: 0...6).array(of: 6),
        Gen.int(in: 0...Int(Int32.max)).array(of: 12),
        Gen.bool.array(of: 6)
    ).map { texts, lists, numbers, flags -> Cable in
        func optional(_ k: Int) -> String? { flags[k % flags.count] && numbers[k % numbers.count] % 5 == 0 ? nil : texts[k] }
        var c = Cable()
        c.id = String(format2: numbers[0] % 100) + ["STATE", "ISLAMABAD", "USNATO", "PARIS"][numbers[1] % 4] + String(1 + numbers[2] % 99_999_999)
        c.title = optional(0)
        c.date = CableDate(year: 1960 + numbers[3] % 60, month: 1 + numbers[4] % 12, day: 1 + numbers[5] % 28, hour: numbers[6] % 24, minute: numbers[7] % 60)
        if flags[0] { c.date = nil }
        c.dateEstimated = flags[1]
        c.origin = optional(1)
        c.classification = flags[2] ? nil : Classification.allCases[numbers[8] % Classification.allCases.count]
        c.caveats = lists[0]
        c.precedence = optional(2)
        c.to = lists[1]
        c.info = lists[2]
        // codes as a cable holds them (trimmed, no blanks or repeats, no citation of itself)
        c.tags = CableFile.codes(lists[3])
        c.references = CableFile.codes(lists[4]).filter { $0 != c.id }
        c.referenceLine = optional(5).flatMap(ReferenceLine.normalized)  // as written, its white space single
        c.classifiedBy = optional(3)
        c.reasons = lists[5]
        c.declassifyOn = flags[3] ? nil : CableDate(year: 1970 + numbers[9] % 50, month: 1 + numbers[9] % 12, day: 1 + numbers[9] % 28)?.isoDate
        c.signedBy = optional(4)
        c.summary = optional(5)
        c.partial = flags[4]
        if flags[5] {
            c.release = Release(status: optional(6), exemptions: lists[0].reversed(), reviewer: optional(7),
                                reviewDate: CableDate(year: 2000 + numbers[10] % 20, month: 1 + numbers[10] % 12, day: 2)?.isoDate, caseID: optional(8))
        }
        c.source = SourceInfo(format: SourceFormat.allCases[numbers[11] % SourceFormat.allCases.count], file: optional(9),
                              sha256: String(repeating: "0123456789abcdef", count: 4), encoding: optional(10))
        for k in 0..<(numbers[11] % 4) {
            c.repairs.append(Repair(kind: texts[11 + k], original: texts[15 + k], replacement: texts[19 + k], line: k == 1 ? nil : numbers[k]))
        }
        c.body = texts[23]
        return c
    }

    @Test("front matter written then read gives the same metadata, for arbitrary values")
    func frontMatterRoundTrip() async {
        await propertyCheck(count: 1500, input: Self.cables) { cable in
            let document = FrontMatterWriter.sealedDocument(cable)
            #expect(Checksum.isIntact(document))
            let read: Cable
            do { read = try CableFile.read(document) } catch {
                Issue.record("the written file does not read: \(error)\n\(document)")
                return
            }
            var expected = cable
            expected.source.checksum = read.source.checksum
            expected.body = "\n" + cable.body
            #expect(read == expected, "\(FuzzDiff.diff(expected, read))")
            // the header alone (what index building reads) agrees
            let header = try? CableFile.read(document, includeBody: false)
            #expect(header?.title == cable.title && header?.tags == cable.tags)
        }
    }

    /// Body lines: arbitrary text, with the shapes the body writer treats specially (numbered paragraphs,
    /// bullets, headings, rules, aligned tables) now and then.
    static let bodies = zip(HostileText.string.array(of: 1...30), Gen.int(in: 0...9).array(of: 30)).map { lines, shapes -> [String] in
        lines.enumerated().map { i, line in
            switch shapes[i % shapes.count] {
            case 0: return "\(i + 1). (S/NF) " + line
            case 1: return "-- " + line
            case 2: return "------"
            case 3: return "NAME        " + line + "     VALUE"
            case 4: return ""
            case 5: return "¶\(i). " + line
            default: return line
            }
        }
    }

    @Test("Markdown written for arbitrary cable text never renders to raw HTML")
    func markdownNeverHTML() async {
        await propertyCheck(count: 1500, input: Self.bodies) { lines in
            let markdown = BodyWriter.markdown(lines: lines).markdown
            let html = MarkdownRenderer.html(markdown)
            let problems = HTMLSafety.problems(inRenderedBody: html)
            #expect(problems.isEmpty, "\(problems)\nlines: \(lines)\nmarkdown:\n\(markdown)\nhtml:\n\(html)")
        }
    }

    @Test("escaped inline text is read by CommonMark as the same text")
    func escapedInlineText() async {
        await propertyCheck(count: 1000, input: HostileText.string) { text in
            let escaped = MarkdownEscaping.escape(text)
            let html = MarkdownRenderer.html(escaped)
            #expect(HTMLSafety.problems(inRenderedBody: html).isEmpty, "\(text.debugDescription) → \(escaped.debugDescription) → \(html)")
        }
    }
}

extension String {
    init(format2 n: Int) { self = n < 10 ? "0\(n)" : "\(n)" }
}

enum FuzzDiff {
    static func diff(_ a: Cable, _ b: Cable) -> String {
        var out: [String] = []
        for (l, r) in zip(Mirror(reflecting: a).children, Mirror(reflecting: b).children) where "\(l.value)" != "\(r.value)" {
            out.append("\(l.label ?? "?"): \(String(reflecting: l.value)) → \(String(reflecting: r.value))")
        }
        return out.joined(separator: "\n")
    }
}
