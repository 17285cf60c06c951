import CableKit
import ChanceryIO

/// The index model of the whole archive, built once from the loaded records: cables in date order,
/// lookups by id, the partitions every index page lists, citations in both directions and the
/// previous/next cable from the same post.
public struct SiteIndex: Sendable {
    /// All cables, sorted by date then id.
    public let records: [CableRecord]
    public let byID: [String: Int]
    public let tags: [String: [Int]]
    public let origins: [String: [Int]]
    public let classifications: [Classification: [Int]]
    public let years: [Int: [Int]]
    public let months: [YearMonth: [Int]]
    /// For each cable, the cables in this archive that cite it.
    public let citedBy: [[Int]]
    /// For each cable, its position within its post's list (for previous/next).
    let positionInOrigin: [Int]

    public init(records unsorted: [CableRecord]) {
        let records = SiteIndex.sortedByDate(unsorted)
        self.records = records
        // the lookups and partitions do not depend on each other: made two at a time
        let groups = parallelMap([0, 1]) { part -> Groups in
            var g = Groups()
            if part == 0 {
                g.tags = partition(records.count) { records[$0].tags }
                g.years = partition(records.count) { i -> [Int] in records[i].date.map { [$0.year] } ?? [] }
            } else {
                g.byID.reserveCapacity(records.count)
                for (i, r) in records.enumerated() { g.byID[r.id] = i }
                g.origins = partition(records.count) { i -> [String] in records[i].origin.map { [$0] } ?? [] }
                g.classifications = partition(records.count) { i -> [Classification] in records[i].classification.map { [$0] } ?? [] }
                g.months = partition(records.count) { i -> [YearMonth] in records[i].date.map { [YearMonth(year: $0.year, month: SiteURLs.filingMonth($0, estimated: records[i].dateEstimated))] } ?? [] }
            }
            return g
        }
        let byID = groups[1].byID, origins = groups[1].origins
        self.byID = byID
        self.origins = origins
        tags = groups[0].tags
        years = groups[0].years
        classifications = groups[1].classifications
        months = groups[1].months
        var citedBy = [[Int]](repeating: [], count: records.count)
        for (i, r) in records.enumerated() {
            // once per citing cable, as search counts them, though its front matter names a reference twice
            for ref in r.references { if let j = byID[ref], j != i, citedBy[j].last != i { citedBy[j].append(i) } }
        }
        self.citedBy = citedBy
        var position = [Int](repeating: -1, count: records.count)
        for (_, list) in origins { for (k, i) in list.enumerated() { position[i] = k } }
        positionInOrigin = position
    }

    /// Whether any of `members` (positions in `records`, in their order) has a date: the undated come last.
    public func anyDated(_ members: [Int]) -> Bool { members.first.map { records[$0].date != nil } ?? false }

    /// The lookups and partitions made from the sorted records.
    private struct Groups {
        var byID: [String: Int] = [:]
        var tags: [String: [Int]] = [:]
        var origins: [String: [Int]] = [:]
        var classifications: [Classification: [Int]] = [:]
        var years: [Int: [Int]] = [:]
        var months: [YearMonth: [Int]] = [:]
    }

    /// `records` in `CableRecord.precedes` order, sorted on precomputed keys (a date compared as one number)
    /// instead of comparing records' fields for each of the ~16 comparisons a record takes.
    static func sortedByDate(_ records: [CableRecord]) -> [CableRecord] {
        let keys = records.map { r in r.date.map { d in ((d.year * 13 + d.month) * 32 + d.day) * 1440 + d.hour * 60 + d.minute } ?? Int.max }
        let ids = records.map(\.id)
        let parts = records.map { ReferenceID.parts($0.id) }
        let order = records.indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] < keys[b] : CableRecord.idPrecedes(ids[a], parts[a], ids[b], parts[b])
        }
        return order.map { records[$0] }
    }

    /// The shape of the model, hashed: every cable in order with what other pages show of it and what it
    /// cites. Everything a page shows of the cables around it (citations both ways, related cables,
    /// previous/next, index rows) is a function of this and the configuration.
    public func shapeKey() -> UInt64 {
        var h = FastHash()
        h.add(records.count)
        for r in records { h.add(r.listingKey); h.add(r.references) }
        return h.value
    }

    public func previousFromSamePost(_ i: Int) -> Int? {
        guard let origin = records[i].origin, let list = origins[origin], positionInOrigin[i] > 0 else { return nil }
        return list[positionInOrigin[i] - 1]
    }

    public func nextFromSamePost(_ i: Int) -> Int? {
        guard let origin = records[i].origin, let list = origins[origin], positionInOrigin[i] >= 0, positionInOrigin[i] + 1 < list.count else { return nil }
        return list[positionInOrigin[i] + 1]
    }

    /// Up to `limit` cables sharing tags with cable `i`, most shared tags first, then nearest in time — not
    /// those it cites or that cite it, which its page lists already (or links to the search of, past
    /// `SiteConfig.referencedByCount`).
    /// Looks only at a window of neighbours in each tag's date-ordered list, so it is cheap on huge tags.
    public func related(to i: Int, limit: Int, window: Int = 24) -> [Int] {
        guard limit > 0 else { return [] }
        // every neighbour once per tag it shares; sorted, equal runs count the shared tags. Each tag's window is
        // in order already (a tag's list is), so the windows are merged, not sorted (sorting them was a third of
        // the work)
        var windowEnds: [Int] = []
        var seen = [Int](unsafeUninitializedCapacity: records[i].tags.count * (2 * window + 1)) { out, filled in
            var n = 0
            for tag in records[i].tags {
                guard let list = tags[tag], list.count > 1 else { continue }
                let at = lowerBound(list, i)
                list.withUnsafeBufferPointer { list in
                    for k in max(0, at - window)..<min(list.count, at + window + 1) where list[k] != i { out[n] = list[k]; n += 1 }
                }
                if n > (windowEnds.last ?? 0) { windowEnds.append(n) }
            }
            filled = n
        }
        SiteIndex.mergeRuns(&seen, runEnds: windowEnds)
        // the cables the page shows already, sorted, walked beside the sorted neighbours (a cable cited a
        // hundred times costs no more than one cited once)
        let shown = (records[i].references.compactMap { byID[$0] } + citedBy[i]).sorted()
        // the best `limit` kept in order as they come (a full sort of a few hundred candidates for five was
        // most of the work): more shared tags first, then nearer in time, then the earlier cable
        func before(_ a: (cable: Int, shared: Int), _ b: (cable: Int, shared: Int)) -> Bool {
            if a.shared != b.shared { return a.shared > b.shared }
            let da = abs(a.cable - i), db = abs(b.cable - i)
            return da != db ? da < db : a.cable < b.cable
        }
        var best: [(cable: Int, shared: Int)] = []
        best.reserveCapacity(limit + 1)
        var s = 0
        var k = 0
        while k < seen.count {
            var run = k + 1
            while run < seen.count, seen[run] == seen[k] { run += 1 }
            while s < shown.count, shown[s] < seen[k] { s += 1 }
            let candidate = (cable: seen[k], shared: run - k)
            k = run
            guard s == shown.count || shown[s] != candidate.cable else { continue }
            guard best.count < limit || before(candidate, best[best.count - 1]) else { continue }
            // (moved into place from the end: `insert` was a generic range replacement, a hundred instructions)
            best.append(candidate)
            var at = best.count - 1
            while at > 0, before(candidate, best[at - 1]) { best[at] = best[at - 1]; at -= 1 }
            best[at] = candidate
            if best.count > limit { best.removeLast() }
        }
        return best.map(\.cable)
    }

    /// Sorts `values`, made of ascending runs ending at `runEnds` (the last at `values.count`): runs merged two
    /// by two until one is left, between the array and one scratch buffer.
    static func mergeRuns(_ values: inout [Int], runEnds: [Int]) {
        let runCount = runEnds.count, n = values.count
        guard runCount > 1 else { return }
        values.withUnsafeMutableBufferPointer { v in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: n) { scratch in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: runCount + 1) { bounds in
                    bounds[0] = 0
                    for (k, end) in runEnds.enumerated() { bounds[k + 1] = end }
                    var from = v.baseAddress!, to = scratch.baseAddress!
                    var runs = runCount
                    while runs > 1 {
                        // runs 2k and 2k + 1 become run k (the last of an odd count is copied); the bounds are
                        // rewritten in place, each after the ones it overwrites were read
                        var r = 0, merged = 0
                        while r < runs {
                            let lo = bounds[r], mid = bounds[r + 1], hi = r + 1 < runs ? bounds[r + 2] : mid
                            var x = lo, y = mid, o = lo
                            while x < mid, y < hi {
                                if from[y] < from[x] { to[o] = from[y]; y += 1 } else { to[o] = from[x]; x += 1 }
                                o += 1
                            }
                            if x < mid { (to + o).update(from: from + x, count: mid - x) }
                            if y < hi { (to + o).update(from: from + y, count: hi - y) }
                            merged += 1
                            bounds[merged] = hi
                            r += 2
                        }
                        runs = merged
                        swap(&from, &to)
                    }
                    if from != v.baseAddress! { v.baseAddress!.update(from: from, count: n) }
                }
            }
        }
    }

    private func lowerBound(_ list: [Int], _ value: Int) -> Int {
        var lo = 0, hi = list.count
        while lo < hi { let mid = (lo + hi) / 2; if list[mid] < value { lo = mid + 1 } else { hi = mid } }
        return lo
    }
}
