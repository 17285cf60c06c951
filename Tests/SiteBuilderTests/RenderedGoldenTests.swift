import Foundation
import Testing

/// A few rendered pages of the fixture reading room checked against reviewed golden files in
/// `Golden/pages/`: a cable page, a tag index, the home page, a year, the Atom feed. Re-record after an
/// intended change to the theme or the renderer with `RECORD_GOLDEN=1 swift test --filter RenderedGoldenTests`
/// and review the diff (`git diff Tests/SiteBuilderTests/Golden`) before committing.
@Suite struct RenderedGoldenTests {
    static let pages = [
        "cable/2008/04/08STATE37957/index.html",
        "tag/PREL/index.html",
        "index.html",
        "date/2008/index.html",
        "feed.xml",
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/pages")

    static func goldenName(_ page: String) -> String { page.replacingOccurrences(of: "/", with: "__") }

    @Test(arguments: pages)
    func pageMatchesGolden(_ page: String) throws {
        let site = SiteFixture.readingRoom
        let html = try #require(site.text(page), "\(page) was not built")
        let url = Self.folder.appendingPathComponent(Self.goldenName(page))
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try html.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try #require(try? String(contentsOf: url, encoding: .utf8), "no golden file \(url.path): record it with RECORD_GOLDEN=1")
        if html != golden {
            let a = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let b = html.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            Issue.record("""
                \(page) differs from Golden/pages/\(Self.goldenName(page)) at line \(line + 1):
                  golden: \(line < a.count ? String(a[line]) : "(end)")
                  built:  \(line < b.count ? String(b[line]) : "(end)")
                (after an intended change: RECORD_GOLDEN=1 swift test --filter RenderedGoldenTests, then review the diff)
                """)
        }
    }
}
