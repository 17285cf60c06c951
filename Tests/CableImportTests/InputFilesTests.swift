import Foundation
import Testing
@testable import CableImport
import ChanceryIO
import CableKit

@Suite("InputFiles.expand")
struct InputFilesTests {
    @Test("folders are walked recursively in sorted order; hidden entries, Markdown and unknown kinds are skipped")
    func walk() throws {
        try Scratch.with { s in
            let names = [
                "t/b.txt", "t/a.TXT", "t/c.text", "t/d.html", "t/e.htm", "t/f.csv", "t/g.cable", "t/h.tel",
                "t/sub/z.txt", "t/sub/deeper/y.html",
                "t/notes.md", "t/README", "t/image.png", "t/.hidden.txt", "t/.git/x.txt", "t/sub/.x.txt.tmp-1-2",
                "t/.08STATE1.md.tmp-99-1",
            ]
            for name in names { try s.write("x", name) }
            let t = s.input + "/t"
            let result = InputFiles.expand([t])
            #expect(result.problems.isEmpty)
            #expect(result.files == [
                "a.TXT", "b.txt", "c.text", "d.html", "e.htm", "f.csv", "g.cable", "h.tel", "sub/deeper/y.html", "sub/z.txt",
            ].map { t + "/" + $0 })
            // a trailing slash does not double the separator
            #expect(InputFiles.expand([t + "/"]).files == result.files)
            #expect(InputFiles.expand([t + "//"]).files == result.files)
        }
    }

    @Test("a folder's PDFs are not read, and the walk says so once per folder, with what to do")
    func pdfsAreNamed() throws {
        try Scratch.with { s in
            for name in ["r/a.txt", "r/scan1.pdf", "r/Scan2.PDF", "r/sub/scan3.pdf", "r/image.png"] { try s.write("x", name) }
            let r = s.input + "/r"
            let result = InputFiles.expand([r])
            #expect(result.files == [r + "/a.txt"])
            // a folder's warning comes once its walk is done, so a subfolder's first
            #expect(result.problems == [
                InputFiles.Problem(path: r + "/sub", message: "1 PDF file not imported (scan3.pdf): " + CableReader.pdfAdvice, isWarning: true),
                InputFiles.Problem(path: r, message: "2 PDF files not imported (Scan2.PDF, scan1.pdf): " + CableReader.pdfAdvice, isWarning: true),
            ])
            // a PDF named on its own is read, and refused as a PDF (not as a telegram without an id)
            #expect(throws: CableReader.Failure(line: 1, message: "a PDF file: " + CableReader.pdfAdvice)) {
                try CableReader.read(Array("%PDF-1.4\n%\u{E2}\u{E3}\n1 0 obj\n".utf8), fileName: "scan1.pdf")
            }
        }
    }

    @Test("files given by name are taken as they are, in the order given; a missing path is a problem")
    func explicitFiles() throws {
        try Scratch.with { s in
            let md = try s.write("x", "edited.md")
            let other = try s.write("x", "cable.dat")
            let hidden = try s.write("x", ".hidden.txt")
            let missing = s.input + "/nope.txt"
            let result = InputFiles.expand([other, missing, md, hidden])
            #expect(result.files == [other, md, hidden])
            #expect(result.problems.count == 1)
            #expect(result.problems.first?.path == missing)
            #expect(result.problems.first?.message == "no such file or folder")
        }
    }

    @Test("a file named twice, under two spellings, or inside a folder also given, is read once")
    func fileNamedTwice() throws {
        try Scratch.with { s in
            let csv = try s.write("x", "t/cables.csv")
            let other = try s.write("x", "t/sub/a.txt")
            let t = s.input + "/t"
            #expect(InputFiles.expand([csv, csv]).files == [csv])
            #expect(InputFiles.expand([csv, t + "/sub/../cables.csv"]).files == [csv])
            #expect(InputFiles.expand([t, csv]).files == [other, csv])
            #expect(InputFiles.expand([csv, t]).files == [csv, other])
            #expect(InputFiles.expand([t + "/sub/../cables.csv", t]).files == [t + "/sub/../cables.csv", other])
        }
    }

    @Test("a walk passes the site's Public/ by (its pages and original copies are no input); given itself, it is walked")
    func builtSiteIsPassedBy() throws {
        try Scratch.with { s in
            let raw = try s.write("x", "site/raw/08STATE1.txt")
            try s.write("x", "site/Public/index.html")
            let copy = try s.write("x", "site/Public/cable/2008/04/08STATE1/08STATE1.txt")
            let site = s.input + "/site"
            #expect(InputFiles.expand([site], passing: [site + "/Public"]).files == [raw])
            #expect(InputFiles.expand([site + "/Public/cable"], passing: [site + "/Public"]).files == [copy])
            #expect(InputFiles.expand([site + "/Public"], passing: [site + "/Public"]).files == [site + "/Public/cable/2008/04/08STATE1/08STATE1.txt", site + "/Public/index.html"])
            #expect(InputFiles.expand([site]).files.count == 3)
        }
    }

    @Test("a symlink loop is reported once and not followed")
    func symlinkLoop() throws {
        try Scratch.with { s in
            try s.write("x", "t/a.txt")
            try s.write("x", "t/sub/b.txt")
            try FileManager.default.createSymbolicLink(atPath: s.input + "/t/sub/up", withDestinationPath: "..")
            try FileManager.default.createSymbolicLink(atPath: s.input + "/t/sub/self", withDestinationPath: ".")
            let t = s.input + "/t"
            let result = InputFiles.expand([t])
            #expect(result.files == [t + "/a.txt", t + "/sub/b.txt"])
            #expect(result.problems.map(\.path) == [t + "/sub/self", t + "/sub/up"])
            for problem in result.problems {
                #expect(problem.message.contains("symlink loop"))
                #expect(problem.isWarning, "a loop loses nothing: \(problem)")
            }
        }
    }

    @Test("a symlink to a folder outside the tree is followed")
    func symlinkedFolder() throws {
        try Scratch.with { s in
            try s.write("x", "elsewhere/c.txt")
            try s.write("x", "t/a.txt")
            try FileManager.default.createSymbolicLink(atPath: s.input + "/t/linked", withDestinationPath: s.input + "/elsewhere")
            let t = s.input + "/t"
            let result = InputFiles.expand([t])
            #expect(result.problems.isEmpty)
            #expect(result.files == [t + "/a.txt", t + "/linked/c.txt"])
        }
    }

    @Test("a folder reached twice without a loop (given twice, or by a link to a sibling) is not a symlink loop")
    func folderReachedTwice() throws {
        try Scratch.with { s in
            try s.write("x", "t/a/one.txt")
            try s.write("x", "t/b/two.txt")
            try FileManager.default.createSymbolicLink(atPath: s.input + "/t/latest", withDestinationPath: "b")
            let t = s.input + "/t"
            let result = InputFiles.expand([t, t + "/a"])
            #expect(Set(result.files).count == result.files.count, "a file is listed twice: \(result.files)")
            #expect(Set(result.files.map { ($0 as NSString).lastPathComponent }) == ["one.txt", "two.txt"])
            #expect(result.problems.isEmpty, "\(result.problems)")
            #expect(result.files == [t + "/a/one.txt", t + "/b/two.txt"])
        }
    }
}

@Suite("ImportReport.summary")
struct ImportReportTests {
    @Test func counts() {
        var r = ImportReport()
        r.new = 300; r.unchanged = 10; r.seconds = 0.4; r.destination = "Content/cables"
        #expect(r.total == 310)
        #expect(r.succeeded)
        #expect(r.summary == "Imported 310 cables from 310 inputs (300 new, 0 updated, 10 unchanged, 0 skipped, 0 failed) in 0.4 s (775/s) → Content/cables")
    }

    @Test func everyCountHasItsPlace() {
        var r = ImportReport()
        r.new = 1; r.updated = 2; r.unchanged = 3; r.skipped = 4; r.failed = 5; r.seconds = 2; r.destination = "/site/Content/cables"
        #expect(r.total == 15)
        #expect(!r.succeeded)
        #expect(r.summary == "Imported 6 cables from 15 inputs (1 new, 2 updated, 3 unchanged, 4 skipped, 5 failed) in 2.0 s (7/s) → /site/Content/cables")
    }

    /// The leading figure counts cables, not inputs: a missing path read "Imported 1 cable (… 1 failed)".
    @Test func oneCableIsSingular() {
        var r = ImportReport()
        r.unchanged = 1; r.destination = "Content/cables"
        #expect(r.summary == "Imported 1 cable from 1 input (0 new, 0 updated, 1 unchanged, 0 skipped, 0 failed) in 0.0 s → Content/cables")
        r.failed = 1
        #expect(r.summary.hasPrefix("Imported 1 cable from 2 inputs ("))
        r.unchanged = 0
        #expect(r.summary.hasPrefix("Imported 0 cables from 1 input (0 new, 0 updated, 0 unchanged, 0 skipped, 1 failed)"),
                "an input that failed is no cable: \(r.summary)")
        r.failed = 0; r.skipped = 1
        #expect(r.summary.hasPrefix("Imported 0 cables from 1 input (0 new, 0 updated, 0 unchanged, 1 skipped, 0 failed)"),
                "nor is one skipped: \(r.summary)")
    }

    @Test func thousandsAndNoRateWithoutTime() {
        var r = ImportReport()
        r.new = 1_234_567; r.failed = 1_000; r.destination = "Content/cables"
        #expect(r.summary == "Imported 1,234,567 cables from 1,235,567 inputs (1,234,567 new, 0 updated, 0 unchanged, 0 skipped, 1,000 failed) in 0.0 s → Content/cables")
        r.seconds = 12.34
        #expect(r.summary.hasSuffix("failed) in 12.3 s (100,126/s) → Content/cables"))
        r.seconds = 59.96
        #expect(r.summary.contains(" in 60.0 s "))
    }

    @Test func messages() {
        var r = ImportReport()
        r.error("a/b.txt", line: 3, "binary data")
        r.error("c.txt", line: nil, "too large")
        r.warning("d.txt", "duplicate")
        #expect(r.messages == ["a/b.txt:3: error: binary data", "c.txt: error: too large", "d.txt: warning: duplicate"])
        #expect(r.failed == 2 && !r.succeeded && r.total == 2)
    }

    @Test func numberFormatting() {
        #expect(0.grouped == "0")
        #expect(999.grouped == "999")
        #expect(1000.grouped == "1,000")
        #expect(12_345_678.grouped == "12,345,678")
        #expect((-1234).grouped == "-1,234")
        #expect(String(format1: 3.14159) == "3.1")
        #expect(String(format1: 0.96) == "1.0")
    }

    @Test func destination() {
        #expect(Importer(options: .init()).destination == "Content/cables")
        #expect(Importer(options: .init(root: "/srv/site")).destination == "/srv/site/Content/cables")
    }
}
