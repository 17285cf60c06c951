import Foundation
import SiteBuilder
import Testing

/// The picture a shared link shows (`og:image`): the default theme's card, site.yml's `image`, or none.
@Suite struct ShareImageTests {
    static let page = "cable/2008/04/08STATE37957/index.html"

    @Test func theDefaultThemesCardIsEveryPagesImage() throws {
        let site = SiteFixture.readingRoom
        for path in [Self.page, "index.html", "tag/PREL/index.html"] {
            site.assertFileContent(path, contains: [
                "<meta property=\"og:image\" content=\"https://example.org/assets/card.png\">",
                "<meta property=\"og:image:alt\" content=\"Test Reading Room\">",
                "<meta name=\"twitter:card\" content=\"summary_large_image\">",
            ])
        }
        // a 1,200 × 630 PNG, published with the theme's assets
        let png = try #require(FileManager.default.contents(atPath: site.output + "/assets/card.png"))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let size = png.subdata(in: 16..<24).map { UInt32($0) }
        #expect((size[0] << 24 | size[1] << 16 | size[2] << 8 | size[3], size[4] << 24 | size[5] << 16 | size[6] << 8 | size[7]) == (1200, 630))
    }

    @Test func siteYMLNamesAnotherImage() throws {
        let url = try SiteFixture(ReadingRoom.siteYML + "\nimage: https://cdn.example.net/share.png\n" + ReadingRoom.cables)
        url.assertFileContent(Self.page, contains: ["<meta property=\"og:image\" content=\"https://cdn.example.net/share.png\">"],
                              notContains: ["assets/card.png"])
        #expect(url.report.warnings.isEmpty, "\(url.report.warnings)")

        // a path in the site, under a base path; an asset the theme does not hold is a warning naming the line
        let path = try SiteFixture(ReadingRoom.siteYML.replacingOccurrences(of: "base_url: https://example.org", with: "base_url: https://example.org/archive")
                                   + "\nimage: /assets/share.png\n" + ReadingRoom.cables)
        path.assertFileContent(Self.page, contains: ["<meta property=\"og:image\" content=\"https://example.org/archive/assets/share.png\">"])
        let warnings = path.report.warnings.map(\.description)
        #expect(warnings.contains { $0.hasPrefix("Content/site.yml:7: warning: 'image' names assets/share.png, which the theme's assets do not hold") },
                "\(warnings)")
        #expect(!path.report.failed)
    }

    @Test("a path in the site is percent-encoded as a URL path: a letter beyond ASCII, '#', '?'; an escape already written is kept")
    func imagePathsAreEncoded() throws {
        #expect(SiteURLs.pathValue("assets/carte-é.png") == "assets/carte-%C3%A9.png")
        #expect(SiteURLs.pathValue("assets/a#1?.png") == "assets/a%231%3F.png")
        #expect(SiteURLs.pathValue("assets/my%20card.png") == "assets/my%20card.png")
        #expect(SiteURLs.pathValue("assets/100%.png") == "assets/100%25.png")
        #expect(SiteURLs.pathValue("assets/card_1-b.(2)~.png") == "assets/card_1-b.(2)~.png")
        let site = try SiteFixture(ReadingRoom.siteYML + "\nimage: assets/carte-é.png\n" + ReadingRoom.cables)
        site.assertFileContent(Self.page, contains: ["<meta property=\"og:image\" content=\"https://example.org/assets/carte-%C3%A9.png\">"])
    }

    @Test func aThemeWithoutACardGivesNoImage() throws {
        let site = try SiteFixture(ReadingRoom.site, build: false)
        try FileManager.default.removeItem(atPath: site.root + "/Themes/default/assets/card.png")
        _ = site.build()
        site.assertFileContent(Self.page, contains: ["<meta property=\"og:url\""], notContains: ["og:image", "twitter:card"])
    }

    @Test func imageValuesAreChecked() throws {
        #expect(try SiteConfig.parse("image: /assets/share.png\n", path: "Content/site.yml").image == "assets/share.png")
        #expect(try SiteConfig.parse("image: https://cdn.example.net/a.png\n", path: "Content/site.yml").image == "https://cdn.example.net/a.png")
        #expect(try SiteConfig.parse("title: T\n", path: "Content/site.yml").image == nil)
        for bad in ["../secret.png", "assets/../../x.png", "\"a b.png\"", "ftp://example.org/a.png", "https://", "http://", "\"/\""] {
            #expect(throws: BuildError.self, "\(bad)") { try SiteConfig.parse("title: T\nimage: \(bad)\n", path: "Content/site.yml") }
            do { _ = try SiteConfig.parse("title: T\nimage: \(bad)\n", path: "Content/site.yml") } catch {
                #expect(error.description.hasPrefix("Content/site.yml:2: error: 'image' must be a path in the site"), "\(error)")
            }
        }
    }
}
