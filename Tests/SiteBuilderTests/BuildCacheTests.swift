import CableKit
import ChanceryIO
import Foundation
@testable import SiteBuilder
import Testing

/// The build cache read back must be the state saved: from the base file alone, from the base and the
/// journal of the builds since, and never from a journal written on another base.
@Suite struct BuildCacheTests {
    private func cable(_ id: String, title: String, size: Int) -> (String, BuildCache.CachedCable) {
        var meta = Cable()
        meta.id = id
        meta.title = title
        meta.tags = ["PREL", "PK"]
        meta.date = CableDate(year: 2008, month: 4, day: 10, hour: 22, minute: 26)
        let path = "Content/cables/2008/\(id).md"
        let record = CableRecord(cable: meta, path: path, originalName: id + ".txt", contentHash: UInt64(size) &* 977)
        return (path, BuildCache.CachedCable(stamp: DiskIO.Stamp(size: size, modified: 1_700_000_000_000_000_000 + Int64(size)),
                                             originalStamp: DiskIO.Stamp(size: 10, modified: 5), originalHash: 42, record: record))
    }

    private func sample(cables: Int, outputs: Int) -> BuildCache {
        var cache = BuildCache()
        cache.settingsKey = 7
        cache.tool = "chancery 0.1 123 456"
        cache.outputDirectory = "/site/Public"
        cache.shapeKey = 99
        for k in 0..<cables {
            let (path, entry) = cable("08STATE\(k)", title: "Subject \(k)", size: 1000 + k)
            cache.cables[path] = entry
        }
        for k in 0..<outputs {
            cache.outputs["cable/2008/04/08STATE\(k)/index.html"] = UInt64(k) &* 31
            cache.pageKeys["cable/2008/04/08STATE\(k)/index.html"] = UInt64(k) &* 17
        }
        cache.neighbourKeys = (0..<cables).map { UInt64($0) &* 3 }
        return cache
    }

    private func expectSame(_ a: BuildCache?, _ b: BuildCache, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let a else { Issue.record("the cache did not load", sourceLocation: sourceLocation); return }
        #expect(a.settingsKey == b.settingsKey && a.tool == b.tool && a.outputDirectory == b.outputDirectory && a.shapeKey == b.shapeKey, sourceLocation: sourceLocation)
        #expect(a.outputs == b.outputs, sourceLocation: sourceLocation)
        #expect(a.pageKeys == b.pageKeys, sourceLocation: sourceLocation)
        #expect(a.neighbourKeys == b.neighbourKeys, sourceLocation: sourceLocation)
        #expect(Set(a.cables.keys) == Set(b.cables.keys), sourceLocation: sourceLocation)
        for (path, entry) in b.cables {
            guard let other = a.cables[path] else { continue }
            #expect(other.isSaved(as: entry) && other.record.path == path && other.record.id == entry.record.id
                    && other.record.title == entry.record.title && other.record.tags == entry.record.tags, "\(path)", sourceLocation: sourceLocation)
        }
    }

    /// Loaded by another build of the tool, the cache's cables are read light: their listings (what names
    /// their outputs) and everything else as saved, without the rest of their front matter; the same build
    /// reads them whole.
    @Test func anotherBuildOfTheToolReadsTheCablesLight() throws {
        let root = Temp.directory("cache-light")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var cache = sample(cables: 5000, outputs: 100)
        try cache.save(root: root, previous: nil)
        let light = try #require(BuildCache.load(root: root, tool: "chancery 0.2 999 999"))
        expectSame(light, cache)
        for (path, entry) in light.cables {
            #expect(entry.record.date == cache.cables[path]!.record.date)
            #expect(entry.record.meta.id == nil, "\(path): front matter beyond the listing not kept")
        }
        let whole = try #require(BuildCache.load(root: root, tool: cache.tool))
        expectSame(whole, cache)
        #expect(whole.cables.values.allSatisfy { $0.record.meta.id == $0.record.id && $0.record.meta.title == $0.record.title })
    }

    @Test func aSavedCacheLoadsAsItWas() throws {
        let root = Temp.directory("cache-base")
        defer { try? FileManager.default.removeItem(atPath: root) }
        // more blocks than are encoded at once on every core (4,096 entries a block, two a core): the blocks of
        // each group written in order, then the next group's
        let cables = BuildCacheFile.entriesPerBlock * (2 * ProcessInfoCores.count + 1) + 17
        var cache = sample(cables: cables, outputs: cables)
        try cache.save(root: root, previous: nil)
        #expect(!FileManager.default.fileExists(atPath: BuildCache.journal(root: root)))
        expectSame(BuildCache.load(root: root), cache)
    }

    /// A cache written by another build of the tool: its parsed cables are not reused (the front-matter
    /// reader may have changed: a tag `"PREL "` read as `PREL` now), and a cable deleted meanwhile still
    /// takes its page with it. The result is what a clean build gives.
    @Test func cablesParsedByAnotherBuildOfTheToolAreParsedAgain() throws {
        let site = try SiteFixture(ReadingRoom.site)
        defer { try? FileManager.default.removeItem(atPath: site.root) }
        #expect(!site.report.failed, "\(site.errorLines)")
        var cache = try #require(BuildCache.load(root: site.root))
        let count = cache.cables.count
        // as an older reader left it: a cable's record with a tag it would read otherwise today
        let path = try #require(cache.cables.keys.first { $0.hasSuffix("08BAGHDAD500.md") })
        var entry = try #require(cache.cables[path])
        var meta = Cable()
        meta.id = entry.record.id
        meta.title = "A TITLE ONLY THE OLD CACHE KNOWS"
        meta.date = entry.record.date
        meta.tags = ["PREL "]
        entry.record = CableRecord(cable: meta, path: path, originalName: entry.record.originalName, contentHash: entry.record.contentHash)
        cache.cables[path] = entry
        cache.tool = "chancery 0.0 1 2"
        cache.saved = nil
        try cache.save(root: site.root, previous: nil)
        try FileManager.default.removeItem(atPath: site.root + "/Content/cables/2008/08STATE37957.md")

        let report = site.build()
        #expect(!report.failed, "\(site.errorLines)")
        #expect(report.cablesRead == count - 1, "every cable parsed again: \(report.cablesRead) of \(count - 1)")
        site.assertMissing(["cable/2008/04/08STATE37957/index.html"])
        site.assertFileContent("cable/2008/06/08BAGHDAD500/index.html", contains: [], notContains: ["A TITLE ONLY THE OLD CACHE KNOWS"])
        let differences = try site.differencesFromCleanBuild()
        #expect(differences.isEmpty, "\(differences.prefix(20))")
        #expect(BuildCache.load(root: site.root)?.tool != "chancery 0.0 1 2", "the cache now names this build of the tool")
        // saved whole (the old cables are dropped once their outputs are named): a new base, no journal on the
        // old one, every cable in it; the next build reads none
        #expect(!FileManager.default.fileExists(atPath: BuildCache.journal(root: site.root)))
        #expect(BuildCache.load(root: site.root)?.cables.count == count - 1)
        try site.write("---\ntitle: Touched\n---\n\nA page.\n", to: "Content/pages/touched.md")
        let next = site.build()
        #expect(!next.failed && next.cablesRead == 0, "\(next.cablesRead) cables read")
    }

    @Test func theJournalCarriesTheChangesSinceTheBase() throws {
        let root = Temp.directory("cache-journal")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var first = sample(cables: 300, outputs: 500)
        try first.save(root: root, previous: nil)
        let base = try #require(DiskIO.stamp(BuildCache.file(root: root)))

        // one build: a cable edited, one added, one removed; outputs and keys changed, added and removed
        var second = first
        second.saved = nil
        let (edited, entry) = cable("08STATE5", title: "A new subject", size: 77)
        second.cables[edited] = entry
        let (added, new) = cable("08STATE9999", title: "Added", size: 12)
        second.cables[added] = new
        second.cables["Content/cables/2008/08STATE6.md"] = nil
        second.outputs["cable/2008/04/08STATE5/index.html"] = 1
        second.outputs["new/index.html"] = 2
        second.outputs["cable/2008/04/08STATE6/index.html"] = nil
        second.pageKeys["cable/2008/04/08STATE6/index.html"] = nil
        second.neighbourKeys[3] = 12345
        second.shapeKey = 100
        try second.save(root: root, previous: BuildCache.load(root: root))
        #expect(DiskIO.stamp(BuildCache.file(root: root)) == base, "the base is not rewritten for a small change")
        #expect(FileManager.default.fileExists(atPath: BuildCache.journal(root: root)))
        expectSame(BuildCache.load(root: root), second)

        // a second build appends to the journal, in place
        let journalBefore = try #require(DiskIO.identity(BuildCache.journal(root: root)))
        let sizeBefore = try #require(DiskIO.size(BuildCache.journal(root: root)))
        var third = second
        third.outputs["another/index.html"] = 3
        third.settingsKey = 8
        try third.save(root: root, previous: second)
        #expect(DiskIO.stamp(BuildCache.file(root: root)) == base)
        #expect(DiskIO.identity(BuildCache.journal(root: root)) == journalBefore, "appended, not replaced")
        #expect(try #require(DiskIO.size(BuildCache.journal(root: root))) > sizeBefore)
        #expect(third.saved?.journalSize == DiskIO.size(BuildCache.journal(root: root)))
        expectSame(BuildCache.load(root: root), third)
    }

    @Test func aJournalChangedBehindTheBuildsBackIsNotAppendedTo() throws {
        let root = try baseAndJournal("cache-appended")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loaded = try #require(BuildCache.load(root: root))
        let generation = loaded.saved?.generation
        // another writer changed the journal since it was loaded: appending would mix two histories
        var bytes = try #require(try DiskIO.read(BuildCache.journal(root: root)))
        bytes += [0]
        try DiskIO.write(bytes, to: BuildCache.journal(root: root))
        var next = loaded
        next.outputs["later/index.html"] = 9
        try next.save(root: root, previous: loaded)
        #expect(next.saved?.generation != generation, "a new base")
        #expect(!FileManager.default.fileExists(atPath: BuildCache.journal(root: root)))
        expectSame(BuildCache.load(root: root), next)
    }

    @Test func aJournalOutgrowingTheBaseIsFoldedIntoANewBase() throws {
        let root = Temp.directory("cache-compact")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var first = sample(cables: 10, outputs: 10)
        try first.save(root: root, previous: nil)
        var big = first
        for k in 0..<60_000 { big.outputs["page/\(k)/index.html"] = UInt64(k) }
        try big.save(root: root, previous: first)
        #expect(!FileManager.default.fileExists(atPath: BuildCache.journal(root: root)), "over 1 MB and a sixteenth of the base: a new base")
        #expect(big.saved?.generation != first.saved?.generation)
        expectSame(BuildCache.load(root: root), big)
    }

    /// A delta too large for the journal is not encoded whole to find that out: at 250,000 cables all rendered
    /// again (a template changed) the record was as large as the base, ~500 MB held at the build's peak.
    @Test func aDeltaStopsEncodingPastItsLimit() throws {
        let first = sample(cables: 10, outputs: 10)
        var big = first
        for k in 0..<60_000 { big.outputs["page/\(k)/index.html"] = UInt64(k) }
        let delta = BuildCacheDelta(from: first, to: big)
        var whole = BinaryWriter(capacity: 64)
        let wholeWritten = delta.write(&whole)
        #expect(wholeWritten)
        var cut = BinaryWriter(capacity: 64)
        let cutWritten = delta.write(&cut, limit: 1 << 16)
        #expect(!cutWritten)
        #expect(cut.count < (1 << 16) + 64 && whole.count > 1 << 20, "\(cut.count) of \(whole.count) bytes")
    }

    /// A base of 20 cables and a journal with one output changed since.
    private func baseAndJournal(_ name: String) throws -> String {
        let root = Temp.directory(name)
        var first = sample(cables: 20, outputs: 20)
        try first.save(root: root, previous: nil)
        var second = first
        second.outputs["changed/index.html"] = 5
        try second.save(root: root, previous: first)
        #expect(FileManager.default.fileExists(atPath: BuildCache.journal(root: root)))
        return root
    }

    @Test func aJournalOfAnotherBaseIsIgnored() throws {
        let root = try baseAndJournal("cache-stale")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let staleJournal = try Data(contentsOf: URL(fileURLWithPath: BuildCache.journal(root: root)))
        // a new base (a clean build), then the old journal put back, as a build killed before removing it would leave it
        var clean = sample(cables: 20, outputs: 20)
        try clean.save(root: root, previous: nil)
        try staleJournal.write(to: URL(fileURLWithPath: BuildCache.journal(root: root)))
        let loaded = BuildCache.load(root: root)
        expectSame(loaded, clean)
        #expect(loaded?.outputs["changed/index.html"] == nil)
    }

    @Test func aMalformedJournalDropsTheCache() throws {
        let root = try baseAndJournal("cache-malformed")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var bytes = try #require(try DiskIO.read(BuildCache.journal(root: root)))
        bytes.removeLast(3)
        try DiskIO.write(bytes, to: BuildCache.journal(root: root))
        #expect(BuildCache.load(root: root) == nil)
    }

    @Test func recordsSortByDateThenIDAsPrecedesSays() {
        var records: [CableRecord] = []
        for k in 0..<500 {
            var meta = Cable()
            meta.id = "0\(k % 7)POST\(k)"
            meta.date = k % 11 == 0 ? nil : CableDate(year: 1990 + k % 5, month: 1 + k % 12, day: 1 + k % 28, hour: k % 24, minute: k % 3)
            records.append(CableRecord(cable: meta, path: "x\(k).md", originalName: nil))
        }
        #expect(SiteIndex.sortedByDate(records).map(\.id) == records.sorted(by: CableRecord.precedes).map(\.id))
    }
}

/// The hash the cache keeps of an original: the first 64 bits of its SHA-256, the same whether worked out from
/// its bytes or read from the front matter's `source.sha256`.
@Suite struct OriginalHashTests {
    @Test func theRecordedSHA256GivesTheHashOfTheBytes() {
        for text in ["", "abc", String(repeating: "CONFIDENTIAL SECTION 01 OF 02 ", count: 40)] {
            let bytes = Array(text.utf8)
            let hex = SHA256.hex(bytes)
            #expect(OriginalHash(sha256: hex) == OriginalHash(of: bytes))
            #expect(OriginalHash(sha256: hex.uppercased()) == OriginalHash(of: bytes))
        }
        #expect(OriginalHash(sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")?.value == 0xBA78_16BF_8F01_CFEA)
    }

    @Test func anythingButSixtyFourHexDigitsIsNoHash() {
        #expect(OriginalHash(sha256: "") == nil)
        #expect(OriginalHash(sha256: String(repeating: "a", count: 63)) == nil)
        #expect(OriginalHash(sha256: String(repeating: "a", count: 65)) == nil)
        #expect(OriginalHash(sha256: String(repeating: "g", count: 64)) == nil)
        #expect(OriginalHash(sha256: String(repeating: "0", count: 62) + "0 ") == nil)
    }
}
