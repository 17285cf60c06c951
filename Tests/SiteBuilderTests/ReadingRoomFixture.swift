/// A small reading room exercising every page kind: nine cables from four posts over two years, tagged
/// so that PREL spans two index pages of five, with references in both directions, a reference to a
/// cable the archive does not hold, an unknown tag, an original beside a cable, a free page, and titles
/// that need escaping in HTML, JSON, XML and CSV.
///
/// In date order: 07BAGHDAD4000, 08STATE30000, 08ISLAMABAD1000, 08STATE37957, 08STATE40000,
/// 08ISLAMABAD1100, 08LAHORE300, 08ISLAMABAD1200, 08BAGHDAD500.
enum ReadingRoom {
    /// Ids in date order.
    static let ids = ["07BAGHDAD4000", "08STATE30000", "08ISLAMABAD1000", "08STATE37957", "08STATE40000",
                      "08ISLAMABAD1100", "08LAHORE300", "08ISLAMABAD1200", "08BAGHDAD500"]

    static let original = """
        SECRET STATE 037957

        SIPDIS

        E.O. 12958: DECL: 04/10/2018
        TAGS: KNNP, MNUC, PARM, PK, PREL
        SUBJECT: POSSIBLE RELEASE OF A.Q. KHAN
        """

    static let siteYML = """
        -- Content/site.yml --
        title: Test Reading Room
        description: Cables for the tests.
        base_url: https://example.org
        language: en
        theme: default
        page_size: 5
        """

    static let cables = """
        -- Content/cables/2008/08STATE37957.md --
        ---
        id: "08STATE37957"
        title: "POSSIBLE RELEASE OF A.Q. KHAN"
        date: 2008-04-10T22:26:00Z
        date_estimated: false
        origin: Secretary of State
        classification: SECRET
        caveats: [NOFORN, SIPDIS]
        precedence: IMMEDIATE
        to: [AMEMBASSY ISLAMABAD]
        info: [AMEMBASSY LONDON]
        tags: [KNNP, MNUC, PARM, PK, PREL]
        references: [08ISLAMABAD1000, 07STATE99999]
        reference_line: "A. ISLAMABAD 1000 B. 07 STATE 99999 C. OSC SAP20080409950012 <E-MAIL> & NOTES"
        classified_by: "Richard A. Boucher"
        reasons: ["1.4(b)", "1.4(d)"]
        declassify_on: 2018-04-10
        signed_by: "RICE"
        summary: "Washington is concerned that Pakistan may release A.Q. Khan."
        partial: false
        release: null
        source:
          format: telegram
          file: "08STATE37957.txt"
        repairs: []
        ---

        ## SUMMARY

        ¶1. (C) Washington is concerned that the government of Pakistan may release A.Q. Khan.

        ¶2. (S/NF) Post should raise the matter with XXXXXXXXXXXX at once.

        ¶3. (U) No further action.

        ¶4. (S) Begin talking points.

        - We urge you not to change Dr. Khan's current status.
        -- Content/cables/2008/08STATE37957.txt --
        \(original)
        -- Content/cables/2008/08STATE30000.md --
        ---
        id: "08STATE30000"
        title: "NONPROLIFERATION DEMARCHE"
        date: 2008-03-25T12:00:00Z
        origin: Secretary of State
        classification: CONFIDENTIAL
        tags: [KNNP, PREL]
        references: []
        ---

        ¶1. (C) A demarche.
        -- Content/cables/2008/08STATE40000.md --
        ---
        id: "08STATE40000"
        title: "FOLLOW-UP ON KHAN"
        date: 2008-04-12T09:00:00Z
        origin: Secretary of State
        classification: SECRET
        tags: [KNNP, PREL]
        references: [08STATE37957]
        ---

        ¶1. (S) Follow-up.
        -- Content/cables/2008/08ISLAMABAD1000.md --
        ---
        id: "08ISLAMABAD1000"
        title: "PAKISTAN: \\"KHAN\\", AGAIN"
        date: 2008-04-02T08:15:00Z
        origin: Embassy Islamabad
        classification: CONFIDENTIAL
        tags: [PREL, PK]
        references: []
        ---

        ¶1. (C) Reports from Islamabad.
        -- Content/cables/2008/08ISLAMABAD1100.md --
        ---
        id: "08ISLAMABAD1100"
        title: "KHAN: POST RESPONSE"
        date: 2008-04-15T10:00:00Z
        origin: Embassy Islamabad
        classification: SECRET
        tags: [PREL, PGOV, PK]
        references: [08STATE37957]
        ---

        ¶1. (S) Post delivered the points in reftel.
        -- Content/cables/2008/08ISLAMABAD1200.md --
        ---
        id: "08ISLAMABAD1200"
        title: "=HYPERLINK(\\"http://example.com\\")"
        date: 2008-05-03T10:00:00Z
        origin: Embassy Islamabad
        classification: UNCLASSIFIED
        tags: [PREL, ZZQX]
        references: []
        ---

        ¶1. (U) A cable with an unknown tag.
        -- Content/cables/2008/08LAHORE300.md --
        ---
        id: "08LAHORE300"
        title: "CONCERNS ABOUT </script><script>alert(1)</script> & OTHER <TAGS>"
        date: 2008-04-20T07:00:00Z
        origin: Consulate Lahore
        classification: UNCLASSIFIED
        tags: [PREL, PK]
        references: []
        ---

        ¶1. (U) Lahore reports.
        -- Content/cables/2008/08BAGHDAD500.md --
        ---
        id: "08BAGHDAD500"
        title: "IRAQ: SECURITY UPDATE"
        date: 2008-06-01T06:00:00Z
        origin: Embassy Baghdad
        classification: SECRET
        tags: [PREL, IZ, MARR]
        references: []
        ---

        ¶1. (S) Update.
        -- Content/cables/2007/07BAGHDAD4000.md --
        ---
        id: "07BAGHDAD4000"
        title: "IRAQ: YEAR END"
        date: 2007-12-30T18:00:00Z
        origin: Embassy Baghdad
        classification: UNCLASSIFIED
        tags: [PREL, IZ]
        references: []
        ---

        ¶1. (U) Year end.
        -- Content/pages/about.md --
        ---
        title: About the test room
        menu: About
        ---

        This room exists for the **tests**. Download the [JSON](../data/cables.json). Start at [PREL](/tag/PREL/) or
        [the cable](/cable/2008/04/08STATE37957/#p2).
        """

    static var site: String { siteYML + "\n" + cables }

    /// Two cables of Embassy Madrid, one with the post spelt in small letters (`embassy madrid`): two posts,
    /// each with its own address and index.
    static let twoSpellingsOfMadrid = """

        -- Content/cables/2009/09MADRID59.md --
        ---
        id: "09MADRID59"
        title: "LOWER CASE"
        date: 2009-01-23T10:00:00Z
        origin: embassy madrid
        ---

        ¶1. (U) Text.
        -- Content/cables/2009/09MADRID97.md --
        ---
        id: "09MADRID97"
        title: "AS THE DIRECTORY SPELLS IT"
        date: 2009-02-03T10:00:00Z
        origin: Embassy Madrid
        ---

        ¶1. (U) Text.
        """
}
