import Foundation
import Testing
import SiteBuilder

/// What `chancery check` says of the content: front matter it cannot read, keys that are not part of the
/// format, references to cables it holds but could not read.
@Suite struct ContentCheckTests {
    /// The findings of `chancery check` on a site, as the command line prints them.
    static func findings(_ site: SiteFixture) -> [String] {
        SiteCheck(root: site.root, output: site.output).run().findings.map(\.description)
    }

    /// 07MADRID1722.md is there but has a bad date: a cable citing it is told so, not that the archive does
    /// not hold it (it said "reference 07MADRID1722 is not in this archive").
    @Test func aReferenceToACableWithErrorsSaysItCouldNotBeRead() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Content/cables/2007/07MADRID1722.md --
            ---
            id: "07MADRID1722"
            title: "CITED"
            date: 2007-13-45T10:00:00Z
            origin: Embassy Madrid
            ---

            ¶1. (U) Cited.
            -- Content/cables/2007/07MADRID1805.md --
            ---
            id: "07MADRID1805"
            title: "CITING"
            date: 2007-10-01T10:00:00Z
            origin: Embassy Madrid
            references: [07MADRID1722, 07MADRID9999]
            ---

            ¶1. (U) Citing.
            """)
        let lines = Self.findings(site)
        #expect(lines.contains { $0.hasPrefix("Content/cables/2007/07MADRID1722.md:4: error: 'date' must be") }, "\(lines)")
        #expect(lines.contains("Content/cables/2007/07MADRID1805.md:6: warning: reference 07MADRID1722 could not be read: its file Content/cables/2007/07MADRID1722.md has errors"),
                "\(lines)")
        #expect(!lines.contains { $0.contains("reference 07MADRID1722 is not in this archive") }, "\(lines)")
        // a cable that is not there at all is still absent
        #expect(lines.contains("Content/cables/2007/07MADRID1805.md:6: warning: reference 07MADRID9999 is not in this archive"), "\(lines)")
    }

    /// `orign: Embassy Madrid` left the cable without a post and out of its post's index, and neither build
    /// nor check said a word. Check names every key that is not part of the format (the build ignores them,
    /// so a site may keep its own), with the key it is close to.
    @Test func keysThatAreNotPartOfTheFormatAreNamedByCheck() throws {
        let site = try SiteFixture(ReadingRoom.site + """

            -- Content/cables/2009/09MADRID59.md --
            ---
            id: "09MADRID59"
            title: "MISSPELT"
            date: 2009-01-23T10:00:00Z
            orign: Embassy Madrid
            box: 12
            ---

            ¶1. (U) Text.
            -- Content/pages/methods.md --
            ---
            title: Methods
            menue: Methods
            ---

            How the archive was made.
            """)
        // the build is not failed, nor even warned: the keys may be the site's own
        #expect(!site.report.failed, "\(site.errorLines)")
        #expect(!site.errorLines.contains { $0.contains("unknown key") }, "\(site.errorLines)")
        let lines = Self.findings(site)
        #expect(lines.contains("Content/cables/2009/09MADRID59.md:5: warning: unknown key 'orign' (did you mean 'origin'?): it is not part of the content format and is ignored"), "\(lines)")
        #expect(lines.contains("Content/cables/2009/09MADRID59.md:6: warning: unknown key 'box': it is not part of the content format and is ignored"), "\(lines)")
        #expect(lines.contains("Content/pages/methods.md:3: warning: unknown key 'menue' (did you mean 'menu'?): it is not part of the content format and is ignored"), "\(lines)")
        // the sample reading room itself has none
        let clean = try SiteFixture(ReadingRoom.site)
        #expect(!Self.findings(clean).contains { $0.contains("unknown key") })
    }

    /// `Embassy Madrid` and `embassy madrid` are two posts (each with its index, at its own address): check
    /// tells the cables of the rarer spelling.
    @Test func spellingsOfAPostThatDifferOnlyInCaseAreWarnings() throws {
        let site = try SiteFixture(ReadingRoom.site + ReadingRoom.twoSpellingsOfMadrid)
        let lines = Self.findings(site).filter { $0.contains("only in case") }
        #expect(lines == ["Content/cables/2009/09MADRID59.md:5: warning: origin 'embassy madrid' differs from 'Embassy Madrid' (1 cable) only in case: they are two posts, each with an index of its own"],
                "\(lines)")
    }
}
