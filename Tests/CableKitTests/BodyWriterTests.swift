import Testing
@testable import CableKit

/// Markdown blocks from a cable body's lines: the rules that frame and underline headings.
@Suite struct BodyWriterTests {
    private func markdown(_ lines: [String]) -> String { BodyWriter.markdown(lines: lines).markdown }

    /// Cablegate's long rules come split at the 45th dash (`--------------------------------------------- ---`), or
    /// run on after the heading on its line; neither is left in the text, and the heading is one.
    @Test func splitAndRunOnRulesUnderlineHeadings() {
        let split = markdown([
            "1. (C) The first paragraph.", "",
            "Industry: Interference Common, Paranoia Driving PRC Policy",
            "--------------------------------------------- -------------", "",
            "2. (C) The second paragraph.",
        ])
        #expect(split.contains("\n\n## Industry: Interference Common, Paranoia Driving PRC Policy\n\n¶2."))
        #expect(!split.contains("---"))

        let runOn = markdown([
            "1. (C) The first paragraph.", "",
            "PALOCCI'S ECONOMIC MESSAGE: CREDIT, CREDIT, CREDIT --------------------------------------------- ------", "",
            "2. (C) The second paragraph.", "",
            "RELATIONSHIP OFF ON THE RIGHT FOOT ----------------------------------", "",
            "3. (C) The third paragraph.",
        ])
        #expect(runOn.contains("## PALOCCI'S ECONOMIC MESSAGE: CREDIT, CREDIT, CREDIT\n"))
        #expect(runOn.contains("## RELATIONSHIP OFF ON THE RIGHT FOOT\n"))
        #expect(!runOn.contains("---"))
    }

    /// An underlined line is a heading even in sentence case or ending with an abbreviation (10STATE18437's
    /// "Ready to Assist with Detainee" stayed text beside its two title-case siblings); a line standing alone
    /// still needs title case, and a sentence under a rule stays one.
    @Test func underlinedLinesAreHeadingsOnLessEvidence() {
        let text = markdown([
            "1. (C) First.", "", "Ready to Assist with Detainee", "-----------------------------", "",
            "2. (C) Second.", "", "DISAGREEING WITH VERSUS UNDERCUTTING THE U.S.", "---------------------------------------------", "",
            "3. (C) Third.", "", "Trade and the Border: Vital Links for Canada --------------------------------------------", "",
            "4. (C) Fourth.", "", "We met him on Tuesday.", "----------", "", "5. (C) Fifth.", "", "Ready to assist with a detainee", "",
            "6. (C) Sixth.",
        ])
        #expect(text.contains("\n## Ready to Assist with Detainee\n") && text.contains("\n## DISAGREEING WITH VERSUS UNDERCUTTING THE U.S.\n"), "\(text)")
        #expect(text.contains("\n## Trade and the Border: Vital Links for Canada\n"), "\(text)")
        #expect(text.contains("\nWe met him on Tuesday.\n") && text.contains("\nReady to assist with a detainee\n"), "\(text)")
    }

    /// A day, a paragraph reference or a year a line break put at a line's start (Cablegate's text made `¶16.`
    /// of it) goes on with its sentence: 09TELAVIV2777's "¶16. Netanyahu was joined" was a paragraph 16 between
    /// ¶2 and ¶3, 08MADRID1092's summary ended "celebrated September", and "in ¶1990." kept its pilcrow.
    @Test func aNumberWrappedToALinesStartGoesOnWithItsSentence() {
        let text = markdown([
            "¶2. (U) PolCouns met with Prime Minister Netanyahu November", "¶16.  Netanyahu was joined by an adviser, as noted in paragraph",
            "3. The meeting ended in", "¶1990. style.", "",
            "¶3. (C) Next.", "", "¶4. A paragraph without a marking.",
        ])
        #expect(text.contains("¶2. (U) PolCouns met with Prime Minister Netanyahu November 16.  Netanyahu was joined by an adviser, as noted in paragraph 3. The meeting ended in 1990. style.\n"), "\(text)")
        #expect(text.contains("\n\n¶3. (C) Next.\n\n¶4. A paragraph without a marking.\n"), "\(text)")
        // a real paragraph after a month's name at a line's end keeps its number: it has a marking
        let real = markdown(["¶1. (C) They met in May", "¶2. (C) Then they parted."])
        #expect(real.contains("May\n\n¶2. (C) Then"), "\(real)")
        #expect(!Paragraphs.isWrappedNumber(ArraySlice("¶40. Text".utf8), after: ArraySlice("in May".utf8)), "no day 40")
    }

    /// A dash a line break put at a line's start, mid-sentence, is the sentence's (08BUENOSAIRES235's summary ended
    /// "we have an opportunity", followed by a list item "again -- to build …"); a list after an intro, a heading or
    /// a marking stays a list.
    @Test func aDashWrappedToALinesStartGoesOnWithItsSentence() {
        let text = markdown([
            "¶1. (C) Summary: With a period of estrangement behind us, we have an opportunity", "-- again -- to build a relationship.", "",
            "¶2. (C) KEY POINTS", "-- (S) The King welcomed the adviser.", "", "Medium Term", "-- Draft Ordinance: get agreement.", "",
            "¶3. (C) The items are", "-- first, then", "-- second.",
        ])
        #expect(text.contains("we have an opportunity -- again -- to build a relationship.\n"), "\(text)")
        #expect(text.contains("KEY POINTS\n\n- (S) The King") && text.contains("- Draft Ordinance: get agreement."), "\(text)")
        // a lower-case item after a line of the same list item stays an item
        #expect(text.contains("- second."), "\(text)")
    }

    /// A spaced rule (`- - - - -`) is a rule, not a list of empty items; short dashes in text are no rule.
    @Test func spacedRulesAreRulesAndDashesInTextStay() {
        let spaced = markdown(["Rampant Abuses, including Torture,", "Disappearances, and Murder", "- - - - - - - - - - - - - - -", "", "2. (U) Text."])
        #expect(!spaced.contains("\n- \n") && !spaced.hasPrefix("- "))
        #expect(BodyWriter.isRule(ArraySlice("--------------------------------------------- --".utf8)))
        #expect(!BodyWriter.isRule(ArraySlice("-- --".utf8)))
        #expect(!BodyWriter.isRule(ArraySlice("-- text --".utf8)))
        #expect(BodyWriter.textBeforeTrailingRule(ArraySlice("the talks -- and the rest".utf8)) == nil)
        #expect(BodyWriter.textBeforeTrailingRule(ArraySlice("a range of 1990 -- 2000".utf8)) == nil)
        #expect(markdown(["2. (C) The talks ended -- for now -- on Friday."]).contains("-- for now -- on Friday."))
    }

    /// A redaction standing alone is no heading, above a rule or between paragraphs.
    @Test func aRedactionAloneIsNoHeading() {
        let out = markdown(["1. (C) First.", "", "XXXXXXXXXXXX", "", "2. (C) Second.", "", "XXXXXXXXXXXX", "========", "U.S.-SPAIN RELATIONS", "========", "", "3. (C) Third."])
        #expect(!out.contains("## XXXX"))
        #expect(out.contains("\n\nXXXXXXXXXXXX\n\n¶2."))
        #expect(out.contains("## U.S.-SPAIN RELATIONS"))
        #expect(markdown(["1. (C) First.", "", "XXXXXXXXXXXX Private Plea", "", "2. (C) Second."]).contains("## XXXXXXXXXXXX Private Plea"))
    }

    /// A date stamped on a scan (`DEC 9 1977`, or as OCR read it, `pec. 9 1977`) is no heading; a heading opening
    /// with a redacted name in lower case still is, and so is one with a number (`PART 2`).
    @Test func aStampedDateIsNoHeading() {
        #expect(!markdown(["1. (C) First.", "", "pec. 9 1977", "", "O.RONM."]).contains("## "))
        #expect(!markdown(["1. (C) First.", "", "DEC 9 1977", "", "BREWSTER"]).contains("## "))
        #expect(markdown(["1. (C) First.", "", "xxxxxxxxxxxx Private Plea on IRGC Designation", "", "2. (C) Second."])
            .contains("## xxxxxxxxxxxx Private Plea on IRGC Designation\n"))
        #expect(markdown(["1. (C) First.", "", "PART 2", "", "2. (C) Second."]).contains("## PART 2\n"))
    }

    /// In text read from a scan, a heading is made of words: 62BRUSSELS250's routing line and handling note and
    /// 78LONDON3364's signature read through a speck (`EREWSTER ’`) were headings. Telegram text is read as before.
    @Test func aScannedPagesHeadingsAreWords() {
        func headings(_ lines: [String], ocr: Bool) -> [String] {
            let slices = lines.map { ArraySlice(Array($0.utf8)) }
            return BodyWriter.split(slices, ocr: ocr).filter { $0.kind == .heading }.map { slices[$0.range.lowerBound].string }
        }
        let noise = ["ACTION DEPARTMENT 250-USUN .89- LEOPOLDYILLE..80- GENEVA: NIACT : 16", "Note: Advance copies to AF and SS 8-11-62 CWO-M",
                     "EREWSTER ’"]
        for line in noise {
            #expect(headings(["1. First.", "", line, "", "2. Second."], ocr: true).isEmpty, "\(line)")
            #expect(headings(["1. First.", "", line, "-----", "2. Second."], ocr: true).isEmpty, "\(line)")
        }
        for line in ["BACKGROUND", "Talking Points", "U.S.-SPAIN RELATIONS:", "THE BUDGET FOR 1997", "Q & A", "Canada’s Role", "(C) COMMENT"] {
            #expect(headings(["1. First.", "", line, "", "2. Second."], ocr: true) == [line])
        }
        #expect(headings(["1. First.", "", "Note: Advance copies to AF and SS 8-11-62 CWO-M", "", "2. Second."], ocr: false).count == 1)
    }
}
