import Templates
import Testing

/// The renderer's rules, each on a small template: what Mustache readers and theme authors rely on.
@Suite struct TemplateRendererTests {
    static let data = TestView([
        "name": "Paris & <Rome>",
        "empty": "",
        "zero": 0,
        "count": 3,
        "yes": true,
        "no": false,
        "tags": ["PREL", "PGOV", "ECON"],
        "none": [String](),
        "post": TestView(["name": "Embassy Paris", "country": TestView(["name": "France"])]),
        "rows": [TestView(["id": "A"]), TestView(["id": "B"]), TestView(["id": "C"])],
    ])

    func render(_ template: String, partials: [String: String] = [:], _ value: any TemplateValue = data) throws -> String {
        var library = TemplateLibrary()
        try library.register(template, named: "t")
        for (name, source) in partials { try library.register(source, named: name) }
        return String(decoding: library.render("t", value), as: UTF8.self)
    }

    @Test func valuesAreEscapedUnlessTripleOrAmpersand() throws {
        #expect(try render("{{name}}|{{{name}}}|{{& name}}") == "Paris &amp; &lt;Rome&gt;|Paris & <Rome>|Paris & <Rome>")
        #expect(try render("{{count}} {{yes}} {{no}} {{missing}}.") == "3 true false .")
    }

    @Test func dottedNamesClimbTheStackForTheirFirstNameOnly() throws {
        #expect(try render("{{post.country.name}}") == "France")
        #expect(try render("{{#post}}{{name}} / {{count}}{{/post}}") == "Embassy Paris / 3")
        // `.name` looks only in the current value
        #expect(try render("{{#post}}{{.count}}{{/post}}") == "")
        #expect(try render("{{#post.country}}{{post.name}}{{/post.country}}") == "Embassy Paris")
    }

    @Test func sectionsRepeatOverListsSkipFalseAndEmptyAndTakeOtherValuesAsContext() throws {
        #expect(try render("{{#tags}}[{{.}}]{{/tags}}") == "[PREL][PGOV][ECON]")
        #expect(try render("{{#none}}x{{/none}}{{^none}}empty{{/none}}") == "empty")
        #expect(try render("{{#yes}}y{{/yes}}{{#no}}n{{/no}}{{^no}}not{{/no}}") == "ynot")
        #expect(try render("{{#missing}}m{{/missing}}{{^missing}}absent{{/missing}}") == "absent")
        // as swift-mustache: an empty text and zero are values, so their sections render
        #expect(try render("{{#empty}}e{{/empty}}{{#zero}}z{{.}}{{/zero}}{{^empty}}x{{/empty}}") == "ez0")
    }

    @Test func listPositionsAndTransforms() throws {
        #expect(try render("{{#rows}}{{^first()}}, {{/first()}}{{id}}{{#last()}}.{{/last()}}{{/rows}}") == "A, B, C.")
        #expect(try render("{{#rows}}{{index()}}{{#even()}}e{{/even()}}{{/rows}}") == "0e12e")
        #expect(try render("{{count(tags)}} {{first(tags)}} {{last(tags)}} {{#empty(none)}}none{{/empty(none)}}") == "3 PREL ECON none")
        #expect(try render("{{#sorted(tags)}}{{.}} {{/sorted(tags)}}") == "ECON PGOV PREL ")
        #expect(try render("{{uppercased(post.name)}} {{lowercased(name)}} {{plusone(count)}}") == "EMBASSY PARIS paris &amp; &lt;rome&gt; 4")
        #expect(try render("{{nonsense(name)}}|{{#reversed(tags)}}{{.}}{{/reversed(tags)}}") == "|ECONPGOVPREL")
    }

    @Test func standaloneTagsLeaveNoLineAndPartialsIndentTheirLines() throws {
        let template = "<ul>\n  {{#tags}}\n  <li>{{.}}</li>\n  {{/tags}}\n</ul>\n"
        #expect(try render(template) == "<ul>\n  <li>PREL</li>\n  <li>PGOV</li>\n  <li>ECON</li>\n</ul>\n")
        #expect(try render("<div>\n  {{> item}}\n</div>\n", partials: ["item": "<p>\n{{name}}\n</p>\n"])
                == "<div>\n  <p>\n  Paris &amp; &lt;Rome&gt;\n  </p>\n</div>\n")
        #expect(try render("a {{! a comment }} b\n{{! alone }}\nc") == "a  b\nc")
    }

    /// (Two tags on a line are not standalone: the line `{{$content}}{{/content}}` keeps its line end.)
    @Test func inheritanceFillsTheParentsBlocks() throws {
        let layout = "<title>{{$title}}Untitled{{/title}}</title>\n<main>\n{{$content}}{{/content}}\n</main>\n"
        let page = "{{<layout}}\n{{$content}}\n<h1>{{name}}</h1>\n{{/content}}\n{{/layout}}\n"
        #expect(try render(page, partials: ["layout": layout]) == "<title>Untitled</title>\n<main>\n<h1>Paris &amp; &lt;Rome&gt;</h1>\n\n</main>\n")
        let titled = "{{<layout}}{{$title}}Home{{/title}}{{/layout}}"
        #expect(try render(titled, partials: ["layout": layout]) == "<title>Home</title>\n<main>\n\n</main>\n")
    }

    /// A chain of parents: a block takes the override of the outermost template that gives one, and an
    /// override's own `{{< parent}}` gives overrides of its own (the compiled program lays them out apart).
    @Test func nestedInheritanceTakesTheOutermostOverride() throws {
        let partials = [
            "base": "[{{$a}}base-a{{/a}}|{{$b}}base-b{{/b}}|{{$c}}base-c{{/c}}]",
            "middle": "{{<base}}{{$a}}middle-a{{/a}}{{$b}}middle-b{{/b}}{{/base}}",
            "box": "<{{$inner}}box{{/inner}}>",
        ]
        #expect(try render("{{<middle}}{{$b}}top-b{{/b}}{{/middle}}", partials: partials) == "[middle-a|top-b|base-c]")
        #expect(try render("{{<base}}{{$c}}{{<box}}{{$inner}}{{name}}{{/inner}}{{/box}}{{/c}}{{/base}}", partials: partials)
                == "[base-a|base-b|<Paris &amp; &lt;Rome&gt;>]")
        #expect(try render("{{#rows}}{{<middle}}{{$b}}{{id}}{{/b}}{{/middle}}{{/rows}}", partials: partials)
                == "[middle-a|A|base-c][middle-a|B|base-c][middle-a|C|base-c]")
    }

    @Test func setDelimitersAndContentTypes() throws {
        #expect(try render("{{=<% %>=}}<% name %> {{name}}<%={{ }}=%> {{count}}") == "Paris &amp; &lt;Rome&gt; {{name}} 3")
        #expect(try render("{{% CONTENT_TYPE: TEXT }}{{name}}") == "Paris & <Rome>")
        #expect(try render("{{>p}}", partials: ["p": "{{% CONTENT_TYPE: TEXT }}{{name}}"]) + (try render("{{name}}")) == "Paris & <Rome>Paris &amp; &lt;Rome&gt;")
    }

    /// The theme loader refuses such a template; the renderer itself stops instead of overflowing the stack.
    @Test func aPartialIncludingItselfStopsAtAFixedDepth() throws {
        let out = try render("{{> loop}}", partials: ["loop": "x{{> loop}}"])
        #expect(out == String(repeating: "x", count: 100))
    }

    @Test func controlCharactersHTMLForbidsAreDropped() throws {
        #expect(try render("{{name}}", TestView(["name": "a\u{0}b\u{7}c\u{7F}d\te\nf"])) == "abcd\te\nf")
    }

    @Test func errorsNameTheLineAndColumn() {
        for (template, problem, line, column) in [
            ("a\n{{#x}}\nb", TemplateSyntaxError.Problem.expectedSectionEnd, 3, 2),
            ("{{#x}}\n  {{/y}}", .sectionCloseNameIncorrect, 2, 6),
            ("text {{name", .unfinishedName, 1, 12),
        ] as [(String, TemplateSyntaxError.Problem, Int, Int)] {
            var library = TemplateLibrary()
            #expect {
                try library.register(template, named: "t")
            } throws: { error in
                guard let error = error as? TemplateSyntaxError else { return false }
                return error.problem == problem && error.line == line && error.column == column
            }
        }
    }
}
