import Foundation
@testable import SiteBuilder
import Testing

/// The incremental search index: after editing a few cables the build patches the published shards
/// (`SearchPatch`) instead of indexing every cable again, and the result is byte for byte a clean build's.
/// The builds run the debug binary (its `CHANCERY_SEARCH_STATS` line tells a patch from a full index; and
/// every build of one site must come from the same executable, which is part of the settings key).
@Suite struct SearchIncrementalTests {
    @Test func editingCablesPatchesTheIndexAsACleanBuildWouldWriteIt() throws {
        guard FileManager.default.isExecutableFile(atPath: Repo.debugBinary) else {
            Issue.record("\(Repo.debugBinary) is missing: run `swift build` first")
            return
        }
        let root = try SampleSite.copy(label: "search-patch")
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try build(root).contains("search: \(SampleSite.records.count) cables"))
        let before = Tree.modificationTimes(root + "/Public/search")

        // one cable: a word no other cable has goes, a new word and a sentence of common ones come
        let path = root + "/Content/cables/2008/08STATE37957.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let gone = try #require(try uniqueWord(of: path, among: root + "/Content/cables"), "no word of its own in \(path)")
        let gonePattern = try NSRegularExpression(pattern: "\\b\(gone)s?\\b", options: .caseInsensitive)
        var edited = gonePattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "Zorblaxian")
        edited += "\nThe embassy and the ministry discussed the zorblaxian question again.\n"
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        #expect(!SearchTokenizer.terms(edited).contains(gone))
        let log = try build(root)
        #expect(log.contains("search: patched 1 changed cables"), "\(log)")
        try expectSameAsCleanBuild(root)

        // only the shards of the changed terms were written
        let after = Tree.modificationTimes(root + "/Public/search")
        let shards = after.keys.filter { $0.hasPrefix("t/") }
        let rewritten = shards.filter { shard in
            guard let b = before[shard], let a = after[shard] else { return true }
            return b.tv_sec != a.tv_sec || b.tv_nsec != a.tv_nsec
        }
        #expect(!rewritten.isEmpty && rewritten.count < shards.count, "\(rewritten.count) of \(shards.count) shards rewritten")

        // a second edit patches the patched index (its saved state was updated)
        try Data((try String(contentsOfFile: path, encoding: .utf8) + "\nA further plenipotentiary note.\n").utf8).write(to: URL(fileURLWithPath: path))
        let second = root + "/" + (SampleSite.records.first { $0.id != "08STATE37957" }!.path)
        try Data((try String(contentsOfFile: second, encoding: .utf8) + "\nTHE MINISTER DECLINED TO COMMENT.\n").utf8).write(to: URL(fileURLWithPath: second))
        #expect(try build(root).contains("search: patched 2 changed cables"))
        try expectSameAsCleanBuild(root)

        // a cable fewer: the shard count and every number may change, so the index is made again
        try FileManager.default.removeItem(atPath: second)
        let log3 = try build(root)
        #expect(log3.contains("search: \(SampleSite.records.count - 1) cables"), "\(log3)")
        try expectSameAsCleanBuild(root)

        // an edit after that patches again
        try Data((try String(contentsOfFile: path, encoding: .utf8) + "\nNothing further.\n").utf8).write(to: URL(fileURLWithPath: path))
        #expect(try build(root).contains("search: patched 1 changed cables"))
        try expectSameAsCleanBuild(root)
    }

    /// Without the saved shard lists of the last index the build indexes everything again, and the result
    /// is still right; so does it when a published shard cannot be read back.
    @Test func aDamagedStateMakesTheIndexAgain() throws {
        guard FileManager.default.isExecutableFile(atPath: Repo.debugBinary) else {
            Issue.record("\(Repo.debugBinary) is missing: run `swift build` first")
            return
        }
        let root = try SampleSite.copy(label: "search-damaged")
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try build(root)
        try FileManager.default.removeItem(atPath: root + "/.chancery/search/blocks/0.bin")
        let path = root + "/Content/cables/2008/08STATE37957.md"
        try Data((try String(contentsOfFile: path, encoding: .utf8) + "\nZorblaxian matters.\n").utf8).write(to: URL(fileURLWithPath: path))
        let log = try build(root)
        #expect(log.contains("search: \(SampleSite.records.count) cables"), "\(log)")
        try expectSameAsCleanBuild(root)

        // (the output writer trusts its record of Public/, so a damaged file is not repaired: `--clean` does)
        let shards = SearchFormat.shardCount(cables: SampleSite.records.count)
        let shard = SearchFormat.shardName(Int(SearchHash.fnv32("quokkaesque") & UInt32(shards - 1)), digits: SearchFormat.digits(shards))
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: root + "/Public/search/t/\(shard).bin"))
        try Data((try String(contentsOfFile: path, encoding: .utf8) + "\nQuokkaesque matters.\n").utf8).write(to: URL(fileURLWithPath: path))
        let again = try build(root)
        #expect(again.contains("cannot patch the index") && again.contains("search: \(SampleSite.records.count) cables"), "\(again)")
    }

    /// An archive of more cables than one block of shard lists (`SearchState.blockSize`): the full index writes
    /// its complete blocks as they fill instead of holding every list to the end, and a later edit in the first
    /// block and in the last is still patched as a clean build would write the index.
    @Test func anArchiveOfSeveralBlocksIsPatchedAsACleanBuildWouldWriteIt() throws {
        guard FileManager.default.isExecutableFile(atPath: Repo.debugBinary) else {
            Issue.record("\(Repo.debugBinary) is missing: run `swift build` first")
            return
        }
        let root = Temp.directory("search-blocks")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let count = SearchState.blockSize + 100
        let words = ["embassy", "ministry", "election", "reform", "nuclear", "trade", "visit", "security", "budget", "parliament",
                     "harbour", "treaty", "border", "customs", "aviation", "fisheries", "railway", "tariff", "vaccine", "drought"]
        try FileManager.default.createDirectory(atPath: root + "/Content/cables/2008", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repo.themes, toPath: root + "/Themes")
        try Data("title: Blocks\nbase_url: https://example.org\n".utf8).write(to: URL(fileURLWithPath: root + "/Content/site.yml"))
        for n in 1...count {
            let day = 1 + n % 28, month = 1 + n % 12
            let body = (0..<12).map { words[(n * 7 + $0 * 3) % words.count] }.joined(separator: " ") + " serial\(n)word."
            let text = """
                ---
                id: "08STATE\(n)"
                title: "CABLE NUMBER \(n)"
                date: 2008-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)T12:00:00Z
                origin: Secretary of State
                classification: UNCLASSIFIED
                tags: [PREL]
                ---

                ¶1. (U) \(body)

                """
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/Content/cables/2008/08STATE\(n).md"))
        }
        #expect(try build(root).contains("search: \(count) cables"))
        for k in 0...1 { #expect(FileManager.default.fileExists(atPath: root + "/.chancery/search/blocks/\(k).bin"), "block \(k)") }

        // a cable of the first block (written while the pages were rendered) and one of the last
        for n in [3, count - 2] {
            let path = root + "/Content/cables/2008/08STATE\(n).md"
            try Data((try String(contentsOfFile: path, encoding: .utf8) + "\nThe zorblaxian plenipotentiary arrived.\n").utf8).write(to: URL(fileURLWithPath: path))
        }
        let log = try build(root)
        #expect(log.contains("search: patched 2 changed cables"), "\(log)")
        try expectSameAsCleanBuild(root)
    }

    // MARK: helpers

    /// Builds `root` with the debug binary; returns what it printed on stderr.
    private func build(_ root: String) throws -> String {
        let run = try Run.command(Repo.debugBinary, ["build", "--root", root], environment: ["CHANCERY_SEARCH_STATS": "1", "CHANCERY_NO_PROGRESS": "1"])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        return run.error
    }

    /// Builds a copy of `root`'s content from nothing and compares its `search/` with `root`'s.
    private func expectSameAsCleanBuild(_ root: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let clean = Temp.directory("search-clean")
        defer { try? FileManager.default.removeItem(atPath: clean) }
        try FileManager.default.copyItem(atPath: root + "/Content", toPath: clean + "/Content")
        try FileManager.default.copyItem(atPath: root + "/Themes", toPath: clean + "/Themes")
        _ = try build(clean)
        let differences = Tree.differences(clean + "/Public/search", root + "/Public/search")
        #expect(differences.isEmpty, "\(differences.prefix(5))", sourceLocation: sourceLocation)
        #expect(Tree.files(root + "/Public/search/t").count > 1, sourceLocation: sourceLocation)
    }

    /// An ASCII word of the body of `path` (four letters or more) that no other cable file has.
    private func uniqueWord(of path: String, among folder: String) throws -> String? {
        var others = Set<String>()
        for file in Tree.files(folder) where file.hasSuffix(".md") && folder + "/" + file != path {
            others.formUnion(SearchTokenizer.terms(try String(contentsOfFile: folder + "/" + file, encoding: .utf8)))
        }
        let own = SearchTokenizer.terms(try String(contentsOfFile: path, encoding: .utf8))
        return own.first { $0.count >= 5 && $0.allSatisfy { $0.isASCII && $0.isLetter } && !others.contains($0) && !$0.hasSuffix("s") }
    }
}
