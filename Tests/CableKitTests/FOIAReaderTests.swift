import Foundation
import Testing
@testable import CableKit

/// The shared corpus: `<repo>/../shared/corpus`.
private let corpusURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // CableKitTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // repository root
    .appendingPathComponent("../shared/corpus")
    .standardizedFileURL

private func corpusText(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: corpusURL.appendingPathComponent(path)), as: UTF8.self)
}

private func parseFOIA(_ text: String, fileName: String = "foia.txt") -> Cable {
    FOIAReader.parse(text, options: TelegramParser.Options(fileName: fileName))
}

private let seedPath = "seeds/000_2e2985dcc75cd613.txt"

// MARK: - The seed

@Test func seedMetadata() throws {
    let cable = parseFOIA(try corpusText(seedPath), fileName: "000_2e2985dcc75cd613.txt")
    #expect(cable.id == "01ISLAMABAD5337")
    #expect(cable.date?.iso8601 == "2001-09-24T13:00:00Z")
    #expect(cable.dateEstimated == false)
    #expect(cable.classification == .secret)
    #expect(cable.caveats.contains("NODIS"))
    #expect(cable.origin == "Embassy Islamabad")
    #expect(cable.precedence == "IMMEDIATE")
    #expect(cable.tags == ["PREL", "PTER", "PK", "AF"])
    #expect(cable.title == "MAHMUD PLANS 2ND MISSION TO AFGHANISTAN")
    #expect(cable.reasons == ["1.5(b)", "1.5(d)"])
    #expect(cable.declassifyOn == "2011-09-23")
    #expect(cable.signedBy == "CHAMBERLIN")
    #expect(cable.release == Release(status: "RELEASED IN FULL", exemptions: [], reviewer: "FRANK E SCHMELZER",
                                     reviewDate: "2004-10-08", caseID: "200401242"))
}

/// A 1960s telegram form gives its day and the post's local time ("NO: 854, November 1, 5 p.m."), never the
/// UTC moment: the date is a day. A date-time group gives the moment.
@Test func aFormsDateIsADayAndAGroupsAMoment() throws {
    let form = parseFOIA(try corpusText("foia/03.txt"), fileName: "03.txt")
    #expect(form.date?.written == "1962-08-11" && form.date?.timeKnown == false && !form.dateEstimated)
    let group = parseFOIA(try corpusText(seedPath))
    #expect(group.date?.written == "2001-09-24T13:00:00Z" && group.date?.timeKnown == true)
}

@Test func seedBodyHasNoFurnitureOrDoublings() throws {
    let body = parseFOIA(try corpusText(seedPath)).body
    for furniture in ["UNCLASSIFIED", "RELEASED IN FULL", "Page 2 OF 3", "Page 3 OF 3", "REVIEW AUTHORITY", "MENT OF", "SECTION 02", "SECTION 01"] {
        #expect(!body.contains(furniture), "furniture left in the body: \(furniture)")
    }
    #expect(!body.contains("reiterated this commitment. She noted that reiterated this commitment."))
    #expect(body.contains("Mahmud had reiterated this commitment. She noted that neither of Mahmud's trips"))
    #expect(!body.contains("understood and accepted this understood"))
    #expect(body.contains("he understood and accepted this."))
    #expect(!body.contains("affirmatively. affirmatively."))
    #expect(body.contains("Mahmud nodded affirmatively."))
    // a garbled near-doubling is not certain: it stays
    #expect(body.contains("He would ack wanted to make one more attempt."))
}

@Test func seedParagraphsStayNumberedAndThePageBreakIsJoined() throws {
    let cable = parseFOIA(try corpusText(seedPath))
    let paragraphs = cable.body.components(separatedBy: "\n\n")
    for n in [1, 2, 4, 5, 6, 7, 8, 9, 10] {
        #expect(paragraphs.contains { $0.hasPrefix("¶\(n). (S)") }, "¶\(n). missing")
    }
    let tenth = try #require(paragraphs.first { $0.hasPrefix("¶10.") })
    #expect(tenth.contains("Pakistan clearly fears the elimination of the Taliban will leave a dangerous political vacuum."))
    #expect(tenth.contains("Mahmud is trying to persuade the Taliban"))
    #expect(tenth.contains("do not impede our military planning."))
    let joins = cable.repairs.filter { $0.kind == "page-break" }
    #expect(joins.contains { $0.replacement == "clearly fears the elimination of the" && $0.line == 63 })
    let doublings = cable.repairs.filter { $0.kind == "doubling" }
    #expect(doublings.map(\.replacement) == ["reiterated this commitment. She noted that", "understood and accepted this.", "affirmatively."])
    #expect(doublings.allSatisfy { $0.line != nil })
}

/// The seed's body as reviewed: `Golden/foia/<name>.md`; `RECORD_SNAPSHOTS=1 swift test` writes it anew (review the diff).
@Test func seedBodyMatchesItsGoldenFile() throws {
    let body = parseFOIA(try corpusText(seedPath)).body
    let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/foia/000_2e2985dcc75cd613.md")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
        try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(body.utf8).write(to: golden)
    }
    #expect(body == String(decoding: try Data(contentsOf: golden), as: UTF8.self))
}

// MARK: - Doublings

private func repaired(_ line: String) -> String { OCRDoubling.repair([line]).lines[0] }

@Test func doublingsOfThreeWordsOrMoreAreRepaired() {
    #expect(repaired("She noted that reiterated this commitment. She noted that reiterated this commitment. She noted that neither")
        == "She noted that reiterated this commitment. She noted that neither")
    #expect(repaired("Mahmud said he understood and accepted this understood and accepted this.") == "Mahmud said he understood and accepted this.")
    #expect(repaired("the ministry will the ministry will respond") == "the ministry will respond")
    let (lines, found) = OCRDoubling.repair(["the talks went the talks went the talks went on"])
    #expect(lines == ["the talks went on"])
    #expect(found.count == 2)
}

@Test func doublingsOfOneLongWordAreRepaired() {
    #expect(repaired("Mahmud nodded affirmatively. affirmatively.") == "Mahmud nodded affirmatively.")
    #expect(repaired("GOVERNMENT GOVERNMENT OFFICIALS") == "GOVERNMENT OFFICIALS")
    let found = OCRDoubling.repair(["nodded affirmatively. affirmatively."]).found
    #expect(found == [OCRDoubling.Found(original: "affirmatively. affirmatively.", replacement: "affirmatively.", line: 0)])
}

@Test func uncertainRepetitionsStay() {
    for line in ["He said that that was the end.", "They had had enough.", "the the report", "in the in the morning",
                 "very very slowly", "affirmatively, affirmatively.", "He would ack wanted to make one more attempt. He would ask Omar",
                 "force. If the attraction objective is all ownide. force. If the strategic objective", "1 2 3 1 2 3"] {
        #expect(repaired(line) == line, "changed: \(line)")
    }
}

@Test func doublingsCrossLineBreaksOnlyForRunsOfWords() {
    let (lines, found) = OCRDoubling.repair(["he reiterated this commitment and", "reiterated this commitment and left"])
    #expect(lines == ["he", "reiterated this commitment and left"])
    #expect(found.first?.line == 0)
    // one word across a line break is not certain (a list, a banner)
    #expect(OCRDoubling.repair(["AMBASSADOR", "AMBASSADOR"]).lines == ["AMBASSADOR", "AMBASSADOR"])
}

// MARK: - Furniture

private func isFurniture(_ line: String) -> Bool { FOIAPageFurniture.isFurniture(ArraySlice(Array(line.utf8))) }

@Test func furnitureLinesAreRecognised() {
    for line in ["UNCLASSIFIED", "SECRET", "SECRET.", "UNCIAZSIFIED", "UNCLASSI .ED", "LIMITED. OFFICIAL USE",
                 "MENT OF Mon Sep 24 09:54:47 2001 [Islamabad 5337] SA COPY 9 OF 12 Page 2 OF 3",
                 "MON Sep 24 09:54:47 2001 [Islamabad 5337] SA COPY 9 OF 12 Page 3 OF 3",
                 "[STATE 245206] D COPY 2 OF 11 Page l OF 3", "SECTION 02, OF 02 Islamabad 5337",
                 "PAGE 02 LONDON 20903 9723527", "c AGE G1 LONDON 63364 6117592", "PAGE: 81 MADRID. 1429 1812412 Pr", "PAGE 01",
                 "USNATO 05622 171649Z", "## Page 2", "[Page 1]", "---", "13-00000", "NW#: 64822", "Docid: 32208170",
                 "NW 55061 Docld:32989751 Page 130",
                 "UNCLASSIFIED U.S. Department of State Case No. F-2017-13804 Doc No. C06697452 Date: 05/29/2019",
                 "REPRODUCTION FROM THIS COPY IS", "PROHIBITED UNLESS \"UNCLASSIFIED\"", "INCOMING TELEGRAM Department of Stave",
                 "TEXT OF TELEGRAM 86USNAT0005622", "PTP7930", "ADP385", "DECLASSIFIED", "• • •", "|", "DEPARTMENT OF STATE A/CDC/MR",
                 "( ) DOWNGRADE TS to ( ) S or ( ) C, OADR", "PAGE NO. 1", "2 OF 2", "1 of 3"] {
        #expect(isFurniture(line), "not furniture: \(line)")
    }
}

@Test func textLinesAreNotFurniture() {
    for line in ["S E C R E T SECTION 01 OF 02 ISLAMABAD 005337", "LIMITED OFFICIAL USE LONDON 03364", "SECRET OTHER:",
                 "UNCLAS BMENST 07545", "NODIS EAGLE DECAPTIONED", "- 10. (S) Comment: Pakistan clearly fears the",
                 "elimination of the Taliban will leave a dangerous political vacuum.", "2.", "RUSK", "CHALKER",
                 "PAGE 3 OF THE REPORT SAYS 1234 THINGS", "TO SECSTATE WASHDC IMMEDIATE 9403", "Reference: DEPCIRTEL 505",
                 "THE DEPARTMENT OF STATE WILL SEND THE TELEGRAM.", "the release in 2007 was welcome", "3 OF 2", "2 OF 2 COPIES", "55061"] {
        #expect(!isFurniture(line), "furniture: \(line)")
    }
}

@Test func furnitureLeavesTheBodyAndTheSentenceIsJoined() {
    let text = """
    UNCLASSIFIED
    RELEASED IN PART B6
    FM AMEMBASSY LONDON
    TO SECSTATE WASHDC 1234
    C O N F I D E N T I A L LONDON 001234
    E.O. 12958: DECL: 01/01/2010
    TAGS: PREL, UK
    SUBJECT: TEST OF PAGE FURNITURE

    1. (C) The minister said the government would consider the

    UNITED STATES DEPARTMENT OF STATE REVIEW AUTHORITY: JOHN DOE DATE/CASE ID: 01 JAN 2005 200500001
    UNCLASSIFIED
    Tue Jan 01 10:00:00 2000 [London 1234] SA COPY 1 OF 2 Page 2 OF 2

    proposal next week.

    2. (C) Second paragraph. DOE
    """
    let cable = parseFOIA(text)
    #expect(cable.release == Release(status: "RELEASED IN PART", exemptions: ["B6"], reviewer: "JOHN DOE", reviewDate: "2005-01-01", caseID: "200500001"))
    #expect(cable.body.contains("¶1. (C) The minister said the government would consider the proposal next week."))
    #expect(!cable.body.contains("REVIEW AUTHORITY"))
    #expect(!cable.body.contains("Page 2"))
    #expect(cable.repairs.contains { $0.kind == "page-break" && $0.replacement == "would consider the proposal next week." && $0.line == 10 })
}

/// Page furniture OCR parted from its stamp or left alone: 78LONDON3364's `55061` (of `NW 55061 Docld:32989751 Page 132`,
/// the stamp's id on the next line) and 00STATE236019's page count `2 OF 2` after the signature were in the body, the
/// count run on after the signature; a number in the text stays.
@Test func stampNumbersAndPageCountsLeaveTheBody() throws {
    let london = parseFOIA(try corpusText("foia/21.txt"), fileName: "21.txt")
    #expect(london.id == "78LONDON3364")
    #expect(!london.body.contains("55061"))
    let talbott = parseFOIA(try corpusText("foia/36.txt"), fileName: "36.txt")
    #expect(talbott.id == "00STATE236019")
    #expect(!talbott.body.contains("2 OF 2"))
    #expect(talbott.signedBy == "TALBOTT")

    let text = """
    UNCLASSIFIED
    FM AMEMBASSY LONDON
    TO SECSTATE WASHDC 1234
    C O N F I D E N T I A L LONDON 001234
    E.O. 12958: DECL: 01/01/2010
    TAGS: PREL, UK
    SUBJECT: TEST OF PAGE FURNITURE

    1. (C) The minister counted

    55061

    votes for the bill.

    2. (C) Second paragraph.

    55061

    Docld:32989751 Page 132
    """
    let cable = parseFOIA(text)
    #expect(cable.body.components(separatedBy: "55061").count == 2)
}

/// The false headings of the twelve released telegrams: a routing line, a handling note and a signature read
/// through a speck (62BRUSSELS250, 78LONDON3364); none is a heading now.
@Test func routingLinesNotesAndSignaturesAreNoHeadings() throws {
    for file in ["03.txt", "21.txt"] {
        let cable = parseFOIA(try corpusText("foia/" + file), fileName: file)
        #expect(!cable.body.contains("## "), "\(file)")
    }
}

/// A review form stamped on a printout in capitals: OCR garbles most of its lines past recognition, and they
/// leave the body with the lines it recognises; the signature above it stays the telegram's.
@Test func garbledReviewFormLeavesAPrintoutsBody() {
    let text = """
    TEXT OF TELEGRAM 86USNAT0005622
    SECRET
    PAGE 01 USNATO 05622 171649Z
    O 171646Z OCT 86
    FM USMISSION USNATO
    TO SECSTATE WASHDC IMMEDIATE 1894
    S E C R E T USNATO 05622
    E.O. 12356: DECL: OADR
    TAGS: PARM, UR, JA, NATO
    SUBJECT: BRIEFING THE JAPANESE ON REYKJAVIK RESULTS
    1. SECRET - ENTIRE TEXT.
    2. THE SECOND SENTENCE OF PARA FIVE OF REFTEL SHOULD BE
    REVISED TO READ AS FOLLOWS: THE SIDES HAD DISCUSSED A
    TWO-STAGE ELIMINATION OF ALL STRATEGIC OFFENSIVE WEAPONS
    TO TAKE PLACE OVER A TEN-YEAR PERIOD.
    3. A TRANSMISSION ERROR ADDED AN EXTRA ZERO TO THE
    SECOND LINE OF PARA SIX. THE FINAL WORDS OF THAT LINE
    SHOULD READ DEPLOY ONE HUNDRED WARHEADS.
    ABSHIRE
    SECRET
    PAGE 02
    option rernovs;d:
    tronsferred to ,'")'!"••.:
    Cat. B - Transferred to
    with additional acr.e*..5
    retained ny S •
    .1)ievvet abty;
    DEPARTMENT OF STATE A/CDC/MR
    RE VIIMED by  DATE
    ( L.4-PeELDMD ( --)-DECLCiSIFY
    ) CLASSIFY as , OADR
    • • 6666
    PAGE NO. 1
    """
    let cable = parseFOIA(text)
    for junk in ["rernovs", "tronsferred", "acr.e", "retained", "ievvet", "VIIMED", "DECLCiSIFY", "CLASSIFY as", "6666"] {
        #expect(!cable.body.contains(junk), "review form left in the body: \(junk)")
    }
    #expect(cable.body.contains("THE FINAL WORDS OF THAT LINE SHOULD READ DEPLOY ONE HUNDRED WARHEADS."))
    #expect(cable.signedBy == "ABSHIRE")
}

/// In text that is not printed in capitals, lower-case lines next to a review form's line are the telegram's.
@Test func reviewFormBlocksKeepMixedCaseText() {
    let lines = SourceLines("""
    The minister said the government would consider the proposal
    Cat. B - Transferred to
    and reply within the week, he said.
    """)
    #expect(ReviewFormBlock.lines(in: 0..<lines.count, of: lines, furniture: [false, true, false]).isEmpty)
}

/// Where OCR lost the classification line, the caveat lines and the line itself that follow the TO block are no
/// addressees.
@Test func addresseesEndWhereTheClassificationLineWasLost() {
    let text = """
    [Page 1]
    O 272023Z NOV 96 ZFF4
    FM SECSTATE WASHDC
    TO AMEMBASSY ANKARA IMMEDIATE
    AMEMBASSY MOSCOW IMMEDIATE 4521
    NODIS
    STATE 245206
    DECAPTIONED
    8006E8 272023Z /38
    MERCURY EYES ONLY FOR THE AMBASSADOR FROM THE EXEC SEC
    E.O. 12958: DECL: 11/27/26
    TAGS: PREL, TU
    SUBJECT: THE DEPUTY SECRETARY'S CONVERSATION

    1. (U) THE DEPUTY SECRETARY SPOKE WITH THE UNDER SECRETARY TODAY.
    """
    let cable = parseFOIA(text)
    #expect(cable.to == ["AMEMBASSY ANKARA", "AMEMBASSY MOSCOW"])
    #expect(cable.id == "96STATE245206")
    for line in ["T STATE 236019", "USNATO 05622", "S E C ire.7.USNATO 05622", "NODIS DECAPTIONED", "EXDIS"] {
        #expect(RoutingHeader.endsAddressees(ArraySlice(Array(line.utf8))), "\(line)")
    }
    for line in ["AMEMBASSY TOKYO PRIORITY", "SECSTATE WASHDC 1894", "USMISSION USNATO 05622", "USUN NEW YORK 245", "ALL NATO CAPITALS"] {
        #expect(!RoutingHeader.endsAddressees(ArraySlice(Array(line.utf8))), "\(line)")
    }
}

/// A double-spaced scan: a short line a join ended is still open prose, and an acronym followed by a lower-case
/// word goes on with mixed-case text.
@Test func joinsRunOnThroughShortLinesAndAcronyms() {
    let text = """
    INCOMING TELEGRAM Department of State
    CONFIDENTIAL
    FROM: Dublin
    ACTION: Secstate 96 PRIORITY
    DATE: September 21, 4 p.m.

    While not normally beneficiary USIA support, post urges

    in this instance that all material prepared

    for press and

    TV be expeditiously and abundantly provided, including at

    least 35 copies basic report.

    CHALKER
    """
    let body = parseFOIA(text).body
    #expect(body.contains("post urges in this instance that all material prepared for press and TV be expeditiously and abundantly provided, including at least 35 copies basic report."))
    #expect(PageBreakJoin.joins("in this instance that all material prepared for press and", "TV be expeditiously and abundantly provided"))
    #expect(!PageBreakJoin.joins("in this instance that all material prepared for press and", "USIA. The post will"))
}

/// A precedence OCR garbled after an addressee is no part of its name; a place is left alone.
@Test func garbledPrecedencesLeaveAddressees() {
    #expect(FOIAFields.withoutGarbledPrecedence("SECSTATE WASHDC IMMEOIATE") == "SECSTATE WASHDC")
    #expect(FOIAFields.withoutGarbledPrecedence("AMEMBASSY TOKYO PRI0RITY") == "AMEMBASSY TOKYO")
    #expect(FOIAFields.withoutGarbledPrecedence("AMEMBASSY PRETORIA") == "AMEMBASSY PRETORIA")
    #expect(FOIAFields.withoutGarbledPrecedence("USMISSION USNATO") == "USMISSION USNATO")
    let cable = parseFOIA("""
    TEXT OF TELEGRAM 86USNAT0005622
    O 171646Z OCT 86
    FM USMISSION USNATO
    TO SECSTATE WASHDC IMMEOIATE 1894
    AMEMBASSY TOKYO PRIORITY
    S E C R E T USNATO 05622
    E.O. 12356: DECL: OADR
    SUBJECT: BRIEFING THE JAPANESE

    1. SECRET - ENTIRE TEXT.
    """)
    #expect(cable.to == ["SECSTATE WASHDC", "AMEMBASSY TOKYO"])
}

/// A caveat line OCR garbled by a letter in the header still gives the caveat; a word near two caveats, or near
/// none, gives nothing.
@Test func garbledCaveatLinesAreRead() {
    func caveat(_ s: String) -> String? { FOIAFields.garbledCaveat(ArraySlice(Array(s.utf8))) }
    #expect(caveat("EXOIS") == "EXDIS")
    #expect(caveat("N0DIS") == "NODIS")
    #expect(caveat("NXDIS") == nil)
    #expect(caveat("NOTED") == nil)
    #expect(caveat("EXDIS TODAY") == nil)
    let cable = parseFOIA("""
    TEXT OF TELEGRAM 86USNAT0005622
    O 171646Z OCT 86
    FM USMISSION USNATO
    TO SECSTATE WASHDC IMMEDIATE 1894
    S E C R E T USNATO 05622
    EXOIS
    E.O. 12356: DECL: OADR
    SUBJECT: BRIEFING THE JAPANESE

    1. SECRET - ENTIRE TEXT.
    """)
    #expect(cable.caveats == ["EXDIS"])
}

@Test func releaseStatusVariants() {
    func status(_ text: String) -> Release? { ReleaseStamp(SourceLines(text)).release }
    #expect(status("PTP5369 R ELEASEIN\nFULL\n")?.status == "RELEASED IN FULL")
    #expect(status("RELEASE IN PART\nB1,1.4(B),1.4(D)\n") == Release(status: "RELEASED IN PART", exemptions: ["B1", "1.4(B)", "1.4(D)"]))
    #expect(status("2023 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n")?.status
        == "2023 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992")
    #expect(status("to his release in 2007. END NOTE.\nTHE DOCUMENT WAS RELEASED IN FULL\n") == nil)
}

// MARK: - Fields from OCR

private func bytes(_ s: String) -> ArraySlice<UInt8> { ArraySlice(Array(s.utf8)) }

@Test func headerLinesAreReadThroughTheOCR() {
    #expect(OCRHeaderLine.normalise(bytes("SE CRE T MADRID 1429 “ a")) == "SECRET MADRID 1429 “ a")
    #expect(OCRHeaderLine.normalise(bytes("LIMITED OFFICIAL USE. STATE [81198")) == "LIMITED OFFICIAL USE STATE 181198")
    #expect(OCRHeaderLine.normalise(bytes("R O11752Z MAR 78")) == "R 011752Z MAR 78")
    #expect(OCRHeaderLine.normalise(bytes("SUBJECT + WELFARE RICHARD CASE")) == "SUBJECT: WELFARE RICHARD CASE")
    #expect(OCRHeaderLine.normalise(bytes("SUBdECT:..W1WARDNADZE OCTOBER 16")) == "SUBJECT: W1WARDNADZE OCTOBER 16")
    #expect(OCRHeaderLine.normalise(bytes("SUBJECT: \"LORDS OF THE MOUNTAINS\"")) == nil)
    #expect(OCRHeaderLine.normalise(bytes("SUBJECT TO APPROVAL BY THE MINISTRY")) == nil)
    #expect(OCRHeaderLine.normalise(bytes("S E C R E T SECTION 01 OF 02 ISLAMABAD 005337")) == nil)
}

@Test func telegramFormsGiveSenderSerialAndDate() {
    let text = """
    INCOMING TELEGRAM Department of State
    SECRET
    Control: 8681
    Rec'd: August 11, 1962
    FROM: Brussels
    TO: Secretary of State
    NO: 250, August 11, 1 p.m.

    Davignon in Foreign Office informs us that Tshombe is departing.
    MACARTHUR
    """
    let cable = parseFOIA(text)
    #expect(cable.id == "62BRUSSELS250")
    #expect(cable.date?.isoDate == "1962-08-11")
    #expect(cable.origin == "Embassy Brussels")
    #expect(cable.classification == .secret)
    #expect(cable.body.hasPrefix("Davignon in Foreign Office"))
    #expect(TelegramForm.monthDay(bytes("September 21, 4 p.m.")).map { [$0.0, $0.1] } == [9, 21])
    #expect(TelegramForm.monthDay(bytes("250, August:11,.1.pom.")).map { [$0.0, $0.1] } == [8, 11])
}

@Test func damagedDatesAreReadOnlyAsFarAsTheyAreLegible() {
    #expect(FOIADate.damagedGroup(bytes("R.1717@4Z APR 69 ZFF BERLIN"), year: nil)?.isoDate == "1969-04-17")
    #expect(FOIADate.damagedGroup(bytes("0 15151.9Z OCT 36"), year: nil) == nil)
    #expect(FOIADate.damagedGroup(bytes("--AB149B 131741Z /380 13173HZ DEC 00 ZF"), year: 2000)?.isoDate == "2000-12-13")
    #expect(FOIADate.damagedGroup(bytes("R 1317@4Z DEC 00"), year: 1986) == nil)
    #expect(FOIADate.stampDay(bytes("161520Z")) == 16)
    #expect(FOIADate.stampDay(bytes("9723522")) == 7)
    #expect(FOIADate.stampDay(bytes("4723522")) == nil)
    #expect(FOIADate.groupMonthAndYear(bytes("_R 718162 DEC 77| -")).map { [$0.month, $0.year] } == [12, 1977])
}

@Test func printoutIdsAndHeadersNamePostAndSerial() {
    let id = FOIAIdentity.printoutID(bytes("TEXT OF TELEGRAM 86USNAT0005622"))
    #expect(id?.year == 1986 && id?.post == "USNATO" && id?.serial == 5622)
    #expect(FOIAIdentity.printoutID(bytes("TEXT OF TELEGRAM 86BUCHAR007545"))?.post == "BUCHAR")
    #expect(FOIAIdentity.postAndSerial(bytes("*9.17,Escki PAGE 01 STATE 245206 272022Z"))?.serial == 245206)
    #expect(FOIAIdentity.postAndSerial(bytes("[STATE 245206] D COPY 2 OF 11 Page l OF 3"))?.post == "STATE")
    #expect(FOIAIdentity.postAndSerial(bytes("T STATE 236019"))?.serial == 236019)
    #expect(FOIAIdentity.postAndSerial(bytes("USNATO 05622 171649Z"))?.post == "USNATO")
    #expect(FOIAIdentity.postAndSerial(bytes("THE MINISTER SAID 1234")) == nil)
}

@Test func tagsAreCheckedAgainstTheGlossary() {
    let glossary = TagGlossary.standard
    #expect(FOIATags.check(["RINR", "PDIP", "UK", "C"], raw: "RINR, PDIP,| UK C", glossary: glossary) == ["PINR", "PDIP", "UK"])
    #expect(FOIATags.check(["PING", "UK"], raw: "PING UK", glossary: glossary) == [])
    #expect(FOIATags.check(["UR", "JA", "NATO"], raw: "*PM! UR, JA, NATO", glossary: glossary) == [])
    #expect(FOIATags.check(["PREL", "PGOV"], raw: "PREL, PGOV", glossary: glossary) == ["PREL", "PGOV"])
    #expect(FOIATags.check(["OVIP", "STEINBERG, JAMES B", "PREL"], raw: "OVIP (STEINBERG, JAMES B.) PREL", glossary: glossary)
        == ["OVIP", "STEINBERG, JAMES B", "PREL"])
}

@Test func subjectsAreCleanedOfOCRJunk() {
    let vocabulary = ["CONVERSATION": 3, "COMMITTEE": 4, "SHEVARDNADZE": 5, "ELECTION": 3]
    func clean(_ s: String) -> String? { FOIASubject.clean(s, vocabulary: vocabulary) }
    #expect(clean("+ WELFARE RICHARD CASE ‘NAGELL") == "WELFARE RICHARD CASE NAGELL")
    #expect(clean("HOUSE SELECT COMMITTEE ON ASSASSINATIONS — um eames een Ae MaRagio7e, f 2") == "HOUSE SELECT COMMITTEE ON ASSASSINATIONS")
    #expect(clean("REQUEST| FROM HOUSE SELECT commITTER on ASSASSINATIONS. FOR ACCESS")
        == "REQUEST FROM HOUSE SELECT COMMITTEE ON ASSASSINATIONS FOR ACCESS")
    #expect(clean("THE DEPUTY SECRETARY'S CONVERSATIdN WITH TURKISH FOREIGN.MINISTRY") == "THE DEPUTY SECRETARY'S CONVERSATION WITH TURKISH FOREIGN MINISTRY")
    #expect(clean("0•SMIVARDNADZE OCTOBER 16 PRESS CONFERENCE") == "SHEVARDNADZE OCTOBER 16 PRESS CONFERENCE")
    // words OCR did not visibly misread stay, quotes that pair stay
    #expect(clean("ELECTIONS IN THE NORTH") == "ELECTIONS IN THE NORTH")
    #expect(clean("\"LORDS OF THE MOUNTAINS\" WILL FIGHT NO MORE") == "\"LORDS OF THE MOUNTAINS\" WILL FIGHT NO MORE")
    #expect(clean("SECRETARY OF DEFENSE GATES'S MEETING, FEBRUARY 8, 2010") == "SECRETARY OF DEFENSE GATES'S MEETING, FEBRUARY 8, 2010")
}

@Test("the SUBJECT label as OCR and typists vary it: in lower case before a stop, its S read as 5, specks before it, alone on its line with the value on the next (a blank line between or not)",
      arguments: ["subject. ", "Subject - ", "5UBJECT: ", "$UBJECT: ", "(SUBJECT: ", "~ SUBJECT: ", "SUBJECT:\n", "SUBJECT:\n\n"])
func subjectLabelVariants(_ label: String) throws {
    for name in ["21.txt", "27.txt", "30.txt"] {
        let text = try corpusText("foia/" + name)
        let want = try #require(parseFOIA(text, fileName: name).title)
        // the first SUBJECT label and the punctuation and specks after it
        let written = try #require(text.firstRange(of: /SUBJECT[^A-Z0-9(]*/))
        let changed = text.replacingCharacters(in: written, with: label)
        #expect(changed != text)
        #expect(parseFOIA(changed, fileName: name).title == want, "\(name) with \(label.debugDescription)")
    }
}

@Test("a subject label in lower case at the start of a wrapped sentence is prose")
func lowerCaseSubjectInProseIsNoLabel() {
    #expect(OCRHeaderLine.subjectLine(ArraySlice("subject. The Minister then turned to".utf8)) == nil)
    #expect(OCRHeaderLine.subjectLine(ArraySlice("SUBJECT TO THE MINISTER'S APPROVAL".utf8)) == nil)
    #expect(OCRHeaderLine.subjectLine(ArraySlice("subject. HOUSE SELECT COMMITTEE".utf8)) == "SUBJECT: HOUSE SELECT COMMITTEE")
}

@Test func duplicateCopiesKeepOneReading() throws {
    // the two OCR layers of 24.txt, in either order, give one copy of the text
    let text = try corpusText("foia/24.txt")
    let second = try #require(text.range(of: "TEXT OF TELEGRAM", range: text.index(text.startIndex, offsetBy: 10)..<text.endIndex))
    for variant in [text, String(text[second.lowerBound...]) + "\n" + String(text[..<second.lowerBound])] {
        let cable = parseFOIA(variant)
        #expect(cable.id == "86USNATO5622")
        #expect(cable.body.components(separatedBy: "ELIMINATION OF ALL STRATEGIC").count == 2)
    }
}

/// A REF line cites by post and serial ("REF: BERLIN 668"), in the year of the citing cable; when OCR garbled the
/// date-time group, that year is settled only from the printout's header, and the references are read with it —
/// whatever the file is called.
@Test func referencesTakeTheYearSettledFromThePrintout() throws {
    for name in ["18.txt", "77LONDON20003.txt"] {
        let cable = parseFOIA(try corpusText("foia/18.txt"), fileName: name)
        #expect(cable.id == "77LONDON20003")
        #expect(cable.references == ["77LONDON195993", "77STATE267088"], "\(name)")
    }
    #expect(parseFOIA(try corpusText("foia/15.txt"), fileName: "15.txt").references == ["69BERLIN668"])
}

/// On ordinary telegrams the FOIA reader's cleaning must change nothing the telegram parser reads from the header
/// (every other file of the cablegate sample, to keep the suite quick).
@Test func ordinaryTelegramsReadTheSameThroughTheFOIAReader() throws {
    let dir = corpusURL.appendingPathComponent("cablegate")
    var tagDifferences: [String] = []
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
    for (k, name) in names.enumerated() where k % 2 == 0 {
        let text = String(decoding: try Data(contentsOf: dir.appendingPathComponent(name)), as: UTF8.self)
        let options = TelegramParser.Options(fileName: name)
        let telegram = TelegramParser.parse(text, options: options), foia = FOIAReader.parse(text, options: options)
        #expect(foia.id == telegram.id, "\(name)")
        #expect(foia.date == telegram.date, "\(name)")
        #expect(foia.classification == telegram.classification, "\(name)")
        #expect(foia.title == telegram.title, "\(name)")
        if foia.tags != telegram.tags { tagDifferences.append(name) }
    }
    // a TAGS line with a digit (`AU-1`) reads as garbled OCR
    #expect(tagDifferences.count <= 1, "\(tagDifferences)")
    #expect(names.count > 100)
}

// MARK: - Detection

@Test func detectionFiresOnReleasesOnly() throws {
    func detected(_ path: String) throws -> Bool {
        FOIAReader.looksLikeFOIA(ArraySlice(Array(try Data(contentsOf: corpusURL.appendingPathComponent(path)).prefix(16384))))
    }
    #expect(try detected(seedPath))
    for name in expectedFOIA.keys { #expect(try detected("foia/" + name), "not detected: \(name)") }
    let cablegate = try FileManager.default.contentsOfDirectory(atPath: corpusURL.appendingPathComponent("cablegate").path)
        .filter { $0.hasSuffix(".txt") }
    #expect(cablegate.count > 100)
    for name in cablegate { #expect(try !detected("cablegate/" + name), "detected as FOIA: \(name)") }
}

// MARK: - Accuracy on the twelve released telegrams

/// One entry of `foia/expected.json`: a careful human reading of the file (nil where the text does not decide).
private struct ExpectedReading: Decodable, Sendable {
    var id: String?
    var date: String?
    var origin_raw: String?
    var classification: String?
    var subject: String?
    var tags: [String]?
    var release: String?
}

private let expectedFOIA: [String: ExpectedReading] = {
    guard let data = try? Data(contentsOf: corpusURL.appendingPathComponent("foia/expected.json")),
          let json = try? JSONDecoder().decode([String: ExpectedReading].self, from: data) else { return [:] }
    return json
}()

/// `RELEASE IN PART B1,1.4(B),1.4(D)` as the reader records it: status normalised, codes apart.
private func expectedRelease(_ stamp: String?) -> Release? {
    guard let stamp else { return nil }
    for kind in ["FULL", "PART"] where stamp.hasPrefix("RELEASE IN \(kind)") || stamp.hasPrefix("RELEASED IN \(kind)") {
        let codes = stamp.split(separator: " ").dropFirst(3).joined().split(separator: ",").map(String.init)
        return Release(status: "RELEASED IN \(kind)", exemptions: codes)
    }
    return Release(status: stamp)
}

private let scoredFields = ["id", "date", "origin", "classification", "subject", "tags", "release"]

/// Per field, which of the twelve files are read as the careful human reading has them.
private func foiaScores() throws -> [String: [String: Bool]] {
    var scores: [String: [String: Bool]] = [:]
    for (name, expected) in expectedFOIA.sorted(by: { $0.key < $1.key }) {
        let cable = parseFOIA(try corpusText("foia/" + name), fileName: name)
        let origin = expected.origin_raw.flatMap { PostDirectory.standard.originName(forSender: $0) }
        let release = expectedRelease(expected.release)
        let got: [String: (Bool, String?, String?)] = [
            "id": (cable.id == expected.id, cable.id, expected.id),
            "date": (cable.date?.isoDate == expected.date, cable.date?.isoDate, expected.date),
            "origin": (cable.origin == origin, cable.origin, origin),
            "classification": (cable.classification?.rawValue == expected.classification, cable.classification?.rawValue, expected.classification),
            "subject": (cable.title == expected.subject, cable.title, expected.subject),
            "tags": (cable.tags == (expected.tags ?? []), cable.tags.joined(separator: ","), expected.tags?.joined(separator: ",")),
            "release": (cable.release?.status == release?.status && (release?.exemptions ?? []) == (cable.release?.exemptions ?? []),
                        cable.release.map { "\($0.status ?? "-") \($0.exemptions)" }, expected.release),
        ]
        for field in scoredFields {
            guard let (right, value, wanted) = got[field], !right else { continue }
            print("FOIA \(name) \(field): read \(value ?? "nil"), expected \(wanted ?? "nil")")
        }
        scores[name] = got.mapValues(\.0)
    }
    return scores
}

/// The figures reached on the twelve (of 12 each); regressions fail, improvements should raise them.
private let accuracyFloor = ["id": 12, "date": 12, "origin": 12, "classification": 12, "subject": 10, "tags": 12, "release": 12]

@Test func accuracyOnTheTwelveReleasedTelegrams() throws {
    let scores = try foiaScores()
    #expect(scores.count == 12)
    var summary: [String] = []
    for field in scoredFields {
        let right = scores.values.filter { $0[field] == true }.count
        summary.append("\(field) \(right)/12")
        #expect(right >= accuracyFloor[field] ?? 12, "\(field): \(right) of 12")
    }
    print("FOIA accuracy: " + summary.joined(separator: ", "))
}
