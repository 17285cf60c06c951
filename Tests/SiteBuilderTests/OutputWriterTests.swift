import ChanceryIO
import Foundation
@testable import SiteBuilder
import Testing

/// Where a build's files go: a first build and a `--clean` build stage the site beside `Public/` and move
/// it in at the end; until then the folder holds what it held.
@Suite struct OutputWriterTests {
    private func write(_ text: String, to path: String) throws {
        try DiskIO.write(Array(text.utf8), to: path)
    }

    private func entries(of folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    private func read(_ path: String) -> String? {
        (try? DiskIO.read(path)).flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func aFirstBuildIsStagedBesideTheFolder() throws {
        let root = Temp.directory("writer-first")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/Public"
        try write("", to: output + "/.gitkeep")
        var writer = OutputWriter(directory: output)
        let staging = try #require(writer.staging)
        #expect(DiskIO.parent(staging) == root, "beside Public/, not inside it")
        #expect(writer.write([OutputFile(path: "index.html", bytes: Array("home".utf8)), OutputFile(path: "a/b/index.html", bytes: Array("b".utf8))]).isEmpty)
        #expect(read(output + "/index.html") == nil, "nothing shows before the end")
        #expect(writer.finishWriting().isEmpty)
        try writer.publish()
        #expect(read(output + "/index.html") == "home")
        #expect(read(output + "/a/b/index.html") == "b")
        #expect(DiskIO.exists(output + "/.gitkeep"))
        #expect(entries(of: root) == ["Public"], "no work folder is left")
    }

    @Test func aStagedFileWhoseFolderCannotBeMadeIsAnErrorAndTheRestAreWritten() throws {
        let root = Temp.directory("writer-blocked")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/Public"
        let source = root + "/original.txt"
        try write("original", to: source)
        var writer = OutputWriter(directory: output)
        #expect(writer.write([OutputFile(path: "a", bytes: Array("a file".utf8))]).isEmpty)
        let errors = writer.write([
            OutputFile(path: "a/b/index.html", bytes: Array("b".utf8)),   // a is a file: no folder can be made there
            OutputFile(path: "c/d/index.html", bytes: Array("d".utf8)),
            OutputFile(path: "c/d/original.txt", copyOf: source),
        ])
        #expect(errors.map(\.path) == ["Public/a/b/index.html"])
        #expect(errors.first?.message.contains("cannot create directory") == true, "\(errors)")
        try writer.publish()
        #expect(read(output + "/a") == "a file")
        #expect(read(output + "/c/d/index.html") == "d")
        #expect(DiskIO.sameFile(source, output + "/c/d/original.txt"), "the original is linked, not copied")
    }

    @Test func stagedFilesAreCreatedByTheirPathsAndTheirMissingFoldersMade() throws {
        let root = Temp.directory("writer-paths")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/Public"
        let source = root + "/original.txt"
        try write("original", to: source)
        var writer = OutputWriter(directory: output)
        // a copy first in a folder nobody made, a page three folders down, a file at the top
        let errors = writer.write([
            OutputFile(path: "e/f/original.txt", copyOf: source),
            OutputFile(path: "g/h/i/index.html", bytes: Array("i".utf8)),
            OutputFile(path: "top.html", bytes: Array("top".utf8)),
        ])
        #expect(errors.isEmpty, "\(errors)")
        try writer.publish()
        #expect(DiskIO.sameFile(source, output + "/e/f/original.txt"))
        #expect(read(output + "/g/h/i/index.html") == "i")
        #expect(read(output + "/top.html") == "top")
    }

    /// The folders of the next batch are made while a batch is written; one whose files do not come with that
    /// batch (a cable whose page failed) is removed when it is written, and a folder that cannot be made is the
    /// error of the file written in it.
    @Test func foldersPreparedForTheNextBatch() throws {
        let root = Temp.directory("writer-prepared")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/Public"
        var writer = OutputWriter(directory: output)
        let staging = try #require(writer.staging)
        #expect(writer.write([OutputFile(path: "x", bytes: Array("file".utf8))]).isEmpty)
        #expect(writer.write([OutputFile(path: "y", bytes: Array("file".utf8))], preparing: ["cable/2008/04/A", "cable/2008/05/B", "x/C"]).isEmpty)
        #expect(DiskIO.isDirectory(staging + "/cable/2008/04/A") && DiskIO.isDirectory(staging + "/cable/2008/05/B"))
        let errors = writer.write([OutputFile(path: "cable/2008/04/A/index.html", bytes: Array("a".utf8)),
                                   OutputFile(path: "x/C/index.html", bytes: Array("c".utf8))])
        #expect(errors.map(\.path) == ["Public/x/C/index.html"], "x is a file: its folder was not made, and the file says so")
        #expect(writer.finishWriting().isEmpty)
        try writer.publish()
        #expect(read(output + "/cable/2008/04/A/index.html") == "a", "a folder with files stays")
        #expect(!DiskIO.exists(output + "/cable/2008/05/B"), "an empty prepared folder goes")
    }

    @Test func aCleanBuildReplacesTheSiteOnlyAtTheEnd() throws {
        let root = Temp.directory("writer-clean")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/Public"
        try write("", to: output + "/.gitkeep")
        try write("[core]", to: output + "/.git/config")
        try write("old home", to: output + "/index.html")
        try write("old page", to: output + "/gone/index.html")
        var writer = OutputWriter(directory: output, replacing: true)
        #expect(writer.staging != nil)
        #expect(writer.write([OutputFile(path: "index.html", bytes: Array("new home".utf8)), OutputFile(path: "new/index.html", bytes: Array("new".utf8))]).isEmpty)
        #expect(read(output + "/index.html") == "old home", "the last site stands while the build runs")
        #expect(read(output + "/gone/index.html") == "old page")
        try writer.publish()
        #expect(writer.removeStale() == 0)
        #expect(read(output + "/index.html") == "new home")
        #expect(read(output + "/new/index.html") == "new")
        #expect(!DiskIO.exists(output + "/gone"), "what the build did not make is gone")
        #expect(DiskIO.exists(output + "/.gitkeep"))
        #expect(read(output + "/.git/config") == "[core]", "hidden entries (a gh-pages checkout's .git) are not the build's")
        #expect(entries(of: root) == ["Public"], "no work folder is left")
    }

    @Test func workFoldersOfAKilledBuildAreRemovedByTheNext() throws {
        let root = Temp.directory("writer-leftovers")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/Public"
        try write("half", to: root + "/.Public.staging-99999/cable/index.html")
        try write("old", to: root + "/.Public.old-99999/tag/index.html")
        try write("kept", to: root + "/.Publication/index.html")
        _ = OutputWriter(directory: output)
        #expect(!DiskIO.exists(root + "/.Public.staging-99999"))
        #expect(!DiskIO.exists(root + "/.Public.old-99999"))
        #expect(DiskIO.exists(root + "/.Publication/index.html"), "only the build's own work folders")
    }

    @Test func temporaryFilesOfAKilledBuildAreRemovedWhenTheFolderIsWalked() throws {
        let root = Temp.directory("writer-temporary")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/Public"
        try write("page", to: output + "/index.html")
        try write("half", to: output + "/data/.cables.csv.tmp-stream-4242")
        try write("half", to: output + "/cable/2008/04/08STATE1/.index.html.tmp-4242-7")
        try write("kept", to: output + "/.well-known/security.txt")
        let writer = OutputWriter(directory: output)
        #expect(writer.existed("index.html"))
        #expect(!DiskIO.exists(output + "/data/.cables.csv.tmp-stream-4242"))
        #expect(!DiskIO.exists(output + "/cable/2008/04/08STATE1/.index.html.tmp-4242-7"))
        #expect(DiskIO.exists(output + "/.well-known/security.txt"), "other hidden files are not the build's")
    }

    /// A first build into a folder of other files (a gh-pages checkout, a folder of notes) would remove them
    /// as stale pages: it is refused, naming the folder and some of its files, and nothing is touched;
    /// `--clean` replaces them (hidden entries such as `.git` stay); an empty folder or one with only hidden
    /// entries is built into.
    @Test func aFolderOfOtherFilesIsNotTakenOverWithoutClean() throws {
        let fixture = try SiteFixture(ReadingRoom.site, build: false)
        defer { try? FileManager.default.removeItem(atPath: fixture.root) }
        let output = fixture.root + "/elsewhere"
        try write("my notes", to: output + "/notes.txt")
        try write("[core]", to: output + "/.git/config")
        let refused = SiteBuilder(options: .init(root: fixture.root, output: output)).build()
        #expect(refused.failed)
        #expect(refused.errors.contains { $0.description.contains("holds files no build made (notes.txt)") && $0.description.contains("--clean") },
                "\(refused.errors)")
        #expect(read(output + "/notes.txt") == "my notes")
        #expect(!DiskIO.exists(output + "/index.html"))

        let replaced = SiteBuilder(options: .init(root: fixture.root, output: output, clean: true)).build()
        #expect(!replaced.failed, "\(replaced.errors.prefix(5))")
        #expect(!DiskIO.exists(output + "/notes.txt"))
        #expect(read(output + "/.git/config") == "[core]")
        #expect(DiskIO.exists(output + "/index.html"))

        // another website's folder has a home page of its own: still not a reading room a build made
        let website = fixture.root + "/www"
        try write("<h1>My site</h1>", to: website + "/index.html")
        try write("<h1>About</h1>", to: website + "/about.html")
        let refusedSite = SiteBuilder(options: .init(root: fixture.root, output: website)).build()
        #expect(refusedSite.errors.contains { $0.description.contains("holds files no build made (about.html, index.html)") }, "\(refusedSite.errors)")
        #expect(read(website + "/about.html") == "<h1>About</h1>" && read(website + "/index.html") == "<h1>My site</h1>")
        // a reading room built before is one, even when the site's build cache is gone
        BuildCache.remove(root: fixture.root)
        let again = SiteBuilder(options: .init(root: fixture.root, output: output)).build()
        #expect(!again.failed, "\(again.errors.prefix(5))")

        let hiddenOnly = fixture.root + "/checkout"
        try write("[core]", to: hiddenOnly + "/.git/config")
        let built = SiteBuilder(options: .init(root: fixture.root, output: hiddenOnly)).build()
        #expect(!built.failed, "\(built.errors.prefix(5))")
        #expect(DiskIO.exists(hiddenOnly + "/index.html") && read(hiddenOnly + "/.git/config") == "[core]")
    }

    /// `--output .`, `--output ..` or a folder inside Content/ or Themes/: the build would remove the site's
    /// own sources as files it did not make. It refuses, names the folder, and touches nothing. The same for
    /// `.chancery/` and a folder inside it: `--output .chancery --clean` deleted the import record and the
    /// import lock and mixed the site into the cache folder.
    @Test(arguments: [".", "..", "Content", "Content/out", "Themes/default/assets/site", "link-to-root", ".chancery", ".chancery/site"])
    func anOutputFolderHoldingTheSourcesIsRefused(output: String) throws {
        // the site one level down in a folder of its own, so that `..` is that folder
        let fixture = try SiteFixture(ReadingRoom.site, build: false)
        let outer = Temp.directory("outer")
        defer { try? FileManager.default.removeItem(atPath: outer) }
        let root = outer + "/site"
        try FileManager.default.copyItem(atPath: fixture.root, toPath: root)
        try FileManager.default.createSymbolicLink(atPath: root + "/link-to-root", withDestinationPath: root)
        try write("record", to: root + "/.chancery/import-record")
        let sources = Tree.files(root + "/Content").count + Tree.files(root + "/Themes").count
        let path = root + "/" + output
        for clean in [false, true] {
            let report = SiteBuilder(options: .init(root: root, output: path, clean: clean)).build()
            #expect(report.failed)
            #expect(report.errors.map(\.description) == ["\(path): error: the output folder must not be the site folder, a folder above it, "
                + "or inside its Content/, Themes/ or .chancery/: a build removes every file there that it did not make"])
        }
        #expect(Tree.files(root + "/Content").count + Tree.files(root + "/Themes").count == sources, "nothing removed")
        #expect(read(root + "/.chancery/import-record") == "record", "the import record stays")
        #expect(!DiskIO.exists(root + "/.chancery/site") && !DiskIO.exists(root + "/.chancery/index.html"), "nothing written")
        #expect(!DiskIO.exists(root + "/Content/out") && !DiskIO.exists(root + "/Themes/default/assets/site"), "nothing written")
        #expect(!DiskIO.exists(root + "/index.html") && !DiskIO.exists(outer + "/index.html"), "nothing written")
    }

    /// A folder beside the site, or one inside it other than its sources, is fine.
    @Test func anOutputFolderBesideTheSourcesIsAccepted() throws {
        let site = try SiteFixture(ReadingRoom.site, build: false)
        for output in [site.root + "/Public", site.root + "/build/site", site.root + "-published"] {
            defer { if output.hasSuffix("-published") { try? FileManager.default.removeItem(atPath: output) } }
            let report = SiteBuilder(options: .init(root: site.root, output: output)).build()
            #expect(!report.failed, "\(output): \(report.errors)")
            #expect(DiskIO.exists(output + "/index.html"))
        }
    }
}
