import Foundation
import Testing
@testable import SiteBuilder

/// Themes: template errors name the template and line; a site theme overrides single templates; a minimal
/// inline theme receives what THEME.md promises.
@Suite struct ThemeTests {
    /// A cable template of 17 lines whose line 12 is `line12` (the rest is valid).
    static func cableTemplate(line12: String) -> String {
        """
        {{<layout}}
        {{$content}}
        {{#cable}}
        <article>
        <h1>{{title}}</h1>
        <p>{{id}}</p>
        <p>{{date}}</p>
        <p>{{marking}}</p>
        <p>{{summary}}</p>
        <div>{{{body}}}</div>
        <ul>
        \(line12)
        </ul>
        </article>
        {{/cable}}
        {{/content}}
        {{/layout}}
        """
    }

    static func brokenCable(_ line12: String) throws -> SiteFixture {
        try SiteFixture(ReadingRoom.site + "\n-- Themes/default/templates/cable.mustache --\n" + cableTemplate(line12: line12))
    }

    @Test func theValidVersionOfTheBrokenTemplateBuilds() throws {
        let site = try Self.brokenCable("<li>{{#references}}{{{html}}}{{/references}}</li>")
        #expect(!site.report.failed, "\(site.errorLines)")
        site.assertFileContent("cable/2008/04/08STATE37957/index.html", contains: ["<h1>POSSIBLE RELEASE OF A.Q. KHAN</h1>", "<p>08STATE37957</p>"])
    }

    @Test(arguments: [
        ("<li>{{#references}}{{{html}}}{{/referencez}}</li>", "a section is closed with a different name"),
        ("<li>{{#references}}{{{html}}}{{/references}</li>", "template error"),
        ("<li>{{title</li>", "template error"),
        ("<li>{{#references}}{{{html}}}</li>", "template error"),
    ])
    func templateSyntaxErrorNamesTemplateAndLine(line12: String, message: String) throws {
        let site = try Self.brokenCable(line12)
        #expect(site.report.failed)
        let errors = site.errorLines
        #expect(errors.count == 1, "\(errors)")
        let line = try #require(errors.first)
        #expect(line.hasPrefix("Themes/default/templates/cable.mustache:"), "\(line)")
        #expect(line.contains(": error: template error: ") && line.contains(message), "\(line)")
        if line12.contains("{{/referencez}}") || line12.contains("{{title<") {
            #expect(line.hasPrefix("Themes/default/templates/cable.mustache:12: error: template error: "), "\(line)")
        } else {
            // unclosed: the parser may only notice at the end of the file; the line must still be one of the template's
            let number = Int(line.dropFirst("Themes/default/templates/cable.mustache:".count).prefix { $0.isNumber }) ?? 0
            #expect((12...17).contains(number), "\(line)")
        }
        // no text but the template's own shows in messages (the builder once prepended a pragma to each)
        #expect(!line.contains("CONTENT_TYPE"), "\(line)")
        // nothing is built with a broken theme
        #expect(!FileManager.default.fileExists(atPath: site.output + "/index.html"))
    }

    /// swift-mustache refuses a partial inside an inheriting template's body only at the template's end (it
    /// reported line 185 of 184, quoting nothing): the error names the partial's line and column.
    @Test func aTagBetweenBlocksIsReportedWhereItIs() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Themes/default/templates/404.mustache --
            {{<layout}}
            {{! a comment is allowed }}
            {{$content}}<p>{{#x}}y{{/x}}</p>{{/content}}
              {{> footer}}
            {{$title}}T{{/title}}
            {{/layout}}

            """)
        #expect(site.errorLines == ["Themes/default/templates/404.mustache:4: error: template error: only block overrides may appear inside an inheriting partial (column 3: {{> footer}})"],
                "\(site.errorLines)")
        #expect(TemplateTags.firstNonBlockInInheritance(of: "{{<a}}{{$b}}{{c}}{{/b}}\n {{d}}{{/a}}")! == (2, 2, "{{d}}"))
        // text the parser passes over is no answer for a tag it refused
        #expect(TemplateTags.firstNonBlockInInheritance(of: "{{<a}}\nwords\n{{d}}{{/a}}")! == (3, 1, "{{d}}"))
        #expect(TemplateTags.firstNonBlockInInheritance(of: "{{<a}}{{$b}}{{c}}{{/b}}{{/a}}{{d}}") == nil)
        #expect(TemplateTags.firstNonBlockInInheritance(of: "{{=<% %>=}}<%<a%>\n<%#b%><%/b%><%/a%>")! == (2, 1, "{{#b}}"))
    }

    @Test func templateErrorOnTheFirstLine() throws {
        let site = try SiteFixture(ReadingRoom.site + "\n-- Themes/default/templates/404.mustache --\n{{<layout}}{{$content}}{{#x}}{{/y}}{{/content}}{{/layout}}\n")
        let line = try #require(site.errorLines.first)
        #expect(line.hasPrefix("Themes/default/templates/404.mustache:1: error: template error: "), "\(line)")
        #expect(!line.contains("CONTENT_TYPE"), "the pragma prepended to line 1 must not leak into the message: \(line)")
        // `{{/y}}` spans columns 30–35 of the template's own text
        if let range = line.range(of: "(column ") {
            let column = Int(line[range.upperBound...].prefix { $0.isNumber }) ?? 0
            #expect((30...35).contains(column), "the column counts from the start of the template's own text: \(line)")
        }
    }

    /// A partial that includes itself (here through another) made a page that never ended: swift-mustache,
    /// like the renderer now, recursed until the stack overflowed and the build crashed.
    @Test func aPartialThatIncludesItselfIsAnError() throws {
        let site = try SiteFixture(ReadingRoom.site + "\n-- Themes/default/templates/footer.mustache --\n<footer>\n{{> note}}\n</footer>\n"
                                   + "\n-- Themes/default/templates/note.mustache --\n{{#site}}{{> footer}}{{/site}}\n")
        #expect(site.report.failed)
        #expect(site.errorLines == ["Themes/default/templates/footer.mustache:2: error: template error: partial 'note' includes itself (footer → note → footer): the page would never end"],
                "\(site.errorLines)")
        #expect(Theme.partialCycle(["a": [("b", 1)], "b": [("c", 1), ("*x", 2)], "c": []]) == nil)
        #expect(Theme.partialCycle(["a": [("a", 3)]]) == ["a", "a"])
    }

    /// swift-mustache reads Characters: a combining accent after `{{` makes `{́`, and the pair is text to it.
    /// Chancery's renderer reads bytes and sees a tag it cannot read: an error naming the line, not a crash.
    @Test func aTemplateOnlySwiftMustacheReadsIsReportedWithItsLine() throws {
        let site = try SiteFixture(ReadingRoom.site + "\n-- Themes/default/templates/404.mustache --\n{{<layout}}\n{{$content}}\n<p>{{\u{301}x}}</p>\n{{/content}}\n{{/layout}}\n")
        #expect(site.errorLines == ["Themes/default/templates/404.mustache:3: error: template error: a tag is not closed (column 6: <p>{{\u{301}x}}</p>)"],
                "\(site.errorLines)")
    }

    @Test func missingPartialNamesItsLine() throws {
        let site = try Self.brokenCable("{{> sidebar}}")
        #expect(site.report.failed)
        #expect(site.errorLines == ["Themes/default/templates/cable.mustache:12: error: template error: partial 'sidebar' not found in the theme"],
                "\(site.errorLines)")
    }

    /// A template written with other delimiters (`{{=<% %>=}}`, as a theme that emits `{{…}}` for a script
    /// would): the parent and partials it names are found like any others. They were not: a missing partial
    /// rendered as nothing without an error, and an edit to `rows.mustache` left the list pages with their
    /// old table (the incremental build differed from a clean one).
    @Test func partialsNamedAfterASetDelimiterTag() throws {
        func list(_ line4: String) -> String {
            "\n-- Themes/default/templates/list.mustache --\n{{=<% %>=}}\n<%<layout%>\n<%$content%>\n\(line4)\n<%/content%>\n<%/layout%>\n"
        }
        let missing = try SiteFixture(ReadingRoom.site + list("<%#list%><%> rows %><%> sidebar %><%/list%>"))
        #expect(missing.errorLines == ["Themes/default/templates/list.mustache:4: error: template error: partial 'sidebar' not found in the theme"],
                "\(missing.errorLines)")

        let site = try SiteFixture(ReadingRoom.site + list("<%#list%><h1><%heading%></h1><%> rows %><%> pagination %><%/list%>"))
        #expect(!site.report.failed, "\(site.errorLines)")
        let rows = site.root + "/Themes/default/templates/rows.mustache"
        try site.write(try String(contentsOfFile: rows, encoding: .utf8).replacingOccurrences(of: "<table class=\"rows\">", with: "<table class=\"rows edited\">"),
                       to: "Themes/default/templates/rows.mustache")
        site.build()
        #expect(!site.report.failed, "\(site.errorLines)")
        site.assertFileContent("tag/PREL/index.html", contains: ["<h1>PREL — External Political Relations</h1>", "<table class=\"rows edited\">"])
        #expect(try site.differencesFromCleanBuild() == [])
    }

    /// A theme may list a page's rows through their views (`{{#rows}}`) instead of the prerendered `rowsHTML`:
    /// the views, made only when a template reads them, are the page's rows in order, a year's first row with
    /// its anchor, and a list with none has no `rows`.
    @Test func aThemeMayListRowsThroughTheirViews() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Themes/default/templates/rows.mustache --
            {{#rows}}<{{id}}{{#anchor}} #{{.}}{{/anchor}}{{#origin}} @{{name}}{{/origin}}{{#last()}}.{{/last()}}>{{/rows}}{{^rows}}NO ROWS{{/rows}}
            """)
        #expect(!site.report.failed, "\(site.errorLines)")
        let page1 = try #require(site.text("tag/PREL/index.html"))
        let ids = page1.components(separatedBy: "<").dropFirst().compactMap { part -> String? in
            let id = part.prefix { $0.isLetter || $0.isNumber }
            return id.count > 6 && id.first!.isNumber ? String(id) : nil
        }
        #expect(ids.count == 5, "\(ids)")
        #expect(page1.contains("<\(ids[0]) #y2007 @"), "the year's first row carries its anchor")
        #expect(page1.components(separatedBy: " #y").count - 1 == 2, "the first of each year, and only those")
        #expect(page1.contains(".>"), "the last row knows it is last")
        site.assertFileContent("tag/PK/index.html", contains: ["<08ISLAMABAD1000 @Embassy Islamabad><08STATE37957 @Secretary of State>"])
    }

    /// THEME.md: "a value that is not known is absent". A row's `date` was an empty string for a cable without
    /// one, so `{{#date}}…{{/date}}` rendered its wrapper around nothing.
    @Test func anUndatedRowHasNoDate() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Content/cables/2008/08STATE99.md --
            ---
            id: "08STATE99"
            title: "UNDATED"
            date: null
            origin: Secretary of State
            tags: [PREL]
            ---

            Text.
            -- Themes/default/templates/row.mustache --
            ROW {{id}}{{#date}} dated {{.}}{{/date}};
            """)
        #expect(!site.report.failed, "\(site.errorLines)")
        site.assertFileContent("origin/secretary-of-state/index.html", contains: ["ROW 08STATE99;", "ROW 08STATE37957 dated 2008-04-10;"])
    }

    /// A partial named inside a comment is not one the template uses.
    @Test func partialNamedInACommentIsNoReference() throws {
        let site = try Self.brokenCable("{{! {{> sidebar}}")
        #expect(!site.report.failed, "\(site.errorLines)")
    }

    /// A dynamic partial (`{{>*id}}`, named by the data) is no missing partial, and since it may be any
    /// template, the pages using it depend on every template.
    @Test func dynamicPartialIsNamedWhenRendering() throws {
        let site = try Self.brokenCable("{{>*id}}")
        #expect(!site.report.failed, "\(site.errorLines)")
        let before = try Theme.load(root: site.root, name: "default").key(of: ["cable"])
        try site.write("<p>{{title}}</p>\n", to: "Themes/default/templates/tags.mustache")
        #expect(try Theme.load(root: site.root, name: "default").key(of: ["cable"]) != before)
    }

    /// An installed chancery (`make install`) builds a site folder without a theme with the default theme
    /// installed beside it (`<prefix>/share/chancery/Themes/default`); the site's own `Themes/default/`, when
    /// it has one, is the one used; with neither, the error says what to do.
    @Test func aSiteWithoutAThemeUsesTheInstalledDefaultTheme() throws {
        let site = try SiteFixture(ReadingRoom.site, themes: .inline, build: false)
        let share = Temp.directory("share")
        defer { try? FileManager.default.removeItem(atPath: share) }
        try FileManager.default.createDirectory(atPath: share + "/Themes", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repo.themes + "/default", toPath: share + "/Themes/default")

        #expect { try Theme.load(root: site.root, name: "default", installed: share + "/elsewhere") } throws: { error in
            (error as? BuildError)?.description.contains("the default theme is missing") == true
        }
        let installed = try Theme.load(root: site.root, name: "default", installed: share)
        #expect(installed.templates.isSuperset(of: Theme.required))
        #expect(installed.assets.contains { $0.name == "style.css" && $0.source == share + "/Themes/default/assets/style.css" })
        // an error in an installed template names it where it is installed
        try "{{#cable}}\n{{/cabel}}\n".write(toFile: share + "/Themes/default/templates/cable.mustache", atomically: true, encoding: .utf8)
        #expect { try Theme.load(root: site.root, name: "default", installed: share) } throws: { error in
            (error as? BuildError)?.description.hasPrefix(share + "/Themes/default/templates/cable.mustache:2: error: template error") == true
        }
        // the site's own default theme wins
        try site.write(ThemeTests.cableTemplate(line12: "<li>own</li>"), to: "Themes/default/templates/cable.mustache")
        try FileManager.default.copyItem(atPath: Repo.themes + "/default/templates/layout.mustache", toPath: site.root + "/Themes/default/templates/layout.mustache")
        // (the whole default theme: what it lacks is not taken from the installed one, whose files may be of
        // another version)
        #expect { try Theme.load(root: site.root, name: "default", installed: share) } throws: { error in
            (error as? BuildError)?.description.hasPrefix("Themes/default/templates: error: template 'header.mustache' is missing") == true
        }
        try FileManager.default.removeItem(atPath: site.root + "/Themes/default")
        try FileManager.default.copyItem(atPath: Repo.themes + "/default", toPath: site.root + "/Themes/default")
        try site.write(ThemeTests.cableTemplate(line12: "<li>own</li>"), to: "Themes/default/templates/cable.mustache")
        let own = try Theme.load(root: site.root, name: "default", installed: share)
        #expect(own.assets.contains { $0.name == "style.css" && $0.source == site.root + "/Themes/default/assets/style.css" })
        #expect(own.fingerprints.contains { $0.0 == "Themes/default/templates/cable.mustache" })
    }

    /// A template saved with Windows line ends: its errors name the right line and quote one line (the missing
    /// partial was reported on line 1, a syntax error quoted the whole template up to it), and a valid one builds.
    @Test func templateWithCRLFLineEnds() throws {
        func site(_ line12: String) throws -> SiteFixture {
            let site = try SiteFixture(ReadingRoom.site, build: false)
            try site.write(Self.cableTemplate(line12: line12).replacingOccurrences(of: "\n", with: "\r\n"), to: "Themes/default/templates/cable.mustache")
            site.build()
            return site
        }
        #expect(try site("{{> sidebar}}").errorLines == ["Themes/default/templates/cable.mustache:12: error: template error: partial 'sidebar' not found in the theme"])
        let syntax = try site("<li>{{#references}}{{{html}}}{{/referencez}}</li>").errorLines
        #expect(syntax.count == 1 && syntax[0].hasPrefix("Themes/default/templates/cable.mustache:12: error: template error: a section is closed with a different name"), "\(syntax)")
        #expect(!syntax.joined().contains("\n") && !syntax.joined().contains("\r") && !syntax.joined().contains("<article>"), "\(syntax)")
        let valid = try site("<li>{{#references}}{{{html}}}{{/references}}</li>")
        #expect(!valid.report.failed, "\(valid.errorLines)")
        valid.assertFileContent("cable/2008/04/08STATE37957/index.html", contains: ["<h1>POSSIBLE RELEASE OF A.Q. KHAN</h1>"])
    }

    @Test func missingRequiredTemplate() throws {
        let site = try SiteFixture(ReadingRoom.site)
        try FileManager.default.removeItem(atPath: site.root + "/Themes/default/templates/year.mustache")
        try FileManager.default.removeItem(atPath: site.output)
        site.build()
        #expect(site.report.failed)
        #expect(site.errorLines.contains { $0.contains("template 'year.mustache' is missing") }, "\(site.errorLines)")
    }

    @Test func siteThemeOverridesOneTemplate() throws {
        let site = try SiteFixture(ReadingRoom.site.replacingOccurrences(of: "theme: default", with: "theme: mine") + """

            -- Themes/mine/templates/cable.mustache --
            {{<layout}}
            {{$content}}
            {{#cable}}
            <article class="mine"><h1>Mine: {{id}}</h1>{{{body}}}</article>
            {{/cable}}
            {{/content}}
            {{/layout}}
            -- Themes/mine/assets/extra.css --
            .mine { color: teal; }
            """)
        #expect(!site.report.failed, "\(site.errorLines)")
        // the cable template is the site's…
        site.assertFileContent("cable/2008/04/08STATE37957/index.html", contains: [
            "<article class=\"mine\"><h1>Mine: 08STATE37957</h1>", "<p class=\"para\" id=\"p1\">",
            // …inside the default layout, header and footer
            "<link rel=\"stylesheet\" href=\"/assets/style.css\">", "<header class=\"site-header\">", "<footer class=\"site-footer\">",
        ], notContains: ["<caption>Cable details</caption>"])
        // every other template is the default theme's
        site.assertFileContent("tag/PREL/index.html", contains: ["<div class=\"listing list-tag\">", "<p class=\"pagination-status\">Page 1 of 2</p>"])
        site.assertFileContent("index.html", contains: ["<p class=\"stats\">"])
        // assets of both, the site theme's added
        site.assertExists(["assets/style.css", "assets/favicon.svg", "assets/extra.css"])
        #expect(site.text("assets/extra.css") == ".mine { color: teal; }\n")
    }

    @Test func siteThemeAssetOverridesTheDefaultOne() throws {
        let site = try SiteFixture(ReadingRoom.site.replacingOccurrences(of: "theme: default", with: "theme: mine") + """

            -- Themes/mine/assets/style.css --
            body { color: teal; }
            """)
        #expect(!site.report.failed, "\(site.errorLines)")
        #expect(site.text("assets/style.css") == "body { color: teal; }\n")
        site.assertFileContent("cable/2008/04/08STATE37957/index.html", contains: ["<caption>Cable details</caption>"])
    }

    /// What editors and file managers leave beside an asset (`style.css~`, `Thumbs.db`, a swap file) is not
    /// published; `serve` ignores the same files.
    @Test func editorLitterInAssetsIsNotPublished() throws {
        let site = try SiteFixture(ReadingRoom.site.replacingOccurrences(of: "theme: default", with: "theme: mine") + """

            -- Themes/mine/assets/extra.css --
            .mine { color: teal; }
            -- Themes/mine/assets/extra.css~ --
            .old { }
            -- Themes/mine/assets/Thumbs.db --
            x
            -- Themes/mine/assets/img/#logo.svg# --
            x
            -- Themes/mine/assets/extra.css.swp --
            x
            """)
        #expect(!site.report.failed, "\(site.errorLines)")
        site.assertExists(["assets/extra.css", "assets/style.css"])
        let assets = site.allFiles().filter { $0.hasPrefix("assets/") }
        #expect(!assets.contains { $0.hasSuffix("~") || $0.hasSuffix("Thumbs.db") || $0.hasSuffix("#") || $0.hasSuffix(".swp") }, "\(assets)")
    }

    // MARK: a minimal theme, written inline: what each template receives

    static let minimalTheme = """
        -- Themes/default/templates/layout.mustache --
        <!DOCTYPE html><title>{{$title}}{{page.title}}{{/title}}</title>
        url={{page.url}} canonical={{page.canonical}} base=[{{site.base}}] baseURL={{site.baseURL}} count={{site.cableCount}} lang={{site.language}}
        {{#page.feed}}feed={{page.feed}} feedTitle={{page.feedTitle}}{{/page.feed}} og={{page.ogType}}{{#page.noindex}} noindex{{/page.noindex}}
        {{{site.header}}}
        {{#breadcrumbs}}crumbs:{{#items}} [{{title}}]({{url}}){{/items}}{{/breadcrumbs}}
        {{$content}}{{/content}}
        {{{site.footer}}}
        -- Themes/default/templates/header.mustache --
        HEADER {{site.title}} {{site.base}}/about/
        -- Themes/default/templates/footer.mustache --
        FOOTER {{site.cableCount}}
        -- Themes/default/templates/row.mustache --
        ROW {{id}} {{url}} {{date}}{{#classification}} {{label}}{{/classification}}{{#origin}} {{name}}{{/origin}};
        -- Themes/default/templates/cable-link.mustache --
        LINK {{id}}{{#present}} {{url}}{{/present}}{{^present}} absent{{/present}};
        -- Themes/default/templates/tag-link.mustache --
        TAG {{code}}{{#known}} {{name}}{{/known}} {{kind}};
        -- Themes/default/templates/rows.mustache --
        {{{rowsHTML}}}
        -- Themes/default/templates/pagination.mustache --
        {{#pagination}}PAGE {{current}}/{{total}}{{#previous}} prev={{.}}{{/previous}}{{#next}} next={{.}}{{/next}} pages={{#pages}}{{number}}{{#current}}*{{/current}},{{/pages}}{{/pagination}}
        -- Themes/default/templates/cable.mustache --
        {{<layout}}{{$content}}{{#cable}}
        id={{id}} title={{title}} date={{date}} iso={{dateISO}} cls={{classification.label}}/{{classification.slug}} marking={{marking}} origin={{origin.name}}@{{origin.url}}
        tags:{{{tags.html}}} tagItems:{{#tags}}{{#items}}{{code}}={{name}}/{{kind}}@{{url}};{{/items}} n={{count}}{{/tags}} refs({{references.count}}):{{{references.html}}} refby:{{{referencedBy.html}}} refbyItems:{{#referencedBy}}{{#items}}{{id}}@{{url}}{{#first()}}(first){{/first()}};{{/items}} n={{count(items)}} last={{#last(items)}}{{id}}{{/last(items)}}{{/referencedBy}}
        {{#previous}}prev={{id}}{{/previous}} {{#next}}next={{id}}{{/next}} original={{original.url}} source={{source.format}}
        body={{{body}}}
        {{/cable}}{{/content}}{{/layout}}
        -- Themes/default/templates/list.mustache --
        {{<layout}}{{$content}}{{#list}}LIST {{kind}} {{heading}} count={{count}}{{#feed}} feed={{.}}{{/feed}} {{> rows}} {{> pagination}}{{/list}}{{/content}}{{/layout}}
        -- Themes/default/templates/home.mustache --
        {{<layout}}{{$title}}HOME TITLE{{/title}}{{$content}}{{#home}}HOME {{cableCount}} {{originCount}} {{tagCount}} {{from}}–{{to}} top:{{#topTags}} {{code}}={{count}}{{/topTags}} latest:{{{rowsHTML}}}{{/home}}{{/content}}{{/layout}}
        -- Themes/default/templates/dates.mustache --
        {{<layout}}{{$content}}{{#years}}Y {{year}} {{url}} {{count}};{{/years}}{{/content}}{{/layout}}
        -- Themes/default/templates/year.mustache --
        {{<layout}}{{$content}}YEAR {{year}} {{count}} {{#months}}{{name}}={{count}}@{{url}};{{/months}}{{#previousYear}} prev={{year}}{{/previousYear}}{{#nextYear}} next={{year}}{{/nextYear}}{{/content}}{{/layout}}
        -- Themes/default/templates/tags.mustache --
        {{<layout}}{{$content}}{{#groups}}G {{kind}} {{title}}:{{#tags}} {{code}}={{count}}{{/tags}};{{/groups}}{{/content}}{{/layout}}
        -- Themes/default/templates/origins.mustache --
        {{<layout}}{{$content}}{{#countries}}C {{name}}:{{#posts}} {{name}}={{count}}{{/posts}};{{/countries}}{{/content}}{{/layout}}
        -- Themes/default/templates/classifications.mustache --
        {{<layout}}{{$content}}{{#classifications}}{{label}}={{count}};{{/classifications}}{{/content}}{{/layout}}
        -- Themes/default/templates/page.mustache --
        {{<layout}}{{$content}}PAGE {{title}} {{{content}}}{{/content}}{{/layout}}
        -- Themes/default/templates/404.mustache --
        {{<layout}}{{$content}}NOTFOUND{{/content}}{{/layout}}
        """

    @Test func minimalInlineThemeReceivesTheDocumentedValues() throws {
        let site = try SiteFixture(ReadingRoom.site + "\n" + Self.minimalTheme, themes: .inline, baseURL: "https://example.org/archive")
        #expect(!site.report.failed, "\(site.errorLines)")
        site.assertFileContent("cable/2008/04/08STATE37957/index.html", contains: [
            "<title>08STATE37957: POSSIBLE RELEASE OF A.Q. KHAN</title>",
            "url=/archive/cable/2008/04/08STATE37957/ canonical=https://example.org/archive/cable/2008/04/08STATE37957/ base=[/archive] baseURL=https://example.org/archive count=9 lang=en",
            "og=article",
            "HEADER Test Reading Room /archive/about/", "FOOTER 9",
            "crumbs: [Home](/archive/) [Dates](/archive/date/) [2008](/archive/date/2008/) [April](/archive/date/2008/04/)",
            "id=08STATE37957 title=POSSIBLE RELEASE OF A.Q. KHAN date=10 April 2008, 22:26 UTC iso=2008-04-10T22:26:00Z cls=SECRET/secret marking=SECRET//NOFORN origin=Secretary of State@/archive/origin/secretary-of-state/",
            "TAG PREL External Political Relations subject;", "TAG PK Pakistan country;", "TAG KNNP Nuclear Nonproliferation program;",
            // the tags' views, made as the template reads them (the default theme prints their markup)
            "tagItems:KNNP=Nuclear Nonproliferation/program@/archive/tag/KNNP/;MNUC=Military Nuclear Applications/subject@/archive/tag/MNUC/;PARM=Arms Controls and Disarmament/subject@/archive/tag/PARM/;PK=Pakistan/country@/archive/tag/PK/;PREL=External Political Relations/subject@/archive/tag/PREL/; n=5",
            "refs(2):LINK 08ISLAMABAD1000 /archive/cable/2008/04/08ISLAMABAD1000/;\nLINK 07STATE99999 absent;\n",
            "refby:LINK 08STATE40000 /archive/cable/2008/04/08STATE40000/;\nLINK 08ISLAMABAD1100 /archive/cable/2008/04/08ISLAMABAD1100/;\n",
            // the views of a list made as the template reads them (LazyList), with the transforms of any list
            "refbyItems:08STATE40000@/archive/cable/2008/04/08STATE40000/(first);08ISLAMABAD1100@/archive/cable/2008/04/08ISLAMABAD1100/; n=2 last=08ISLAMABAD1100",
            "prev=08STATE30000 next=08STATE40000 original=/archive/cable/2008/04/08STATE37957/08STATE37957.txt source=telegram",
            "body=<h2>SUMMARY</h2>",
        ])
        site.assertFileContent("cable/2008/05/08ISLAMABAD1200/index.html", contains: ["TAG ZZQX other;"])
        site.assertFileContent("tag/PREL/page/2/index.html", contains: [
            "LIST tag PREL — External Political Relations count=9 feed=/archive/tag/PREL/feed.xml",
            "ROW 08ISLAMABAD1100 /archive/cable/2008/04/08ISLAMABAD1100/ 2008-04-15 SECRET Embassy Islamabad;",
            "PAGE 2/2 prev=/archive/tag/PREL/ pages=1,2*,",
            "feed=/archive/tag/PREL/feed.xml feedTitle=",
        ], notContains: ["next=/archive"])
        site.assertFileContent("index.html", contains: [
            "<title>HOME TITLE</title>", "HOME 9 4 9 30 December 2007–1 June 2008 top: PREL=9 PK=4 KNNP=3",
            "latest:ROW 08BAGHDAD500 /archive/cable/2008/06/08BAGHDAD500/",
        ], notContains: ["crumbs:"])
        site.assertFileContent("date/index.html", contains: ["Y 2007 /archive/date/2007/ 1;Y 2008 /archive/date/2008/ 8;"])
        site.assertFileContent("date/2008/index.html", contains: ["YEAR 2008 8 March=1@/archive/date/2008/03/;April=5@/archive/date/2008/04/;", "prev=2007"],
                               notContains: ["next="])
        site.assertFileContent("tag/index.html", contains: ["G subject Subjects:", " PREL=9", "G other Other tags: ZZQX=1;"])
        site.assertFileContent("origin/index.html", contains: ["C Pakistan: Consulate Lahore=1 Embassy Islamabad=3;"])
        site.assertFileContent("classification/index.html", contains: ["UNCLASSIFIED=3;CONFIDENTIAL=2;SECRET=4;"])
        site.assertFileContent("about/index.html", contains: ["PAGE About the test room <p>This room exists"])
        site.assertFileContent("404.html", contains: ["NOTFOUND", " noindex"])
        // no assets folder in the theme: none copied, nothing else missing
        site.assertMissing(["assets/style.css"])
    }
}
