import Foundation

/// The occurrences of the terms of one cable as the tokenizer reads them: each distinct term once (its bytes,
/// its frequency), and each occurrence's term and position. Sized from the text before reading it (a term
/// takes two bytes of text at least), so the per-term work is stores into buffers made once; the table is
/// keyed by the term's first eight bytes, packed into an integer, so most terms compare in one instruction.
/// `document` turns it into a `SearchDocument`; `deallocate` frees it.
struct TermCollector: SearchTokenizer.Sink {
    /// Occurrence j is of term `occurrenceTerm[j]`, at `occurrencePosition[j]`.
    private let occurrenceTerm: UnsafeMutablePointer<Int32>
    private let occurrencePosition: UnsafeMutablePointer<UInt32>
    private(set) var occurrences = 0
    private let occurrenceCapacity: Int

    /// Term k (`terms[k]`): its first eight bytes (zero-padded), its bytes `arena[start..<start + length]`,
    /// its frequency (a title occurrence counts 3; 0 for filter terms) and its number of occurrences.
    /// (side by side in one record of 24 bytes: a token's lookup compares the word and length and counts it in
    /// one record, where five arrays of one field each had it touch five places in memory)
    private let terms: UnsafeMutablePointer<Term>
    private struct Term {
        var word: UInt64
        var start: UInt32
        var length: UInt32
        var tf: UInt32
        var occurrences: UInt32
    }
    private(set) var count = 0
    private let termCapacity: Int

    /// Open addressing on `hash`'s top `slotBits` bits: term numbers, -1 for empty.
    private var slotStorage: UnsafeMutablePointer<Int32>
    private var slotBits: UInt64

    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCount = 0, arenaCapacity: Int

    private(set) var position: UInt32 = 0
    private var weight: UInt32 = 1
    /// Indexed tokens, the title's counted three times.
    private(set) var length: UInt32 = 0

    /// Room for the terms of texts of `textBytes` UTF-8 bytes in all, read in `fields` scans, and `filters` filter terms.
    init(textBytes: Int, fields: Int, filters: Int) {
        occurrenceCapacity = textBytes / 2 + fields + 1
        termCapacity = occurrenceCapacity + filters
        // term numbers are stored as Int32 (checked here once, not at every term)
        precondition(termCapacity < Int(Int32.max), "a text too large to index")
        occurrenceTerm = .allocate(capacity: occurrenceCapacity)
        occurrencePosition = .allocate(capacity: occurrenceCapacity)
        terms = .allocate(capacity: termCapacity)
        // distinct terms are far fewer than the bound: start small, grow at half full
        var bits: UInt64 = 10
        while 1 << bits < min(termCapacity, 1 << 10) * 2 { bits += 1 }
        slotStorage = .allocate(capacity: 1 << bits)
        slotStorage.initialize(repeating: -1, count: 1 << bits)
        slotBits = bits
        arenaCapacity = max(256, textBytes + 64)
        arena = .allocate(capacity: arenaCapacity + 8)   // room for word loads past the last term
    }

    func deallocate() {
        occurrenceTerm.deallocate(); occurrencePosition.deallocate()
        terms.deallocate()
        slotStorage.deallocate(); arena.deallocate()
    }

    /// A hash of the term for the table (not the published FNV-1a: that is computed once per distinct term).
    @inline(__always) private static func hash(_ b: UnsafePointer<UInt8>, _ n: Int, first: UInt64) -> UInt64 {
        var h = (first ^ UInt64(truncatingIfNeeded: n)) &* 0x9E37_79B9_7F4A_7C15
        var at = 8
        while at < n {
            h = (h ^ SearchTokenizer.packed(b + at, n &- at)) &* 0x9E37_79B9_7F4A_7C15
            at &+= 8
        }
        return h ^ (h >> 29)
    }

    /// The number of the term of `n` bytes at `b` (8 bytes readable from `b`), added if new.
    @inline(__always) private mutating func id(_ b: UnsafePointer<UInt8>, _ n: Int) -> Int {
        let first = SearchTokenizer.packed(b, n)
        let h = TermCollector.hash(b, n, first: first)
        // (wrapping arithmetic: the table's size is below 2^31 slots, a term's number below its capacity)
        let slots = slotStorage, mask = (1 &<< Int(truncatingIfNeeded: slotBits)) &- 1
        var i = Int(truncatingIfNeeded: h &>> (64 &- slotBits))
        while true {
            let k = Int(slots[i])
            if k < 0 { break }
            if terms[k].word == first, Int(terms[k].length) == n, n <= 8 || TermCollector.sameAfterEight(arena + Int(terms[k].start), b, n) { return k }
            i = (i &+ 1) & mask
        }
        let k = count
        precondition(k < termCapacity)
        count = k &+ 1
        slots[i] = Int32(truncatingIfNeeded: k)
        if arenaCount + n > arenaCapacity {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(arenaCapacity * 2, arenaCount + n) + 8)
            grown.update(from: arena, count: arenaCount)
            arena.deallocate()
            arena = grown
            arenaCapacity = max(arenaCapacity * 2, arenaCount + n)
        }
        // terms are short: copied eight bytes at a time (`b` has eight readable bytes past the term, the arena
        // eight bytes of room past its capacity; what a copy writes past the term, the next term overwrites)
        let to = UnsafeMutableRawPointer(arena + arenaCount), from = UnsafeRawPointer(b)
        var copied = 0
        repeat {
            (to + copied).storeBytes(of: (from + copied).loadUnaligned(as: UInt64.self), as: UInt64.self)
            copied &+= 8
        } while copied < n
        (terms + k).initialize(to: Term(word: first, start: UInt32(truncatingIfNeeded: arenaCount), length: UInt32(truncatingIfNeeded: n), tf: 0, occurrences: 0))
        arenaCount &+= n
        if count &* 2 > mask { grow() }
        return k
    }

    /// Whether the `n`-byte terms at `a` and `b` have the same bytes past their first eight, compared a word at
    /// a time (each has eight readable bytes past its end: the arena's room, the token buffer's), not by a
    /// call to `memcmp` for a few bytes.
    @inline(__always) private static func sameAfterEight(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var at = 8
        while at < n {
            if SearchTokenizer.packed(a + at, n &- at) != SearchTokenizer.packed(b + at, n &- at) { return false }
            at &+= 8
        }
        return true
    }

    private mutating func grow() {
        let bits = slotBits + 1
        let size = 1 << Int(bits), mask = size - 1
        let slots = UnsafeMutablePointer<Int32>.allocate(capacity: size)
        slots.initialize(repeating: -1, count: size)
        for k in 0..<count {
            let b = arena + Int(terms[k].start), n = Int(terms[k].length)
            var i = Int(truncatingIfNeeded: TermCollector.hash(b, n, first: terms[k].word) >> (64 - bits))
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(k)
        }
        slotStorage.deallocate()
        slotStorage = slots
        slotBits = bits
    }

    mutating func term(_ bytes: UnsafeBufferPointer<UInt8>) {
        let k = id(bytes.baseAddress!, bytes.count)
        terms[k].tf &+= weight
        terms[k].occurrences &+= 1
        let j = occurrences
        precondition(j < occurrenceCapacity)
        occurrenceTerm[j] = Int32(truncatingIfNeeded: k)
        occurrencePosition[j] = position
        occurrences = j &+ 1
        position &+= 1
        length &+= weight
    }

    /// Reads one field of the cable, its terms counting `weight` times, and leaves a gap of positions after it.
    mutating func field(_ text: String, weight: UInt32) {
        var text = text
        text.withUTF8 { field($0, weight: weight) }
    }

    /// `field` on the UTF-8 bytes of the text.
    mutating func field(_ utf8: UnsafeBufferPointer<UInt8>, weight: UInt32) {
        self.weight = weight
        SearchTokenizer.scan(utf8, into: &self)
        position += SearchDocument.fieldGap
    }

    /// A term without positions (filters, ids).
    mutating func filter(_ term: String) {
        var term = term
        term.withUTF8 { b in
            // a copy with room for the word loads past its end
            let padded = UnsafeMutablePointer<UInt8>.allocate(capacity: b.count + 8)
            padded.initialize(repeating: 0, count: b.count + 8)
            if let base = b.baseAddress { padded.update(from: base, count: b.count) }
            _ = id(padded, b.count)
            padded.deallocate()
        }
    }

    // MARK: the document

    /// The collected terms as a document: grouped by the indexer's partition, each with its FNV-1a hash and
    /// its positions in order.
    func document(_ doc: Int) -> SearchDocument {
        let count = self.count
        let partitions = SearchIndexer.partitionCount
        // the published hash of each distinct term, and the terms ordered by partition
        let hashes = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, count))
        defer { hashes.deallocate() }
        // (counted on the stack: an array's element, incremented, is checked for a shared buffer each time)
        let (partitionStart, order) = withUnsafeTemporaryAllocation(of: Int.self, capacity: partitions + 1) { next in
            next.initialize(repeating: 0)
            for k in 0..<count {
                let h = SearchHash.fnv32(UnsafeBufferPointer(start: arena + Int(terms[k].start), count: Int(terms[k].length)))
                hashes[k] = h
                next[SearchIndexer.partition(h) &+ 1] &+= 1
            }
            for p in 0..<partitions { next[p &+ 1] &+= next[p] }
            let partitionStart = Array(next)
            let order = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, count))
            for k in 0..<count { let p = SearchIndexer.partition(hashes[k]); order[next[p]] = Int32(truncatingIfNeeded: k); next[p] &+= 1 }
            return (partitionStart, order)
        }
        defer { order.deallocate() }

        // where each term's positions start in the document's order (wrapping sums: of counts and lengths
        // bounded by the text's size, which the initializer checked)
        let positionAt = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, count))
        defer { positionAt.deallocate() }
        var at: UInt32 = 0, bytes = 0
        for r in 0..<count {
            let k = Int(order[r])
            positionAt[k] = at
            at &+= terms[k].occurrences
            bytes &+= Int(terms[k].length)
        }
        let occurrences = self.occurrences
        let positions = [UInt32](unsafeUninitializedCapacity: occurrences) { out, initialized in
            // occurrences are in position order, so each term's positions come out ascending
            for j in 0..<occurrences {
                let k = Int(occurrenceTerm[j])
                out[Int(positionAt[k])] = occurrencePosition[j]
                positionAt[k] &+= 1
            }
            initialized = occurrences
        }
        // terms are short: copied eight bytes at a time (the arena and this buffer have eight bytes to spare;
        // what a copy writes past its term, the next one overwrites)
        let termBytes = [UInt8](unsafeUninitializedCapacity: bytes + 8) { out, initialized in
            let out = UnsafeMutableRawPointer(out.baseAddress!)
            var to = 0
            for r in 0..<count {
                let k = Int(order[r]), n = Int(terms[k].length)
                let from = UnsafeRawPointer(arena + Int(terms[k].start))
                var i = 0
                repeat {
                    (out + (to &+ i)).storeBytes(of: (from + i).loadUnaligned(as: UInt64.self), as: UInt64.self)
                    i &+= 8
                } while i < n
                to &+= n
            }
            initialized = bytes
        }
        // each term's bytes' and positions' starts, its hash and frequency, in the document's order
        var termStart = [UInt32](repeating: 0, count: count + 1), positionStart = [UInt32](repeating: 0, count: count + 1)
        var orderedHashes = [UInt32](repeating: 0, count: count), frequencies = [UInt32](repeating: 0, count: count)
        var byteAt: UInt32 = 0, positionEnd: UInt32 = 0
        for r in 0..<count {
            let term = terms[Int(order[r])]
            orderedHashes[r] = hashes[Int(order[r])]
            frequencies[r] = term.tf
            byteAt &+= term.length; termStart[r &+ 1] = byteAt
            positionEnd &+= term.occurrences; positionStart[r &+ 1] = positionEnd
        }
        return SearchDocument(doc: doc, length: length, termBytes: termBytes, termStart: termStart, hashes: orderedHashes, frequencies: frequencies,
                              positionStart: positionStart, positions: positions, partitionStart: partitionStart)
    }
}
