import Foundation

/// One partition's terms as the indexer merges documents into them: each term's document frequency, the
/// last document added, and its byte stream of postings. The streams' bytes live in one arena, each a chain
/// of blocks that double in size (16 bytes to 4 KB), so adding a posting is a copy into its term's last block:
/// no allocation per term and no array to grow (a `[[UInt8]]` of streams cost half the merge in uniqueness
/// checks, growth and copying). `TermTable` owns one; it is a class for its memory, not to be shared.
final class TermPostings: @unchecked Sendable {
    /// Blocks: an 8-byte header (the offset of the next block, -1 for none) and their bytes.
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCount = 0
    private var arenaCapacity: Int

    /// Term k: its first and last block (-1 before its first posting), the bytes used and held by its last
    /// block, and its stream's length.
    private var head: UnsafeMutablePointer<Int>
    private var tail: UnsafeMutablePointer<Int>
    private var tailUsed: UnsafeMutablePointer<Int32>
    private var tailSize: UnsafeMutablePointer<Int32>
    private var length: UnsafeMutablePointer<UInt32>
    /// Documents with the term, and the last one added (for the gap to the next).
    private(set) var df: UnsafeMutablePointer<UInt32>
    private var last: UnsafeMutablePointer<Int32>
    private(set) var count = 0
    private var capacity: Int

    static let firstBlock: Int32 = 16
    static let largestBlock: Int32 = 4096

    init(terms: Int = 1024, bytes: Int = 1 << 16) {
        capacity = max(16, terms)
        head = .allocate(capacity: capacity); tail = .allocate(capacity: capacity)
        tailUsed = .allocate(capacity: capacity); tailSize = .allocate(capacity: capacity)
        length = .allocate(capacity: capacity); df = .allocate(capacity: capacity); last = .allocate(capacity: capacity)
        arenaCapacity = max(256, bytes)
        arena = .allocate(capacity: arenaCapacity)
    }

    deinit {
        head.deallocate(); tail.deallocate(); tailUsed.deallocate(); tailSize.deallocate()
        length.deallocate(); df.deallocate(); last.deallocate()
        arena.deallocate()
    }

    /// A copy (for a `TermTable` copied and then changed).
    func copy() -> TermPostings {
        let c = TermPostings(terms: capacity, bytes: arenaCapacity)
        c.count = count
        c.head.update(from: head, count: count); c.tail.update(from: tail, count: count)
        c.tailUsed.update(from: tailUsed, count: count); c.tailSize.update(from: tailSize, count: count)
        c.length.update(from: length, count: count); c.df.update(from: df, count: count); c.last.update(from: last, count: count)
        c.arena.update(from: arena, count: arenaCount)
        c.arenaCount = arenaCount
        return c
    }

    /// Bytes the arena holds (the streams, their blocks' headers and room): what the indexer's budget counts.
    var bytesHeld: Int { arenaCount }

    /// Adds a term without postings; returns its number.
    @discardableResult
    func addTerm() -> Int {
        if count == capacity { growTerms() }
        let k = count
        head[k] = -1; tail[k] = -1; tailUsed[k] = 0; tailSize[k] = 0
        length[k] = 0; df[k] = 0; last[k] = -1
        count += 1
        return k
    }

    private func growTerms() {
        let grown = capacity * 2
        func moved<T>(_ p: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
            let q = UnsafeMutablePointer<T>.allocate(capacity: grown)
            q.moveInitialize(from: p, count: count)
            p.deallocate()
            return q
        }
        head = moved(head); tail = moved(tail); tailUsed = moved(tailUsed); tailSize = moved(tailSize)
        length = moved(length); df = moved(df); last = moved(last)
        capacity = grown
    }

    /// Counts document `doc` (numbers increase) for term `k`: returns the gap from the last one.
    @inline(__always) func add(document doc: Int32, to k: Int) -> UInt32 {
        df[k] &+= 1
        let gap = UInt32(truncatingIfNeeded: doc &- last[k])
        last[k] = doc
        return gap
    }

    /// Appends `n` bytes at `bytes` to term `k`'s stream.
    @inline(__always) func append(_ k: Int, _ bytes: UnsafePointer<UInt8>, _ n: Int) {
        var from = bytes, left = n
        length[k] &+= UInt32(truncatingIfNeeded: n)
        // (wrapping arithmetic: offsets within the arena, lengths within a block)
        while left > 0 {
            var room = Int(tailSize[k] &- tailUsed[k])
            if room == 0 { newBlock(k); room = Int(tailSize[k]) }
            let take = min(room, left)
            (arena + (tail[k] &+ 8 &+ Int(tailUsed[k]))).update(from: from, count: take)
            tailUsed[k] &+= Int32(truncatingIfNeeded: take)
            from += take
            left &-= take
        }
    }

    /// Where up to `worst` bytes can be written at the end of term `k`'s stream in its last block, nil when the
    /// block has less room (then `append`): a posting is encoded there in place, not copied in.
    @inline(__always) func room(_ k: Int, for worst: Int) -> UnsafeMutablePointer<UInt8>? {
        let block = tail[k]
        guard block >= 0, Int(tailSize[k] &- tailUsed[k]) >= worst else { return nil }
        return arena + (block &+ 8 &+ Int(tailUsed[k]))
    }

    /// Counts the `n` bytes just written at `room(k, for:)`.
    @inline(__always) func wrote(_ k: Int, _ n: Int) {
        tailUsed[k] &+= Int32(truncatingIfNeeded: n)
        length[k] &+= UInt32(truncatingIfNeeded: n)
    }

    /// Starts a new last block for term `k`, twice the size of the one before (up to `largestBlock`).
    private func newBlock(_ k: Int) {
        let size = tail[k] < 0 ? TermPostings.firstBlock : min(tailSize[k] * 2, TermPostings.largestBlock)
        let needed = arenaCount + 8 + Int(size)
        if needed > arenaCapacity {
            var grown = arenaCapacity * 2
            while grown < needed { grown *= 2 }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            bigger.update(from: arena, count: arenaCount)
            arena.deallocate()
            arena = bigger
            arenaCapacity = grown
        }
        let at = arenaCount
        UnsafeMutableRawPointer(arena + at).storeBytes(of: -1, as: Int.self)
        if tail[k] >= 0 { UnsafeMutableRawPointer(arena + tail[k]).storeBytes(of: at, as: Int.self) } else { head[k] = at }
        tail[k] = at
        tailUsed[k] = 0
        tailSize[k] = size
        arenaCount = needed
    }

    /// Term `k`'s stream since the last `emptyStreams`, appended to `out`; returns its length.
    @discardableResult
    func appendStream(_ k: Int, to out: inout [UInt8]) -> Int {
        let n = Int(length[k]), start = out.count
        out.append(contentsOf: repeatElement(0, count: n))
        out.withUnsafeMutableBufferPointer { _ = copyStream(k, to: $0.baseAddress! + start) }
        return n
    }

    /// Copies term `k`'s stream to `to` (room for its length); returns the bytes copied.
    private func copyStream(_ k: Int, to: UnsafeMutablePointer<UInt8>) -> Int {
        let n = Int(length[k])
        // every block but the last is full, and each is twice the one before
        var block = head[k], size = Int(TermPostings.firstBlock), copied = 0
        while block >= 0, copied < n {
            let take = min(n - copied, size)
            (to + copied).update(from: arena + block + 8, count: take)
            copied += take
            size = min(size * 2, Int(TermPostings.largestBlock))
            block = UnsafeRawPointer(arena + block).load(as: Int.self)
        }
        return copied
    }

    /// Whether term `k` has postings since the last `emptyStreams`.
    func hasStream(_ k: Int) -> Bool { length[k] > 0 }

    /// Empties every stream (their bytes were written to a run); frequencies and last documents stay.
    func emptyStreams() {
        for k in 0..<count { head[k] = -1; tail[k] = -1; tailUsed[k] = 0; tailSize[k] = 0; length[k] = 0 }
        arenaCount = 0
    }
}
