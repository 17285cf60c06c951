import Foundation
import Testing
@testable import CableImport
import CableKit
import ChanceryIO

private func cablegate(_ name: String) -> String { Shared.cablegate + "/" + name }
private let telegrams = ["09STATE40423", "09CARACAS1296", "09BERLIN1273", "09STATE63812"]

@Suite("ImportRecord file")
struct ImportRecordFileTests {
    private func entry(_ id: String, time: Int64 = 1_700_000_000_123_456_789) -> ImportRecord.Entry {
        ImportRecord.Entry(id: id, folder: "2009", markdownStamp: DiskIO.Stamp(size: 1234, modified: time),
                           originalExtension: "txt", originalStamp: DiskIO.Stamp(size: 987, modified: time + 1))
    }

    private func digest(_ c: Character) -> ImportRecord.Digest { ImportRecord.Digest(hex: String(repeating: c, count: 64))! }

    private func sample() -> ImportRecord {
        var record = ImportRecord()
        record.add(.file("in/09STATE40423.txt", sha256: digest("a"), format: nil), entry("09STATE40423"))
        record.add(.file("in/x.html", sha256: digest("b"), format: .wikileaks), entry("00HARARE6677"))
        record.add(.row(id: "08STATE38001", sha256: digest("c")), entry("08STATE38001", time: 9_000_000_000_000_000_000))
        return record
    }

    @Test("a digest is SHA256's, in words or in hex")
    func digests() {
        for text in ["", "abc", String(repeating: "cable ", count: 1000)] {
            let bytes = Array(text.utf8)
            let digest = ImportRecord.Digest(SHA256.hash(bytes))
            #expect(digest.hex == SHA256.hex(bytes))
            #expect(ImportRecord.Digest(hex: SHA256.hex(bytes)) == digest)
        }
        #expect(ImportRecord.Digest(hex: String(repeating: "A", count: 64)) == nil)
        #expect(ImportRecord.Digest(hex: String(repeating: "a", count: 63)) == nil)
        #expect(ImportRecord.Digest(hex: String(repeating: "a", count: 65)) == nil)
    }

    @Test("entries are written in the order added and read back the same")
    func roundTrip() throws {
        let record = sample()
        let bytes = record.encode(tool: "chancery 0.1 123 456")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("chancery import record 1\t3\tchancery 0.1 123 456\n"))
        #expect(text.split(separator: "\n")[1] == "\(String(repeating: "a", count: 64))\tauto\t09STATE40423.txt\t09STATE40423\t2009\t1234\t1700000000123456789\ttxt\t987\t1700000000123456790")
        let read = try #require(ImportRecord.decode(bytes, tool: "chancery 0.1 123 456"))
        #expect(read.keys == record.keys)
        for key in record.keys { #expect(read[key] == record[key]) }
        #expect(read[.file("elsewhere/09STATE40423.txt", sha256: digest("a"), format: nil)] != nil, "the folder is not part of the key")
        #expect(read[.file("in/09STATE40423.txt", sha256: digest("a"), format: .telegram)] == nil, "the format is part of the key")
        #expect(read[.file("in/renamed.txt", sha256: digest("a"), format: nil)] == nil, "the file name is part of the key")
        #expect(read[.file("in/09STATE40423.txt", sha256: digest("d"), format: nil)] == nil)
    }

    @Test("a record written by another build of the tool is ignored whole")
    func otherTool() {
        let bytes = sample().encode(tool: "chancery 0.1 123 456")
        #expect(ImportRecord.decode(bytes, tool: "chancery 0.1 123 457") == nil)
        #expect(ImportRecord.decode(bytes, tool: "chancery 0.2 123 456") == nil)
    }

    @Test("a malformed or truncated record is ignored whole", arguments: [
        "truncated mid-line", "truncated at a line's end", "header only", "empty", "binary", "a field missing", "a field too many", "a letter in a number", "a digest in capitals",
        "a number too large", "another format version",
    ])
    func malformed(damage: String) {
        let tool = "chancery 0.1 123 456"
        let good = sample().encode(tool: tool)
        var text = String(decoding: good, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var bytes: [UInt8]
        switch damage {
        case "truncated mid-line": bytes = Array(good.prefix(good.count - 20))
        case "truncated at a line's end": bytes = Array(lines.prefix(3).joined(separator: "\n").utf8) + [10]
        case "header only": bytes = Array(lines[0].utf8) + [10]
        case "empty": bytes = []
        case "binary": bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        case "a field missing": text = text.replacingOccurrences(of: "\ttxt\t", with: "\t"); bytes = Array(text.utf8)
        case "a digest in capitals": text = text.replacingOccurrences(of: String(repeating: "a", count: 64), with: String(repeating: "A", count: 64)); bytes = Array(text.utf8)
        case "a field too many": text = text.replacingOccurrences(of: "\t1700000000123456790\n", with: "\t1700000000123456790\textra\n"); bytes = Array(text.utf8)
        case "a letter in a number": text = text.replacingOccurrences(of: "\t1234\t", with: "\t12x4\t"); bytes = Array(text.utf8)
        case "a number too large": text = text.replacingOccurrences(of: "\t1234\t", with: "\t99999999999999999999\t"); bytes = Array(text.utf8)
        default: text = text.replacingOccurrences(of: "import record 1", with: "import record 2"); bytes = Array(text.utf8)
        }
        #expect(bytes != good)
        #expect(ImportRecord.decode(bytes, tool: tool) == nil, "\(damage)")
    }

    @Test("entries not older than the record itself are left out when it is read (they could be racily unchanged)")
    func racyEntries() throws {
        let bytes = sample().encode(tool: "t")
        let read = try #require(ImportRecord.decode(bytes, tool: "t", savedAt: 1_700_000_000_123_456_790))
        // the first two have an original stamped at the record's time; the third is in the future
        #expect(read.isEmpty)
        let later = try #require(ImportRecord.decode(bytes, tool: "t", savedAt: 1_700_000_000_123_456_791))
        #expect(later.keys.map(\.name) == ["09STATE40423.txt", "x.html"])
    }

    @Test("a name that cannot be written on one line, or a time before 1970, is left out, not a broken record")
    func unwritableEntries() throws {
        var record = sample()
        record.add(.file("in/a\tb.txt", sha256: digest("d"), format: nil), entry("09STATE1"))
        record.add(.file("in/a\nb.txt", sha256: digest("e"), format: nil), entry("09STATE2"))
        record.add(.file("in/old.txt", sha256: digest("f"), format: nil), entry("09STATE3", time: -5))
        let read = try #require(ImportRecord.decode(record.encode(tool: "t"), tool: "t"))
        #expect(read.keys == sample().keys)
    }

    @Test("50,000 entries are written and read back")
    func large() throws {
        var record = ImportRecord()
        for i in 0..<50_000 {
            let id = "09STATE\(i)"
            record.add(.file("in/\(id).txt", sha256: .init(SHA256.hash(Array(id.utf8))), format: nil), entry(id))
        }
        let read = try #require(ImportRecord.decode(record.encode(tool: "t"), tool: "t"))
        #expect(read.keys == record.keys)
        #expect(read[record.keys[49_999]] == entry("09STATE49999"))
    }
}

/// Imports through the record against imports without it: each case checks that the record is used where
/// it may be, and that outcomes, messages and files are the same as an import of a copy without it.
@Suite("chancery import with the import record")
struct ImportRecordTests {
    private func importer(_ s: Scratch, force: Bool = false, format: SourceFormat? = nil, root: String? = nil) -> Importer {
        Importer(options: .init(root: root ?? s.root, force: force, format: format))
    }

    /// Imports `paths`, waits, and imports them again: the second run leaves a record younger than every
    /// file it lists, so the next run can trust all its entries.
    @discardableResult
    private func importSettled(_ s: Scratch, _ paths: [String], format: SourceFormat? = nil) -> ImportReport {
        let first = importer(s, format: format).run(paths)
        Thread.sleep(forTimeInterval: 0.02)
        _ = importer(s, format: format).run(paths)
        return first
    }

    /// The Markdown and originals under `root`, by path relative to it, with their bytes.
    private func contents(_ root: String) -> [String: Data] {
        Files.snapshot(root + "/Content").mapValues(\.bytes)
    }

    /// Runs an import of `paths` on the site, and the same on a copy of the site without its record, and
    /// checks the two agree; returns the site's report.
    private func expectSameAsWithoutRecord(_ s: Scratch, _ paths: [String], force: Bool = false, format: SourceFormat? = nil,
                                           sourceLocation: SourceLocation = #_sourceLocation) throws -> ImportReport {
        let plain = s.path + "/plain"
        try FileManager.default.copyItem(atPath: s.root, toPath: plain)
        defer { try? FileManager.default.removeItem(atPath: plain) }
        try? FileManager.default.removeItem(atPath: plain + "/.chancery")
        let withRecord = importer(s, force: force, format: format).run(paths)
        let without = importer(s, force: force, format: format, root: plain).run(paths)
        #expect(without.unchangedFromRecord == 0, sourceLocation: sourceLocation)
        func counts(_ r: ImportReport) -> [Int] { [r.new, r.updated, r.unchanged, r.skipped, r.failed] }
        #expect(counts(withRecord) == counts(without), sourceLocation: sourceLocation)
        #expect(withRecord.messages == without.messages.map { $0.replacingOccurrences(of: plain, with: s.root) }, sourceLocation: sourceLocation)
        #expect(contents(s.root) == contents(plain), "the files differ from an import without the record", sourceLocation: sourceLocation)
        return withRecord
    }

    private func recordText(_ s: Scratch) throws -> String { try Files.text(s.root + "/.chancery/import-record") }

    @Test("an unchanged archive is imported again from the record alone: files, pages, FOIA text and CSV rows")
    func unchangedArchive() throws {
        try Scratch.with { s in
            for id in telegrams { try s.copy(cablegate(id + ".txt"), to: "batch/\(id).txt") }
            try s.copy(cablegate("08LONDON1837.html"), to: "batch/pages/08LONDON1837.html")
            try s.copy(Shared.seeds + "/000_2e2985dcc75cd613.txt", to: "batch/foia/000_2e2985dcc75cd613.txt")
            let csv = try s.generate(5, csv: true) + "/cables.csv"
            let first = importSettled(s, [s.input + "/batch", csv])
            #expect(first.new == 11 && first.failed == 0 && first.messages == [])
            let written = contents(s.root)

            let again = try expectSameAsWithoutRecord(s, [s.input + "/batch", csv])
            #expect(again.unchanged == 11 && again.unchangedFromRecord == 11)
            #expect(contents(s.root) == written)
            #expect(try recordText(s).split(separator: "\n").count == 12)

            // nothing new: the record file is left as it is (not written again)
            let recordFile = s.root + "/.chancery/import-record"
            let before = (DiskIO.stamp(recordFile), DiskIO.identity(recordFile))
            let third = importer(s).run([s.input + "/batch", csv])
            #expect(third.unchangedFromRecord == 11)
            #expect(DiskIO.stamp(recordFile) == before.0 && DiskIO.identity(recordFile) == before.1, "a no-op import rewrote the record")

            // the originals kept beside the Markdown are other names for the same bytes: read once, then known
            let fromOriginals = try expectSameAsWithoutRecord(s, [s.content])
            #expect(fromOriginals.unchanged == 11)
            s.checkNothingStray()
        }
    }

    @Test("two inputs of one id, one of them stored unchanged: the same one is kept and the same warning given")
    func duplicateWithAnUnchangedInput() throws {
        try Scratch.with { s in
            let text = try s.copy(cablegate("00HARARE6677.txt"), to: "both/00HARARE6677.txt")
            let page = try s.copy(cablegate("00HARARE6677.html"), to: "both/00HARARE6677.html")
            importSettled(s, [text])

            let report = try expectSameAsWithoutRecord(s, [s.input + "/both"])
            #expect(report.unchanged == 1 && report.skipped == 1 && report.unchangedFromRecord == 1)
            #expect(report.messages == ["\(page): warning: duplicate id 00HARARE6677: also in \(text); kept \(text)"])

            // the stored source second, under another name, behind an input with the stored file's name
            let renamed = try s.copy(cablegate("00HARARE6677.txt"), to: "renamed/b.txt")
            try s.copy(cablegate("00HARARE6677.html"), to: "renamed/a/00HARARE6677.txt")
            importSettled(s, [renamed])
            let again = try expectSameAsWithoutRecord(s, [s.input + "/renamed"])
            #expect(again.unchanged == 1 && again.skipped == 1 && again.unchangedFromRecord == 1)
            #expect(again.messages.count == 1 && again.messages.first?.hasSuffix("kept \(renamed)") == true, "\(again.messages)")

            // the same input twice: the first is kept, the second reported against it
            let copy = try s.copy(cablegate("00HARARE6677.txt"), to: "twice/00HARARE6677.txt")
            let twice = try expectSameAsWithoutRecord(s, [text, copy])
            #expect(twice.unchanged == 1 && twice.skipped == 1 && twice.unchangedFromRecord == 1)
            s.checkNothingStray()
        }
    }

    @Test("the same bytes under two file names that give the ids are two cables, each unchanged")
    func sameBytesOtherName() throws {
        try Scratch.with { s in
            // no date: the year of the id comes from the file name
            let body = telegramBody("038002", subject: "SECOND")
            let a = try s.write(body, "08STATE38002.txt")
            let b = try s.write(body, "09STATE38002.txt")
            let first = importSettled(s, [a, b])
            #expect(first.new == 2 && first.messages == [])
            #expect(Set(s.markdownFiles().keys) == ["08STATE38002", "09STATE38002"])
            let again = try expectSameAsWithoutRecord(s, [a, b])
            #expect(again.unchanged == 2 && again.unchangedFromRecord == 2)
        }
    }

    @Test("Markdown edited by hand since it was recorded is kept and reported, as without the record")
    func editedByHand() throws {
        try Scratch.with { s in
            let inputs = try telegrams.map { try s.copy(cablegate($0 + ".txt"), to: "\($0).txt") }
            importSettled(s, inputs)
            let appended = s.content + "/2009/09STATE40423.md"
            try Data((try Files.text(appended) + "\nA note added by an editor.\n").utf8).write(to: URL(fileURLWithPath: appended))
            // an edit that keeps the size changes the time
            let sameSize = s.content + "/2009/09BERLIN1273.md"
            var bytes = try Shared.bytes(sameSize)
            let letter = try #require(bytes.lastIndex { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
            bytes[letter] -= 32
            try Data(bytes).write(to: URL(fileURLWithPath: sameSize))

            let report = try expectSameAsWithoutRecord(s, inputs)
            #expect(report.skipped == 2 && report.unchanged == 2 && report.unchangedFromRecord == 2)
            #expect(report.messages.count == 2 && report.messages.allSatisfy { $0.contains("edited by hand") }, "\(report.messages)")
        }
    }

    @Test("a stored original deleted or changed since it was recorded is written again", arguments: ["deleted", "changed"])
    func originalRestored(change: String) throws {
        try Scratch.with { s in
            let inputs = try telegrams.map { try s.copy(cablegate($0 + ".txt"), to: "\($0).txt") }
            importSettled(s, inputs)
            let original = s.content + "/2009/09STATE40423.txt"
            let bytes = try Shared.bytes(original)
            if change == "deleted" {
                try FileManager.default.removeItem(atPath: original)
            } else {
                var changed = bytes
                changed[10] = changed[10] == UInt8(ascii: "X") ? UInt8(ascii: "Y") : UInt8(ascii: "X")   // the same size
                try Data(changed).write(to: URL(fileURLWithPath: original))
            }
            let report = try expectSameAsWithoutRecord(s, inputs)
            #expect(report.unchanged == 4 && report.unchangedFromRecord == 3 && report.messages == [])
            #expect(try Shared.bytes(original) == bytes)
        }
    }

    @Test("--force never takes an input from the record")
    func force() throws {
        try Scratch.with { s in
            let inputs = try telegrams.map { try s.copy(cablegate($0 + ".txt"), to: "\($0).txt") }
            importSettled(s, inputs)
            let forced = try expectSameAsWithoutRecord(s, inputs, force: true)
            #expect(forced.unchanged == 4 && forced.unchangedFromRecord == 0)
            // and leaves a record the next run uses
            Thread.sleep(forTimeInterval: 0.02)
            #expect(importer(s).run(inputs).unchangedFromRecord == 4)
        }
    }

    @Test("an input read with --format is known under that format only")
    func format() throws {
        try Scratch.with { s in
            let inputs = try telegrams.map { try s.copy(cablegate($0 + ".txt"), to: "\($0).txt") }
            importSettled(s, inputs)
            let forced = try expectSameAsWithoutRecord(s, inputs, format: .telegram)
            #expect(forced.unchanged == 4 && forced.unchangedFromRecord == 0)
            Thread.sleep(forTimeInterval: 0.02)
            let auto = try expectSameAsWithoutRecord(s, inputs)
            #expect(auto.unchangedFromRecord == 4, "the entries without --format were forgotten")
            let again = try expectSameAsWithoutRecord(s, inputs, format: .telegram)
            #expect(again.unchangedFromRecord == 4)

            // the same bytes read as another format give another cable: not taken from the record
            let foia = try expectSameAsWithoutRecord(s, [inputs[0]], format: .foia)
            #expect(foia.unchangedFromRecord == 0)
        }
    }

    @Test("a record written by another build of the tool is ignored, and replaced")
    func otherTool() throws {
        try Scratch.with { s in
            let inputs = try telegrams.map { try s.copy(cablegate($0 + ".txt"), to: "\($0).txt") }
            importSettled(s, inputs)
            let file = s.root + "/.chancery/import-record"
            let tool = try #require(ToolIdentity.current())
            let text = try recordText(s)
            #expect(text.hasPrefix("chancery import record 1\t4\t\(tool)\n"))
            try Data(text.replacingOccurrences(of: tool, with: "chancery 0.1 1 2").utf8).write(to: URL(fileURLWithPath: file))
            Thread.sleep(forTimeInterval: 0.02)

            let report = try expectSameAsWithoutRecord(s, inputs)
            #expect(report.unchanged == 4 && report.unchangedFromRecord == 0)
            #expect(try recordText(s).hasPrefix("chancery import record 1\t4\t\(tool)\n"))
            #expect(importer(s).run(inputs).unchangedFromRecord == 4)
        }
    }

    @Test("a damaged record is ignored, and replaced", arguments: ["truncated", "garbage", "empty", "a folder"])
    func damagedRecord(damage: String) throws {
        try Scratch.with { s in
            let inputs = try telegrams.map { try s.copy(cablegate($0 + ".txt"), to: "\($0).txt") }
            importSettled(s, inputs)
            let file = s.root + "/.chancery/import-record"
            let bytes = try Shared.bytes(file)
            switch damage {
            case "truncated": try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: file))
            case "garbage": try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: file))
            case "empty": try Data().write(to: URL(fileURLWithPath: file))
            default:
                try FileManager.default.removeItem(atPath: file)
                try FileManager.default.createDirectory(atPath: file, withIntermediateDirectories: false)
            }
            Thread.sleep(forTimeInterval: 0.02)
            let report = try expectSameAsWithoutRecord(s, inputs)
            #expect(report.unchanged == 4 && report.unchangedFromRecord == 0 && report.messages == [])
            if damage == "a folder" {
                // the record cannot be saved: that costs the next run time, never a message
                #expect(DiskIO.isDirectory(file))
                try FileManager.default.removeItem(atPath: file)
            } else {
                #expect(importer(s).run(inputs).unchangedFromRecord == 4)
            }
        }
    }

    @Test("an entry whose stamp is out of date is not used")
    func stampOutOfDate() throws {
        try Scratch.with { s in
            let a = try s.copy(cablegate("09STATE40423.txt"), to: "09STATE40423.txt")
            let b = try s.copy(cablegate("09CARACAS1296.txt"), to: "09CARACAS1296.txt")
            importSettled(s, [a, b])
            let file = s.root + "/.chancery/import-record"
            var lines = try recordText(s).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            let ib = try #require(lines.firstIndex { $0.count == 10 && $0[3] == "09CARACAS1296" })
            lines[ib][5] = String(Int(lines[ib][5])! + 1)
            try Data((lines.map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: file))
            Thread.sleep(forTimeInterval: 0.02)
            let report = try expectSameAsWithoutRecord(s, [a, b])
            #expect(report.unchanged == 2 && report.unchangedFromRecord == 1)
        }
    }

    @Test("a stored cable moved to another year's folder is found there the ordinary way, then recorded there")
    func movedToAnotherYear() throws {
        try Scratch.with { s in
            let inputs = try telegrams.map { try s.copy(cablegate($0 + ".txt"), to: "\($0).txt") }
            importSettled(s, inputs)
            try FileManager.default.createDirectory(atPath: s.content + "/2010", withIntermediateDirectories: true)
            for ext in ["md", "txt"] {
                try FileManager.default.moveItem(atPath: s.content + "/2009/09STATE40423.\(ext)", toPath: s.content + "/2010/09STATE40423.\(ext)")
            }
            let report = try expectSameAsWithoutRecord(s, inputs)
            #expect(report.unchanged == 4 && report.unchangedFromRecord == 3)
            #expect(FileManager.default.fileExists(atPath: s.content + "/2010/09STATE40423.md"))
            #expect(try recordText(s).contains("\t09STATE40423\t2010\t"))
            Thread.sleep(forTimeInterval: 0.02)
            #expect(importer(s).run(inputs).unchangedFromRecord == 4)

            // a second copy in a later folder is the one the store finds: the entry for the first is not used
            try FileManager.default.createDirectory(atPath: s.content + "/2011", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: s.content + "/2010/09STATE40423.md", toPath: s.content + "/2011/09STATE40423.md")
            let copied = try expectSameAsWithoutRecord(s, inputs)
            #expect(copied.unchangedFromRecord == 3)
        }
    }

    @Test("importing part of the archive keeps the record of the rest")
    func partOfTheArchive() throws {
        try Scratch.with { s in
            let inputs = try telegrams.map { try s.copy(cablegate($0 + ".txt"), to: "\($0).txt") }
            importSettled(s, inputs)
            #expect(importer(s).run([inputs[0]]).unchangedFromRecord == 1)
            #expect(importer(s).run(Array(inputs[1...])).unchangedFromRecord == 3)
            // a changed cable's old entry goes; the others stay
            try s.write(try Files.text(inputs[0]).replacingOccurrences(of: "NICE EXAMPLE", with: "FINE EXAMPLE"), "09STATE40423.txt")
            #expect(importer(s).run([inputs[0]]).updated == 1)
            let lines = try recordText(s).split(separator: "\n")
            #expect(lines.count == 5 && lines.filter { $0.contains("\t09STATE40423\t") }.count == 1)
        }
    }

    @Test("a CSV row is known by its text and its id column; a row whose id column changed is read again")
    func csvRows() throws {
        try Scratch.with { s in
            let rows = csvRow(1, created: "4/10/2008 22:26", id: "08STATE38001", body: telegramBody("038001", subject: "FIRST"))
                + csvRow(2, created: "4/11/2008 10:00", id: "08STATE38002", body: telegramBody("038002", subject: "SECOND"))
            let csv = try s.write(rows, "rows.csv")
            importSettled(s, [csv])
            let again = try expectSameAsWithoutRecord(s, [csv])
            #expect(again.unchanged == 2 && again.unchangedFromRecord == 2)

            // the same texts under other ids, and a bad id: read the ordinary way
            try s.write(rows.replacingOccurrences(of: "\"08STATE38001\"", with: "\"08STATE38003\"")
                        .replacingOccurrences(of: "\"08STATE38002\"", with: "\"not an id\""), "rows.csv")
            let changed = try expectSameAsWithoutRecord(s, [csv])
            #expect(changed.new == 1 && changed.failed == 1 && changed.unchangedFromRecord == 0)
        }
    }
}
