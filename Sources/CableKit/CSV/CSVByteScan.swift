/// Word-at-a-time (SWAR) byte searches for the CSV reader's hot loops: eight bytes per step instead
/// of one. Little- or big-endian safe: positions are taken from loads in memory order.
enum CSVByteScan {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080
    static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// Nonzero when some byte of `w` equals the byte splatted in `pattern`; the lowest flagged byte
    /// (in memory order on little-endian) is exact, higher ones may be false positives.
    @inline(__always)
    static func anyZero(_ w: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = w ^ pattern
        return (x &- ones) & ~x
    }

    /// The high bit set in exactly the bytes of `w` equal to the byte splatted in `pattern`.
    @inline(__always)
    static func exactZero(_ w: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = w ^ pattern
        return ~(((x & lows) &+ lows) | x | lows)
    }

    @inline(__always)
    static func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// Index of the first byte in `i..<end` that is `a`, `b` or `c`, or `end`; also counts the line
    /// feeds before it into `lineFeeds` (none of `a`, `b`, `c` may be a line feed).
    @inline(__always)
    static func find(_ base: UnsafePointer<UInt8>, from start: Int, end: Int,
                     _ a: UInt8, _ b: UInt8, _ c: UInt8, lineFeeds: inout Int) -> Int {
        let pa = UInt64(a) &* ones, pb = UInt64(b) &* ones, pc = UInt64(c) &* ones
        let plf = UInt64(0x0A) &* ones
        var i = start
        var lines = 0
        while i + 8 <= end {
            let w = load(base + i)
            let stop = (anyZero(w, pa) | anyZero(w, pb) | anyZero(w, pc)) & highs
            let lf = exactZero(w, plf)
            if stop != 0 {
                let bit = stop.trailingZeroBitCount          // 8k + 7 for byte k
                lines += (lf & ((1 &<< UInt64(bit)) &- 1)).nonzeroBitCount
                lineFeeds += lines
                return i + bit >> 3
            }
            lines += lf.nonzeroBitCount
            i += 8
        }
        while i < end {
            let x = base[i]
            if x == a || x == b || x == c { break }
            if x == 0x0A { lines += 1 }
            i += 1
        }
        lineFeeds += lines
        return i
    }
}
