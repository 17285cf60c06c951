import Foundation
@testable import SiteBuilder
import Testing

/// A listing brought up to date from reported changes must equal a new walk of the folders, and a change
/// it cannot place must make the caller walk again.
@Suite struct CableListingTests {
    private func makeSite() throws -> String {
        let root = Temp.directory("listing")
        for (path, text) in [("2008/08A1.md", "a"), ("2008/08A1.txt", "original"), ("2008/08B2.md", "b"), ("2009/09C3.md", "c"),
                             ("2009/09C3.html", "<pre>"), ("2010/10D4.md", "d")] {
            try write(text, root + "/Content/cables/" + path)
        }
        return root
    }

    private func write(_ text: String, _ path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func summary(_ listing: CableListing) -> [String] {
        listing.entries.map { "\($0.path) \($0.originalSuffix ?? "-") \($0.stamp?.size ?? -1) \($0.originalStamp?.size ?? -1)" }
    }

    @Test func eachFileIsPairedWithTheOriginalBesideIt() throws {
        let root = Temp.directory("listing-pairs")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/Content/cables/2008/"
        // .txt before .html; only `<id>.txt` or `<id>.html`, not a longer name, a name that shares the stem, or a folder
        for name in ["A.md", "A.html", "A.txt", "B.md", "B.html", "C.md", "D.md", "D.md.txt", "D.notes", "E.md", "E.a", "E.b", "E.txt",
                     "F.md", "F.txt.bak", "FF.txt", "G.md", "G.html.txt", ".H.txt", "H.md", "I.txt", "I.md"] {
            try write(name, folder + name)
        }
        try FileManager.default.createDirectory(atPath: folder + "C.txt", withIntermediateDirectories: true)
        let pairs = ContentLoader(root: root).listing().entries.map { "\($0.path.split(separator: "/").last!) \($0.originalSuffix ?? "-")" }
        #expect(pairs == ["A.md .txt", "B.md .html", "C.md -", "D.md -", "E.md .txt", "F.md -", "G.md -", "H.md -", "I.md .txt"])
    }

    @Test func updatesEqualANewWalk() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loader = ContentLoader(root: root)
        var listing = loader.listing()
        #expect(listing.entries.count == 4)

        // an edit, a new cable between two others, a removal, an original added and one removed
        try write("a longer text", root + "/Content/cables/2008/08A1.md")
        try write("new", root + "/Content/cables/2008/08A5.md")
        try write("new original", root + "/Content/cables/2008/08A5.txt")
        try FileManager.default.removeItem(atPath: root + "/Content/cables/2008/08B2.md")
        try write("now with an original", root + "/Content/cables/2010/10D4.txt")
        try FileManager.default.removeItem(atPath: root + "/Content/cables/2009/09C3.html")
        let changes: Set<String> = ["Content/cables/2008/08A1.md", "Content/cables/2008/08A5.md", "Content/cables/2008/08A5.txt",
                                    "Content/cables/2008/08B2.md", "./Content/cables/2010/10D4.txt", "Content/cables/2009/09C3.html",
                                    "Content/site.yml", "Themes/default/templates/cable.mustache"]
        let updated = try #require(listing.updated(with: changes, root: root))
        #expect(summary(updated) == summary(loader.listing()))
        #expect(updated.files == ["Content/cables/2008/08A1.md", "Content/cables/2008/08A5.md", "Content/cables/2009/09C3.md", "Content/cables/2010/10D4.md"])
        listing = updated

        // nothing reported: nothing restated
        #expect(listing.updated(with: [], root: root).map(summary) == summary(listing))
    }

    @Test func changesItCannotPlaceNeedAWalk() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let listing = ContentLoader(root: root).listing()
        try FileManager.default.createDirectory(atPath: root + "/Content/cables/2011", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/Content/cables/2012.md", withIntermediateDirectories: true)
        for change in ["Content/cables/2011", "Content/cables/2012.md", "Content/cables", "Content", ".", "Content/cables/2008/notes.pdf"] {
            #expect(listing.updated(with: [change], root: root) == nil, "\(change)")
        }
    }

    /// The preview server's session: reported changes are taken in, unreported ones are not looked for,
    /// and `changedUnknown` walks again.
    @Test func aSessionWalksOnlyWhenItMust() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loader = ContentLoader(root: root)
        let session = BuildSession()
        #expect(session.listing(loader).entries.count == 4)
        try write("new", root + "/Content/cables/2008/08A5.md")
        session.changed(["Content/cables/2008/08A5.md"])
        #expect(session.listing(loader).entries.count == 5)
        try write("unreported", root + "/Content/cables/2008/08A6.md")
        #expect(session.listing(loader).entries.count == 5, "an unreported change is not looked for")
        session.changedUnknown()
        #expect(session.listing(loader).entries.count == 6)
    }
}
