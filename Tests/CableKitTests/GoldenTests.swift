import Foundation
import Testing
@testable import CableKit

/// Telegram → Markdown conversion checked against reviewed golden files in `Golden/telegram/`.
/// Re-record after an intended change with `RECORD_GOLDEN=1 swift test --filter GoldenTests`, then review
/// the diff (`git diff Tests/CableKitTests/Golden`) before committing.
@Suite struct GoldenTests {
    /// Cables chosen for their layouts: routing header with ¶ paragraphs (seed), a partial extract, a
    /// printout with PAGE headers and repeated section headers, dashed headings, a 1972 telegram, an
    /// UNCLAS SENSITIVE cable, a WikiLeaks page, a cable with redactions and lists.
    static let cases: [(source: String, name: String)] = [
        ("seeds/004_3cf85b5abb626903.txt", "08STATE37957"),
        ("cablegate/04MADRID527.txt", "04MADRID527"),
        ("cablegate/00HARARE6677.txt", "00HARARE6677"),
        ("cablegate/72TEHRAN1164.txt", "72TEHRAN1164"),
        ("cablegate/09MOSCOW2366.txt", "09MOSCOW2366"),
        ("cablegate/10BOGOTA243.txt", "10BOGOTA243"),
        ("cablegate/09UNVIEVIENNA540.html", "09UNVIEVIENNA540"),
        ("cablegate/03ABUDHABI2641.txt", "03ABUDHABI2641"),
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/telegram")

    @Test(arguments: cases.map(\.source))
    func markdownMatchesGolden(_ source: String) throws {
        let name = Self.cases.first { $0.source == source }!.name
        let bytes = try SharedCorpus.bytes(source)
        var cable = try CableReader.read(bytes, fileName: (source as NSString).lastPathComponent)
        cable.source.file = (source as NSString).lastPathComponent
        let document = FrontMatterWriter.document(cable)
        let url = Self.folder.appendingPathComponent("\(name).md")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try document.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        if document != golden {
            let (line, want, got) = Self.firstDifference(golden, document)
            Issue.record("\(name).md differs from the golden file at line \(line):\n  golden: \(want)\n  now:    \(got)\n(re-record with RECORD_GOLDEN=1 and review the diff)")
        }
    }

    static func firstDifference(_ a: String, _ b: String) -> (Int, String, String) {
        let la = a.split(separator: "\n", omittingEmptySubsequences: false), lb = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(la.count, lb.count) {
            let x = i < la.count ? String(la[i]) : "<end>", y = i < lb.count ? String(lb[i]) : "<end>"
            if x != y { return (i + 1, x, y) }
        }
        return (0, "", "")
    }
}
