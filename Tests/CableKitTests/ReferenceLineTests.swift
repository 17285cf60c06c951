import Foundation
import Testing
@testable import CableKit

/// The REF line kept as written (`reference_line`) and read into lettered references, on real lines of the
/// shared corpus: what lets a reader of the page tell what the body's "Ref C" is.
@Suite struct ReferenceLineTests {
    static func reading(_ relative: String) throws -> Cable {
        try CableReader.read(SharedCorpus.bytes(relative), fileName: (relative as NSString).lastPathComponent)
    }

    // MARK: - the line as written

    @Test("a one-line lettered REF line with OSC reports is kept whole, its white space made single")
    func osc() throws {
        let cable = try Self.reading("cablegate/09MADRID869.txt")
        #expect(cable.referenceLine == "A. OSC EUP20080707950031 B. OSC EUP20081019950022 C. OSC EUP20090608178005 D. MADRID 286 E. OSC EUP20050620950076 F. OSC EUP20080708950049 G. OSC EUP20081029950032 H. OSC EUP 20061127123001")
        #expect(cable.references == ["09MADRID286"])
    }

    @Test("a REF line over several indented lines is one line, without the ¶ WikiLeaks put before each letter")
    func multiLine() throws {
        // fifteen references, A to O, on fifteen lines
        let cable = try Self.reading("cablegate/06ABUDHABI1725.txt")
        let line = try #require(cable.referenceLine)
        #expect(line.hasPrefix("A. 05 ABU DHABI 3243 B. 05 ABU DHABI 3565 C. ABU DHABI 409 D. ABU DHABI 779 E. ABU DHABI 1228 F. ABU DHABI 248 (NOTAL)"))
        #expect(line.hasSuffix("N. ABU DHABI 1422 O. ABU DHABI 1724"))
        #expect(!line.contains("¶"))
        let cited = ReferenceLine.cited(line, year: 2006, ownID: cable.id)
        #expect(cited.map { $0.letter ?? "" }.joined() == "ABCDEFGHIJKLMNO")
        #expect(cited[5] == CitedReference(letter: "F", text: "ABU DHABI 248 (NOTAL)", ids: ["06ABUDHABI248"]))
        #expect(cited[8] == CitedReference(letter: "I", text: "USDEL 00007", ids: []))
        // the ids the page links are those of `references`, in the same order
        #expect(cited.flatMap(\.ids) == cable.references)
    }

    @Test("an unlettered REF line, and non-cable references that give no id")
    func unlettered() throws {
        #expect(try Self.reading("cablegate/06MADRID2281.txt").referenceLine == "EUR/WE E-MAIL OF 09/08/2006")
        #expect(try Self.reading("cablegate/06MADRID2281.txt").references == [])
        #expect(try Self.reading("cablegate/09MOSCOW821.txt").referenceLine == "MOSCOW 03242 2008")
    }

    @Test("a blank line after the REF line ends it unless the next letter follows: a marking opening the text is no letter")
    func blankLineAfterTheReferenceLine() throws {
        // 10BRASILIA108: "REF: 2009 BRASILIA 1381 " | "" | "(U) THIS CABLE IS SENSITIVE BUT UNCLASSIFIED …"
        let name = "10BRASILIA108.txt"
        let text = try SharedCorpus.text("cablegate/" + name)
        let cable = try Self.reading("cablegate/" + name)
        #expect(cable.referenceLine == "2009 BRASILIA 1381")
        #expect(cable.references == ["09BRASILIA1381"])
        #expect(cable.body.hasPrefix("(U) THIS CABLE IS SENSITIVE BUT UNCLASSIFIED"))
        // lettered references a blank line apart go on, up to the marking
        let ref = try #require(text.range(of: "REF: 2009 BRASILIA 1381 \n\n(U) THIS"))
        for lettered in ["REF: A. 2009 BRASILIA 1381\n\nB. 2009 BRASILIA 1200\n\n(U) THIS", "REF: (A) 2009 BRASILIA 1381\n\n(B) 2009 BRASILIA 1200\n\n(U) THIS"] {
            let changed = text.replacingCharacters(in: ref, with: lettered)
            let got = try CableReader.read(Array(changed.utf8), fileName: name)
            #expect(got.references == ["09BRASILIA1381", "09BRASILIA1200"], "\(lettered)")
            #expect(got.referenceLine?.hasSuffix("2009 BRASILIA 1200") == true, "\(got.referenceLine ?? "nil")")
            #expect(got.body.hasPrefix("(U) THIS CABLE IS SENSITIVE BUT UNCLASSIFIED"), "\(lettered)")
        }
    }

    @Test("a cable without a REF line has none")
    func none() throws {
        #expect(try Self.reading("seeds/004_3cf85b5abb626903.txt").referenceLine == nil)
        #expect(try Self.reading("cablegate/02BRASILIA4227.txt").referenceLine == nil)
    }

    @Test("every path of import keeps it: a WikiLeaks page, a PlusD page, a CSV row, a FOIA release")
    func everyFormat() throws {
        // the Cablegate page and its text read alike
        let html = try Self.reading("cablegate/09KUWAIT110.html")
        #expect(html.referenceLine != nil)
        let page = try WikiLeaksPage.parse(SharedCorpus.text("cablegate/09KUWAIT110.html"))
        let plusd = PlusDPageTests.page(id: "09KUWAIT110", subject: html.title ?? "", created: try #require(page.created),
                                        classification: try #require(page.classification), from: "Kuwait Kuwait", tags: html.tags,
                                        text: page.telegramText, body: .pre)
        #expect(try CableReader.read(Array(plusd.utf8), fileName: "09KUWAIT110_a.html").referenceLine == html.referenceLine)
        // a CSV row: its references column gives the ids, its text the line
        let text = try SharedCorpus.text("cablegate/09MADRID869.txt")
        let row = CablegateRow(rowNumber: 1, created: "8/31/2009 14:49", id: "09MADRID869", origin: "Embassy Madrid",
                               classification: "CONFIDENTIAL", references: "09MADRID286", body: text, line: 1)
        let csv = try CableReader.read(row, fileName: "cables.csv").cable
        #expect(csv.referenceLine == (try Self.reading("cablegate/09MADRID869.txt")).referenceLine)
        // an OCR'd release
        let foia = try Self.reading("foia/18.txt")
        #expect(foia.referenceLine?.hasPrefix("A) LONDON 195993 B) STATE 267088") == true)
    }

    // MARK: - lettered references

    static func cited(_ line: String, year: Int = 2009, own: String? = nil) -> [CitedReference] {
        ReferenceLine.cited(line, year: year, ownID: own)
    }

    @Test("each letter with its text as written and the cable it cites, if any")
    func lettered() {
        let refs = Self.cited("A. OSC EUP20080707950031 B. OSC EUP20081019950022 C. OSC EUP20090608178005 D. MADRID 286 E. OSC EUP20050620950076 F. OSC EUP20080708950049 G. OSC EUP20081029950032 H. OSC EUP 20061127123001")
        #expect(refs.map(\.letter) == ["A", "B", "C", "D", "E", "F", "G", "H"])
        #expect(refs[0] == CitedReference(letter: "A", text: "OSC EUP20080707950031", ids: []))
        #expect(refs[3] == CitedReference(letter: "D", text: "MADRID 286", ids: ["09MADRID286"]))
        #expect(refs[7].text == "OSC EUP 20061127123001")
    }

    @Test("letters as ¶B., A), (A), a letter written twice, and separators")
    func shapes() {
        #expect(Self.cited("A. 05 ABU DHABI 3243 ¶B. 05 ABU DHABI 3565 ¶C. ABU DHABI 409", year: 2006) == [
            CitedReference(letter: "A", text: "05 ABU DHABI 3243", ids: ["05ABUDHABI3243"]),
            CitedReference(letter: "B", text: "05 ABU DHABI 3565", ids: ["05ABUDHABI3565"]),
            CitedReference(letter: "C", text: "ABU DHABI 409", ids: ["06ABUDHABI409"]),
        ])
        // 09MOSCOW2688
        #expect(Self.cited("A) MOSCOW 2586 B) MOSCOW 1349").map(\.ids) == [["09MOSCOW2586"], ["09MOSCOW1349"]])
        // 05MADRID171: the letter twice, in two shapes
        #expect(Self.cited("A. A) 04 STATE 274965 ¶B. B) MADRID 156", year: 2005) == [
            CitedReference(letter: "A", text: "04 STATE 274965", ids: ["04STATE274965"]),
            CitedReference(letter: "B", text: "MADRID 156", ids: ["05MADRID156"]),
        ])
        #expect(Self.cited("(A) STATE 1234; (B) YOUR 567").map(\.text) == ["STATE 1234", "YOUR 567"])
    }

    @Test("an initial is not a letter: the same shape again, or a letter out of turn")
    func initials() {
        // 06ISLAMABAD3705
        let refs = Self.cited("A. A. MAIER - QUINN EMAIL MAIL 06 MARCH 06 B. B. LAMBERT - ENGLEKEN EMAIL 21 FEB 06", year: 2006)
        #expect(refs == [
            CitedReference(letter: "A", text: "A. MAIER - QUINN EMAIL MAIL 06 MARCH 06", ids: []),
            CitedReference(letter: "B", text: "B. LAMBERT - ENGLEKEN EMAIL 21 FEB 06", ids: []),
        ])
        // 07MOSCOW104
        #expect(Self.cited("A. PARKER/PETTIT E-MAIL 1/4/07 ¶B. STATE 203879", year: 2007).map(\.text) == ["PARKER/PETTIT E-MAIL 1/4/07", "STATE 203879"])
        #expect(Self.cited("A. LETTER FROM J. D. SMITH B. STATE 1").map(\.text) == ["LETTER FROM J. D. SMITH", "STATE 1"])
    }

    @Test("a line without letters is one reference without a letter")
    func withoutLetters() {
        #expect(Self.cited("04 PARIS 8760 AND PREVIOUS", year: 2005) == [CitedReference(letter: nil, text: "04 PARIS 8760 AND PREVIOUS", ids: ["04PARIS8760"])])
        #expect(Self.cited("EUR/WE E-MAIL OF 09/08/2006") == [CitedReference(letter: nil, text: "EUR/WE E-MAIL OF 09/08/2006", ids: [])])
        #expect(Self.cited("") == [])
        #expect(Self.cited("B. STATE 1").first?.letter == nil)
    }

    @Test("WikiLeaks' pilcrows before letters are dropped, nothing else")
    func pilcrows() {
        #expect(ReferenceLine.asWritten("A. KUWAIT 431\n¶B. 09 KUWAIT 921\n ¶C. 09 KUWAIT 951") == "A. KUWAIT 431 B. 09 KUWAIT 921 C. 09 KUWAIT 951")
        #expect(ReferenceLine.asWritten("¶A) STATE 1 ¶ B) STATE 2 PARA¶3") == "A) STATE 1 ¶ B) STATE 2 PARA¶3", "a pilcrow alone or inside a word stays")
        #expect(ReferenceLine.asWritten(" ¶ ") == "¶")
    }

    @Test("white space normalised; nothing is nil")
    func normalized() {
        #expect(ReferenceLine.normalized("A. 05 ABU DHABI 3243\n     ¶B. 05 ABU\tDHABI 3565 ") == "A. 05 ABU DHABI 3243 ¶B. 05 ABU DHABI 3565")
        #expect(ReferenceLine.normalized(" \n ") == nil)
    }

    // MARK: - front matter

    @Test("reference_line is written after references and read back; absent or null is none")
    func roundTrip() throws {
        var cable = try Self.reading("cablegate/09MADRID869.txt")
        let document = FrontMatterWriter.document(cable)
        #expect(document.contains("\nreferences: [\"09MADRID286\"]\nreference_line: \"A. OSC EUP20080707950031 B. OSC EUP20081019950022 C. OSC EUP20090608178005 D. MADRID 286 E. OSC EUP20050620950076 F. OSC EUP20080708950049 G. OSC EUP20081029950032 H. OSC EUP 20061127123001\"\nclassified_by: "))
        var back = try CableFile.read(document)
        back.body = cable.body
        #expect(back == cable)
        // quotes and backslashes in the line
        cable.referenceLine = #"A. "NOTAL" MEMO B. C:\X"#
        #expect(try CableFile.read(FrontMatterWriter.document(cable)).referenceLine == cable.referenceLine)
        cable.referenceLine = nil
        let withoutLine = FrontMatterWriter.document(cable)
        #expect(withoutLine.contains("\nreference_line: null\n"))
        #expect(try CableFile.read(withoutLine).referenceLine == nil)
        // hand-written Markdown without the key
        let hand = try CableFile.read("---\nid: 08STATE1\ntitle: Hand written\nreferences: [08STATE2]\n---\nText.\n")
        #expect(hand.referenceLine == nil && hand.references == ["08STATE2"])
        // edited by hand: its white space made single again
        #expect(try CableFile.read("---\nid: 08STATE1\nreference_line: \"  A. STATE 2   B. STATE 3 \"\n---\n").referenceLine == "A. STATE 2 B. STATE 3")
        #expect(try CableFile.read("---\nid: 08STATE1\nreference_line: A. STATE 2\n---\n").referenceLine == "A. STATE 2")
    }

    @Test("inspect --json has the key, in front-matter order")
    func json() throws {
        let cable = try Self.reading("cablegate/09MADRID869.txt")
        let object = CableJSON.object(cable)
        #expect(object.contains("\"reference_line\": \"A. OSC EUP20080707950031 B. OSC"))
        let keys = object.split(separator: "\n").compactMap { line -> String? in
            let t = line.drop { $0 == " " }
            guard t.first == "\"", let end = t.dropFirst().firstIndex(of: "\"") else { return nil }
            return String(t[t.index(after: t.startIndex)..<end])
        }
        #expect(keys == FrontMatterWriter.keys)
    }

    // MARK: - words

    @Test("the REF line's words read byte by byte are those read Character by Character, on every REF line of the corpus and on generated ones")
    func tokensByBytes() throws {
        var lines: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: SharedCorpus.cablegate.path).sorted() where name.hasSuffix(".txt") {
            if let line = try Self.reading("cablegate/" + name).referenceLine { lines.append(line) }
        }
        #expect(lines.count > 100)
        // ASCII with the separators, ¶, lower case, and what sends a line to the Character path: CR LF, é, ß,
        // the dotless ı (upper-cased to ASCII I), a ¶ with a combining mark
        let pieces = ["05", "STATE", "state", "127608", " ", "  ", "\t", "\n", ",", ";", ":", "(", ")", ".", "-", "¶", "A.", "b)",
                      "\r\n", "\r", "é", "ß", "ı", "¶\u{301}", "OSC", "EUP20090610950001", "(NOTAL)", "ABU DHABI"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            var line = ""
            for _ in 0..<12 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                line += pieces[Int(state >> 33) % pieces.count]
            }
            lines.append(line)
        }
        for line in lines {
            #expect(ReferenceLine.tokens(line) == ReferenceLine.characterTokens(line), "\(line.debugDescription)")
        }
    }

    // MARK: - words read by their bytes

    /// The words a REF line's reader tells apart (serials, years, the words of a post's name) as the
    /// characters tell them apart: ASCII, other scripts' letters and digits, combining marks after a digit,
    /// a period or a letter, a period with a mark.
    static let trickyWords = [
        "", "5", "05", "2007", "1944", "2031", "0389", "0389.", "0389..", "00000000", "12345678", "123456789", "12345678.",
        "0", "0.", ".", "-", "A", "A.", "ABU", "DHABI", "PORT-AU-PRINCE", "ST.", "A1", "1A", "SECSTATE", "STATE", "X-RAY",
        "١٢", "٢٠٠٧", "12\u{301}", "5\u{301}", "0389.\u{301}", ".\u{301}", "A\u{301}", "\u{301}A", "É", "E\u{301}", "MÜNCHEN",
        "ΑΘΗΝΑ", "СОФИЯ", "東京", "A\u{600}", "\u{600}A", "A\r\nB", "12\r\n", "ÅLAND.", "-5", "+5", "5+", "A B",
    ]

    @Test("serials, years and the words of post names are read from their bytes as the characters read them")
    func wordsByBytesAsByCharacters() {
        for word in Self.trickyWords {
            // the readings by characters these helpers replaced
            let year: Int? = {
                guard word.allSatisfy(ASCII.isNumber(character:)), let v = Int(word) else { return nil }
                if word.count == 2 { return DateTimeGroup.fullYear(v) }
                if word.count == 4, (1945...2030).contains(v) { return v }
                return nil
            }()
            let serial: Int? = {
                guard let first = word.utf8.first, ASCII.isDigit(first) || first >= 0x80 else { return nil }
                let digits = word.hasSuffix(".") ? String(word.dropLast()) : word
                guard (1...8).contains(digits.count), digits.allSatisfy(ASCII.isNumber(character:)), let v = Int(digits), v > 0 else { return nil }
                return v
            }()
            #expect(ReferenceLine.yearToken(word) == year, "\(word.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(ReferenceLine.serialToken(word) == serial, "\(word.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(ReferenceLine.startsWithLetter(word) == (word.first.map(ASCII.isLetter(character:)) == true), "\(word.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(ReferenceLine.isPostWord(word) == word.allSatisfy { ASCII.isLetter(character: $0) || $0 == "." || $0 == "-" },
                    "\(word.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(ReferenceLine.serialToken("0389.") == 389)
        // ids written as bytes are those an interpolation gives
        for year in [1945, 1999, 2000, 2001, 2009, 2010, 2030, 5, -3] {
            for serial in [0, 1, 9, 10, 389, 37957, 99_999_999] {
                for post in ["STATE", "PORTAUPRINCE", "", "MÜNCHEN"] {
                    let yy = year % 100
                    #expect(ReferenceID.make(year: year, post: post, serial: serial) == (yy < 10 ? "0\(yy)" : "\(yy)") + post + String(serial))
                }
            }
        }
        #expect(ReferenceLine.yearToken("05") == 2005)
        #expect(ReferenceLine.isPostWord("PORT-AU-PRINCE") && ReferenceLine.isPostWord("MÜNCHEN") && !ReferenceLine.isPostWord("A1"))
    }
}
