import CableKit
@testable import SiteBuilder
import Testing

/// `SiteIndex.related` keeps the best few candidates as they come instead of sorting them all: it must give
/// what its definition says, the first `limit` of all candidates sorted by shared tags, then distance in time,
/// then position.
@Suite struct RelatedCablesTests {
    /// An archive of `count` cables with tags drawn from a few, some citing others.
    private func archive(_ count: Int, seed: UInt64) -> SiteIndex {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let pool = ["PREL", "PGOV", "PK", "IN", "ECON", "KNNP", "MARR", "PTER", "ETRD", "SNAR"]
        var records: [CableRecord] = []
        for k in 0..<count {
            var meta = Cable()
            meta.id = "08POST\(k)"
            meta.date = CableDate(year: 2008, month: 1 + k % 12, day: 1 + next(28), hour: 0, minute: 0)
            meta.tags = Array(Set((0..<(1 + next(5))).map { _ in pool[next(pool.count)] })).sorted()
            meta.references = (0..<next(3)).map { _ in "08POST\(next(count))" }
            records.append(CableRecord(cable: meta, path: "x\(k).md", originalName: nil))
        }
        return SiteIndex(records: records)
    }

    /// The definition, as plainly as it can be written: every neighbour in the window of each shared tag,
    /// minus the cable itself and those it cites or that cite it, sorted whole.
    private func expected(_ index: SiteIndex, _ i: Int, limit: Int, window: Int) -> [Int] {
        var shared: [Int: Int] = [:]
        for tag in index.records[i].tags {
            guard let list = index.tags[tag], let at = list.firstIndex(where: { $0 >= i }) else { continue }
            for k in max(0, at - window)..<min(list.count, at + window + 1) where list[k] != i { shared[list[k], default: 0] += 1 }
        }
        let shown = Set(index.records[i].references.compactMap { index.byID[$0] } + index.citedBy[i])
        let sorted = shared.filter { !shown.contains($0.key) }.sorted { a, b in
            if a.value != b.value { return a.value > b.value }
            return abs(a.key - i) != abs(b.key - i) ? abs(a.key - i) < abs(b.key - i) : a.key < b.key
        }
        return sorted.prefix(limit).map(\.key)
    }

    @Test(arguments: [1, 5, 12])
    func relatedIsTheFirstOfAllCandidatesSorted(limit: Int) {
        for seed in 1...4 as ClosedRange<UInt64> {
            let index = archive(400, seed: seed)
            for i in stride(from: 0, to: index.records.count, by: 7) {
                #expect(index.related(to: i, limit: limit, window: 6) == expected(index, i, limit: limit, window: 6), "cable \(i), seed \(seed)")
            }
        }
    }

    /// The tag windows are merged, not sorted: none to nine ascending runs of one to twelve values, with repeats
    /// within and across runs, come out as `sorted()` has them.
    @Test func mergingAscendingRunsSortsThem() {
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for runs in 0...9 {
            for _ in 0..<40 {
                var values: [Int] = [], ends: [Int] = []
                for _ in 0..<runs {
                    let length = 1 + next(12)
                    var v = next(30)
                    for _ in 0..<length { values.append(v); v += next(3) }
                    ends.append(values.count)
                }
                var merged = values
                SiteIndex.mergeRuns(&merged, runEnds: ends)
                #expect(merged == values.sorted(), "\(runs) runs: \(values) ending at \(ends)")
            }
        }
    }

    @Test func noLimitNoneRelated() {
        #expect(archive(50, seed: 9).related(to: 3, limit: 0).isEmpty)
    }
}
