import Foundation
import Testing
@testable import CableKit

/// Scores the parser against WikiLeaks' own metadata for the shared sample, field by field, exactly as
/// `../shared/bench/accuracy.py` does, and fails below the bars of the import issue.
@Suite struct AccuracyTests {
    static let bars: [(String, Double)] = [
        ("id", 99.5), ("date", 99.0), ("classification", 98.5), ("origin", 98.0),
        ("tags recall", 98.0), ("tags exact", 93.0), ("subject", 97.5),
    ]

    @Test func telegramTextMeetsTheBars() throws { try check(ext: "txt") }
    @Test func wikiLeaksPagesMeetTheBars() throws { try check(ext: "html") }

    /// Files are not always named by their id: read under another name, a telegram still gets its id (a
    /// "partial extract" without a date-time group dates itself by its declassification date, even on a
    /// line it shares with a routing note, and by the cables it cites). The known misses: 04OTTAWA3115,
    /// declassified after five years instead of ten, and two unclassified extracts with no date at all.
    @Test func telegramsNamedOtherwiseKeepTheirIds() throws {
        let expected = try SharedCorpus.expected()
        let unknowable: Set = ["04OTTAWA3115", "05BRASILIA1660", "05RIODEJANEIRO1238"]
        var wrong: [String] = []
        var read = 0
        for id in expected.keys.sorted() {
            let url = SharedCorpus.cablegate.appendingPathComponent("\(id).txt")
            guard let bytes = FileManager.default.contents(atPath: url.path) else { continue }
            read += 1
            do {
                let got = try CableReader.read([UInt8](bytes), fileName: "cable.txt")
                if got.id != id, !unknowable.contains(id) { wrong.append("\(id) read as \(got.id ?? "no id")") }
            } catch {
                if !unknowable.contains(id) { wrong.append("\(id) not read: \(error)") }
            }
        }
        #expect(read > 300)
        #expect(wrong.isEmpty, "\(wrong)")
    }

    private func check(ext: String) throws {
        let expected = try SharedCorpus.expected()
        let ids = expected.keys.sorted().filter {
            FileManager.default.fileExists(atPath: SharedCorpus.cablegate.appendingPathComponent("\($0).\(ext)").path)
        }
        try #require(!ids.isEmpty, "no .\(ext) files in \(SharedCorpus.cablegate.path)")
        let figures = try Self.score(ids: ids, expected: expected, ext: ext)
        let line = Self.bars.map { "\($0.0) \(String(format: "%.1f", figures[$0.0] ?? 0))%" }.joined(separator: ", ")
        print("\(ids.count) cables (.\(ext)) — \(line)")
        for (field, bar) in Self.bars {
            #expect((figures[field] ?? 0) >= bar, "\(field): \(String(format: "%.1f", figures[field] ?? 0))% is below the bar of \(bar)% (.\(ext))")
        }
    }

    static func score(ids: [String], expected: [String: [String: Any]], ext: String) throws -> [String: Double] {
        var right: [String: Int] = [:], total: [String: Int] = [:]
        func tally(_ field: String, _ ok: Bool?) {
            guard let ok else { return }
            total[field, default: 0] += 1
            if ok { right[field, default: 0] += 1 }
        }
        for id in ids {
            let want = expected[id]!
            let url = SharedCorpus.cablegate.appendingPathComponent("\(id).\(ext)")
            let got = try CableReader.read([UInt8](Data(contentsOf: url)), fileName: url.lastPathComponent)
            let text = (try? String(contentsOf: SharedCorpus.cablegate.appendingPathComponent("\(id).txt"), encoding: .utf8)) ?? ""
            tally("id", got.id == want["id"] as? String)
            if ext == "html" || text.range(of: #"\b\d{6}Z\s*[A-Za-z]{3}\s*\d{2}\b"#, options: .regularExpression) != nil {
                tally("date", got.date.map { String($0.iso8601.prefix(10)) } == (want["created"] as? String).map { String($0.prefix(10)) })
            }
            var classification = got.classification?.rawValue ?? ""
            if got.caveats.contains("NOFORN"), !classification.contains("NOFORN") { classification += "//NOFORN" }
            tally("classification", classification == want["classification"] as? String)
            tally("origin", got.origin == want["origin"] as? String)
            let wantTags = Set(want["tags"] as? [String] ?? [])
            let gotWords = words(got.tags)
            tally("tags recall", wantTags.isSubset(of: gotWords))
            tally("tags exact", wantTags == gotWords)
            if let subject = want["subject"] as? String, !subject.isEmpty {
                tally("subject", normalised(got.title ?? "").hasPrefix(normalised(subject)))
            }
        }
        var figures: [String: Double] = [:]
        for (field, count) in total {
            figures[field] = 100 * Double(right[field] ?? 0) / Double(count)
        }
        return figures
    }

    /// Tags split into words, as WikiLeaks splits person tags.
    static func words(_ tags: [String]) -> Set<String> {
        var out = Set<String>()
        for tag in tags {
            for w in tag.uppercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) || !$0.isASCII }) where w.count > 1 {
                out.insert(String(w))
            }
        }
        return out
    }

    /// Upper-cased, spacing collapsed, leading quotes and a leading marking such as "(S/NF)" removed.
    static func normalised(_ s: String) -> String {
        let quotes = Set("\"'“”‘’[(- ")
        var t = s.uppercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        t = String(t.drop(while: { quotes.contains($0) }))
        if let r = t.range(of: #"^(?:U|SBU|C|S|TS)(?:/+[A-Z ]+)?\)\s*"#, options: .regularExpression) { t.removeSubrange(r) }
        return String(t.drop(while: { quotes.contains($0) }))
    }
}
