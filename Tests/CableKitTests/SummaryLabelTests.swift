import Testing
@testable import CableKit

/// A summary opening with a longer label (`Summary and Comment:`) is the text after the label, not `and Comment:
/// Argentina's…` (seven of the sample's cables had their summary start so).
struct SummaryLabelTests {
    private func tail(_ s: String) -> String { String(decoding: SummaryFinder.labelTail(ArraySlice(Array(s.utf8))), as: UTF8.self) }

    @Test func theLabelsWordsAreSkipped() {
        #expect(tail(" and Comment: Argentina's President") == " Argentina's President")
        #expect(tail(" and Action Request. The UK Ministry") == " The UK Ministry")
        #expect(tail(" AND INTRODUCTION: In his January 12 meeting") == " In his January 12 meeting")
        #expect(tail(" and comment.  On November 13") == "  On November 13")
        #expect(tail(" and Key Points. During a series") == " During a series")
        #expect(tail(" and Comment -- The minister") == "- The minister")
        #expect(tail(" and Comment - The minister") == " The minister")
        #expect(tail(" & COMMENT:  Netherlands Ambassador") == "  Netherlands Ambassador")
    }

    @Test func whatIsNoLabelStays() {
        for s in [": The minister said", " and the minister's words, in short: nothing", " and. Then", " of the meeting follows.", " & the rest"] {
            #expect(tail(s) == s, "\(s)")
        }
    }

    @Test func theSampleCablesReadAfterTheLabel() throws {
        let text = """
            P 241125Z JAN 10
            FM AMEMBASSY KUWAIT
            TO RUEHC/SECSTATE WASHDC PRIORITY 4460

            S E C R E T KUWAIT 000045

            E.O. 12958: DECL: 01/25/2020
            TAGS: KTFN PTER PGOV EFIN KU
            SUBJECT: TREASURY A/S COHEN REQUESTS CONTINUED TF COOPERATION

            Classified By: Economic Counselor Oliver John for reasons 1.4 (b), (d).

            ¶1. (C) Summary and Key Points. During a series of meetings on
            January 13 in Kuwait, Treasury A/S Cohen urged the government to act.

            ¶2. (C) More text.
            """
        let cable = try CableReader.read(Array(text.utf8), fileName: "10KUWAIT45.txt")
        #expect(cable.summary == "During a series of meetings on January 13 in Kuwait, Treasury A/S Cohen urged the government to act.")
    }

    private func summary(_ paragraph: String) throws -> String? {
        let text = """
            C O N F I D E N T I A L MADRID 000527

            E.O. 12958: DECL: 05/06/2019
            TAGS: PREL, SP
            SUBJECT: A DAY OF TALKS

            \(paragraph)

            ¶2. (C) More text.
            """
        return try CableReader.read(Array(text.utf8), fileName: "09MADRID527.txt").summary
    }

    /// 238 of the sample's 244 summaries ended without their stop: "… The discussions lasted the full day.  End
    /// Summary." gave "… lasted the full day". Only the marker goes; a summary the source ends without a stop stays so.
    @Test func theSummaryKeepsItsLastStop() throws {
        let opening = "¶1. (C) Summary: The two delegations met in Madrid on May 5 to review the agenda."
        #expect(try summary(opening + " The discussions lasted the full day.  End Summary.")
            == "The two delegations met in Madrid on May 5 to review the agenda. The discussions lasted the full day.")
        #expect(try summary(opening + " (End Summary)") == "The two delegations met in Madrid on May 5 to review the agenda.")
        #expect(try summary(opening + " -- End Summary.") == "The two delegations met in Madrid on May 5 to review the agenda.")
        #expect(try summary(opening + " END SUMMARY AND COMMENT.") == "The two delegations met in Madrid on May 5 to review the agenda.")
        #expect(try summary("¶1. (C) Summary: The delegations met in Madrid on May 5 to review the agenda END SUMMARY.")
            == "The delegations met in Madrid on May 5 to review the agenda")
        // an abbreviation's stop is no marker's either
        #expect(try summary("¶1. (C) Summary: The delegations met in Madrid on May 5 to talk to the U.S.  End Summary.")
            == "The delegations met in Madrid on May 5 to talk to the U.S.")
        // the paragraph ends with no marker
        #expect(try summary(opening) == "The two delegations met in Madrid on May 5 to review the agenda.")
        // a line break parted "End" from its "Summary" (09ISLAMABAD1119: "… spare parts. End" | "Summary and Action Request.")
        #expect(try summary(opening + " End") == "The two delegations met in Madrid on May 5 to review the agenda.")
        #expect(try summary("¶1. (C) Summary: The delegations met in Madrid on May 5 and agreed on the end") == "The delegations met in Madrid on May 5 and agreed on the end")
    }
}
