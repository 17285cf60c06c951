import Foundation
import Synchronization
import Testing
@testable import CableImport
import CableKit
import ChanceryIO

/// Small telegrams of the sample corpus (their file names are their ids).
private let telegrams = ["09STATE40423", "09CARACAS1296", "09BERLIN1273", "09STATE63812"]
private func cablegate(_ name: String) -> String { Shared.cablegate + "/" + name }

@Suite("chancery import")
struct ImporterTests {

    // MARK: - Layout and originals

    @Test("files and folders (recursive) become <YYYY>/<ID>.md with the verbatim original beside it")
    func layoutAndOriginals() throws {
        try Scratch.with { s in
            var inputs: [String: String] = [:]   // id -> input path
            inputs["09STATE40423"] = try s.copy(cablegate("09STATE40423.txt"), to: "folder/09STATE40423.txt")
            inputs["09CARACAS1296"] = try s.copy(cablegate("09CARACAS1296.txt"), to: "folder/nested/deeper/09CARACAS1296.txt")
            inputs["10BRASILIA51"] = try s.copy(cablegate("10BRASILIA51.html"), to: "folder/nested/10BRASILIA51.html")
            // a file given directly, named after nothing: the id comes from the text
            let direct = try s.copy(Shared.seeds + "/004_3cf85b5abb626903.txt", to: "loose/seed.txt")
            inputs["08STATE37957"] = direct
            let before = Files.snapshot(s.input)

            let report = s.importer().run([s.input + "/folder", direct])

            #expect(report.messages == [])
            #expect(report.new == 4 && report.updated == 0 && report.unchanged == 0 && report.skipped == 0 && report.failed == 0)
            #expect(report.succeeded)
            #expect(report.destination == s.content)
            let written = s.markdownFiles()
            #expect(Set(written.keys) == Set(inputs.keys))
            for (id, input) in inputs {
                let md = try #require(written[id], "\(id) not written")
                let text = try Files.text(md)
                #expect(text.hasPrefix("---\nid: \"\(id)\"\n"), "\(md) does not start with its front matter")
                #expect(Checksum.isIntact(text), "\(md) is not sealed")
                let cable = try CableFile.read(text)
                #expect(cable.id == id)
                let year = try #require(cable.date?.year)
                #expect(md == "\(s.content)/\(year)/\(id).md")
                let inputBytes = try Shared.bytes(input)
                #expect(cable.source.sha256 == SHA256.hex(inputBytes))
                #expect(cable.source.file == (input as NSString).lastPathComponent)
                let isPage = input.hasSuffix(".html")
                if isPage { #expect(cable.source.format == .wikileaks) } else { #expect(cable.source.format == .telegram) }
                let original = "\(s.content)/\(year)/\(id).\(isPage ? "html" : "txt")"
                #expect(try Shared.bytes(original) == inputBytes, "\(original) differs from \(input)")
                #expect(!FileManager.default.fileExists(atPath: "\(s.content)/\(year)/\(id).\(isPage ? "txt" : "html")"))
            }
            // the Markdown body is the text after the front matter
            let kudos = try Files.cable(try #require(written["09STATE40423"]))
            #expect(kudos.body.contains("INR/B OFFICERS GREATLY APPRECIATED"))
            #expect(Files.all(under: s.content).count == 8)
            s.checkNothingStray(inputsBefore: before)
        }
    }

    // MARK: - Idempotence

    @Test("a second import of the same inputs, and one from the originals in Content/cables, write nothing")
    func secondImportIsANoOp() throws {
        try Scratch.with { s in
            for id in telegrams { try s.copy(cablegate(id + ".txt"), to: "batch/\(id).txt") }
            try s.copy(cablegate("08LONDON1837.html"), to: "batch/pages/08LONDON1837.html")
            try s.copy(Shared.seeds + "/000_2e2985dcc75cd613.txt", to: "batch/foia/000_2e2985dcc75cd613.txt")
            let count = telegrams.count + 2

            let first = s.importer().run([s.input])
            #expect(first.new == count && first.failed == 0 && first.messages == [])
            let written = Files.snapshot(s.root)
            #expect(written.count == 2 * count)

            let second = s.importer().run([s.input])
            #expect(second.unchanged == count)
            #expect(second.new == 0 && second.updated == 0 && second.skipped == 0 && second.failed == 0)
            #expect(second.messages == [])
            #expect(Files.snapshot(s.root) == written, "the second import rewrote files")

            // the originals kept beside the Markdown are inputs too, and give the same documents
            let fromOriginals = s.importer().run([s.content])
            #expect(fromOriginals.unchanged == count)
            #expect(fromOriginals.new == 0 && fromOriginals.updated == 0 && fromOriginals.skipped == 0 && fromOriginals.failed == 0)
            #expect(fromOriginals.messages == [])
            #expect(Files.snapshot(s.root) == written, "re-importing the originals rewrote files")
            s.checkNothingStray()
        }
    }

    @Test("re-importing the originals of CSV rows from Content/cables is a no-op")
    func reimportingCSVOriginalsIsANoOp() throws {
        try Scratch.with { s in
            let folder = try s.generate(4, csv: true)
            let first = s.importer().run([folder + "/cables.csv"])
            #expect(first.new == 4 && first.failed == 0)
            let written = Files.snapshot(s.root)
            let again = s.importer().run([folder + "/cables.csv"])
            #expect(again.unchanged == 4)
            #expect(Files.snapshot(s.root) == written)

            let fromOriginals = s.importer().run([s.content])
            #expect(fromOriginals.unchanged == 4)
            #expect(fromOriginals.new == 0 && fromOriginals.updated == 0 && fromOriginals.skipped == 0 && fromOriginals.failed == 0)
            #expect(fromOriginals.messages == [])
            #expect(Files.snapshot(s.root) == written, "re-importing CSV originals rewrote the Markdown")
            for md in s.markdownFiles().values {
                #expect((try? Files.cable(md))?.source.format == .csv, "\(md) lost its CSV source")
            }

            // the same bytes from anywhere else (a copy under another name) leave the stored file as it is
            let md = try #require(s.markdownFiles().values.sorted().first)
            let original = (md as NSString).deletingPathExtension + ".txt"
            let copy = try s.write(Shared.bytes(original), "elsewhere/renamed.txt")
            let fromCopy = s.importer().run([copy])
            #expect(fromCopy.unchanged == 1 && fromCopy.messages == [])
            #expect(Files.snapshot(s.root) == written)

            // an original missing beside its Markdown is written again, the Markdown untouched
            let originalBytes = try Shared.bytes(original)
            try FileManager.default.removeItem(atPath: original)
            let restored = s.importer().run([folder + "/cables.csv"])
            #expect(restored.unchanged == 4 && restored.messages == [])
            #expect(try Shared.bytes(original) == originalBytes)
            var now = Files.snapshot(s.root), before = written
            let relative = String(original.dropFirst(s.root.count + 1))
            now[relative] = nil; before[relative] = nil
            #expect(now == before, "the Markdown was rewritten")
            s.checkNothingStray()
        }
    }

    @Test("a changed input updates its Markdown and original")
    func changedInputIsUpdated() throws {
        try Scratch.with { s in
            let input = try s.copy(cablegate("09STATE40423.txt"), to: "09STATE40423.txt")
            #expect(s.importer().run([input]).new == 1)
            let md = try #require(s.markdownFiles()["09STATE40423"])
            let before = try Files.text(md)

            let changed = try Files.text(input).replacing("NICE EXAMPLE", with: "FINE EXAMPLE")
            try s.write(changed, "09STATE40423.txt")
            let report = s.importer().run([input])
            #expect(report.updated == 1 && report.new == 0 && report.unchanged == 0 && report.skipped == 0)
            #expect(report.messages == [])
            let after = try Files.text(md)
            #expect(after != before)
            #expect(after.contains("FINE EXAMPLE") && !after.contains("NICE EXAMPLE"))
            #expect(Checksum.isIntact(after))
            #expect(try Files.cable(md).source.sha256 == SHA256.hex(Array(changed.utf8)))
            #expect(try Shared.bytes(s.content + "/2009/09STATE40423.txt") == Array(changed.utf8))
            s.checkNothingStray()
        }
    }

    // MARK: - Hand edits

    enum Edit: String, CaseIterable, Sendable {
        case body, frontMatter, brokenFrontMatter, checksumRemoved

        func apply(_ text: String) -> String {
            switch self {
            case .body: text + "\nA note added by an editor.\n"
            case .frontMatter: text.replacing("title: \"", with: "title: \"Edited: ")
            case .brokenFrontMatter: String(text.dropFirst(4))
            case .checksumRemoved:
                text.split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { !$0.hasPrefix("  checksum: ") }.joined(separator: "\n")
            }
        }
    }

    @Test("Markdown edited by hand is kept without --force, and replaced with it", arguments: Edit.allCases)
    func handEditsAreKept(edit: Edit) throws {
        try Scratch.with { s in
            let input = try s.copy(cablegate("09STATE40423.txt"), to: "09STATE40423.txt")
            #expect(s.importer().run([input]).new == 1)
            let md = s.content + "/2009/09STATE40423.md"
            let pristine = try Files.text(md)
            let edited = edit.apply(pristine)
            #expect(edited != pristine)
            try Data(edited.utf8).write(to: URL(fileURLWithPath: md))
            let editedState = Files.snapshot(s.root)

            let kept = s.importer().run([input])
            #expect(kept.skipped == 1 && kept.updated == 0 && kept.unchanged == 0 && kept.new == 0 && kept.failed == 0)
            #expect(kept.succeeded)
            #expect(kept.messages.count == 1)
            let warning = try #require(kept.messages.first)
            #expect(warning.hasPrefix(input + ": warning: "))
            #expect(warning.contains(md), "the warning does not name the edited file: \(warning)")
            #expect(warning.contains("edited by hand"))
            #expect(!warning.contains("\n"))
            #expect(Files.snapshot(s.root) == editedState, "the edited file was touched")

            // a changed input does not override the edit either
            let changed = try Files.text(input).replacing("NICE EXAMPLE", with: "FINE EXAMPLE")
            try s.write(changed, "09STATE40423.txt")
            let stillKept = s.importer().run([input])
            #expect(stillKept.skipped == 1 && stillKept.updated == 0 && stillKept.failed == 0)
            #expect(stillKept.messages.count == 1 && stillKept.messages.first?.contains(md) == true)
            #expect(Files.snapshot(s.root) == editedState, "the edited file was touched")

            try s.copy(cablegate("09STATE40423.txt"), to: "09STATE40423.txt")
            let forced = s.importer(force: true).run([input])
            #expect(forced.updated == 1 && forced.skipped == 0 && forced.failed == 0)
            #expect(forced.messages == [])
            #expect(try Files.text(md) == pristine)
            s.checkNothingStray()
        }
    }

    // MARK: - Duplicate ids

    @Test("a second import of a site waits for the first, then finds what it stored: no cable written twice as new")
    func secondImportWaits() throws {
        try Scratch.with { s in
            let file = try s.copy(cablegate("09STATE40423.txt"), to: "09STATE40423.txt")
            let first = s.importer().run([file])
            #expect(first.new == 1)
            try s.copy(cablegate("10BAKU98.txt"), to: "10BAKU98.txt")
            // another import holds the lock
            let held = try #require(DiskIO.lock(s.importer().lockFile, wait: false))
            let waited = Mutex(false)
            let result = Mutex<ImportReport?>(nil)
            let done = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                let report = s.importer().run([s.input], waiting: { waited.withLock { $0 = true } })
                result.withLock { $0 = report }
                done.signal()
            }
            let deadline = Date().addingTimeInterval(10)
            while !waited.withLock({ $0 }), Date() < deadline { usleep(1000) }
            #expect(waited.withLock { $0 }, "it says it waits while the lock is held")
            #expect(s.markdownFiles()["10BAKU98"] == nil, "nothing written while waiting")
            DiskIO.unlock(held)
            #expect(done.wait(timeout: .now() + 30) == .success)
            let second = try #require(result.withLock { $0 })
            #expect(second.new == 1 && second.unchanged == 1, "\(second.messages)")
        }
    }

    @Test("the same id from two sources in one run: one is kept, both paths are reported")
    func duplicateWithinARun() throws {
        try Scratch.with { s in
            let page = try s.copy(cablegate("00HARARE6677.html"), to: "a/00HARARE6677.html")
            let text = try s.copy(cablegate("00HARARE6677.txt"), to: "b/00HARARE6677.txt")
            let report = s.importer().run([s.input])
            #expect(report.new == 1 && report.skipped == 1 && report.failed == 0)
            #expect(report.messages.count == 1)
            let warning = try #require(report.messages.first)
            #expect(warning.contains(page) && warning.contains(text), "both sources must be named: \(warning)")
            #expect(warning.contains("duplicate id 00HARARE6677"))

            let md = try #require(s.markdownFiles()["00HARARE6677"])
            let kept = try Files.cable(md).source.file
            let (keptPath, skippedPath) = kept == "00HARARE6677.html" ? (page, text) : (text, page)
            #expect([page, text].map { ($0 as NSString).lastPathComponent }.contains(kept ?? ""))
            #expect(warning.hasPrefix(skippedPath + ": warning: "), "the warning is not on the skipped file: \(warning)")
            let folder = (md as NSString).deletingLastPathComponent
            let originals = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasSuffix(".md") }
            #expect(originals.count == 1, "both originals were written: \(originals)")
            let original = try #require(originals.first)
            #expect(try Shared.bytes(folder + "/" + original) == Shared.bytes(keptPath))
            s.checkNothingStray()
        }
    }

    @Test("the same id from another source in a later run is kept as it is and reported; --force replaces it")
    func duplicateAcrossRuns() throws {
        try Scratch.with { s in
            let text = try s.copy(cablegate("00HARARE6677.txt"), to: "first/00HARARE6677.txt")
            let page = try s.copy(cablegate("00HARARE6677.html"), to: "second/00HARARE6677.html")
            #expect(s.importer().run([text]).new == 1)
            let md = try #require(s.markdownFiles()["00HARARE6677"])
            let state = Files.snapshot(s.root)

            let report = s.importer().run([page])
            #expect(report.skipped == 1 && report.new == 0 && report.updated == 0 && report.unchanged == 0 && report.failed == 0)
            #expect(report.messages.count == 1)
            let warning = try #require(report.messages.first)
            #expect(warning.hasPrefix(page + ": warning: "))
            #expect(warning.contains("00HARARE6677.txt"), "the first source is not named: \(warning)")
            #expect(warning.contains(md))
            #expect(Files.snapshot(s.root) == state)
            #expect(try Files.cable(md).source.file == "00HARARE6677.txt")

            let forced = s.importer(force: true).run([page])
            #expect(forced.updated == 1 && forced.skipped == 0)
            let replaced = try Files.cable(md)
            #expect(replaced.source.format == .wikileaks && replaced.source.file == "00HARARE6677.html")
            #expect(try Shared.bytes((md as NSString).deletingPathExtension + ".html") == Shared.bytes(page))
            #expect(!FileManager.default.fileExists(atPath: (md as NSString).deletingPathExtension + ".txt"), "the replaced original is left beside")
            s.checkNothingStray()
        }
    }

    @Test("a duplicate warning never says the skipped source was kept")
    func duplicateWarningNamesTheKeptSource() throws {
        try Scratch.with { s in
            let text = try s.copy(cablegate("00HARARE6677.txt"), to: "both/00HARARE6677.txt")
            let page = try s.copy(cablegate("00HARARE6677.html"), to: "both/00HARARE6677.html")
            #expect(s.importer().run([text]).new == 1)
            let state = Files.snapshot(s.root)

            // the folder holds the source already imported and another one with the same id
            let report = s.importer().run([s.input + "/both"])
            #expect(Files.snapshot(s.root) == state)
            #expect(report.unchanged == 1 && report.skipped == 1 && report.failed == 0)
            #expect(!report.messages.contains { $0.contains("kept \(page)") }, "\(report.messages)")
            #expect(report.messages == ["\(page): warning: duplicate id 00HARARE6677: also in \(text); kept \(text)"])

            // the same holds when the stored source comes second under another name and the first has its name
            let renamed = try s.copy(cablegate("00HARARE6677.txt"), to: "renamed/b.txt")
            try s.copy(cablegate("00HARARE6677.html"), to: "renamed/a/00HARARE6677.txt")
            let again = s.importer().run([s.input + "/renamed"])
            #expect(again.unchanged == 1 && again.skipped == 1 && again.failed == 0)
            #expect(again.messages.count == 1 && again.messages.first?.hasSuffix("kept \(renamed)") == true, "\(again.messages)")
            #expect(Files.snapshot(s.root) == state)
        }
    }

    @Test("inputs of one id that the store refuses are each reported against the stored cable, none as kept")
    func duplicatesNoneOfWhichIsKept() throws {
        try Scratch.with { s in
            let text = try s.copy(cablegate("00HARARE6677.txt"), to: "00HARARE6677.txt")
            #expect(s.importer().run([text]).new == 1)
            let md = try #require(s.markdownFiles()["00HARARE6677"])
            let state = Files.snapshot(s.root)
            let first = try s.copy(cablegate("00HARARE6677.html"), to: "pages/a/00HARARE6677.html")
            let second = try s.copy(cablegate("00HARARE6677.html"), to: "pages/b/00HARARE6677.html")
            let report = s.importer().run([s.input + "/pages"])
            #expect(report.skipped == 2 && report.new == 0 && report.updated == 0 && report.unchanged == 0 && report.failed == 0)
            #expect(report.messages.count == 2)
            for (message, path) in zip(report.messages, [first, second]) {
                #expect(message.hasPrefix(path + ": warning: duplicate id 00HARARE6677: \(md) was imported from 00HARARE6677.txt"), "\(message)")
                #expect(!message.contains("kept"), "\(message)")
            }
            #expect(Files.snapshot(s.root) == state)
        }
    }

    @Test("a duplicate id inside one CSV names the lines of both rows")
    func duplicateRowsInACSV() throws {
        try Scratch.with { s in
            let csv = try s.write(
                csvRow(1, created: "4/10/2008 22:26", id: "08STATE38001", body: telegramBody("038001", subject: "FIRST"))
                + csvRow(2, created: "4/11/2008 10:00", id: "08STATE38002", body: telegramBody("038002", subject: "SECOND"))
                + csvRow(3, created: "4/12/2008 10:00", id: "08STATE38001", body: telegramBody("038001", subject: "AGAIN")),
                "dups.csv")
            let report = s.importer().run([csv])
            #expect(report.new == 2 && report.skipped == 1 && report.failed == 0)
            #expect(report.messages.count == 1)
            let md = try #require(s.markdownFiles()["08STATE38001"])
            #expect(try Files.cable(md).title == "FIRST")
            #expect(report.messages == ["\(csv):13: warning: duplicate id 08STATE38001: also in \(csv):1; kept \(csv):1"])

            // across files: a row and a file of the same id name each other's place
            let file = try s.write(telegramBody("038002", subject: "SECOND"), "08STATE38002.txt")
            let across = s.importer().run([file, csv])
            #expect(across.unchanged == 2 && across.skipped == 2 && across.failed == 0)
            #expect(across.messages.contains("\(csv):7: warning: duplicate id 08STATE38002: also in \(file); kept \(file)"), "\(across.messages)")
        }
    }

    @Test("a new edition of a CSV updates a changed row though an earlier row's new line moved it; another CSV's row of that id is another source")
    func changedRowOnAnotherLine() throws {
        try Scratch.with { s in
            let first = csvRow(1, created: "4/10/2008 22:26", id: "08STATE38001", body: telegramBody("038001", subject: "FIRST"))
            let second = csvRow(2, created: "4/11/2008 10:00", id: "08STATE38002", body: telegramBody("038002", subject: "SECOND"))
            let csv = try s.write(first + second, "rows.csv")
            #expect(s.importer().run([csv]).new == 2)
            // the first row gains a line, so the second, now corrected, starts on line 8 instead of 7
            try s.write(first.replacing("SUBJECT: FIRST\n", with: "SUBJECT: FIRST\nADDED LINE\n")
                        + second.replacing("SECOND", with: "SECOND CORRECTED"), "rows.csv")
            let edition = s.importer().run([csv])
            #expect(edition.messages == [] && edition.updated == 2 && edition.skipped == 0, "\(edition.messages)")
            let md = try #require(s.markdownFiles()["08STATE38002"])
            #expect(try Files.cable(md).title == "SECOND CORRECTED")
            #expect(try Files.cable(md).source.file == "rows.csv:8")

            let other = try s.write(second.replacing("SECOND", with: "SECOND ELSEWHERE"), "other.csv")
            let elsewhere = s.importer().run([other])
            #expect(elsewhere.skipped == 1 && elsewhere.updated == 0)
            #expect(elsewhere.messages == ["\(other):1: warning: duplicate id 08STATE38002: \(md) was imported from rows.csv:8; this file is not imported (use --force to replace it)"])
        }
    }

    // MARK: - Bad input

    @Test("bad inputs each give one error naming the file; the rest is imported; nothing is half-written")
    func badInputs() throws {
        try Scratch.with { s in
            let good = try s.copy(cablegate("09STATE40423.txt"), to: "mixed/09STATE40423.txt")
            let empty = try s.write([], "mixed/empty.txt")
            let blank = try s.write(" \n\n  \n", "mixed/blank.txt")
            let binary = try s.write(Array("S E C R E T STATE 040424\n\nSUBJECT: X\n".utf8) + [0x41, 0x00, 0x42], "mixed/binary.txt")
            let noID = try s.write("Minutes of a meeting.\n\nNothing here looks like a cable.\n", "mixed/notes.txt")
            let tooLarge = try s.sparse(size: 2 * 1_048_576, "mixed/huge.txt")
            let csv = try s.write(
                csvRow(1, created: "4/10/2008 22:26", id: "08STATE38001", body: telegramBody("038001", subject: "GOOD ROW"))
                + csvRow(2, created: "4/10/2008 22:27", id: "../../etc/passwd", body: telegramBody("038002", subject: "ESCAPE"))
                + csvRow(3, created: "4/10/2008 22:28", id: "08STATE/1", body: telegramBody("038003", subject: "SLASH"))
                + csvRow(4, created: "4/10/2008 22:29", id: "08STATE38004", body: telegramBody("038004", subject: "LAST ROW")),
                "mixed/rows.csv")
            let before = Files.snapshot(s.input)

            let report = s.importer(maximumSize: 1_048_576).run([s.input + "/mixed"])

            #expect(report.new == 3, "\(report.messages)")
            #expect(report.failed == 7)
            #expect(!report.succeeded)
            #expect(Set(s.markdownFiles().keys) == ["09STATE40423", "08STATE38001", "08STATE38004"])
            #expect(report.messages.count == 7, "\(report.messages)")
            for message in report.messages { #expect(!message.contains("\n"), "not one line: \(message)") }
            func message(_ prefix: String) -> String? { report.messages.first { $0.hasPrefix(prefix) } }
            #expect(message(empty + ":1: error: ") == "\(empty):1: error: the file is empty")
            #expect(message(blank + ":1: error: ") == "\(blank):1: error: the file is empty")
            #expect(message(binary + ":4: error: ") == "\(binary):4: error: binary data: NUL byte at offset 38; not a text cable")
            #expect(message(noID + ":1: error: ")?.contains("no reference id") == true, "\(report.messages)")
            let large = try #require(message(tooLarge + ": error: "), "\(report.messages)")
            #expect(large == "\(tooLarge): error: the file is 2.0 MB; a cable is at most 1.0 MB (raise the limit with --max-size)")
            #expect(message(csv + ":7: error: ") == "\(csv):7: error: invalid reference id '../../etc/passwd' in column 3")
            #expect(message(csv + ":13: error: ") == "\(csv):13: error: invalid reference id '08STATE/1' in column 3")
            #expect(try Shared.bytes(s.content + "/2009/09STATE40423.txt") == Shared.bytes(good))
            #expect(!Files.all(under: s.path).contains { $0.hasSuffix("passwd") || $0.hasSuffix("passwd.md") })
            s.checkNothingStray(inputsBefore: before)
        }
    }

    @Test("the temporary files an import killed while replacing files left in Content/cables are removed by the next import")
    func killedImportsTemporariesAreRemoved() throws {
        try Scratch.with { s in
            try s.copy(cablegate("09STATE40423.txt"), to: "09STATE40423.txt")
            #expect(s.importer().run([s.input]).new == 1)
            let folder = s.content + "/2009"
            let leftovers = [".09STATE40423.md.tmp-4242-17", ".09STATE40423.txt.tmp-4242-18"]
            for name in leftovers { try Data("half".utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
            try Data("mine".utf8).write(to: URL(fileURLWithPath: folder + "/.notes"))
            let again = s.importer().run([s.input])
            #expect(again.unchanged == 1 && again.messages == [])
            for name in leftovers { #expect(!FileManager.default.fileExists(atPath: folder + "/" + name), "\(name) left") }
            #expect(FileManager.default.fileExists(atPath: folder + "/.notes"), "a hidden file of the user's was removed")
        }
    }

    @Test("a cable's own Markdown given as input is refused, even with --force: the stored cable and its original stay as they are")
    func storedMarkdownIsRefused() throws {
        try Scratch.with { s in
            try s.copy(cablegate("09STATE40423.txt"), to: "09STATE40423.txt")
            #expect(s.importer().run([s.input]).new == 1)
            let md = try #require(s.markdownFiles()["09STATE40423"])
            let stored = Files.snapshot(s.root)
            let message = "\(md):1: error: a cable's Markdown as import writes it, not a raw cable: import its original (the .txt or .html beside it) instead"
            for force in [false, true] {
                let report = s.importer(force: force).run([md])
                #expect(report.messages == [message] && report.failed == 1 && report.updated == 0, "--force \(force): \(report.messages)")
                #expect(Files.snapshot(s.root) == stored, "--force \(force) rewrote the stored cable")
            }
            // another site's Markdown, with Windows line ends: not a new cable whose text is its front matter
            let elsewhere = try s.write(try Files.text(md).replacing("\n", with: "\r\n"), "other/09STATE40424.md")
            #expect(s.importer().run([elsewhere]).messages == [message.replacing(md, with: elsewhere)])
            #expect(Files.snapshot(s.root) == stored)
        }
    }

    @Test("a UTF-16 file (Notepad's 'Unicode', with its byte order mark or without, either way round) is imported as the same cable as its UTF-8 text, its encoding recorded and its original kept as it is")
    func utf16() throws {
        try Scratch.with { s in
            let plain = try Shared.bytes(cablegate("09STATE40423.txt"))
            let text = String(decoding: plain, as: UTF8.self)
            let reference = try s.write(plain, "utf8/09STATE40423.txt")
            #expect(s.importer().run([reference]).new == 1)
            let want = try Files.cable(s.content + "/2009/09STATE40423.md")
            let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            let unmarked = [(Array(little.dropFirst(2)), "utf-16le"), (Array(big.dropFirst(2)), "utf-16be")]
            for (k, (bytes, encoding)) in ([(little, "utf-16le"), (big, "utf-16be")] + unmarked).enumerated() {
                let input = try s.write(bytes, "\(encoding)-\(k)/09STATE40423.txt")
                let report = s.importer(force: true).run([input])
                #expect(report.failed == 0 && report.messages == [], "\(encoding): \(report.messages)")
                var got = try Files.cable(s.content + "/2009/09STATE40423.md")
                #expect(got.source.encoding == encoding)
                #expect(got.source.sha256 == SHA256.hex(bytes))
                #expect(try Shared.bytes(s.content + "/2009/09STATE40423.txt") == bytes, "the original is kept verbatim")
                got.source = want.source
                #expect(got == want)
            }
        }
    }

    @Test("a file that cannot be written is an error naming the input and the destination; no temporary file is left")
    func writeFailure() throws {
        try Scratch.with { s in
            let blocked = try s.copy(cablegate("09STATE40423.txt"), to: "09STATE40423.txt")
            let fine = try s.copy(cablegate("10BAKU98.txt"), to: "10BAKU98.txt")
            // the year folder is taken by a file
            try FileManager.default.createDirectory(atPath: s.content, withIntermediateDirectories: true)
            try Data("not a folder".utf8).write(to: URL(fileURLWithPath: s.content + "/2009"))
            let report = s.importer().run([blocked, fine])
            #expect(report.new == 1 && report.failed == 1 && !report.succeeded)
            #expect(report.messages.count == 1)
            let message = report.messages.first ?? ""
            #expect(message.hasPrefix(blocked + ": error: cannot write \(s.content)/2009/09STATE40423.md: "), "\(message)")
            #expect(Set(s.markdownFiles().keys) == ["10BAKU98"])
            #expect(try Files.text(s.content + "/2009") == "not a folder")
            #expect(Files.all(under: s.path).filter { Files.isTemporary($0) } == [])
        }
    }

    #if os(Linux)
    @Test("a file that cannot be read is an error saying so, not the bare reason ('path: error: Input/output error')")
    func readFailure() throws {
        try Scratch.with { s in
            // readable by every user, root too, and failing at the first read
            let report = s.importer().run(["/proc/self/mem"])
            #expect(report.failed == 1 && !report.succeeded)
            #expect(report.messages == ["/proc/self/mem: error: cannot read the file: Input/output error"])
        }
    }
    #endif

    @Test("a 50 MB file is refused quickly, with its size in the message")
    func fiftyMegabytes() throws {
        try Scratch.with { s in
            let huge = try s.sparse(size: 50 * 1_048_576, "huge.txt")
            let start = Date()
            let report = s.importer().run([huge])
            #expect(Date().timeIntervalSince(start) < 2)
            #expect(report.failed == 1 && !report.succeeded)
            #expect(report.messages.count == 1)
            let message = report.messages.first ?? ""
            #expect(message == "\(huge): error: the file is 50.0 MB; a cable is at most 8.0 MB (raise the limit with --max-size)")
            s.checkNothingStray()
        }
    }

    @Test("the too-large message gives the real size, not the size rounded down to the limit")
    func tooLargeMessageSize() throws {
        try Scratch.with { s in
            let file = try s.sparse(size: 1_572_864, "big.txt")   // 1.5 MB
            let report = s.importer(maximumSize: 1_048_576).run([file])
            #expect(report.failed == 1)
            let message = report.messages.first ?? ""
            #expect(message == "\(file): error: the file is 1.5 MB; a cable is at most 1.0 MB (raise the limit with --max-size)")
            // just over the limit never reads as the limit itself
            let over = try s.sparse(size: 1_048_577, "over.txt")
            #expect(s.importer(maximumSize: 1_048_576).run([over]).messages
                == ["\(over): error: the file is 1.1 MB; a cable is at most 1.0 MB (raise the limit with --max-size)"])
            // the importer and the reader say it the same way
            #expect(throws: CableReader.Failure.tooLarge(size: 1_572_864, maximumSize: 1_048_576)) {
                try CableReader.read(Array(repeating: UInt8(ascii: "x"), count: 1_572_864), fileName: "big.txt", maximumSize: 1_048_576)
            }
        }
    }

    @Test("invalid UTF-8 falls back to Windows-1252, recorded in the front matter (utf-8+windows-1252 for a UTF-8 text with a byte that is not); the original keeps its bytes")
    func windows1252() throws {
        try Scratch.with { s in
            // the fixture is UTF-8 (its ¶); in Windows-1252 throughout (¶ is B6) it is a Windows-1252 file
            let utf8 = try Shared.bytes(cablegate("09STATE40423.txt"))
            let whole = Array(String(decoding: utf8, as: UTF8.self).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
            #expect(utf8.contains(0xC2) && whole.contains(0xB6) && !whole.contains(0xC2))
            let wholeInput = try s.write(whole, "cp1252/09STATE40423.txt")
            #expect(s.importer().run([wholeInput]).new == 1)
            let wholeText = try Files.text(s.content + "/2009/09STATE40423.md")
            #expect(wholeText.contains("\n  encoding: windows-1252\n"))
            #expect(try CableFile.read(wholeText).body.contains("¶1."))
            var bytes = utf8
            let at = try #require(bytes.firstRange(of: Array("CRACKED A JOKE".utf8)))
            bytes.replaceSubrange(at, with: Array("CRACKED A JOK".utf8) + [0xC9])   // É in Windows-1252
            #expect(String(validating: bytes, as: UTF8.self) == nil)
            let input = try s.write(bytes, "09STATE40423.txt")
            let report = s.importer(force: true).run([input])
            #expect(report.failed == 0 && report.messages == [], "\(report.messages)")
            let md = s.content + "/2009/09STATE40423.md"
            let text = try Files.text(md)
            #expect(text.contains("\n  encoding: \"utf-8+windows-1252\"\n"))
            let cable = try CableFile.read(text)
            #expect(cable.source.encoding == "utf-8+windows-1252")
            #expect(cable.body.contains("CRACKED A JOKÉ"))
            #expect(cable.source.sha256 == SHA256.hex(bytes))
            #expect(try Shared.bytes(s.content + "/2009/09STATE40423.txt") == bytes)
            // the same cable in UTF-8 records no encoding
            let plain = try s.copy(cablegate("09STATE63812.txt"), to: "09STATE63812.txt")
            #expect(s.importer().run([plain]).new == 1)
            #expect(try Files.cable(s.content + "/2009/09STATE63812.md").source.encoding == nil)
            #expect(!(try Files.text(s.content + "/2009/09STATE63812.md")).contains("encoding:"))
        }
    }

    @Test("a CSV row that is not UTF-8 records source.encoding: windows-1252")
    func windows1252InCSV() throws {
        try Scratch.with { s in
            let row = Array(csvRow(1, created: "4/10/2008 22:26", id: "08STATE38001", body: telegramBody("038001", subject: "CAFE")).utf8)
            var bytes = row
            let at = try #require(bytes.firstRange(of: Array("about cafe".utf8)))
            bytes.replaceSubrange(at, with: Array("about caf".utf8) + [0xE9])
            let csv = try s.write(bytes, "rows.csv")
            let report = s.importer().run([csv])
            #expect(report.new == 1 && report.messages == [])
            let md = try #require(s.markdownFiles()["08STATE38001"])
            let cable = try Files.cable(md)
            #expect(cable.body.contains("about café"))
            #expect(cable.source.encoding == "windows-1252")
        }
    }

    @Test("a CSV row with a NUL byte is refused as binary data on the NUL's line, as a file is; the rows around it are imported")
    func nulByteInCSV() throws {
        try Scratch.with { s in
            let bytes = Array((csvRow(1, created: "4/10/2008 22:26", id: "08STATE38001", body: telegramBody("038001", subject: "FIRST"))
                + csvRow(2, created: "4/10/2008 22:27", id: "08STATE38002", body: telegramBody("038002", subject: "BROKEN"))
                + csvRow(3, created: "4/10/2008 22:28", id: "08STATE38003", body: telegramBody("038003", subject: "LAST"))).utf8)
            var damaged = bytes
            let at = try #require(damaged.firstRange(of: Array("about broken".utf8)))
            damaged.insert(0, at: at.lowerBound + 5)   // row 2 starts on line 7, its paragraph is on line 11
            let csv = try s.write(damaged, "rows.csv")
            let report = s.importer().run([csv])
            #expect(report.messages == ["\(csv):11: error: binary data: NUL byte in column 8; not a text cable"])
            #expect(report.new == 2 && report.failed == 1 && !report.succeeded)
            #expect(Set(s.markdownFiles().keys) == ["08STATE38001", "08STATE38003"])
            #expect(!Files.all(under: s.content).contains { (try? Shared.bytes(s.content + "/" + $0).contains(0)) == true })
        }
    }

    @Test("CRLF line endings parse the same as LF", arguments: [
        "cablegate/09STATE40423.txt", "cablegate/09CARACAS1296.txt", "seeds/004_3cf85b5abb626903.txt", "seeds/000_2e2985dcc75cd613.txt",
    ])
    func crlf(sample: String) throws {
        try Scratch.with { s in
            let lf = try Shared.bytes(Shared.path + "/corpus/" + sample)
            let crlf = Array(String(decoding: lf, as: UTF8.self).replacing("\r\n", with: "\n").replacing("\n", with: "\r\n").utf8)
            #expect(crlf.count > lf.count)
            let name = (sample as NSString).lastPathComponent
            let lfInput = try s.write(lf, "lf/" + name)
            let crlfInput = try s.write(crlf, "crlf/" + name)
            let a = s.importer().run([lfInput])
            let otherRoot = s.path + "/site-crlf"
            let b = Importer(options: .init(root: otherRoot)).run([crlfInput])
            defer { try? FileManager.default.removeItem(atPath: otherRoot) }
            #expect(a.new == 1 && b.new == 1 && a.messages == [] && b.messages == [])
            let mdA = try #require(Files.all(under: s.content).first { $0.hasSuffix(".md") })
            let mdB = try #require(Files.all(under: otherRoot + "/Content/cables").first { $0.hasSuffix(".md") })
            #expect(mdA == mdB)
            var cableA = try Files.cable(s.content + "/" + mdA)
            var cableB = try Files.cable(otherRoot + "/Content/cables/" + mdB)
            #expect(cableB.source.sha256 == SHA256.hex(crlf))
            #expect(!cableB.body.contains("\r"))
            for c in [\Cable.source.sha256, \Cable.source.checksum] { cableA[keyPath: c] = nil; cableB[keyPath: c] = nil }
            #expect(cableA == cableB)
            let original = otherRoot + "/Content/cables/" + (mdB as NSString).deletingPathExtension + ".txt"
            #expect(try Shared.bytes(original) == crlf, "the CRLF original was not kept verbatim")
        }
    }

    // MARK: - CSV

    @Test("gen-corpus.py 300 --csv imports 300 cables whose id, origin and classification are the CSV columns")
    func csvArchive() throws {
        try Scratch.with { s in
            let folder = try s.generate(300, csv: true)
            let csv = folder + "/cables.csv"
            let rows = try CablegateCSVReader.read(Shared.bytes(csv)).map { try $0.get() }
            #expect(rows.count == 300)
            let report = s.importer().run([csv])
            #expect(report.new == 300 && report.failed == 0 && report.skipped == 0, "\(report.messages.prefix(5))")
            #expect(report.messages == [])
            let written = s.markdownFiles()
            #expect(written.count == 300)
            #expect(Set(written.keys) == Set(rows.map(\.id)))
            for row in rows {
                let md = try #require(written[row.id])
                let cable = try Files.cable(md)
                #expect(cable.id == row.id)
                #expect(!row.origin.isEmpty && cable.origin == row.origin, "\(row.id): origin \(cable.origin ?? "nil") != \(row.origin)")
                let classification = try #require(Classification(label: row.classification), "\(row.classification)")
                #expect(cable.classification == classification, "\(row.id)")
                #expect(cable.source.format == .csv && cable.source.file == "cables.csv:\(row.line)")
                let year = try #require(cable.date?.year)
                #expect(md == "\(s.content)/\(year)/\(row.id).md")
                let original = try Shared.bytes("\(s.content)/\(year)/\(row.id).txt")
                let expected = row.header.isEmpty ? row.body : row.header + "\n\n" + row.body
                #expect(original == Array(expected.utf8), "\(row.id): the original is not header + body")
            }
            s.checkNothingStray()
        }
    }

    @Test("an unterminated quote in the middle of a CSV is reported with its line; the other rows are imported")
    func csvUnterminatedQuote() throws {
        try Scratch.with { s in
            let first = csvRow(1, created: "4/10/2008 22:26", id: "08STATE38001", body: telegramBody("038001", subject: "FIRST"))
            let broken = "\"2\",\"4/11/2008 10:00\",\"08STATE38002\",\"Secretary of State\",\"SECRET\",\"\",\"\",\"no closing quote\nsecond line\n"
            let last = csvRow(3, created: "4/12/2008 10:00", id: "08STATE38003", body: telegramBody("038003", subject: "LAST"))
            let csv = try s.write(first + broken + last, "broken.csv")
            let brokenLine = first.filter { $0 == "\n" }.count + 1
            #expect(brokenLine == 7)

            let report = s.importer().run([csv])
            #expect(report.new == 2 && report.failed == 1 && !report.succeeded)
            #expect(Set(s.markdownFiles().keys) == ["08STATE38001", "08STATE38003"])
            #expect(report.messages.count == 1)
            let message = report.messages.first ?? ""
            #expect(message.hasPrefix("\(csv):\(brokenLine): error: "), "\(message)")
            #expect(message.contains("unterminated"))
            #expect(try Files.cable(try #require(s.markdownFiles()["08STATE38003"])).source.file == "broken.csv:9")
            s.checkNothingStray()
        }
    }

    @Test("a Cablegate CSV named otherwise than .csv (.txt, no extension, a byte order mark, over --max-size) is read row by row")
    func csvByContent() throws {
        try Scratch.with { s in
            let rows = csvRow(1, created: "4/10/2008 22:26", id: "08STATE38001", body: telegramBody("038001", subject: "FIRST"))
                + csvRow(2, created: "4/11/2008 10:00", id: "08STATE38002", body: telegramBody("038002", subject: "SECOND"))
            let named = try s.write(rows, "export/cables.txt")
            let bare = try s.write(rows.replacing("08STATE3800", with: "08STATE3900"), "export/cables")
            let marked = try s.write([0xEF, 0xBB, 0xBF] + Array(rows.replacing("08STATE3800", with: "08STATE4000").utf8), "export/bom.txt")
            let report = s.importer().run([named, bare])
            #expect(report.new == 4 && report.messages.isEmpty, "\(report.messages)")
            // a file over the limit is known as a CSV by its first bytes, and streamed
            let large = s.importer(maximumSize: 64).run([marked])
            #expect(large.new == 2 && large.messages.isEmpty, "\(large.messages)")
            #expect(Set(s.markdownFiles().keys) == ["08STATE38001", "08STATE38002", "08STATE39001", "08STATE39002", "08STATE40001", "08STATE40002"])
            #expect(try Files.cable(try #require(s.markdownFiles()["08STATE39002"])).source.file == "cables:7")
            let again = s.importer().run([named, bare, marked])
            #expect(again.unchanged == 6 && again.messages.isEmpty, "\(again.messages)")
            s.checkNothingStray()
        }
    }

    @Test("an empty CSV, or one of blank lines, is an error naming it, like an empty cable file")
    func emptyCSV() throws {
        try Scratch.with { s in
            let empty = try s.write([], "empty.csv")
            let blank = try s.write([0xEF, 0xBB, 0xBF] + Array("\r\n\n".utf8), "blank.csv")
            let report = s.importer().run([empty, blank])
            #expect(report.failed == 2 && !report.succeeded)
            #expect(report.messages == ["\(empty):1: error: the file is empty", "\(blank):1: error: the file is empty"])
        }
    }

    @Test("progress counts files while files are read, and bytes while a CSV is (its cables are not known before)")
    func progressUnits() throws {
        try Scratch.with { s in
            let file = try s.copy(cablegate("09STATE40423.txt"), to: "09STATE40423.txt")
            let csv = try s.write(csvRow(1, created: "4/10/2008 22:26", id: "08STATE38001", body: telegramBody("038001", subject: "ROW")), "rows.csv")
            let calls = Mutex<[String]>([])
            let report = s.importer().run([file, csv]) { done, total, unit in calls.withLock { $0.append("\(done)/\(total) \(unit)") } }
            #expect(report.new == 2, "\(report.messages)")
            let size = try #require(DiskIO.size(csv))
            #expect(calls.withLock { $0 } == ["1/1 files", "\(size)/\(size) bytes"])
        }
    }

    // MARK: - Folders

    @Test("hidden files, hidden folders and Markdown files in a folder are not inputs")
    func hiddenAndMarkdownAreSkipped() throws {
        try Scratch.with { s in
            try s.copy(cablegate("09STATE40423.txt"), to: "tree/09STATE40423.txt")
            try s.copy(cablegate("09CARACAS1296.txt"), to: "tree/.09CARACAS1296.txt")
            try s.copy(cablegate("09BERLIN1273.txt"), to: "tree/.drafts/09BERLIN1273.txt")
            try s.copy(cablegate("09STATE63812.txt"), to: "tree/09STATE63812.md")
            try s.copy(cablegate("10BRASILIA51.html"), to: "tree/sub/.10BRASILIA51.html")
            let report = s.importer().run([s.input + "/tree"])
            #expect(report.total == 1 && report.new == 1 && report.messages == [])
            #expect(Array(s.markdownFiles().keys) == ["09STATE40423"])
        }
    }

    @Test("a symlink loop inside an input folder is a warning, not followed forever; the import succeeds")
    func symlinkLoop() throws {
        try Scratch.with { s in
            try s.copy(cablegate("09STATE40423.txt"), to: "tree/09STATE40423.txt")
            try s.copy(cablegate("09CARACAS1296.txt"), to: "tree/sub/09CARACAS1296.txt")
            let loop = s.input + "/tree/sub/loop"
            try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "..")
            let report = s.importer().run([s.input + "/tree"])
            #expect(report.new == 2 && report.failed == 0 && report.skipped == 0 && report.succeeded)
            #expect(report.messages.count == 1, "\(report.messages)")
            let message = report.messages.first ?? ""
            #expect(message.hasPrefix(loop + ": warning: "), "\(message)")
            #expect(message.contains("symlink loop"))
            s.checkNothingStray()
        }
    }

    @Test("messages follow the order of the inputs, whatever step raised them")
    func messagesInInputOrder() throws {
        try Scratch.with { s in
            let edited = try s.copy(cablegate("09STATE40423.txt"), to: "run/a.txt")
            #expect(s.importer().run([edited]).new == 1)
            let md = s.content + "/2009/09STATE40423.md"
            try Data((try Files.text(md) + "\nAn editor's note.\n").utf8).write(to: URL(fileURLWithPath: md))
            let empty = try s.write([], "run/b.txt")
            let missing = s.input + "/run/nope.txt"
            let report = s.importer().run([s.input + "/run", missing])
            #expect(report.messages.count == 3, "\(report.messages)")
            #expect(report.messages.map { $0.prefix { $0 != ":" } } == [missing, edited, empty].map { Substring($0) }, "\(report.messages)")
        }
    }

    // MARK: - Summary

    @Test("the summary line of a run")
    func summaryOfARun() throws {
        try Scratch.with { s in
            try s.copy(cablegate("09STATE40423.txt"), to: "09STATE40423.txt")
            try s.copy(cablegate("09CARACAS1296.txt"), to: "09CARACAS1296.txt")
            try s.write([], "empty.txt")
            let first = s.importer().run([s.input])
            #expect(first.seconds > 0)
            let pattern = /Imported 2 cables from 3 inputs \(2 new, 0 updated, 0 unchanged, 0 skipped, 1 failed\) in \d+\.\d s( \([\d,]+\/s\))? → (.+)/
            let match = try #require(first.summary.wholeMatch(of: pattern), "\(first.summary)")
            #expect(String(match.output.2) == s.content)
            try FileManager.default.removeItem(atPath: s.input + "/empty.txt")
            let second = s.importer().run([s.input])
            #expect(second.summary.hasPrefix("Imported 2 cables from 2 inputs (0 new, 0 updated, 2 unchanged, 0 skipped, 0 failed) in "))
            #expect(second.succeeded)
        }
    }
}
