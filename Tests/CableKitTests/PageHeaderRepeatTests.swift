import Testing
@testable import CableKit

/// What a continuation page's header leaves in a cable's text besides its marker: the subject it repeats, cut
/// short, with the page's text run on after it; the marker itself run into a line of text; a printout's page
/// header that names the copy by its routing indicator.
@Suite struct PageHeaderRepeatTests {
    private func bytes(_ s: String) -> ArraySlice<UInt8> { ArraySlice(Array(s.utf8)) }

    private func subjectEnd(_ line: String, _ subject: String) -> String? {
        let t = bytes(line)
        return PageFurniture.repeatedSubjectEnd(t, subject: bytes(subject)).map { t[$0...].string }
    }

    @Test func theRepeatedSubjectEndsWhereTheLineHasASpace() {
        let subject = "NUCLEAR NONPROLIFERATION TREATY (NPT) BILATERALS \nWITH UK, FRANCE, AND GERMANY"
        #expect(subjectEnd("SUBJECT: NUCLEAR NONPROLIFERATION TREATY (NPT) BILATERALS WITH UK, FRANCE, AND GERMA credit for our", subject) == " credit for our")
        #expect(subjectEnd("SUBJECT: NUCLEAR NONPROLIFERATION TREATY (NPT) BILATERALS WITH UK, FRANCE, AND GERMANY", subject) == "")
        #expect(subjectEnd("Subject: Nuclear Nonproliferation Treaty (NPT) bilaterals with UK He mentioned", subject) == " He mentioned")
        // the page's text began as the subject went on: the repeat ends at the last word they share
        #expect(subjectEnd("SUBJECT: NUCLEAR NONPROLIFERATION TREATY (NPT) BILAT BILATERAL TALKS", subject) == " BILATERAL TALKS")
        #expect(subjectEnd("SUBJECT: NUCLEAR NONPROLIFERATION TREATY (NPT) BILATERALLY agreed", subject) == " BILATERALLY agreed")
        // another subject, too little of it, or no label: not the header
        #expect(subjectEnd("SUBJECT: IRAN SANCTIONS credit for", subject) == nil)
        #expect(subjectEnd("SUBJECT: NUCLEAR issues were raised", subject) == nil)
        #expect(subjectEnd("NUCLEAR NONPROLIFERATION TREATY (NPT) BILATERALS WITH UK", subject) == nil)
    }

    /// 09STATE82013: four times, mid-sentence, "… keep us from taking SUBJECT: NUCLEAR NONPROLIFERATION TREATY (NPT)
    /// BILATERALS WITH UK, FRANCE, AND GERMA credit for our disarmament initiatives."
    @Test func theSubjectAContinuationPageRepeatsLeavesTheBody() throws {
        let text = """
        C O N F I D E N T I A L SECTION 01 OF 05 STATE 082013

        E.O. 12958: DECL: 08/10/2019
        TAGS: PARM, KNNP, UK, FR, GM
        SUBJECT: NUCLEAR NONPROLIFERATION TREATY (NPT) BILATERALS 
        WITH UK, FRANCE, AND GERMANY

        ¶1. (C) Both sides agreed not to let Russia and China keep us from taking
        STATE 00082013 002 OF 005
        SUBJECT: NUCLEAR NONPROLIFERATION TREATY (NPT) BILATERALS WITH UK, FRANCE, AND GERMA credit for our disarmament initiatives.
        ¶2. (C) Araud was nervous about the
        STATE 00082013 003 OF 005
        SUBJECT: NUCLEAR NONPROLIFERATION TREATY (NPT) BILATERALS WITH UK, FRANCE, AND GERMANY
        evolution of U.S. nuclear policy.
        ¶3. (C) SUBJECT: NUCLEAR NONPROLIFERATION TREATY (NPT) BILATERALS came up.
        """
        let cable = try CableReader.read(Array(text.utf8), fileName: "09STATE82013.txt")
        #expect(cable.title == "NUCLEAR NONPROLIFERATION TREATY (NPT) BILATERALS WITH UK, FRANCE, AND GERMANY")
        #expect(cable.body.contains("keep us from taking credit for our disarmament initiatives."), "\(cable.body)")
        #expect(cable.body.contains("Araud was nervous about the evolution of U.S. nuclear policy."), "\(cable.body)")
        #expect(!cable.body.contains("GERMA"))
        // a paragraph that is no page's first line keeps what it says
        #expect(cable.body.contains("¶3. (C) SUBJECT: NUCLEAR NONPROLIFERATION TREATY (NPT) BILATERALS came up."))
    }

    private func withoutMarkers(_ line: String, post: String, serial: Int) -> String {
        TelegramParser.withoutInlineMarkers(bytes(line), post: bytes(post), serial: PageFurniture.markerSerial(serial)!, subject: nil).string
    }

    /// 08TEGUCIGALPA459, 09TUNIS492, 10BRASILIA108: a marker in the middle of a paragraph's line; 09ASHGABAT1182:
    /// one before a heading ("## ASHGABAT 00001182 002.2 OF 003 THE EDUCATION SYSTEM: A TOTAL MESS").
    @Test func markersRunIntoALineLeaveIt() {
        #expect(withoutMarkers("to minimize damage and to TEGUCIGALP 00000459 004 OF 004 protect our core interests.", post: "TEGUCIGALPA", serial: 459)
            == "to minimize damage and to protect our core interests.")
        #expect(withoutMarkers("ASHGABAT 00001182 002.2 OF 003 THE EDUCATION SYSTEM: A TOTAL MESS", post: "ASHGABAT", serial: 1182)
            == "THE EDUCATION SYSTEM: A TOTAL MESS")
        #expect(withoutMarkers("talks in LA PAZ 00002657 002 OF 002 went on; in LA PAZ 00002657 002 OF 002", post: "LA PAZ", serial: 2657)
            == "talks in went on; in")
        #expect(withoutMarkers("Given BRASILIA 00001216 003 OF 004 the likelihood", post: "BRASILIA", serial: 1216) == "Given the likelihood")
        // another serial, another post, no page count: text
        for (line, post) in [("in MADRID 00001216 003 OF 004 the", "BRASILIA"), ("in BRASILIA 00001217 003 OF 004 the", "BRASILIA"),
                             ("in BRASILIA 00001216 was the", "BRASILIA"), ("cost 00001216 003 OF 004 the", "BRASILIA")] {
            #expect(withoutMarkers(line, post: post, serial: 1216) == line)
        }
    }

    @Test func aMarkerInAParagraphLeavesTheCable() throws {
        let text = """
        S E C R E T SECTION 01 OF 04 TEGUCIGALPA 000459

        E.O. 12958: DECL: 05/19/2018
        TAGS: PREL, HO
        SUBJECT: ZELAYA

        ¶16. (S) We will need to engage Zelaya in order to minimize damage and to TEGUCIGALP 00000459 004 OF 004 protect our core interests.
        """
        let cable = try CableReader.read(Array(text.utf8), fileName: "08TEGUCIGALPA459.txt")
        #expect(cable.body == "¶16. (S) We will need to engage Zelaya in order to minimize damage and to protect our core interests.\n")
    }

    /// 07PARIS2440: `PAGE 03 RUEHFRA2440 C O N F I D E N T I A L PARIS 002440`, the copy named by its routing
    /// indicator and the classification spelled out, was left in the body.
    @Test func aPageHeaderNamingItsCopyIsFurniture() throws {
        let end = { (s: String) in PageFurniture.pageHeaderEnd(self.bytes(s)).map { self.bytes(s)[$0...].trimmed.string } }
        #expect(end("PAGE 03 RUEHFRA2440 C O N F I D E N T I A L PARIS 002440") == "")
        #expect(end("PAGE 05 RUEHFRA2440 C O N F I D E N T I A L PARIS 002440 THE U.S. TO CONTINUE") == "THE U.S. TO CONTINUE")
        #expect(end("PAGE 3 OF THE REPORT SAYS THAT THE MINISTER TOLD THE PRESS ABOUT RUEHFRA2440") == nil)
        let text = """
        C O N F I D E N T I A L PARIS 002440

        E.O. 12958: DECL: 06/08/2017
        TAGS: PREL, FR, IR, IZ
        SUBJECT: FRENCH VIEWS ON IRAN AND IRAQ

        ¶1. (C) SUMMARY: FRANCK GELLET, FRENCH DAS-EQUIVALENT FOR THE
        PAGE 02 RUEHFRA2440 C O N F I D E N T I A L PARIS 002440
        PERSIAN GULF, SHARED HIS VIEWS ON IRAN AND IRAQ ON JUNE 7.


        PAGE 03 RUEHFRA2440 C O N F I D E N T I A L PARIS 002440

        ¶2. (C) GELLET SAID HIS OWN VIEW DIFFERED.
        """
        let cable = try CableReader.read(Array(text.utf8), fileName: "07PARIS2440.txt")
        #expect(!cable.body.contains("RUEHFRA"))
        #expect(cable.body.contains("FOR THE PERSIAN GULF, SHARED"))
    }

    /// 06BRASILIA1859 and 74 other sample cables (111 breaks): a later page's marker stands between blank lines, and
    /// the sentence it breaks was two paragraphs ("… the Brazilian economy" | "which Lula's government …"). The
    /// blank lines go with the marker when the sentence runs on; a paragraph that ended before the page break, and
    /// the first page's marker above the header's last lines, keep theirs.
    @Test func aSentenceBrokenByAMarkerBetweenBlankLinesIsOne() throws {
        let text = """
        C O N F I D E N T I A L SECTION 01 OF 02 BRASILIA 001859

        SIPDIS

        E.O. 12958: DECL: 09/01/2016
        TAGS: PREL, BR
        SUBJECT: LULA'S SECOND TERM
        REF: BRASILIA 1700

        BRASILIA 00001859  001.2 OF 002


        Classified By: Ambassador Clifford Sobel, reasons 1.4 (b) and (d)

        ¶1. (C) Paulson's visit will focus on more of the micro
        details of the Brazilian economy

        BRASILIA 00001859  002 OF 002


        which Lula's government says would be its focus.

        ¶2. (C) The second paragraph ends here.

        BRASILIA 00001859  002 OF 002

        The third paragraph is no part of it.
        """
        let cable = try CableReader.read(Array(text.utf8), fileName: "06BRASILIA1859.txt")
        #expect(cable.body.contains("micro details of the Brazilian economy which Lula's government says would be its focus."), "\(cable.body)")
        #expect(cable.body.contains("ends here.\n\nThe third paragraph"), "\(cable.body)")
        #expect(cable.classifiedBy == "Clifford Sobel")
        #expect(cable.referenceLine == "BRASILIA 1700")
        #expect(PageFurniture.markerSerial(1859) == Array("00001859".utf8))
        #expect(PageFurniture.markerSerial(123_456_789) == nil)
        #expect(TelegramLayout.isLaterPage(bytes("BRASILIA 00001859  002.2 OF 004")))
        #expect(!TelegramLayout.isLaterPage(bytes("BRASILIA 00001859  001.2 OF 004")))
    }
}
