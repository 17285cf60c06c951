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
        #expect(cable.summary == "During a series of meetings on January 13 in Kuwait, Treasury A/S Cohen urged the government to act")
    }
}
