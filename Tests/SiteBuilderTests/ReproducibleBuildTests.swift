import Foundation
import SiteBuilder
import Synchronization
import Testing

/// The same content gives the same bytes: twice, into two folders; with one job or all cores; and a
/// second build into the same folder writes nothing and keeps every file's modification time.
@Suite struct ReproducibleBuildTests {
    @Test func twoBuildsOfTheSampleAreByteIdentical() throws {
        let root = try SampleSite.copy(label: "repro")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = SiteBuilder(options: .init(root: root, output: root + "/one")).build()
        let second = SiteBuilder(options: .init(root: root, output: root + "/two")).build()
        #expect(!first.failed, "\(first.errors.prefix(5))")
        #expect(!second.failed, "\(second.errors.prefix(5))")
        #expect(first.cables > 300)
        let files = Tree.files(root + "/one")
        #expect(files.count > 1000)
        #expect(!files.contains { $0.contains(".staging-") || $0.contains(".tmp") }, "no leftovers of the staging folder")
        let beside = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        #expect(!beside.contains { $0.contains(".staging-") }, "the staging folders beside the outputs are gone: \(beside)")
        let differences = Tree.differences(root + "/one", root + "/two")
        #expect(differences.isEmpty, "\(differences.prefix(20))")
        #expect(first.written == second.written)
    }

    @Test func secondBuildIntoTheSameFolderWritesNothing() throws {
        let root = try SampleSite.copy(label: "repro-same")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/Public"
        let first = SiteBuilder(options: .init(root: root)).build()
        #expect(!first.failed)
        #expect(first.written == Tree.files(output).count, "a clean build writes every file")
        let before = Tree.modificationTimes(output)
        let bytesBefore = Tree.files(output).map { FileManager.default.contents(atPath: output + "/" + $0) }
        usleep(20_000)  // a rewrite would show in the nanoseconds of the modification time

        let again = SiteBuilder(options: .init(root: root)).build()
        #expect(!again.failed)
        #expect(again.written == 0, "written: \(again.written) — \(again.summary)")
        #expect(again.removed == 0)
        #expect(again.unchanged == first.written)
        let after = Tree.modificationTimes(output)
        #expect(Set(after.keys) == Set(before.keys))
        let touched = before.keys.filter { path in
            guard let a = before[path], let b = after[path] else { return true }
            return a.tv_sec != b.tv_sec || a.tv_nsec != b.tv_nsec
        }.sorted()
        #expect(touched.isEmpty, "modification times changed: \(touched.prefix(20))")
        #expect(Tree.files(output).map { FileManager.default.contents(atPath: output + "/" + $0) } == bytesBefore)
        // and again without the build cache: every page rendered, still nothing written
        try FileManager.default.removeItem(atPath: root + "/.chancery")
        let uncached = SiteBuilder(options: .init(root: root)).build()
        #expect(!uncached.failed)
        #expect(uncached.written == 0, "without the cache: \(uncached.summary)")
        #expect(Tree.modificationTimes(output).allSatisfy { before[$0.key]?.tv_nsec == $0.value.tv_nsec }, "without the cache, mtimes kept")
    }

    /// Deleting the output folder, or emptying it, and building again gives the whole site back: the build
    /// cache describes the folder the last build left, not one made again.
    @Test func aDeletedOrEmptiedOutputFolderIsBuiltAgain() throws {
        let root = try SampleSite.copy(label: "repro-deleted")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/Public"
        let first = SiteBuilder(options: .init(root: root)).build()
        #expect(!first.failed)
        let reference = root + "/reference"
        try FileManager.default.copyItem(atPath: output, toPath: reference)

        try FileManager.default.removeItem(atPath: output)
        let deleted = SiteBuilder(options: .init(root: root)).build()
        #expect(!deleted.failed, "\(deleted.errors.prefix(5))")
        #expect(deleted.written == first.written, "after deleting Public/: \(deleted.summary)")
        let differences = Tree.differences(reference, output)
        #expect(differences.isEmpty, "\(differences.prefix(20))")

        for name in try FileManager.default.contentsOfDirectory(atPath: output) {
            try FileManager.default.removeItem(atPath: output + "/" + name)
        }
        let emptied = SiteBuilder(options: .init(root: root)).build()
        #expect(!emptied.failed, "\(emptied.errors.prefix(5))")
        #expect(emptied.written == first.written, "after emptying Public/: \(emptied.summary)")
        let differencesAfterEmptying = Tree.differences(reference, output)
        #expect(differencesAfterEmptying.isEmpty, "\(differencesAfterEmptying.prefix(20))")
        // and the build after that is a no-op again
        let again = SiteBuilder(options: .init(root: root)).build()
        #expect(again.written == 0 && again.removed == 0, "\(again.summary)")

        // a Public/ restored from elsewhere (CI's cache: a new folder with the same files) is used as it is
        try FileManager.default.removeItem(atPath: output)
        try FileManager.default.copyItem(atPath: reference, toPath: output)
        try (text(of: root + "/Content/cables/2008/08STATE37957.md") + "\nA corrected line.\n")
            .write(toFile: root + "/Content/cables/2008/08STATE37957.md", atomically: true, encoding: .utf8)
        let restored = SiteBuilder(options: .init(root: root)).build()
        #expect(!restored.failed, "\(restored.errors.prefix(5))")
        #expect(restored.cablePagesRendered < 10, "after restoring Public/: \(restored.summary)")
        #expect(restored.written < 50, "after restoring Public/: \(restored.summary)")
    }

    private func text(of path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// A cable new to the cache takes its original's hash from its front matter (`source.sha256`, written by
    /// the import) instead of reading the original. An original corrected by hand after the import leaves that
    /// record stale: the page and the published original are still the file's, and once a fresh checkout gives
    /// the original a new stamp its bytes are hashed, so that cable alone is rendered again — then nothing.
    @Test func aStaleRecordedHashOfTheOriginalCostsOneRenderNotAWrongPage() throws {
        let root = try SampleSite.copy(label: "repro-stale-original")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cables = root + "/Content/cables/"
        // (a cable whose front matter records the hash of the original beside it: `source.file` names it)
        let markdown = try #require(Tree.files(cables).first { path in
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension + ".txt"
            return path.hasSuffix(".md") && FileManager.default.fileExists(atPath: cables + path.dropLast(3) + ".txt")
                && ((try? text(of: cables + path)) ?? "").contains("file: \"\(name)\"\n  sha256: ")
        })
        let original = cables + markdown.dropLast(3) + ".txt"
        let corrected = try text(of: original) + "A LINE CORRECTED BY HAND\n"
        try corrected.write(toFile: original, atomically: true, encoding: .utf8)

        let first = SiteBuilder(options: .init(root: root)).build()
        #expect(!first.failed, "\(first.errors)")
        let name = (original as NSString).lastPathComponent
        let published = try #require(Tree.files(root + "/Public").first { $0.hasSuffix("/" + name) })
        #expect(try text(of: root + "/Public/" + published) == corrected)

        let later = Date().addingTimeInterval(3600)
        for path in Tree.files(root + "/Content") {
            try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: root + "/Content/" + path)
        }
        let again = SiteBuilder(options: .init(root: root)).build()
        #expect(!again.failed, "\(again.errors)")
        #expect(again.cablesRead == 0)
        #expect(again.cablePagesRendered == 1, "\(again.summary)")
        #expect(try text(of: root + "/Public/" + published) == corrected)
        let third = SiteBuilder(options: .init(root: root)).build()
        #expect(third.cablePagesRendered == 0 && third.written == 0, "\(third.summary)")
        let clean = SiteBuilder(options: .init(root: root, output: root + "/clean")).build()
        #expect(!clean.failed)
        #expect(Tree.differences(root + "/Public", root + "/clean").isEmpty)
    }

    /// A fresh checkout in CI gives every content file a new modification time with the same bytes: with
    /// the last build's cache and output restored, nothing is parsed, rendered or written again.
    @Test func aFreshCheckoutOfTheSameContentRendersNothing() throws {
        let root = try SampleSite.copy(label: "repro-checkout")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/Public"
        let first = SiteBuilder(options: .init(root: root)).build()
        #expect(!first.failed)
        let before = Tree.modificationTimes(output)
        let later = Date().addingTimeInterval(3600)
        var touched = 0
        for path in Tree.files(root + "/Content") {
            try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: root + "/Content/" + path)
            touched += 1
        }
        #expect(touched > first.cables)

        let again = SiteBuilder(options: .init(root: root)).build()
        #expect(!again.failed, "\(again.errors)")
        #expect(again.cablesRead == 0, "parsed again: \(again.cablesRead)")
        #expect(again.cablePagesRendered == 0, "cable pages rendered again: \(again.cablePagesRendered) — \(again.summary)")
        #expect(again.written == 0)
        // (a published original shares its inode with the source, so its time moves with the touch)
        let after = Tree.modificationTimes(output).filter { !$0.key.hasSuffix(".txt") && !$0.key.hasSuffix(".html") || $0.key.hasSuffix("index.html") }
        #expect(Set(after.keys).isSubset(of: Set(before.keys)))
        #expect(after.allSatisfy { before[$0.key]?.tv_sec == $0.value.tv_sec && before[$0.key]?.tv_nsec == $0.value.tv_nsec }, "outputs rewritten")
        // the new stamps were saved: the next build stops at the fingerprint
        let third = SiteBuilder(options: .init(root: root)).build()
        #expect(third.cablesRead == 0 && third.cablePagesRendered == 0 && third.written == 0)
        // and a real edit after that is still seen
        let cable = Tree.files(root + "/Content/cables").first { $0.hasSuffix(".md") }!
        let path = root + "/Content/cables/" + cable
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try (text + "\nA corrected line.\n").write(toFile: path, atomically: true, encoding: .utf8)
        let edited = SiteBuilder(options: .init(root: root)).build()
        #expect(!edited.failed)
        #expect(edited.cablesRead == 1)
        #expect(edited.cablePagesRendered >= 1)
        #expect(edited.written >= 1)
    }

    @Test func anEditRewritesOnlyWhatChanged() throws {
        let site = try SiteFixture(ReadingRoom.site)
        #expect(!site.report.failed)
        let before = Tree.modificationTimes(site.output)
        usleep(20_000)
        // a new summary for one cable: its page, the exports, and the feeds that carry summaries change
        let path = site.root + "/Content/cables/2008/08BAGHDAD500.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try site.write(text.replacingOccurrences(of: "references: []\n", with: "references: []\nsummary: \"A new summary.\"\n"), to: "Content/cables/2008/08BAGHDAD500.md")
        let report = site.build()
        #expect(!report.failed, "\(site.errorLines)")
        let after = Tree.modificationTimes(site.output)
        let changed = Set(after.keys.filter { after[$0]?.tv_nsec != before[$0]?.tv_nsec || after[$0]?.tv_sec != before[$0]?.tv_sec })
        #expect(changed.contains("cable/2008/06/08BAGHDAD500/index.html"))
        #expect(changed.contains("data/cables.json"))
        #expect(!changed.contains("cable/2008/04/08STATE37957/index.html"))
        #expect(!changed.contains("date/index.html"))
        #expect(report.written == changed.count, "written \(report.written) vs changed \(changed.sorted())")
        // a removed cable removes its page
        try FileManager.default.removeItem(atPath: path)
        let removal = site.build()
        #expect(!removal.failed)
        #expect(removal.removed >= 1)
        site.assertMissing(["cable/2008/06/08BAGHDAD500/index.html", "date/2008/06/index.html", "tag/MARR/index.html"])
    }

    /// Incremental builds (with the build cache of the last build) must give what a clean build of the same
    /// content gives, after every kind of edit: a title that other pages show, a new cable that cites and
    /// is cited, a removed cable, an original, a template, an asset, site.yml, a free page.
    @Test func incrementalBuildsEqualCleanBuilds() throws {
        let site = try SiteFixture(ReadingRoom.site)
        #expect(!site.report.failed, "\(site.errorLines)")
        func expectSameAsClean(after edit: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let report = site.build()
            #expect(!report.failed, "\(edit): \(site.errorLines)", sourceLocation: sourceLocation)
            let differences = try site.differencesFromCleanBuild()
            #expect(differences.isEmpty, "after \(edit), the incremental build differs from a clean one: \(differences.prefix(20))", sourceLocation: sourceLocation)
        }
        func edit(_ path: String, _ change: (String) -> String) throws {
            let text = try String(contentsOfFile: site.root + "/" + path, encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "the edit of \(path) changes it")
            try site.write(changed, to: path)
        }
        try expectSameAsClean(after: "nothing")

        try edit("Content/cables/2008/08ISLAMABAD1000.md") { $0.replacingOccurrences(of: "AGAIN", with: "ONCE MORE") }
        try expectSameAsClean(after: "a new title for a cable others cite and list as related")
        site.assertFileContent("cable/2008/04/08STATE37957/index.html", contains: ["PAKISTAN: &quot;KHAN&quot;, ONCE MORE"])

        try site.write("""
            ---
            id: "08STATE38500"
            title: "NEW CABLE CITING KHAN"
            date: 2008-04-11T10:00:00Z
            origin: Secretary of State
            classification: SECRET
            tags: [KNNP, PREL, PK]
            references: [08STATE37957, 08STATE99999]
            ---

            ¶1. (S) New.
            """, to: "Content/cables/2008/08STATE38500.md")
        try expectSameAsClean(after: "a new cable between two of the same post, citing one")
        site.assertFileContent("cable/2008/04/08STATE37957/index.html", contains: ["<a href=\"/cable/2008/04/08STATE38500/\" rel=\"next\">"])

        try site.write("""
            ---
            id: "08STATE99999"
            title: "A CABLE CITED BEFORE IT ARRIVED"
            date: 2008-06-20T10:00:00Z
            origin: Secretary of State
            classification: CONFIDENTIAL
            tags: [PREL]
            references: []
            ---

            ¶1. (C) Late.
            """, to: "Content/cables/2008/08STATE99999.md")
        try expectSameAsClean(after: "a new cable that an existing one already cited")
        site.assertFileContent("cable/2008/04/08STATE38500/index.html", contains: ["<a class=\"mono\" href=\"/cable/2008/06/08STATE99999/\">08STATE99999</a>"])

        try FileManager.default.removeItem(atPath: site.root + "/Content/cables/2008/08STATE40000.md")
        try expectSameAsClean(after: "a removed cable")

        try edit("Content/cables/2008/08STATE37957.txt") { $0 + "A LINE ADDED TO THE ORIGINAL\n" }
        try expectSameAsClean(after: "an edited original")

        try edit("Content/cables/2008/08BAGHDAD500.md") { $0.replacingOccurrences(of: "tags: [PREL, IZ, MARR]", with: "tags: [PREL, IZ, MARR, PK]") }
        try expectSameAsClean(after: "a tag added to a cable")

        try edit("Content/cables/2008/08LAHORE300.md") { $0.replacingOccurrences(of: "date: 2008-04-20T07:00:00Z", with: "date: 2008-07-02T07:00:00Z") }
        try expectSameAsClean(after: "a cable moved to another month")

        try edit("Themes/default/templates/row.mustache") { $0.replacingOccurrences(of: "<td class=\"col-date\">", with: "<td class=\"col-date when\">") }
        try expectSameAsClean(after: "an edited fragment template")

        try edit("Themes/default/templates/footer.mustache") { $0.replacingOccurrences(of: "</footer>", with: "<!-- edited -->\n</footer>") }
        try expectSameAsClean(after: "an edited footer")

        try edit("Themes/default/assets/style.css") { $0 + "\n/* edited */\n" }
        try expectSameAsClean(after: "an edited asset")

        try edit("Content/site.yml") { $0.replacingOccurrences(of: "title: Test Reading Room", with: "title: Renamed Room") }
        try expectSameAsClean(after: "a new site title")

        try edit("Content/site.yml") { $0.replacingOccurrences(of: "page_size: 5", with: "page_size: 6") }
        try expectSameAsClean(after: "a new page size")

        try edit("Content/pages/about.md") { $0.replacingOccurrences(of: "for the **tests**", with: "for the tests only") }
        try expectSameAsClean(after: "an edited free page")

        try FileManager.default.removeItem(atPath: site.root + "/Content/pages/about.md")
        try expectSameAsClean(after: "a removed free page")
        site.assertMissing(["about/index.html"])
    }

    /// A page depends on the templates it is rendered with, not on the whole theme: an asset renders no page,
    /// the cable template only the cables' pages, a row only the index pages (and the pages always rendered).
    @Test func aThemeChangeRendersOnlyThePagesThatUseIt() throws {
        let site = try SiteFixture(ReadingRoom.site)
        #expect(!site.report.failed, "\(site.errorLines)")
        let cables = site.report.cables
        func edit(_ path: String, _ change: (String) -> String) throws -> BuildReport {
            let text = try String(contentsOfFile: site.root + "/" + path, encoding: .utf8)
            try site.write(change(text), to: path)
            let report = site.build()
            #expect(!report.failed, "\(site.errorLines)")
            #expect(try site.differencesFromCleanBuild().isEmpty, "after editing \(path)")
            return report
        }
        let asset = try edit("Themes/default/assets/style.css") { $0 + "\n/* edited */\n" }
        #expect(asset.cablePagesRendered == 0 && asset.written == 1, "an asset: only itself written (\(asset.summary))")
        let always = asset.rendered  // home, directories, free pages, 404, sitemaps, assets

        let cable = try edit("Themes/default/templates/cable.mustache") { $0.replacingOccurrences(of: "<article class=\"cable\"", with: "<article data-edited class=\"cable\"") }
        #expect(cable.cablePagesRendered == cables && cable.rendered == always + cables, "the cable template: the cables' pages (\(cable.summary))")

        let row = try edit("Themes/default/templates/row.mustache") { $0.replacingOccurrences(of: "<td class=\"col-date\">", with: "<td class=\"col-date when\">") }
        #expect(row.cablePagesRendered == 0 && row.rendered > always, "a row: the index pages, no cable page (\(row.summary))")

        let pagination = try edit("Themes/default/templates/pagination.mustache") { $0 + "\n" }
        #expect(pagination.cablePagesRendered == 0 && pagination.rendered == row.rendered, "a partial of the index pages: the same pages as a row")

        let layout = try edit("Themes/default/templates/layout.mustache") { $0.replacingOccurrences(of: "<body>", with: "<body data-edited>") }
        #expect(layout.cablePagesRendered == cables && layout.rendered == row.rendered + cables, "the layout: every page")
    }

    /// A cable's page is remembered in the cable's cache entry, not by path: moving its file, or a second file
    /// of its id coming and going, must neither leave a stale page nor remove the page of the cable that stays.
    @Test func pagesFollowTheirCablesAcrossMovesAndDuplicates() throws {
        let site = try SiteFixture(ReadingRoom.site)
        #expect(!site.report.failed, "\(site.errorLines)")
        let files = FileManager.default
        let cables = site.root + "/Content/cables"
        let page = "cable/2008/04/08STATE37957/index.html", copy = "cable/2008/04/08STATE37957/08STATE37957.txt"
        func expectSameAsClean(_ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let differences = try site.differencesFromCleanBuild()
            #expect(differences.isEmpty, "after \(step): \(differences.prefix(10))", sourceLocation: sourceLocation)
        }

        // the file and its original moved to another folder, bytes unchanged: the same page, kept
        try files.createDirectory(atPath: cables + "/moved", withIntermediateDirectories: true)
        for ext in ["md", "txt"] { try files.moveItem(atPath: cables + "/2008/08STATE37957." + ext, toPath: cables + "/moved/08STATE37957." + ext) }
        #expect(!site.build().failed, "\(site.errorLines)")
        site.assertExists([page, copy])
        try expectSameAsClean("a move")

        // a second file of the same id, later in the walk: an error, and the first one's page stays
        try files.createDirectory(atPath: cables + "/zzz", withIntermediateDirectories: true)
        let text = try String(contentsOfFile: cables + "/moved/08STATE37957.md", encoding: .utf8)
        try site.write(text.replacingOccurrences(of: "KHAN", with: "KHAN (SECOND FILE)"), to: "Content/cables/zzz/08STATE37957.md")
        let duplicated = site.build()
        #expect(duplicated.errors.contains { $0.message.contains("duplicate id 08STATE37957") }, "\(site.errorLines)")
        site.assertExists([page, copy])
        site.assertFileContent(page, contains: ["KHAN"], notContains: ["SECOND FILE"])

        // the duplicate goes: the page stays as it was
        try files.removeItem(atPath: cables + "/zzz/08STATE37957.md")
        #expect(!site.build().failed, "\(site.errorLines)")
        site.assertExists([page, copy])
        try expectSameAsClean("a duplicate removed")

        // the duplicate comes back and the first file goes: the page is the second file's, without an original
        try site.write(text.replacingOccurrences(of: "KHAN", with: "KHAN (SECOND FILE)"), to: "Content/cables/zzz/08STATE37957.md")
        site.build()
        for ext in ["md", "txt"] { try files.removeItem(atPath: cables + "/moved/08STATE37957." + ext) }
        #expect(!site.build().failed, "\(site.errorLines)")
        site.assertFileContent(page, contains: ["SECOND FILE"])
        site.assertMissing([copy])
        try expectSameAsClean("the first file removed")
    }

    /// The preview server's way of building: the build cache kept in memory between builds, and the pages
    /// announced before the search index and the cache are brought up to date. Each build must still equal
    /// a clean one, and a build from elsewhere in between (another process) must not be mistaken for the
    /// session's own.
    @Test func aSessionKeepsTheCacheInMemoryAndStaysRight() throws {
        let site = try SiteFixture(ReadingRoom.site)
        #expect(!site.report.failed, "\(site.errorLines)")
        let session = BuildSession()
        let path = "Content/cables/2008/08STATE37957.md"
        let page = "cable/2008/04/08STATE37957/index.html"
        for round in 1...3 {
            let text = try String(contentsOfFile: site.root + "/" + path, encoding: .utf8)
            try site.write(text.replacingOccurrences(of: "¶1.", with: "¶1. Round \(round) of edits."), to: path)
            session.changed([path])
            let announced = Mutex<[BuildReport]>([])
            let pageAtAnnouncement = Mutex<String?>(nil)
            let output = site.output
            let report = SiteBuilder(options: .init(root: site.root)).build(session: session, pagesReady: { sofar in
                announced.withLock { $0.append(sofar) }
                pageAtAnnouncement.withLock { $0 = try? String(contentsOfFile: output + "/" + page, encoding: .utf8) }
            })
            #expect(!report.failed, "\(report.errors.prefix(5))")
            #expect(report.cablesRead == 1, "round \(round): only the edited cable is read")
            #expect(announced.withLock { $0.count } == 1, "round \(round): the pages are announced once")
            #expect(announced.withLock { $0.first?.written ?? 0 } >= 1)
            #expect(pageAtAnnouncement.withLock { $0 }?.contains("Round \(round) of edits.") == true, "round \(round): the page is in place when announced")
            let differences = try site.differencesFromCleanBuild()
            #expect(differences.isEmpty, "round \(round): \(differences.prefix(20))")
        }
        // another process builds with another base URL; the session's cache no longer describes Public/
        let other = SiteBuilder(options: .init(root: site.root, baseURL: "https://example.org/elsewhere")).build()
        #expect(!other.failed)
        let back = SiteBuilder(options: .init(root: site.root)).build(session: session)
        #expect(!back.failed)
        #expect(site.text(page)?.contains("/elsewhere/") == false, "no page of the other build is kept")
        let differences = try site.differencesFromCleanBuild()
        #expect(differences.isEmpty, "after a build from elsewhere: \(differences.prefix(20))")
        // a clean build writes a new folder: nothing is announced before it is published
        let announcedClean = Mutex(0)
        let clean = SiteBuilder(options: .init(root: site.root, clean: true)).build(session: session, pagesReady: { _ in announcedClean.withLock { $0 += 1 } })
        #expect(!clean.failed)
        #expect(announcedClean.withLock { $0 } == 0)
    }

    /// An incremental build with a different base URL must not reuse pages rendered for the old one.
    @Test func baseURLChangeRebuildsEverything() throws {
        let site = try SiteFixture(ReadingRoom.site)
        #expect(!site.report.failed)
        let moved = SiteBuilder(options: .init(root: site.root, output: nil, baseURL: "https://example.org/archive")).build()
        #expect(!moved.failed)
        for path in LinkChecker.pages(in: site.output) {
            let html = site.text(path) ?? ""
            for link in HTML.attributes("href", in: html) where link.hasPrefix("/") {
                #expect(link.hasPrefix("/archive/"), "\(path): \(link)")
            }
        }
    }

    /// `CHANCERY_JOBS=1` (one core) and the default (all cores) give the same tree. The job count is read
    /// once per process, so both builds run the command-line tool.
    @Test func oneJobAndAllCoresGiveTheSameTree() throws {
        let binary = Repo.debugBinary
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            Issue.record("\(binary) is missing: build it first (`swift build`, or `make test`)")
            return
        }
        let work = try SampleSite.copy(label: "jobs")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let one = try Run.command(binary, ["build", "--root", work, "--output", work + "/one"], environment: ["CHANCERY_JOBS": "1"])
        let all = try Run.command(binary, ["build", "--root", work, "--output", work + "/all"], environment: ["CHANCERY_JOBS": ""])
        #expect(one.status == 0, "\(one.error)")
        #expect(all.status == 0, "\(all.error)")
        let differences = Tree.differences(work + "/one", work + "/all")
        #expect(differences.isEmpty, "\(differences.prefix(20))")
    }
}
