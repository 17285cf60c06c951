import Foundation
import Synchronization
import Testing

/// The `chancery` command as a user runs it: the debug binary in a child process, its standard output and
/// error read from pipes (not a terminal, as in CI), its exit status checked. What the libraries do is
/// tested beside them; these tests hold the command line to its promises — one summary line and the
/// errors, `path:line: error: …` messages, exit statuses, usage errors.
@Suite(.serialized) struct CommandLineTests {
    @Test func importAndBuildPrintOnlyTheirSummaryLine() throws {
        let site = try Site()
        defer { site.remove() }
        let imported = try Chancery.run(["import", Chancery.shared + "/corpus/seeds", "--root", site.root])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.error.isEmpty, "without a terminal: no progress, no chatter")
        #expect(imported.outputLines.count == 1 && imported.output.hasPrefix("Imported 2 cables from 2 inputs (2 new"), "\(imported.output)")

        let built = try Chancery.run(["build", "--root", site.root])
        #expect(built.status == 0, "\(built.error)")
        #expect(built.error.isEmpty)
        #expect(built.outputLines.count == 1 && built.output.hasPrefix("Built 2 cables into "), "\(built.output)")
        #expect(built.output.contains("→ \(site.root)/Public"), "the summary says where the site is: \(built.output)")
        #expect(FileManager.default.fileExists(atPath: site.root + "/Public/index.html"))

        let again = try Chancery.run(["build", "--root", site.root])
        #expect(again.status == 0)
        #expect(again.output.contains("(0 written,"), "nothing changed, nothing written: \(again.output)")
    }

    /// On a terminal the long commands draw a progress bar on standard error (cleared before the summary);
    /// through a pipe (CI) they print only the summary, as the test above shows. `script` gives the
    /// command a terminal.
    @Test func importBuildAndCheckDrawProgressOnATerminal() throws {
        let site = try Site()
        defer { site.remove() }
        for (arguments, label) in [(["import", Chancery.shared + "/corpus/cablegate", "--root", site.root], "Importing"),
                                   (["build", "--root", site.root], "Building"), (["check", "--root", site.root], "Checking pages")] {
            let command = ([Chancery.binary] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
            let shown = try Chancery.run(["-qec", command, "/dev/null"], executable: "/usr/bin/script")
            #expect(shown.output.contains(label) && shown.output.contains("█"), "\(label): \(shown.output.suffix(400))")
            #expect(shown.output.contains("\u{1B}[K"), "the bar is cleared before the summary")
        }
    }

    @Test func aBadCableFailsTheBuildNamingItsFileAndLineAndTheRestIsBuilt() throws {
        let site = try Site()
        defer { site.remove() }
        try site.write("Content/cables/2008/08STATE1.md", """
            ---
            id: "08STATE1"
            title: "A GOOD CABLE"
            date: 2008-04-10T10:00:00Z
            classification: UNCLASSIFIED
            tags: [PREL]
            ---

            ¶1. (U) Fine.
            """)
        try site.write("Content/cables/2008/08STATE2.md", """
            ---
            id: "08STATE2"
            date: [not, a, date
            ---

            ¶1. (U) Broken front matter.
            """)
        let built = try Chancery.run(["build", "--root", site.root])
        #expect(built.status == 1, "a failed build says so in its exit status")
        #expect(built.error.contains("Content/cables/2008/08STATE2.md:3: error:"), "\(built.error)")
        #expect(built.output.hasPrefix("Built 1 cable into ") && built.output.contains("; 1 error"), "\(built.output)")
        #expect(FileManager.default.fileExists(atPath: site.root + "/Public/cable/2008/04/08STATE1/index.html"), "the good cable is built")
    }

    /// An archive of part of a collection cites thousands of cables it does not hold: `check` lists the first
    /// 20 of those warnings and counts the rest, so that its errors are not buried; `--all-warnings` lists all.
    @Test func checkCountsReferencesToCablesNotInTheArchiveAfterTwenty() throws {
        let site = try Site()
        defer { site.remove() }
        let absent = (1...25).map { "08STATE\(1000 + $0)" }
        try site.write("Content/cables/2008/08STATE1.md", """
            ---
            id: "08STATE1"
            title: "CITES MANY"
            date: 2008-04-10T10:00:00Z
            references: [\(absent.joined(separator: ", "))]
            ---

            ¶1. (U) Text.
            """)
        try site.write("Content/cables/2008/08STATE2.md", "---\nid: \"08STATE2\"\ntitle: [unclosed\n---\n\nText.\n")
        let checked = try Chancery.run(["check", "--root", site.root])
        let lines = checked.error.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains(": warning: reference ") }.count == 20, "\(lines)")
        #expect(lines.contains("… and 5 more references to cables not in this archive (--all-warnings lists them)"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Content/cables/2008/08STATE2.md:3: error: ") }, "the error is listed: \(lines)")
        #expect(checked.output.contains(": 2 errors, 25 warnings"), "the summary counts them all (the other error: the site is not built): \(checked.output)")
        let all = try Chancery.run(["check", "--root", site.root, "--all-warnings"])
        let allLines = all.error.split(separator: "\n")
        #expect(allLines.filter { $0.contains(": warning: reference ") }.count == 25 && !allLines.contains { $0.hasPrefix("…") }, "\(allLines)")
    }

    /// A site keeping a key of its own in every cable would have check list every cable: the first three
    /// files of each key are listed and the rest counted; `--all-warnings` lists all.
    @Test func checkCountsFilesWithAKeyOfTheSitesOwnAfterThree() throws {
        let site = try Site()
        defer { site.remove() }
        for n in 1...5 {
            try site.write("Content/cables/2008/08STATE\(n).md", """
                ---
                id: "08STATE\(n)"
                title: "WITH A KEY OF ITS OWN"
                date: 2008-04-10T10:00:00Z
                box: \(n)
                ---

                ¶1. (U) Text.
                """)
        }
        let checked = try Chancery.run(["check", "--root", site.root])
        let lines = checked.error.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains(": warning: unknown key 'box'") }.count == 3, "\(lines)")
        #expect(lines.contains("Content/cables/2008/08STATE1.md:5: warning: unknown key 'box': it is not part of the content format and is ignored"), "\(lines)")
        #expect(lines.contains("… and 2 more files with the key 'box' (--all-warnings lists them)"), "\(lines)")
        let all = try Chancery.run(["check", "--root", site.root, "--all-warnings"])
        let allLines = all.error.split(separator: "\n")
        #expect(allLines.filter { $0.contains(": warning: unknown key 'box'") }.count == 5 && !allLines.contains { $0.hasPrefix("…") }, "\(allLines)")
    }

    @Test func checkPrintsFindingsAsPathLineSeverityMessage() throws {
        let site = try Site()
        defer { site.remove() }
        for (folder, references) in [("2008", "[08STATE404]"), ("2009", "[]")] {
            try site.write("Content/cables/\(folder)/08STATE1.md", """
                ---
                id: "08STATE1"
                title: "TWO FILES, ONE ID"
                date: 2008-04-10T10:00:00Z
                classification: UNCLASSIFIED
                references: \(references)
                ---

                ¶1. (U) Text.
                """)
        }
        let checked = try Chancery.run(["check", "--root", site.root])
        #expect(checked.status == 1, "a duplicate id is an error")
        let findings = checked.error.split(separator: "\n").map(String.init)
        #expect(findings.contains { $0.hasPrefix("Content/cables/2009/08STATE1.md:2: error: ") && $0.contains("duplicate") }, "\(findings)")
        #expect(findings.contains { $0.hasPrefix("Content/cables/2008/08STATE1.md:") && $0.contains(": warning: ") && $0.contains("08STATE404") }, "\(findings)")
        #expect(checked.outputLines.count == 1, "one summary line: \(checked.output)")
        #expect(checked.output.hasPrefix("Checked 2 cables and 0 pages (0 internal links) in ") && checked.output.contains(" s: 2 errors, 1 warning"), "\(checked.output)")
    }

    /// The publishing workflow: `build --base-url` with an address other than site.yml's, then `check`. The
    /// check reads the links under the base path the site was built with, not site.yml's.
    @Test func checkFollowsTheBaseURLTheSiteWasBuiltWith() throws {
        let site = try Site()
        defer { site.remove() }
        _ = try Chancery.run(["import", Chancery.shared + "/corpus/seeds", "--root", site.root])
        let built = try Chancery.run(["build", "--root", site.root, "--base-url", "https://owner.github.io/reading-room"])
        #expect(built.status == 0, "\(built.error)")
        let checked = try Chancery.run(["check", "--root", site.root])
        #expect(checked.status == 0, "\(checked.error.prefix(500))")
        #expect(!checked.error.contains("broken link"), "\(checked.error.prefix(500))")
        #expect(checked.output.contains(": 0 errors,"), "\(checked.output)")

        // and a link that is broken under that base path is still found
        let home = site.root + "/Public/index.html"
        let page = try String(contentsOfFile: home, encoding: .utf8)
        try page.replacingOccurrences(of: "href=\"/reading-room/date/\"", with: "href=\"/reading-room/no-such-page/\"").write(toFile: home, atomically: true, encoding: .utf8)
        let broken = try Chancery.run(["check", "--root", site.root])
        #expect(broken.status == 1)
        #expect(broken.error.contains("Public/index.html:") && broken.error.contains("error: broken link /reading-room/no-such-page/"), "\(broken.error.prefix(500))")
        #expect(!broken.error.contains("is missing from Public/"), "a page no cable has is only a broken link")

        // a link to an id that no element has, on another page or on the page itself
        let cablePage = try #require(FileManager.default.enumerator(atPath: site.root + "/Public/cable")!.compactMap { $0 as? String }
            .first { $0.hasSuffix("/index.html") })
        let cableURL = "/reading-room/cable/" + cablePage.dropLast("index.html".count)
        try page.replacingOccurrences(of: "href=\"/reading-room/date/\"", with: "href=\"\(cableURL)#main\"")
            .replacingOccurrences(of: "href=\"/reading-room/tag/\"", with: "href=\"\(cableURL)#p999\"")
            .replacingOccurrences(of: "</main>", with: "<a href=\"#no-such-id\">x</a><a href=\"#main\">y</a></main>")
            .write(toFile: home, atomically: true, encoding: .utf8)
        let fragments = try Chancery.run(["check", "--root", site.root])
        #expect(fragments.status == 1)
        let lines = fragments.error.split(separator: "\n").filter { $0.contains("broken link") }
        // (the home page links the tag index twice: two findings of one message; `#main` exists on both pages)
        #expect(Set(lines.map { $0.split(separator: ": error: ").last ?? "" }).count == 2 && !lines.contains { $0.contains("#main") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Public/index.html:") && $0.hasSuffix("error: broken link \(cableURL)#p999 (no element of Public/cable/\(cablePage) has the id p999)") }, "\(lines)")
        #expect(lines.contains { $0.hasSuffix("error: broken link #no-such-id (no element of this page has the id no-such-id)") }, "\(lines)")
        try page.write(toFile: home, atomically: true, encoding: .utf8)

        // a cable's page deleted by hand since the build: the check says which cable and how to get it back
        let pages = FileManager.default.enumerator(atPath: site.root + "/Public/cable")!.compactMap { $0 as? String }.filter { $0.hasSuffix("/index.html") }.sorted()
        let gone = try #require(pages.first)
        try FileManager.default.removeItem(atPath: site.root + "/Public/cable/" + gone)
        let missing = try Chancery.run(["check", "--root", site.root])
        #expect(missing.status == 1)
        let id = gone.split(separator: "/")[2]
        #expect(missing.error.contains("broken link /reading-room/cable/\(gone.dropLast("index.html".count)) (the page of \(id), a cable of this archive, "
                                       + "is missing from Public/: `chancery build --clean` writes it again)"), "\(missing.error.prefix(800))")
    }

    /// `make install` puts the tool in `<prefix>/bin` and the default theme in `<prefix>/share/chancery`: the
    /// installed tool builds a site folder anywhere, one without a theme of its own included.
    @Test func anInstalledChanceryBuildsASiteWithoutATheme() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-prefix-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let install = Process()
        install.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        install.arguments = ["make", "--no-print-directory", "-C", Chancery.repository, "install-files", "BIN=" + Chancery.binary, "PREFIX=" + prefix]
        install.standardOutput = FileHandle.nullDevice
        try install.run()
        install.waitUntilExit()
        #expect(install.terminationStatus == 0)
        let installed = prefix + "/bin/chancery"
        #expect(FileManager.default.isExecutableFile(atPath: installed))
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/chancery/Themes/default/templates/cable.mustache"))

        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-room-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let imported = try Chancery.run(["import", Chancery.shared + "/corpus/seeds", "--root", root], executable: installed)
        #expect(imported.status == 0, "\(imported.error)")
        #expect(!FileManager.default.fileExists(atPath: root + "/Themes"))
        let built = try Chancery.run(["build", "--root", root], executable: installed)
        #expect(built.status == 0, "\(built.error)")
        #expect(FileManager.default.fileExists(atPath: root + "/Public/assets/style.css"))
        let pages = FileManager.default.enumerator(atPath: root + "/Public/cable")?.compactMap { $0 as? String }.filter { $0.hasSuffix("/index.html") } ?? []
        #expect(pages.count == 2, "\(pages)")
        // the tool in the repository's build folder has no theme installed beside it: it says what to do
        let bare = try Chancery.run(["build", "--root", root])
        #expect(bare.status == 1)
        #expect(bare.error.contains("error: the default theme is missing") && bare.error.contains("make install"), "\(bare.error)")
    }

    /// Whatever fails the build fails the check too: an error in site.yml or in a free page's front matter.
    @Test func checkReportsTheErrorsOfSiteYmlAndFreePages() throws {
        let site = try Site()
        defer { site.remove() }
        _ = try Chancery.run(["import", Chancery.shared + "/corpus/seeds", "--root", site.root])
        #expect(try Chancery.run(["build", "--root", site.root]).status == 0)
        try site.write("Content/site.yml", "title: Command Line Test\nbase_url: http://localhost:8080\npage_sise: 20\n")
        try site.write("Content/pages/notes.md", "---\ntitle: [unclosed\n---\n\nText.\n")
        let checked = try Chancery.run(["check", "--root", site.root])
        #expect(checked.status == 1)
        let findings = checked.error.split(separator: "\n").map(String.init)
        #expect(findings.contains { $0.hasPrefix("Content/site.yml:3: error: unknown key 'page_sise'") }, "\(findings)")
        #expect(findings.contains { $0.hasPrefix("Content/pages/notes.md:2: error: ") }, "\(findings)")
        #expect(!findings.contains { $0.contains("broken link") }, "\(findings.prefix(5))")
    }

    @Test func inspectPrintsTheFrontMatterKeysAsJSON() throws {
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Chancery.shared + "/corpus/seeds").sorted().map { Chancery.shared + "/corpus/seeds/" + $0 }
        let inspected = try Chancery.run(["inspect", "--json"] + seeds)
        #expect(inspected.status == 0, "\(inspected.error)")
        let cables = try #require(try JSONSerialization.jsonObject(with: Data(inspected.output.utf8)) as? [[String: Any]])
        #expect(cables.count == seeds.count)
        for cable in cables {
            #expect((cable["id"] as? String)?.isEmpty == false)
            #expect(cable["date"] != nil && cable["classification"] != nil, "\(cable.keys.sorted())")
        }
    }

    /// A folder is read as `import` reads it (it said "cannot read the file"); a path that does not exist is named.
    @Test func inspectReadsTheCablesOfAFolder() throws {
        let folder = Chancery.shared + "/corpus/seeds"
        let count = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.count
        let inspected = try Chancery.run(["inspect", "--json", folder])
        #expect(inspected.status == 0, "\(inspected.error)")
        let cables = try #require(try JSONSerialization.jsonObject(with: Data(inspected.output.utf8)) as? [[String: Any]])
        #expect(cables.count == count && count > 0)
        let missing = try Chancery.run(["inspect", folder + "/no-such-file.txt"])
        #expect(missing.status == 1)
        #expect(missing.error.contains("no-such-file.txt: error: no such file or folder"), "\(missing.error)")
    }

    /// A release with no reference id (a draft, a form numbered per addressee) is still read by `inspect`:
    /// its date, classification, subject and release stamp are printed with `id` null and a warning, while
    /// `import` refuses it, naming the file.
    @Test func inspectPrintsWhatAFileWithoutAnIdSays() throws {
        let files = ["06.txt", "30.txt", "03.txt"].map { Chancery.shared + "/corpus/foia/" + $0 }
        let inspected = try Chancery.run(["inspect", "--json"] + files)
        #expect(inspected.status == 0, "\(inspected.error)")
        let cables = try #require(try JSONSerialization.jsonObject(with: Data(inspected.output.utf8)) as? [[String: Any]])
        try #require(cables.count == 3)
        #expect(cables[0]["id"] is NSNull && cables[1]["id"] is NSNull)
        #expect((cables[0]["date"] as? String)?.hasPrefix("1963-08-26") == true, "\(cables[0])")
        #expect(cables[1]["title"] as? String == "DEPUTY SECRETARY'S CONVERSATION WITH NATO SECRETARY GENERAL JAVIER SOLANA")
        #expect(cables[2]["id"] as? String != nil)
        let warnings = inspected.error.split(separator: "\n")
        #expect(warnings.count == 2 && warnings.allSatisfy { $0.contains(": warning: no reference id found") }, "\(warnings)")
        #expect(warnings.first?.hasSuffix("import refuses the file until it is named after an id") == true)

        let site = try Site()
        defer { site.remove() }
        let imported = try Chancery.run(["import", files[0], "--root", site.root])
        #expect(imported.status == 1)
        #expect(imported.error.contains("06.txt:1: error: no reference id found"), "\(imported.error)")
    }
    @Test func usageErrorsExitWith64AndHelpListsTheCommands() throws {
        let wrong = try Chancery.run(["build", "--no-such-option"])
        #expect(wrong.status == 64, "a usage error is EX_USAGE")
        #expect(wrong.error.contains("--no-such-option"), "\(wrong.error)")
        #expect(wrong.output.isEmpty)

        let help = try Chancery.run(["--help"])
        #expect(help.status == 0)
        for command in ["import", "build", "serve", "check", "inspect"] {
            #expect(help.output.contains(command), "--help names \(command)")
        }

        let version = try Chancery.run(["--version"])
        #expect(version.status == 0 && version.output.hasPrefix("chancery 0."), "\(version.output)\(version.error)")
    }

    @Test func anOutOfRangeMaxSizeIsAUsageErrorNotACrash() throws {
        let site = try Site()
        defer { site.remove() }
        for size in ["0", "-1", "99999999999999"] {
            let imported = try Chancery.run(["import", Chancery.shared + "/corpus/seeds", "--root", site.root, "--max-size=\(size)"])
            #expect(imported.status == 64, "--max-size=\(size): \(imported.error.prefix(300))")
            #expect(imported.error.contains("--max-size must be a whole number of MB from 1"), "\(imported.error.prefix(300))")
        }
        #expect(!FileManager.default.fileExists(atPath: site.root + "/Content/cables"), "nothing imported")
    }

    /// `inspect` takes the limit its message names ("raise the limit with --max-size"), as `import` does.
    @Test func inspectTakesTheSizeLimitItsMessageNames() throws {
        let site = try Site()
        defer { site.remove() }
        let big = site.root + "/big.txt"
        let cable = try String(contentsOfFile: Chancery.shared + "/corpus/cablegate/00HARARE6677.txt", encoding: .utf8)
        try (cable + String(repeating: "FILLER LINE OF THE CABLE BODY.\n", count: 40_000)).write(toFile: big, atomically: true, encoding: .utf8)
        let refused = try Chancery.run(["inspect", big, "--max-size", "1"])
        #expect(refused.status == 1)
        #expect(refused.error.contains("raise the limit with --max-size"), "\(refused.error.prefix(300))")
        let read = try Chancery.run(["inspect", big, "--max-size", "2"])
        #expect(read.status == 0, "\(read.error.prefix(300))")
        #expect(read.output.contains("id: \"00HARARE6677\""), "\(read.output.prefix(300))")
        #expect(try Chancery.run(["inspect", big, "--max-size=0"]).status == 64)
    }

    /// `--base-url` follows the rule of site.yml's base_url: without a scheme every absolute link and the
    /// assets' paths would be wrong, so it is a usage error and nothing is built.
    @Test func aBaseURLWithoutSchemeIsAUsageError() throws {
        let site = try Site()
        defer { site.remove() }
        let built = try Chancery.run(["build", "--root", site.root, "--base-url", "example.org/archive"])
        #expect(built.status == 64, "\(built.error)")
        #expect(built.error.contains("--base-url must be an absolute URL starting with http:// or https:// (not 'example.org/archive')"), "\(built.error)")
        #expect(!FileManager.default.fileExists(atPath: site.root + "/Public/index.html"))
    }

    /// `CHANCERY_NO_SEARCH` shapes the site (the search index, the search page, the links to it): switching it
    /// on or off is a change the build sees — it was taken for "nothing changed" (0 written), and the site
    /// kept or lacked its search until a cable changed. Each way, the site is the one a clean build makes.
    @Test func switchingSearchOnOrOffBuildsWhatACleanBuildWould() throws {
        let site = try Site()
        defer { site.remove() }
        _ = try Chancery.run(["import", Chancery.shared + "/corpus/seeds", "--root", site.root])
        for (from, to) in [(nil, "1"), ("1", nil)] as [(String?, String?)] {
            #expect(try Chancery.run(["build", "--root", site.root], environment: ["CHANCERY_NO_SEARCH": from]).status == 0)
            let switched = try Chancery.run(["build", "--root", site.root], environment: ["CHANCERY_NO_SEARCH": to])
            #expect(switched.status == 0, "\(switched.error)")
            #expect(!switched.output.contains("(0 written,"), "the switch is a change: \(switched.output)")
            let incremental = site.tree("Public")
            #expect(try Chancery.run(["build", "--root", site.root, "--clean"], environment: ["CHANCERY_NO_SEARCH": to]).status == 0)
            let clean = site.tree("Public")
            #expect(incremental.keys.sorted() == clean.keys.sorted(), "search \(to == nil ? "on" : "off"): \(Set(incremental.keys).symmetricDifference(clean.keys).sorted().prefix(5))")
            let differing = clean.keys.filter { incremental[$0] != clean[$0] }.sorted()
            #expect(differing.isEmpty, "search \(to == nil ? "on" : "off"): \(differing.prefix(5))")
            #expect(clean.keys.contains("search/meta.json") == (to == nil))
        }
    }

    /// `--base-url` follows site.yml's rule: a query, a fragment, a user name or no host broke every link and
    /// the build said nothing (`href="/archive?x=1/assets/style.css"`, `Sitemap: https:/sitemap.xml`).
    @Test(arguments: [("https://example.org/archive?x=1", "must not have a query"), ("https://example.org/a#frag", "must not have a fragment"),
                      ("https://user@example.org/", "must not hold a user name or password"), ("https://", "names no host")])
    func aBrokenBaseURLIsAUsageError(url: String, message: String) throws {
        let site = try Site()
        defer { site.remove() }
        let built = try Chancery.run(["build", "--root", site.root, "--base-url", url])
        #expect(built.status == 64, "\(built.error)")
        #expect(built.error.contains("--base-url \(message)") && built.error.contains("(not '\(url)')"), "\(built.error)")
        #expect(!FileManager.default.fileExists(atPath: site.root + "/Public/index.html"))
    }

    /// A space in the base URL's path is percent-encoded in every link (it was written raw: `href="/my archive/…"`).
    @Test func aSpaceInTheBaseURLIsPercentEncodedInEveryLink() throws {
        let site = try Site()
        defer { site.remove() }
        _ = try Chancery.run(["import", Chancery.shared + "/corpus/seeds", "--root", site.root])
        let built = try Chancery.run(["build", "--root", site.root, "--base-url", "https://example.org/my archive/"])
        #expect(built.status == 0, "\(built.error)")
        let home = try String(contentsOfFile: site.root + "/Public/index.html", encoding: .utf8)
        #expect(home.contains("href=\"/my%20archive/assets/") && !home.contains("my archive/"), "\(home.prefix(800))")
        let robots = try String(contentsOfFile: site.root + "/Public/robots.txt", encoding: .utf8)
        #expect(robots.contains("Sitemap: https://example.org/my%20archive/sitemap.xml"), "\(robots)")
        let checked = try Chancery.run(["check", "--root", site.root])
        #expect(checked.status == 0 && !checked.error.contains("broken link"), "\(checked.error.prefix(500))")
    }

    /// Without base_url (site.yml is optional) every absolute URL of the site names the preview server:
    /// `build` and `check` say so once, and what to do, without failing; `--base-url` or base_url silences it.
    @Test func buildAndCheckWarnWhenBaseURLIsNotSet() throws {
        let site = try Site()
        defer { site.remove() }
        _ = try Chancery.run(["import", Chancery.shared + "/corpus/seeds", "--root", site.root])
        try FileManager.default.removeItem(atPath: site.root + "/Content/site.yml")
        let warning = "Content/site.yml: warning: base_url is not set, so robots.txt, the sitemaps, the Atom feeds"
        for _ in 0..<2 {  // the second build has nothing to do, and still says it
            let built = try Chancery.run(["build", "--root", site.root])
            #expect(built.status == 0, "\(built.error)")
            #expect(built.error.components(separatedBy: warning).count == 2, "once: \(built.error)")
            #expect(built.error.contains("set base_url in Content/site.yml") && built.error.contains("--base-url"), "\(built.error)")
            #expect(built.outputLines.count == 1 && !built.output.contains("error"), "\(built.output)")
        }
        let checked = try Chancery.run(["check", "--root", site.root])
        #expect(checked.status == 0, "\(checked.error)")
        #expect(checked.error.components(separatedBy: warning).count == 2, "\(checked.error)")

        let given = try Chancery.run(["build", "--root", site.root, "--base-url", "https://example.org/archive"])
        #expect(given.status == 0 && given.error.isEmpty, "\(given.error)")
        let checkedGiven = try Chancery.run(["check", "--root", site.root])
        #expect(checkedGiven.status == 0 && !checkedGiven.error.contains("base_url"), "built with --base-url: \(checkedGiven.error)")
        try site.write("Content/site.yml", "base_url: https://example.org/archive\n")
        let set = try Chancery.run(["build", "--root", site.root])
        #expect(set.status == 0 && set.error.isEmpty, "\(set.error)")
        #expect(!(try Chancery.run(["check", "--root", site.root])).error.contains("base_url"))
    }

    /// A mistyped `--root`: `build` made `<root>/.chancery/lock` and then missed the theme; a folder without
    /// Content/ was built into an empty reading room ("dated from to .", a feed of 1970) and checked fine.
    @Test func aRootThatIsNoSiteFolderIsAnErrorAndNothingIsMade() throws {
        let site = try Site()
        defer { site.remove() }
        let typo = site.root + "/typo"
        for command in ["build", "check", "serve"] {
            let run = try Chancery.run([command, "--root", typo] + (command == "serve" ? ["--port", "0"] : []))
            #expect(run.status == 1, "\(command): \(run.error)")
            #expect(run.error.contains("\(typo): error: the site folder \(typo) does not exist"), "\(command): \(run.error)")
            // a build that never started does not report one ("Built 0 cables into 0 files")
            if command == "build" { #expect(run.output == "Nothing built (1 error): \(typo)/Public is as it was\n", "\(run.output)") }
            #expect(!FileManager.default.fileExists(atPath: typo), "\(command) made nothing")
        }
        try FileManager.default.removeItem(atPath: site.root + "/Content")
        for command in ["build", "check"] {
            let run = try Chancery.run([command, "--root", site.root])
            #expect(run.status == 1, "\(command): \(run.error)")
            #expect(run.error.contains("\(site.root)/Content: error: there is no Content/ folder in \(site.root): import cables into it first (chancery import"),
                    "\(command): \(run.error)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.root + "/Public/index.html"))
        #expect(!FileManager.default.fileExists(atPath: site.root + "/.chancery"))
    }

    /// A site with Content/ but no cable yet builds, and says nothing it does not know: no "dated from to .",
    /// no feed dated 1970.
    @Test func anArchiveWithoutCablesBuildsWithoutDatesItDoesNotHave() throws {
        let site = try Site()
        defer { site.remove() }
        let built = try Chancery.run(["build", "--root", site.root])
        #expect(built.status == 0, "\(built.error)")
        #expect(built.output.hasPrefix("Built 0 cables into "), "\(built.output)")
        let home = try String(contentsOfFile: site.root + "/Public/index.html", encoding: .utf8)
        #expect(home.contains("<strong>0</strong> cables from <strong>0</strong> posts, filed under <strong>0</strong> tags.</p>"), "\(home)")
        #expect(!home.contains("dated from") && !home.contains("feed.xml"))
        #expect(!FileManager.default.fileExists(atPath: site.root + "/Public/feed.xml"), "no feed claims 1970")
        let checked = try Chancery.run(["check", "--root", site.root])
        #expect(checked.status == 0, "\(checked.error)")
    }

    @Test func aMissingInputIsAnErrorNamingIt() throws {
        let site = try Site()
        defer { site.remove() }
        let imported = try Chancery.run(["import", site.root + "/no-such-folder", "--root", site.root])
        #expect(imported.status != 0)
        #expect(imported.error.contains("no-such-folder"), "\(imported.error)")
    }
}

/// The debug binary and how to run it.
enum Chancery {
    static let repository: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .standardizedFileURL.path
    static var binary: String { repository + "/.build/debug/chancery" }
    static var shared: String {
        if let path = ProcessInfo.processInfo.environment["CHANCERY_SHARED"], !path.isEmpty { return path }
        return URL(fileURLWithPath: repository + "/../shared").standardizedFileURL.path
    }

    struct Outcome {
        var status: Int32
        var output: String
        var error: String
        var outputLines: [Substring] { output.split(separator: "\n") }
    }

    /// Runs the binary (or another `executable`) with `arguments`; waits for it to exit.
    static func run(_ arguments: [String], executable: String = binary, environment extra: [String: String?] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CHANCERY_NO_PROGRESS"] = nil
        environment["CHANCERY_NO_SEARCH"] = nil
        for (name, value) in extra { environment[name] = value }
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // both pipes are read to the end before waiting, so that a full pipe never blocks the child
        let errorData = Mutex(Data())
        let errorRead = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let data = error.fileHandleForReading.readDataToEndOfFile()
            errorData.withLock { $0 = data }
            errorRead.signal()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        errorRead.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                       error: String(decoding: errorData.withLock { $0 }, as: UTF8.self))
    }
}

/// A site folder with the project's theme and a site.yml, under the temporary directory.
struct Site {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-cli-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: root + "/Content", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Chancery.repository + "/Themes", toPath: root + "/Themes")
        try "title: Command Line Test\nbase_url: http://localhost:8080\ntheme: default\n".write(toFile: root + "/Content/site.yml", atomically: true, encoding: .utf8)
    }

    func write(_ relative: String, _ text: String) throws {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Every file under `relative` (`Public`) by its path there, with its bytes.
    func tree(_ relative: String) -> [String: Data] {
        let folder = root + "/" + relative
        var files: [String: Data] = [:]
        guard let walk = FileManager.default.enumerator(atPath: folder) else { return files }
        for case let path as String in walk {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[path] = FileManager.default.contents(atPath: folder + "/" + path)
        }
        return files
    }
}
