import Foundation
import Mustache
import Templates
import Testing

/// Chancery's renderer against swift-mustache, the reference it replaced: thousands of generated templates
/// — standalone lines, indentation, partials inside sections, inheritance, set delimiters, transforms,
/// comments, stray braces — rendered by both with the same values must give the same text. A template
/// swift-mustache refuses is skipped (the theme loader reports it with swift-mustache's own message).
@Suite struct SwiftMustacheAgreementTests {
    /// A small deterministic generator (SplitMix64), so that a failure names a seed that reproduces it.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let texts = ["a", "b c", " ", "  ", "\t", "\n", "\n", "\n", "\r\n", "<&>\"'", "{", "}", "x}", "{ {", "é", "—", ":"]
    static let names = ["name", "text", "empty", "zero", "n", "yes", "no", "list", "rows", "none", "obj", "obj.name", "obj.inner.x",
                        ".", ".name", "missing", "rows.x"]
    static let sections = ["yes", "no", "list", "rows", "none", "obj", "obj.inner", "missing", "empty", "zero", "name", "first()",
                           "last()", "even()", "odd()", "empty(none)", "empty(list)", "reversed(list)", "sorted(list)"]
    static let values = ["name", "text", "n", "count(list)", "index()", "first(list)", "last(rows)", "uppercased(name)",
                         "lowercased(text)", "plusone(n)", "minusone(zero)", "equalzero(zero)", "reversed(name)", "capitalized(text)"]

    static let data = TestView([
        "name": "Embassy <Paris> & co",
        "text": "il était\nune fois",
        "empty": "",
        "zero": 0,
        "n": 7,
        "yes": true,
        "no": false,
        "list": ["PREL", "ECON", "PGOV"],
        "none": [String](),
        "rows": [TestView(["x": "r1", "name": "first row"]), TestView(["x": "r2"]), TestView(["x": "r3", "yes": false])],
        "obj": TestView(["name": "inner name", "inner": TestView(["x": "deep"]), "list": ["only"]]),
        "partial": "p2",
    ])

    /// A piece of template: text, a tag, or a section holding more pieces, up to `depth` deep.
    static func piece(_ r: inout Random, depth: Int, blocks: Bool, partials: [String]) -> String {
        let indent = r.pick(["", "", " ", "  ", "\t"])
        switch r.below(depth > 0 ? 14 : 9) {
        case 0, 1, 2: return r.pick(texts)
        case 3: return "{{\(r.pick(names))}}"
        case 4: return r.pick(["{{{\(r.pick(names))}}}", "{{& \(r.pick(names))}}", "{{ \(r.pick(values)) }}", "{{\(r.pick(values))}}"])
        case 5: return indent + "{{! note \(r.pick(["", "}", "\n"])) }}" + r.pick(["", "\n"])
        case 6:
            let tags = ["{{> missing}}"] + partials.map { $0 == "p2" ? r.pick(["{{>p2}}", "{{>*partial}}"]) : "{{> \($0)}}" }
            return indent + r.pick(tags) + r.pick(["", "\n", " x\n"])
        case 7: return "\n" + indent
        case 8:
            guard blocks else { return "x" }
            let block = "b\(r.below(2))"
            return indent + "{{$\(block)}}" + r.pick(["", "\n", "dflt"]) + "{{/\(block)}}" + r.pick(["", "\n"])
        case 9, 10, 11:
            let name = r.pick(sections)
            let open = r.pick(["#", "#", "^"])
            let body = (0..<r.below(4)).map { _ in piece(&r, depth: depth - 1, blocks: blocks, partials: partials) }.joined()
            return indent + "{{\(open)\(name)}}" + r.pick(["", "\n", "\n"]) + body + r.pick(["", indent]) + "{{/\(name)}}" + r.pick(["", "\n"])
        case 12:
            // another pair of delimiters for a while
            return "{{=<% %>=}}" + r.pick(["", "\n"]) + "<% name %> {{name}} <%#list%><%.%><%/list%>" + "<%={{ }}=%>" + r.pick(["", "\n"])
        default:
            guard partials.contains("parent") else { return "y" }
            // an override that led to its parent again would never end (the outermost override wins)
            let inner = partials.filter { $0 == "p1" }
            let overrides = (0..<r.below(3)).map { _ in
                let block = "b\(r.below(2))"
                return r.pick(["", "\n", "  "]) + "{{$\(block)}}" + r.pick(["", "\n"])
                    + (0..<r.below(3)).map { _ in piece(&r, depth: depth - 1, blocks: false, partials: inner) }.joined()
                    + "{{/\(block)}}" + r.pick(["", "\n"])
            }.joined()
            return indent + "{{<parent}}" + r.pick(["", "\n"]) + overrides + "{{/parent}}" + r.pick(["", "\n"])
        }
    }

    /// A template that may include `partials` (each includes only those after it: no partial includes itself).
    static func template(_ r: inout Random, blocks: Bool = true, partials: [String]) -> String {
        (0..<(1 + r.below(8))).map { _ in piece(&r, depth: 3, blocks: blocks, partials: partials) }.joined()
    }

    @Test("generated templates render as swift-mustache renders them", arguments: 0..<8)
    func generatedTemplatesAgree(batch: Int) throws {
        var compared = 0
        for seed in (batch * 500)..<((batch + 1) * 500) {
            var r = Random(state: UInt64(seed))
            let templates = ["t": Self.template(&r, partials: ["p2", "parent", "p1"]),
                             "p2": Self.template(&r, partials: ["parent", "p1"]),
                             "parent": Self.template(&r, partials: ["p1"]),
                             "p1": Self.template(&r, blocks: false, partials: [])]
            guard let both = try BothRenderers(templates) else { continue }
            compared += 1
            let out = both.render("t", Self.data)
            #expect(out.ours == out.reference, "seed \(seed)\ntemplates: \(templates)\nours:      \(out.ours.debugDescription)\nreference: \(out.reference.debugDescription)")
            if out.ours != out.reference { return }
        }
        // most generated templates are valid: the comparison is not vacuous
        #expect(compared > 250, "only \(compared) of 500 templates were accepted by swift-mustache")
    }

    /// Broken templates (a generated one with a piece cut out or a stray delimiter put in) are refused by
    /// Chancery's parser exactly when swift-mustache refuses them: the theme loader reports its errors.
    @Test("templates are refused as swift-mustache refuses them", arguments: 0..<4)
    func brokenTemplatesAreRefusedAlike(batch: Int) throws {
        var refused = 0
        for seed in (batch * 1000)..<((batch + 1) * 1000) {
            var r = Random(state: UInt64(seed) &+ 1_000_000)
            var bytes = Array(Self.template(&r, partials: ["p2", "parent", "p1"]).utf8)
            switch r.below(4) {
            case 0 where !bytes.isEmpty:
                let at = r.below(bytes.count)
                bytes.removeSubrange(at..<min(bytes.count, at + 1 + r.below(4)))
            case 1:
                bytes.insert(contentsOf: Array(r.pick(["{{", "}}", "{{#a}}", "{{/a}}", "{{{", "{{=", "{{%", "{{$", "{{<x}}", "{{!", "{{(", "{{a(", "{"]).utf8),
                             at: r.below(bytes.count + 1))
            default:
                break
            }
            // a cut may split a character: swift-mustache reads Characters, so compare on valid text only
            guard let source = String(validating: bytes, as: UTF8.self) else { continue }
            let reference: Bool
            var referenceLine = 0
            do { _ = try MustacheTemplate(string: source); reference = true } catch {
                reference = false
                referenceLine = (error as? MustacheTemplate.ParserError)?.context.lineNumber ?? 0
            }
            var library = TemplateLibrary()
            let ours: Bool
            do { try library.register(source, named: "t"); ours = true } catch {
                ours = false
                // where it is reported: the line swift-mustache names
                #expect(error.line == referenceLine, "seed \(seed): line \(error.line), swift-mustache \(referenceLine): \(source.debugDescription)")
            }
            if !reference { refused += 1 }
            #expect(ours == reference, "seed \(seed): swift-mustache \(reference ? "accepts" : "refuses"), Chancery \(ours ? "accepts" : "refuses"): \(source.debugDescription)")
            if ours != reference { return }
        }
        #expect(refused > 200, "only \(refused) of 1,000 broken templates were refused: the comparison is not testing refusals")
    }

    @Test("the default theme's templates agree with swift-mustache on a page's values")
    func defaultThemeTemplatesParseAlike() throws {
        // parsing them is what matters here (their values are exercised by the site's rendered goldens)
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Themes/default/templates")
        var templates: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".mustache") {
            templates[String(name.dropLast(9))] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        #expect(templates.count > 10)
        let both = try #require(try BothRenderers(templates))
        for name in templates.keys.sorted() {
            let out = both.render(name, Self.data)
            #expect(out.ours == out.reference, "\(name)")
        }
    }
}
