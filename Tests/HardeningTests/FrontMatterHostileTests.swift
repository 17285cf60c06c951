import CableKit
import Foundation
import Testing

/// YAML that tries to get out of the front matter, or to make the reader do unbounded work.
@Suite struct FrontMatterHostileTests {
    private func read(_ text: String) -> Result<Cable, FrontMatterParser.Failure> {
        do throws(FrontMatterParser.Failure) { return .success(try CableFile.read(text)) } catch { return .failure(error) }
    }

    private func failure(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> FrontMatterParser.Failure? {
        switch read(text) {
        case .failure(let failure): return failure
        case .success(let cable):
            Issue.record("read without an error: \(cable)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// `"PREL "` and `""` would each get a tag index of their own, a repeated reference would be listed twice
    /// and a cable citing itself would link to itself.
    @Test("tags and references are trimmed, without blanks, repeats or the cable itself")
    func codesAreCleaned() throws {
        let cable = try read("---\nid: \"08STATE37957\"\ntags: [\"PREL \", \"\", \" PK\", PREL, \"  \"]\nreferences: [08STATE1, \"08STATE1 \", 08STATE37957, \"\"]\n---\nbody\n").get()
        #expect(cable.tags == ["PREL", "PK"])
        #expect(cable.references == ["08STATE1"])
    }

    @Test("anchors and aliases are refused with their line", arguments: [
        ("---\nid: &a 08STATE37957\ntitle: *a\n---\nbody\n", 2),
        ("---\nid: 08STATE37957\ntags: [&b X, *b]\n---\n", 3),
        ("---\nid: 08STATE37957\nrelease: &r\n  status: x\nsource: *r\n---\n", 3),
        ("---\nid: 08STATE37957\ntitle: |\n  a\nsummary: &s >\n  b\n---\n", 5),
    ])
    func anchors(text: String, line: Int) {
        guard let failure = failure(text) else { return }
        #expect(failure.message.contains("anchors and aliases are not allowed"))
        #expect(failure.line == line)
    }

    @Test("a billion-laughs document is refused at once, without expanding it")
    func billionLaughs() {
        var yaml = "---\nid: 08STATE37957\na0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...12 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]\n"
        }
        yaml += "---\nbody\n"
        let clock = ContinuousClock()
        var outcome: Result<Cable, FrontMatterParser.Failure>?
        let elapsed = clock.measure { outcome = read(yaml) }
        guard case .failure(let failure) = outcome else { Issue.record("read without an error"); return }
        #expect(failure.message.contains("anchors and aliases"))
        #expect(elapsed < .seconds(1))
    }

    @Test("a huge front matter without aliases is bounded too")
    func manyValues() {
        let items = Array(repeating: "x", count: 250_000).joined(separator: ", ")
        guard let failure = failure("---\nid: 08STATE37957\ntags: !!seq [\(items)]\n---\n") else { return }
        #expect(failure.message.contains("too large"))
    }

    @Test("YAML that tries to close the front matter or smuggle keys stays inside its value")
    func closingTheFrontMatter() throws {
        var cable = Cable()
        cable.id = "08STATE37957"
        cable.title = "a\n---\nid: 99EVIL1\n<script>alert(1)</script>"
        cable.origin = "Embassy: \"X\" # not a comment"
        cable.summary = "...\n--- \n---\r\n..."
        cable.tags = ["---", "k: v", ":", "a, b", "[x]", "{y: z}", "&anchor", "*alias", "!tag", "|", ">", "'", "\"", "- item", "? key", "%YAML"]
        cable.signedBy = "'single' \"double\" \\ back"
        cable.body = "---\nbody: not metadata\n"
        let text = FrontMatterWriter.sealedDocument(cable)
        #expect(Checksum.isIntact(text))
        let read = try CableFile.read(text)
        #expect(read.id == cable.id)
        #expect(read.title == cable.title)
        #expect(read.origin == cable.origin)
        #expect(read.summary == cable.summary)
        #expect(read.tags == cable.tags)
        #expect(read.signedBy == cable.signedBy)
        #expect(read.body == "\n" + cable.body)
    }

    @Test("a front matter never closed, or opened twice, is an error with a line", arguments: [
        "---\nid: 08STATE37957\n",
        "---",
        "id: 08STATE37957\n---\n",
        "---\nid: [unterminated\n---\n",
        "---\nid: \"unterminated\n---\n",
        "---\n: no key\n---\n",
        "---\n- a list\n---\n",
        "---\nid: 08STATE37957\nid: \"two\"\n  nested: wrong\n---\n",
    ])
    func malformed(text: String) {
        guard let failure = failure(text) else { return }
        #expect(failure.line >= 1)
        #expect(!failure.message.isEmpty)
    }

    @Test("ids with a path separator, dot-dot, NUL or 10 KB of text are refused", arguments: [
        "../../etc/passwd", "08STATE/37957", "..", "08STATE37957\\..\\x", "08STATE\u{0}37957", String(repeating: "A", count: 10_240),
    ])
    func badIDs(id: String) {
        var cable = Cable()
        cable.id = id
        guard let failure = failure(FrontMatterWriter.document(cable)) else { return }
        #expect(failure.message.contains("'id' must be a reference id"))
        #expect(failure.message.utf8.count < 200)
    }
}
