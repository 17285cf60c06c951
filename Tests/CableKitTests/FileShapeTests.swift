import Foundation
import Testing
@testable import CableKit

/// The same cable read the same way whatever shape its file arrived in: the fixtures re-encoded, their line
/// ends changed, paged and re-wrapped as archivists' copies are, and compared with the fixture's own reading.
@Suite struct FileShapeTests {
    /// The cable a file reads as, without what names the file itself (`source`).
    static func reading(_ bytes: [UInt8], _ name: String) throws -> Cable {
        var cable = try CableReader.read(bytes, fileName: name, requireID: false)
        cable.source = SourceInfo()
        return cable
    }

    static func fixture(_ relative: String) throws -> (bytes: [UInt8], name: String) {
        (try SharedCorpus.bytes(relative), String(relative.split(separator: "/").last!))
    }

    /// A sample of every kind: telegram text with and without a routing header, a seed, OCR'd releases.
    static let sample = ["cablegate/08LONDON1837.txt", "cablegate/09STATE100153.txt", "cablegate/04OTTAWA3115.txt",
                         "cablegate/09BELGRADE841.txt", "seeds/000_2e2985dcc75cd613.txt", "foia/12.txt", "foia/30.txt"]

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("lone CR line ends (classic Mac OS) read as line ends", arguments: sample)
    func loneCarriageReturns(_ relative: String) throws {
        let (bytes, name) = try Self.fixture(relative)
        let cr = Array(Self.text(bytes).replacing("\n", with: "\r").utf8)
        #expect(try Self.reading(cr, name) == Self.reading(bytes, name))
    }

    @Test("a UTF-8 byte order mark is no text", arguments: sample)
    func utf8ByteOrderMark(_ relative: String) throws {
        let (bytes, name) = try Self.fixture(relative)
        #expect(try Self.reading([0xEF, 0xBB, 0xBF] + bytes, name) == Self.reading(bytes, name))
    }

    /// The text of UTF-8 `bytes` as UTF-16 without a mark, little-endian and big-endian.
    static func utf16(_ bytes: [UInt8]) -> (little: [UInt8], big: [UInt8]) {
        let units = Array(text(bytes).utf16)
        return (units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
    }

    @Test("UTF-16 with its byte order mark, either way round, reads as its UTF-8 does and says so", arguments: sample)
    func utf16(_ relative: String) throws {
        let (bytes, name) = try Self.fixture(relative)
        let (plainLittle, plainBig) = Self.utf16(bytes)
        let little: [UInt8] = [0xFF, 0xFE] + plainLittle
        let big: [UInt8] = [0xFE, 0xFF] + plainBig
        let want = try Self.reading(bytes, name)
        for (data, encoding) in [(little, "utf-16le"), (big, "utf-16be")] {
            let cable = try CableReader.read(data, fileName: name, requireID: false)
            #expect(cable.source.encoding == encoding)
            #expect(cable.source.sha256 == SHA256.hex(data), "the fingerprint is the original's")
            #expect(try Self.reading(data, name) == want)
        }
    }

    @Test("UTF-16 without its byte order mark, either way round, reads as with it and records the same encoding", arguments: sample)
    func utf16WithoutByteOrderMark(_ relative: String) throws {
        let (bytes, name) = try Self.fixture(relative)
        let (little, big) = Self.utf16(bytes)
        let want = try Self.reading(bytes, name)
        for (data, encoding) in [(little, "utf-16le"), (big, "utf-16be")] {
            let cable = try CableReader.read(data, fileName: name, requireID: false)
            #expect(cable.source.encoding == encoding)
            #expect(cable.source.sha256 == SHA256.hex(data), "the fingerprint is the original's")
            #expect(try Self.reading(data, name) == want)
            #expect(SourceFormat.detect(data.prefix(16384), fileName: "x") == SourceFormat.detect(bytes.prefix(16384), fileName: "x"))
        }
    }

    @Test("UTF-16 is told by its ASCII code units; UTF-8 or binary data with NULs is not UTF-16")
    func unmarkedUTF16Detection() throws {
        func le(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        func be(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }
        // text with typographic quotes and an accented name: a few code units are not ASCII
        let text = String(repeating: "¶2. (C) The Minister’s “plan”, said José, is late.\r\n", count: 20)
        #expect(UnmarkedUTF16.byteOrder(le(text)) == .utf16LE)
        #expect(UnmarkedUTF16.byteOrder(be(text)) == .utf16BE)
        #expect(UnmarkedUTF16.byteOrder(le("SEC")) == nil, "too short to tell")
        // UTF-8 text with a few NULs (a damaged copy), NULs every other byte for a stretch, and NUL padding
        let (bytes, name) = try Self.fixture("cablegate/08LONDON1837.txt")
        var damaged = bytes
        for k in stride(from: 100, to: 2000, by: 150) { damaged[k] = 0 }
        var stretch = bytes
        for k in stride(from: 200, to: 260, by: 2) { stretch[k] = 0 }
        let padded = bytes + [UInt8](repeating: 0, count: 8192)
        let binary = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) }
        for data in [damaged, stretch, padded, [UInt8](repeating: 0, count: 64), binary] {
            #expect(UnmarkedUTF16.byteOrder(data) == nil)
            #expect(throws: CableReader.Failure.self) { try CableReader.read(data, fileName: name) }
        }
        #expect(throws: CableReader.Failure(line: 5, message: "binary data: NUL byte at offset 100; not a text cable")) {
            try CableReader.read(damaged, fileName: name)
        }
    }

    @Test("tabs in the header (after a field's label, between an addressee and its precedence) read as spaces; a table's tabs stay in the body",
          arguments: sample)
    func tabsInTheHeader(_ relative: String) throws {
        let (bytes, name) = try Self.fixture(relative)
        let text = Self.text(bytes)
        let tabbed = text.replacing(/(?m)^(FM|TO|INFO|TAGS:?|SUBJECT:|SUBJ:|REF:|E\.O\. 12958:|Classified By:|CLASSIFIED BY:) +/) { $0.output.1 + "\t" }
            .replacing(/(?m)^((?:SECSTATE WASHDC|AMEMBASSY [A-Z ]+?)) (IMMEDIATE|PRIORITY|ROUTINE)/) { $0.output.1 + "\t" + $0.output.2 }
        #expect(tabbed.contains("\t") || relative.hasPrefix("foia/") || relative.hasPrefix("seeds/"))
        var got = try Self.reading(Array(tabbed.utf8), name)
        let want = try Self.reading(bytes, name)
        got.body = want.body
        got.repairs = want.repairs
        #expect(got == want)
    }

    @Test func tabsInABodyTableStay() throws {
        let (bytes, name) = try Self.fixture("cablegate/09STATE40423.txt")
        let text = Self.text(bytes).replacing("MANY THANKSM AND BEST REGARDS FROM WASHINGTON.\n",
                                              with: "MANY THANKSM AND BEST REGARDS FROM WASHINGTON.\n\nPOST\tCOUNT\tDUE\nPARIS\t12\tMAY\nROME\t3\tJUNE\n\n")
        #expect(try Self.reading(Array(text.utf8), name).body.contains("PARIS\t12\tMAY"))
    }

    @Test("a Windows-1252 smart quote in a UTF-8 file leaves the rest UTF-8: its paragraphs, references and summary read as before",
          arguments: ["cablegate/05ANKARA1730.txt", "cablegate/09LAPAZ96.txt", "cablegate/10BOGOTA243.txt", "cablegate/04MADRID2215.txt"])
    func windows1252QuoteInUTF8(_ relative: String) throws {
        let (bytes, name) = try Self.fixture(relative)
        // the last straight apostrophe becomes Windows-1252's ’ (0x92), as Word would type it
        let at = try #require(bytes.lastIndex(of: UInt8(ascii: "'")))
        var mixed = bytes
        mixed[at] = 0x92
        let cable = try CableReader.read(mixed, fileName: name, requireID: false)
        #expect(cable.source.encoding == "utf-8+windows-1252", "UTF-8 with one byte that is not: not a Windows-1252 file")
        var got = try Self.reading(mixed, name)
        let want = try Self.reading(bytes, name)
        #expect(!got.body.contains("Â"))
        #expect(got.body.replacing("’", with: "'") == want.body.replacing("’", with: "'"))
        got.body = want.body
        got.summary = got.summary?.replacing("’", with: "'")
        #expect(got.summary == want.summary?.replacing("’", with: "'"))
        got.summary = want.summary
        #expect(got == want)
    }

    @Test("double-spaced text (a blank line after every line) reads as the text it stands for; its repairs name the file's lines",
          arguments: sample.filter { $0.hasPrefix("cablegate/") } + ["cablegate/07BEIJING5705.txt", "cablegate/09WARSAW1139.txt"])
    func doubleSpaced(_ relative: String) throws {
        let (bytes, name) = try Self.fixture(relative)
        let lines = Self.text(bytes).split(separator: "\n", omittingEmptySubsequences: false)
        let spaced = lines.joined(separator: "\n\n")
        let want = try Self.reading(bytes, name)
        var got = try Self.reading(Array(spaced.utf8), name)
        #expect(got.repairs.map { $0.line.map { ($0 - 1) / 2 + 1 } } == want.repairs.map(\.line))
        got.repairs = want.repairs
        #expect(got == want)
    }

    @Test("a FOIA release's OCR text double-spaced (as a PDF extraction leaves it) reads as its single-spaced text: every field, the body, the repairs at the file's lines")
    func doubleSpacedFOIA() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: SharedCorpus.corpus.appendingPathComponent("foia").path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count >= 12)
        var published = 0
        for name in names {
            let bytes = try SharedCorpus.bytes("foia/" + name)
            // the single-spaced text: the file, or the text it stands for when it was published double-spaced
            var single = bytes
            if let lines = DoubleSpacing.collapsed(SourceLines(bytes: bytes)) {
                single = Array((0..<lines.count).map { lines.string($0) }.joined(separator: "\n").utf8)
                #expect(try Self.reading(bytes, name) == Self.reading(single, name), "\(name): published double-spaced")
                published += 1
            }
            let spaced = Array(Self.text(single).replacing("\n", with: "\n\n").utf8)
            #expect(try CableReader.read(spaced, fileName: name, requireID: false).source.format == .foia, "\(name)")
            let want = try Self.reading(single, name)
            var got = try Self.reading(spaced, name)
            #expect(!want.body.isEmpty, "\(name)")
            #expect(got.repairs.map { $0.line.map { ($0 - 1) / 2 + 1 } } == want.repairs.map(\.line), "\(name)")
            got.repairs = got.repairs.map { var r = $0; r.line = r.line.map { ($0 - 1) / 2 + 1 }; return r }
            #expect(got.body == want.body, "\(name)")
            #expect(got == want, "\(name)")
        }
        #expect(published < names.count / 2)
    }

    @Test("a text of one line per paragraph, its paragraphs a blank line apart, is not double-spaced")
    func onlyParagraphsApartIsNotDoubleSpaced() throws {
        for name in ["09BRUSSELS269.txt", "10KABUL131.txt", "02BRASILIA4227.txt", "09STATE40423.txt"] {
            #expect(!DoubleSpacing.isDoubleSpaced(SourceLines(bytes: try SharedCorpus.bytes("cablegate/" + name))), "\(name)")
        }
    }

    @Test("a surrogate pair becomes one character, an unpaired surrogate U+FFFD")
    func utf16Surrogates() {
        // "a😀b", then a lone high surrogate before "c"
        let units: [UInt16] = [0x61, 0xD83D, 0xDE00, 0x62, 0xD800, 0x63]
        let little = ArraySlice(units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(ByteOrderMark.transcode(little, bigEndian: false) == Array("a😀b\u{FFFD}c".utf8))
    }

    @Test("form feeds between pages are page breaks, not paragraph breaks or text", arguments: sample.prefix(5))
    func formFeeds(_ relative: String) throws {
        let (bytes, name) = try Self.fixture(relative)
        let lines = Self.text(bytes).split(separator: "\n", omittingEmptySubsequences: false)
        // a form feed alone on a line every 40 lines (mid-paragraph too), and one opening a line (a blank one
        // too), as printers and pdftotext leave them
        var paged: [String] = []
        for (k, line) in lines.enumerated() {
            if k > 0, k % 40 == 0 { paged.append("\u{0C}") }
            paged.append(k > 0 && k % 40 == 20 ? "\u{0C}" + line : String(line))
        }
        // the repairs name lines of the file read, which has more of them
        func unlined(_ cable: Cable) -> Cable {
            var c = cable
            c.repairs = c.repairs.map { var r = $0; r.line = nil; return r }
            return c
        }
        #expect(try unlined(Self.reading(Array(paged.joined(separator: "\n").utf8), name)) == unlined(Self.reading(bytes, name)))
    }

    @Test("a page break inside the subject or the list of addressees", arguments: [
        ("07LONDON3175", "SUBJECT: IRAN: BROTHER OF IRGC'S SAFAVI SAYS A U.S. TERROR"),
        ("09STATE16285", "RUEHLO/AMEMBASSY LONDON IMMEDIATE 0000"),
    ])
    func formFeedInHeader(_ id: String, _ lineBefore: String) throws {
        let (bytes, name) = try Self.fixture("cablegate/\(id).txt")
        let text = Self.text(bytes)
        #expect(text.contains(lineBefore + "\n"))
        let paged = text.replacing(lineBefore + "\n", with: lineBefore + "\n\u{0C}\n")
        #expect(try Self.reading(Array(paged.utf8), name) == Self.reading(bytes, name))
    }

    /// `fold -s -w width`: lines longer than `width` broken at their last space before it.
    static func fold(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            var out: [String] = []
            var rest = Substring(line)
            while rest.count > width, let cut = rest.prefix(width + 1).lastIndex(of: " "), cut > rest.startIndex {
                out.append(String(rest[..<cut]))
                rest = rest[rest.index(after: cut)...].drop(while: { $0 == " " })
            }
            return out + [String(rest)]
        }.joined(separator: "\n")
    }

    @Test("header fields wrapped at 65 columns: a subject over three lines, a REF line's citations, the reasons",
          arguments: ["09BELGRADE841", "09LONDON339", "07PARIS4357", "09BUENOSAIRES1235"])
    func wrappedHeader(_ id: String) throws {
        let (bytes, name) = try Self.fixture("cablegate/\(id).txt")
        let want = try Self.reading(bytes, name)
        let got = try Self.reading(Array(Self.fold(Self.text(bytes), width: 65).utf8), name)
        #expect(got.title == want.title)
        #expect(got.references == want.references)
        #expect(got.reasons == want.reasons && got.classifiedBy == want.classifiedBy)
        #expect(got.tags == want.tags)
    }
}

extension FileShapeTests {
    @Test("a Cablegate CSV row's REF line takes the year of the row's id, as the cable's text file named after it does")
    func csvRowReferences() throws {
        // no date-time group: "REF: BRASILIA 1631" has its year from the id only
        let (bytes, name) = try Self.fixture("cablegate/05BRASILIA1660.txt")
        let row = CablegateRow(rowNumber: 1, created: "7/19/2005 12:00", id: "05BRASILIA1660", origin: "Embassy Brasilia",
                               classification: "UNCLASSIFIED", body: Self.text(bytes))
        let (cable, _) = try CableReader.read(row, fileName: "cables.csv")
        #expect(cable.references == ["05BRASILIA1631"])
        #expect(try cable.references == Self.reading(bytes, name).references)
    }
}

extension FileShapeTests {
    @Test("the signature run on at the end of the last paragraph, as WikiLeaks' text has it, or left on a line with the end of a sentence by a re-wrap, is the signature on a line of its own",
          arguments: [("09BELGRADE841", "BRUSH"), ("10ABUJA215", "SANDERS"), ("10ASTANA72", "HOAGLAND"), ("09PESHAWAR2", "VIA")])
    func runOnSignature(_ id: String, _ name: String) throws {
        let (bytes, file) = try Self.fixture("cablegate/\(id).txt")
        for width in [nil, 65, 80] {
            let text = width.map { Self.fold(Self.text(bytes), width: $0) } ?? Self.text(bytes)
            let cable = try Self.reading(Array(text.utf8), file)
            #expect(cable.signedBy == name, "width \(width ?? 0)")
            #expect(cable.body.hasSuffix(".\n\n" + name) || cable.body.hasSuffix(".\n\n" + name + "\n"), "width \(width ?? 0): the body ends with the signature alone")
        }
    }

    @Test("a signature run on in mixed case, or after a number, a rule of asterisks, a web address or an abbreviation's stop instead of a sentence's end, is the signature on a line of its own",
          arguments: [("04RANGOON1100", "MCMULLEN", "McMullen"), ("07BEIJING5705", "RANDT", "Randt"), ("09MOSCOW2734", "BEYRLE", "Beyrle"),
                      ("10KABUL131", "EIKENBERRY", "EIKENBERRY"), ("09TELAVIV1324", "CUNNINGHAM", "CUNNINGHAM"), ("08LONDON1115", "LEBARON", "LEBARON"),
                      ("05BRASILIA2767", "DANILOVICH", "DANILOVICH"), ("09STATE130330", "CLINTON", "CLINTON")])
    func runOnSignatureVariants(_ id: String, _ name: String, _ written: String) throws {
        let (bytes, file) = try Self.fixture("cablegate/\(id).txt")
        for width in [nil, 65, 80] {
            let text = width.map { Self.fold(Self.text(bytes), width: $0) } ?? Self.text(bytes)
            let cable = try Self.reading(Array(text.utf8), file)
            #expect(cable.signedBy == name, "width \(width ?? 0)")
            #expect(cable.body.hasSuffix("\n\n" + written) || cable.body.hasSuffix("\n\n" + written + "\n"), "width \(width ?? 0): the body ends with the signature alone")
        }
        // trailing white space after it changes nothing
        let spaced = Self.text(bytes).replacing(/\n*$/, with: " \t \n\n")
        #expect(try Self.reading(Array(spaced.utf8), file).signedBy == name)
    }

    @Test("the last word of an ordinary sentence is no signature: a word the text writes in lower case, the person the cable is about, an acronym after prose, a word in capitals in a text in capitals",
          arguments: ["End Comment. However", "End Comment. Serbia", "End Comment. Medvedev", "voted against the German ISAF", "the Directorate, MFA"])
    func lastWordsThatAreNoSignature(_ ending: String) throws {
        // 09BELGRADE841 ends "… choose between East and West. End Comment. BRUSH"; it writes "however", and is about
        // Serbia and Medvedev
        let (bytes, file) = try Self.fixture("cablegate/09BELGRADE841.txt")
        let text = Self.text(bytes)
        #expect(text.contains(" however") && text.contains("Medvedev"))
        let changed = text.replacing("End Comment. BRUSH", with: ending)
        #expect(changed != text)
        #expect(try Self.reading(Array(changed.utf8), file).signedBy == nil)
    }

    @Test("in a cable written in capitals, a word after a number at the end is text")
    func capitalsAfterANumberInCapitals() throws {
        let (bytes, file) = try Self.fixture("cablegate/09STATE40423.txt")
        let text = Self.text(bytes)
        #expect(try Self.reading(bytes, file).signedBy == "CLINTON")
        let changed = text.replacing("BEST REGARDS FROM WASHINGTON.\nCLINTON", with: "BEST REGARDS AS IN PARA 2 ABOVE")
        #expect(changed != text)
        #expect(try Self.reading(Array(changed.utf8), file).signedBy == nil)
    }

    @Test("a signature on its own line in lower case after a rule, a web address or a sign-off, or with a stray stop after it",
          arguments: [("07LONDON3175", "TUTTLE"), ("09STATE63812", "CLINTON"), ("10KUWAIT45", "JONES"), ("09BRUSSELS269", "MURRAY")])
    func signatureLineVariants(_ id: String, _ name: String) throws {
        let (bytes, file) = try Self.fixture("cablegate/\(id).txt")
        for width in [nil, 80] {
            let text = width.map { Self.fold(Self.text(bytes), width: $0) } ?? Self.text(bytes)
            let cable = try Self.reading(Array(text.utf8), file)
            #expect(cable.signedBy == name, "width \(width ?? 0)")
            #expect(!cable.body.contains("## Jeff"), "a sign-off stays with the signature, not a heading")
        }
    }

    @Test("a word in lower case after a sentence that runs on, or after a page number, is no signature; a name in capitals with an initial is one name",
          arguments: [("and we will continue to\njones", nil), ("Page 132\njones", nil), ("End Comment. WILLIAM J. BURNS", "WILLIAM J. BURNS")])
    func signatureLookalikes(_ ending: String, _ name: String?) throws {
        // 10KUWAIT45 ends with a rule of asterisks and "jones"
        let (bytes, file) = try Self.fixture("cablegate/10KUWAIT45.txt")
        let text = Self.text(bytes)
        let tail = try #require(text.range(of: "********************************************* *********\njones"))
        let changed = text.replacingCharacters(in: tail, with: ending)
        #expect(try Self.reading(Array(changed.utf8), file).signedBy == name)
    }

    @Test("a lone name after a paragraph number at the end (a wrap put the number a sentence ends with at a line's start) is the signature, alone on its line, or run on",
          arguments: [nil, 65, 80])
    func signatureAfterAParagraphNumber(_ width: Int?) throws {
        // 08BERLIN1068 ends "… posed in paragraph" | "" | "¶3. Koenig"
        let (bytes, file) = try Self.fixture("cablegate/08BERLIN1068.txt")
        let text = Self.text(bytes)
        #expect(text.hasSuffix("posed in paragraph\n\n¶3. Koenig\n") || text.hasSuffix("posed in paragraph\n\n¶3. Koenig"))
        let endings = [text, text.replacing("paragraph\n\n¶3. Koenig", with: "paragraph\n3. Koenig"),
                       text.replacing("paragraph\n\n¶3. Koenig", with: "paragraph 3. Koenig")]
        for ending in endings {
            let folded = width.map { Self.fold(ending, width: $0) } ?? ending
            let cable = try Self.reading(Array(folded.utf8), file)
            #expect(cable.signedBy == "KOENIG")
            #expect(cable.body.hasSuffix(".\n\nKoenig") || cable.body.hasSuffix(".\n\nKoenig\n"), "the number stays, the signature alone: \(cable.body.suffix(40))")
        }
    }

    @Test("after a paragraph number, a word the text writes in lower case or a name it writes three times besides is no signature",
          arguments: ["¶3. Action", "¶3. Wacker", "3. Wacker", "paragraph 3. Action"])
    func paragraphNumberLookalikes(_ ending: String) throws {
        let (bytes, file) = try Self.fixture("cablegate/08BERLIN1068.txt")
        let text = Self.text(bytes)
        #expect(text.contains(" action") && text.components(separatedBy: "Wacker").count == 4)
        let changed = text.replacing(ending.hasPrefix("paragraph") ? "paragraph\n\n¶3. Koenig" : "¶3. Koenig", with: ending)
        #expect(changed != text)
        #expect(try Self.reading(Array(changed.utf8), file).signedBy == nil)
    }

    @Test("a signature written twice, in capitals and as typed, is one name", arguments: ["SHANNON Shannon", "SHANNON SHANNON", "Shannon Shannon"])
    func signatureWrittenTwice(_ written: String) throws {
        // 10BRASILIA108 ends "END COMMENT." | "" | "SHANNON Shannon"
        let (bytes, file) = try Self.fixture("cablegate/10BRASILIA108.txt")
        let text = Self.text(bytes)
        #expect(text.contains("\nSHANNON Shannon"))
        let changed = text.replacing("\nSHANNON Shannon", with: "\n" + written)
        for width in [nil, 80] {
            let folded = width.map { Self.fold(changed, width: $0) } ?? changed
            #expect(try Self.reading(Array(folded.utf8), file).signedBy == "SHANNON", "width \(width ?? 0)")
        }
        // two names are two names
        let two = text.replacing("\nSHANNON Shannon", with: "\nSHANNON KUBISKE")
        #expect(try Self.reading(Array(two.utf8), file).signedBy == "SHANNON KUBISKE")
    }

    @Test("a last line that closes a comment is no signature")
    func endOfCommentIsNoSignature() throws {
        let (bytes, file) = try Self.fixture("cablegate/09BEIJING1957.txt")
        #expect(try Self.reading(Array(Self.fold(Self.text(bytes), width: 80).utf8), file).signedBy == nil)
    }
}
