import Foundation
import Testing
@testable import CableKit

/// A Cablegate page saved as text by a browser (or selected and pasted): made here from the fixtures' pages,
/// with the table's cells one to a line, or a row's cells separated by tabs.
@Suite struct CableViewerTextTests {
    static func savedAsText(_ html: String, cellsOnLines: Bool) -> String {
        var t = html
        for (pattern, replacement) in [("(?s)<script.*?</script>", ""), ("(?s)<head>.*?</head>", "Cable Viewer\n"),
                                       ("<br\\s*/?>", "\n"), ("</(div|tr|h3|pre|p|table)>", "\n"),
                                       ("</t[hd]>", cellsOnLines ? "\n" : "\t"), ("<[^>]+>", "")] {
            t = t.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        for (entity, character) in [("&#x000A;", "\n"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            t = t.replacing(entity, with: character)
        }
        return t
    }

    @Test("a Cable Viewer page saved as text reads as the page", arguments: [true, false])
    func sameAsPage(_ cellsOnLines: Bool) throws {
        let pages = try FileManager.default.contentsOfDirectory(atPath: SharedCorpus.cablegate.path).filter { $0.hasSuffix(".html") }.sorted()
        #expect(!pages.isEmpty)
        for name in pages {
            let html = try SharedCorpus.text("cablegate/" + name)
            let text = Self.savedAsText(html, cellsOnLines: cellsOnLines)
            var want = try CableReader.read(Array(html.utf8), fileName: name)
            var got = try CableReader.read(Array(text.utf8), fileName: name.replacing(".html", with: ".txt"))
            #expect(got.source.format == .telegram)
            want.source = SourceInfo(); got.source = SourceInfo()
            #expect(got == want, "\(name) saved as text (cells on lines: \(cellsOnLines))")
        }
    }

    @Test("a Cable Viewer text without its table is an error that says so")
    func withoutTable() throws {
        let text = "Cable Viewer\n\nCurrently released so far... 1295 / 251,287\n\nBrowse latest releases\n"
        #expect(throws: CableReader.Failure(line: 1, message: "a WikiLeaks Cable Viewer page saved as text, but its table (Reference ID, Created, Released, Classification, Origin) was not found; import the page itself (.html)")) {
            try CableReader.read(Array(text.utf8), fileName: "09STATE1.txt")
        }
    }
}
