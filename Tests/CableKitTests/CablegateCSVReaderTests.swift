import Foundation
import Testing
@testable import CableKit

/// Three rows in the layout of `cables.csv`: escaped quotes and backslashes, multi-line fields,
/// commas inside fields, non-ASCII text, empty fields. Rows start on lines 1, 6 and 8.
private let sample = #"""
"1","11/29/2000 13:01","00HARARE6677","Embassy Harare","CONFIDENTIAL","","VZCZC
FM AMEMBASSY HARARE","SUBJECT: \"MASS ACTION\"
¶1. Café, naïve; C:\\path

END"
"2","1/5/2005 9:07","05MADRID2478","Embassy Madrid","SECRET//NOFORN","00HARARE6677,05MADRID1","","body with, commas
and \"quotes\", ok"
"3","12/31/2010 23:59","10SANTIAGO15","Embassy Santiago","UNCLASSIFIED","","",""

"""#

private let sampleRows = [
    CablegateRow(rowNumber: 1, created: "11/29/2000 13:01", id: "00HARARE6677", origin: "Embassy Harare",
                 classification: "CONFIDENTIAL", references: "", header: "VZCZC\nFM AMEMBASSY HARARE",
                 body: "SUBJECT: \"MASS ACTION\"\n¶1. Café, naïve; C:\\path\n\nEND", line: 1),
    CablegateRow(rowNumber: 2, created: "1/5/2005 9:07", id: "05MADRID2478", origin: "Embassy Madrid",
                 classification: "SECRET//NOFORN", references: "00HARARE6677,05MADRID1", header: "",
                 body: "body with, commas\nand \"quotes\", ok", line: 6),
    CablegateRow(rowNumber: 3, created: "12/31/2010 23:59", id: "10SANTIAGO15", origin: "Embassy Santiago",
                 classification: "UNCLASSIFIED", line: 8),
]

private typealias Results = [Result<CablegateRow, CablegateCSVError>]

private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

/// Reads `input` fed in two chunks split at `split`.
private func read(_ input: [UInt8], splitAt split: Int) -> Results {
    var reader = CablegateCSVReader()
    return reader.feed(Array(input[..<split])) + reader.feed(Array(input[split...])) + reader.finish()
}

private func rows(_ results: Results) -> [CablegateRow] {
    results.compactMap { try? $0.get() }
}

private func errors(_ results: Results) -> [CablegateCSVError] {
    results.compactMap { if case .failure(let e) = $0 { e } else { nil } }
}

/// A well-formed row in the Cablegate layout.
private func row(_ n: Int, body: String = "body") -> String {
    "\"\(n)\",\"1/2/2003 04:05\",\"03POST\(n)\",\"Embassy Post\",\"SECRET\",\"\",\"HEADER\",\"\(body)\"\n"
}

@Suite struct CablegateCSVReaderTests {
    @Test func readsTheSample() {
        #expect(CablegateCSVReader.read(bytes(sample)) == sampleRows.map { .success($0) })
    }

    @Test func everySplitPointGivesTheSameRows() {
        let input = bytes(sample)
        let expected: Results = sampleRows.map { .success($0) }
        for split in 0...input.count {
            #expect(read(input, splitAt: split) == expected, "split at byte \(split)")
        }
    }

    @Test func oneByteAtATime() {
        var reader = CablegateCSVReader()
        var results: Results = []
        for b in bytes(sample) { results += reader.feed([b]) }
        results += reader.finish()
        #expect(results == sampleRows.map { .success($0) })
    }

    @Test func rowsArriveAsSoonAsTheyAreComplete() {
        var reader = CablegateCSVReader()
        let lines = bytes(row(1) + row(2))
        let first = reader.feed(Array(lines[..<(lines.count / 2 + 1)]))
        #expect(rows(first).map(\.id) == ["03POST1"])
        #expect(rows(reader.feed(Array(lines[(lines.count / 2 + 1)...]))).map(\.id) == ["03POST2"])
        #expect(reader.finish().isEmpty)
    }

    @Test func crlfLineEndsAreAccepted() {
        // Rows end with \r\n and the line breaks inside fields are \r\n too: fields come out with \n.
        let input = bytes(sample.replacingOccurrences(of: "\n", with: "\r\n"))
        let expected: Results = sampleRows.map { .success($0) }
        #expect(CablegateCSVReader.read(input) == expected)
        for split in stride(from: 0, through: input.count, by: 3) {
            #expect(read(input, splitAt: split) == expected, "split at byte \(split)")
        }
    }

    @Test func lastRowWithoutLineBreak() {
        var input = bytes(sample)
        input.removeLast()
        #expect(CablegateCSVReader.read(input) == sampleRows.map { .success($0) })
    }

    @Test func escapes() throws {
        let input = #""1","c","i","o","k","","ends with a backslash\\","say \"hi\"""# + "\n"
        let row = try #require(rows(CablegateCSVReader.read(bytes(input))).first)
        #expect(row.header == #"ends with a backslash\"#)
        #expect(row.body == #"say "hi""#)
    }

    @Test func doubledQuotesAndStrayQuotes() throws {
        let input = #""1","c","i","o","k","","He said ""no""","a "stray" quote""# + "\n"
        let row = try #require(rows(CablegateCSVReader.read(bytes(input))).first)
        #expect(row.header == #"He said "no""#)
        #expect(row.body == #"a "stray" quote"#)
    }

    @Test func unquotedFields() {
        let input = bytes("4,1/1/2001 00:00,01X1,Embassy X,SECRET,,hdr,body\n5,,,,,,,\n")
        let read = rows(CablegateCSVReader.read(input))
        #expect(read == [
            CablegateRow(rowNumber: 4, created: "1/1/2001 00:00", id: "01X1", origin: "Embassy X",
                         classification: "SECRET", header: "hdr", body: "body", line: 1),
            CablegateRow(rowNumber: 5, line: 2),
        ])
    }

    @Test func blankLinesAndByteOrderMarkAreSkipped() {
        let input = [0xEF, 0xBB, 0xBF] + bytes("\n" + row(1) + "\n\r\n" + row(2))
        let read = CablegateCSVReader.read(input)
        #expect(errors(read).isEmpty)
        #expect(rows(read).map(\.line) == [2, 5])
    }

    @Test("a UTF-16 CSV (Excel's 'Unicode text', LibreOffice's UTF-16), with its byte order mark or without, either way round, reads as its UTF-8 does, fed whole or in chunks that split code units and surrogate pairs",
          arguments: [(true, true), (false, true), (true, false), (false, false)])
    func utf16IsRead(_ littleEndian: Bool, _ marked: Bool) {
        // a character beyond the BMP (a surrogate pair) in a field, and CRLF line ends
        let text = sample.replacing("Café", with: "Café 😀").replacing("\n", with: "\r\n")
        let units = Array(text.utf16)
        let mark: [UInt8] = marked ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        let input = mark + units.flatMap { littleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let want = rows(CablegateCSVReader.read(bytes(text))).map { row in
            var row = row
            row.encoding = littleEndian ? "utf-16le" : "utf-16be"
            return row
        }
        #expect(want.count == 3 && want[0].body.contains("Café 😀"))
        #expect(rows(CablegateCSVReader.read(input)) == want)
        for size in [1, 3, 7, 64] {
            var reader = CablegateCSVReader()
            var results: Results = []
            for chunk in stride(from: 0, to: input.count, by: size).map({ Array(input[$0..<min($0 + size, input.count)]) }) {
                results += reader.feed(chunk)
            }
            results += reader.finish()
            #expect(errors(results).isEmpty)
            #expect(rows(results) == want, "chunks of \(size)")
        }
    }

    @Test("a UTF-8 CSV is not taken for UTF-16, nor one opening with a NUL")
    func utf8IsNotUTF16() {
        #expect(rows(CablegateCSVReader.read(bytes(sample))).allSatisfy { $0.encoding == nil })
        let nul = rows(CablegateCSVReader.read([0] + bytes(sample)))
        #expect(nul.allSatisfy { $0.encoding == nil })
    }

    @Test func headerRowIsSkipped() {
        let quoted = #""id","created","refid","origin","classification","references","header","body""# + "\n"
        let unquoted = "row,created,reference_id,origin,classification,references,header,body\r\n"
        for header in [quoted, unquoted] {
            let input = [0xEF, 0xBB, 0xBF] + bytes(header + row(1) + row(2))
            for split in [0, 5, header.utf8.count + 3, input.count] {
                let results = read(input, splitAt: split)
                #expect(errors(results).isEmpty, "\(header), split \(split)")
                #expect(rows(results).map(\.line) == [2, 3], "\(header), split \(split)")
            }
        }
        // only the first row can be a header: the same row later is a row with a bad id
        let later = CablegateCSVReader.read(bytes(row(1) + quoted))
        #expect(rows(later).map(\.id) == ["03POST1", "refid"])
        // a first row with a row number, or with a reference id, is a row
        let numbered = CablegateCSVReader.read(bytes(quoted.replacing(#""id""#, with: #""7""#)))
        #expect(rows(numbered).map(\.id) == ["refid"])
        let identified = CablegateCSVReader.read(bytes(quoted.replacing(#""refid""#, with: #""03POST9""#)))
        #expect(rows(identified).map(\.id) == ["03POST9"])
    }

    @Test func unterminatedQuoteAtEndOfInput() {
        let input = bytes(sample + #""4","1/1/2001 00:00","01X1","O","C","","","never closed"# + "\nmore text\n")
        let results = CablegateCSVReader.read(input)
        #expect(rows(results) == sampleRows)
        let failures = errors(results)
        #expect(failures.count == 1)
        #expect(failures.first?.line == 9)
        #expect(failures.first?.message.hasPrefix("unterminated quoted field") == true)
        #expect(failures.first?.message.contains("field 8, opened on line 9") == true)
    }

    @Test func rowWithTooFewFieldsInTheMiddle() {
        let input = bytes(row(1) + #""2","x","y","z","w""# + "\n" + row(3) + row(4))
        let results = CablegateCSVReader.read(input)
        #expect(results.count == 4)
        #expect(errors(results) == [CablegateCSVError(line: 2, message: "row has 5 fields, expected 8")])
        #expect(rows(results).map(\.rowNumber) == [1, 3, 4])
        #expect(rows(results).map(\.line) == [1, 3, 4])
    }

    @Test func unterminatedQuoteInTheMiddleLosesOnlyItsRow() {
        // Row 2's body never closes: it swallows row 3 until the reader finds row 3's start inside it.
        let broken = #""2","1/2/2003 04:05","03POST2","Embassy Post","SECRET","","HEADER","no end"# + "\nsecond line\n"
        let input = bytes(row(1) + broken + row(3) + row(4, body: "multi\nline"))
        let results = CablegateCSVReader.read(input)
        #expect(rows(results).map(\.id) == ["03POST1", "03POST3", "03POST4"])
        #expect(rows(results).map(\.line) == [1, 4, 5])
        let failures = errors(results)
        #expect(failures.count == 1)
        #expect(failures.first?.line == 2)
        #expect(failures.first?.message.hasPrefix("unterminated quoted field") == true)
    }

    @Test func tooManyFieldsAndGarbageLines() {
        let input = bytes(row(1) + #""2","a","b","c","d","e","f","g","h""# + "\ngarbage line\n\"not a row\n" + row(3))
        let results = CablegateCSVReader.read(input)
        #expect(rows(results).map(\.rowNumber) == [1, 3])
        #expect(rows(results).last?.line == 5)
        #expect(errors(results) == [CablegateCSVError(line: 2, message: "row has 9 fields, expected 8")])
    }

    @Test func errorsAreTheSameAtEverySplitPoint() {
        let input = bytes(row(1) + #""2","x""# + "\njunk\n" + row(3) + #""4","a","b","c","d","e","f","open"# + "\n" + row(5)
                          + #""6","a","b","c","d","e","f","never \"closed\""# + "\n")
        let whole = CablegateCSVReader.read(input)
        #expect(rows(whole).map(\.rowNumber) == [1, 3, 5])
        #expect(errors(whole).map(\.line) == [2, 5, 7])
        for split in 0...input.count {
            #expect(read(input, splitAt: split) == whole, "split at byte \(split)")
        }
    }

    @Test func invalidUTF8FieldIsWindows1252() throws {
        let input = bytes(#""1","c","i","Embassy Bogot"#) + [0xE1] + bytes(#"","k","","","caf"#) + [0xE9, 0x22, 0x0A]
        let row = try #require(rows(CablegateCSVReader.read(input)).first)
        #expect(row.origin == "Embassy Bogotá")
        #expect(row.body == "café")
        #expect(row.encoding == "windows-1252")
        #expect(rows(CablegateCSVReader.read(bytes(sample))).allSatisfy { $0.encoding == nil })
    }

    @Test("a row of UTF-8 with a few Windows-1252 bytes, in the same field or another, records utf-8+windows-1252")
    func utf8RowWithWindows1252Bytes() throws {
        let otherField = bytes(#""1","c","i","Embassy Bogot"#) + [0xE1] + bytes(#"","k","","","¶1. caf"#) + Array("é".utf8) + [0x22, 0x0A]
        let sameField = bytes(#""1","c","i","Embassy","k","","","¶1. caf"#) + [0xE9, 0x22, 0x0A]
        for input in [otherField, sameField] {
            let row = try #require(rows(CablegateCSVReader.read(input)).first)
            #expect(row.body.hasPrefix("¶1. café"))
            #expect(row.encoding == "utf-8+windows-1252")
        }
    }

    @Test func multiByteCharacterSplitAcrossChunks() throws {
        let input = bytes(row(1, body: "€ and ¶"))
        let euro = try #require(input.firstIndex(of: 0xE2))
        for split in euro...(euro + 3) {
            #expect(rows(read(input, splitAt: split)).first?.body == "€ and ¶")
        }
    }

    @Test func createdDate() {
        #expect(sampleRows[0].createdDate == CableDate(year: 2000, month: 11, day: 29, hour: 13, minute: 1))
        #expect(sampleRows[1].createdDate == CableDate(year: 2005, month: 1, day: 5, hour: 9, minute: 7))
        #expect(CablegateRow(created: "2/30/2005 10:00").createdDate == nil)
        #expect(CablegateRow(created: "2005-01-05 10:00").createdDate == nil)
        #expect(CablegateRow(created: "").createdDate == nil)
    }

    @Test(.enabled(if: python3 != nil, "needs python3 to run gen-corpus.py"))
    func generatedCorpus() throws {
        let count = 400
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("chancery-csv-\(UInt64.random(in: 0...UInt64.max))")
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(python3))
        process.arguments = [sharedURL.appendingPathComponent("bench/gen-corpus.py").path, String(count), directory.path, "--csv"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)

        // Stream the file in 64 KB chunks, as the importer does.
        let file = try FileHandle(forReadingFrom: directory.appendingPathComponent("cables.csv"))
        defer { try? file.close() }
        var reader = CablegateCSVReader()
        var results: Results = []
        while let chunk = try file.read(upToCount: 65_536), !chunk.isEmpty {
            results += chunk.withUnsafeBytes { reader.feed($0) }
        }
        results += reader.finish()
        #expect(errors(results).isEmpty)
        let read = rows(results)
        #expect(read.count == count)
        #expect(read.map(\.rowNumber) == (1...count).map { $0 })

        // The generator's ids and texts: sample i % n, serial shifted by 100000 * (round + 1) after round 0.
        let samples = try generatorSamples()
        let expected = try expectedMetadata()
        try #require(samples.count > 100)
        for (i, row) in read.enumerated() {
            let sample = samples[i % samples.count]
            let round = i / samples.count
            let serial = round == 0 ? sample.serial : sample.serial + 100_000 * (round + 1)
            #expect(row.id == "\(sample.year)\(sample.post)\(serial)")
            guard round == 0 else { continue }
            let text = sample.text
            if text.hasPrefix("VZCZC") || text.hasPrefix("This record"), let cut = text.range(of: "\n\n") {
                #expect(row.header == String(text[..<cut.lowerBound]), "\(row.id)")
                #expect(row.body == String(text[cut.upperBound...]), "\(row.id)")
            } else {
                #expect(row.header == "" && row.body == text, "\(row.id)")
            }
            if let meta = expected[row.id] {
                #expect(row.origin == meta["origin"] as? String)
                #expect(row.classification == meta["classification"] as? String)
                if let created = meta["created"] as? String, let date = row.createdDate {
                    let iso = String(format: "%04d-%02d-%02d %02d:%02d", date.year, date.month, date.day, date.hour, date.minute)
                    #expect(iso == created)
                } else {
                    Issue.record("\(row.id): no created date in \(row.created)")
                }
            }
        }
    }
}

// MARK: - The generator's inputs

private let sharedURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // CableKitTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // repository root
    .appendingPathComponent("../shared")
    .standardizedFileURL

private let python3: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

private struct GeneratorSample {
    var year: String, post: String, serial: Int, text: String
}

/// The corpus files gen-corpus.py cycles through: `<yy><POST><serial>.txt`, sorted by name.
private func generatorSamples() throws -> [GeneratorSample] {
    let directory = sharedURL.appendingPathComponent("corpus/cablegate")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
    return try names.compactMap { name -> GeneratorSample? in
        let stem = Array(name.dropLast(4).utf8)
        guard stem.count > 3, stem[0...1].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        var i = 2
        while i < stem.count, (0x41...0x5A).contains(stem[i]) { i += 1 }
        guard i > 2, i < stem.count, stem[i...].allSatisfy({ (0x30...0x39).contains($0) }),
              let serial = Int(String(decoding: stem[i...], as: UTF8.self)) else { return nil }
        let text = String(decoding: try Data(contentsOf: directory.appendingPathComponent(name)), as: UTF8.self)
            .replacingOccurrences(of: "\r\n", with: "\n")
        return GeneratorSample(year: String(decoding: stem[0..<2], as: UTF8.self),
                               post: String(decoding: stem[2..<i], as: UTF8.self), serial: serial, text: text)
    }
}

private func expectedMetadata() throws -> [String: [String: Any]] {
    let data = try Data(contentsOf: sharedURL.appendingPathComponent("corpus/cablegate/expected.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
}
