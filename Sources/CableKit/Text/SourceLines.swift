import Foundation

/// A text document as UTF-8 bytes with a table of its lines, so parsers can look at any line by
/// number without copying. Line numbers in diagnostics are `index + 1`. A line ends with `\n`, `\r\n` or
/// a lone `\r` (classic Mac OS files and some old exports).
public struct SourceLines: Sendable {
    public let bytes: [UInt8]
    /// Byte ranges of the lines, without the line break.
    public let ranges: [Range<Int>]
    /// The 1-based line number in the file of each line, when lines were left out (`DoubleSpacing`); nil
    /// when every line is there (line `i` is then number `i + 1`).
    let numbers: [Int]?

    public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    public init(bytes: [UInt8]) {
        var bytes = bytes
        // No-break spaces (U+00A0, C2 A0) read as two spaces, so every byte offset stays the same. Found with
        // memchr, hopping from one C2 to the next (`¶`, C2 B6, is on most lines of a cable); the bytes are
        // copied only when there is one.
        if let first = Self.firstNoBreakSpace(bytes, from: 0) {
            bytes.withUnsafeMutableBufferPointer { p in
                var i: Int? = first
                while let k = i {
                    p[k] = 0x20; p[k + 1] = 0x20
                    i = Self.firstNoBreakSpace(UnsafeBufferPointer(p), from: k + 2)
                }
            }
        }
        self.bytes = bytes
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            if Self.hasLoneCR(p) { ranges = Self.linesEndingWithCR(p); return }
            var start = 0
            while start < p.count, let hit = memchr(base + start, Int32(ASCII.newline), p.count - start) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                var end = i
                if end > start, p[end - 1] == ASCII.cr { end -= 1 }
                ranges.append(start..<end)
                start = i + 1
            }
            if start < p.count {
                var end = p.count
                if end > start, p[end - 1] == ASCII.cr { end -= 1 }
                ranges.append(start..<end)
            }
        }
        self.ranges = ranges
        self.numbers = nil
    }

    /// A `\r` not followed by `\n` (found with memchr, hopping from one `\r` to the next).
    private static func hasLoneCR(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = p.baseAddress else { return false }
        var i = 0
        while i < p.count, let hit = memchr(base + i, Int32(ASCII.cr), p.count - i) {
            let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if k + 1 == p.count || p[k + 1] != ASCII.newline { return true }
            i = k + 2
        }
        return false
    }

    /// The lines of a text with lone `\r` line ends (perhaps mixed with `\n` and `\r\n`).
    private static func linesEndingWithCR(_ p: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0, i = 0
        while i < p.count {
            let b = p[i]
            if b == ASCII.newline || b == ASCII.cr {
                ranges.append(start..<i)
                i += b == ASCII.cr && i + 1 < p.count && p[i + 1] == ASCII.newline ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        if start < p.count { ranges.append(start..<p.count) }
        return ranges
    }

    /// Where the first `C2 A0` at or after `start` begins; nil when there is none.
    private static func firstNoBreakSpace(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { firstNoBreakSpace($0, from: start) }
    }

    private static func firstNoBreakSpace(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = p.baseAddress else { return nil }
        var i = start
        while i + 1 < p.count, let hit = memchr(base + i, 0xC2, p.count - 1 - i) {
            let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if p[k + 1] == 0xA0 { return k }
            i = k + 1
        }
        return nil
    }

    init(bytes: [UInt8], ranges: [Range<Int>], numbers: [Int]?) { self.bytes = bytes; self.ranges = ranges; self.numbers = numbers }

    /// The 1-based number in the file of line `i`.
    func number(_ i: Int) -> Int { numbers?[i] ?? i + 1 }

    /// The same lines with every tab a space, byte for byte (offsets and line numbers stay): how a header is
    /// read, where a tab after `TO`, `TAGS:` or between an addressee and its precedence is a space. Nil when
    /// there is no tab (found with memchr).
    func withTabsAsSpaces() -> SourceLines? {
        let hasTab = bytes.withUnsafeBufferPointer { p in p.baseAddress.map { memchr($0, Int32(ASCII.tab), p.count) != nil } ?? false }
        guard hasTab else { return nil }
        return SourceLines(bytes: bytes.map { $0 == ASCII.tab ? ASCII.space : $0 }, ranges: ranges, numbers: numbers)
    }

    public var count: Int { ranges.count }
    public subscript(_ i: Int) -> ArraySlice<UInt8> { bytes[ranges[i]] }
    public func string(_ i: Int) -> String { bytes[ranges[i]].string }
    func trimmed(_ i: Int) -> ArraySlice<UInt8> { bytes[ranges[i]].trimmed }
    func isBlank(_ i: Int) -> Bool { bytes[ranges[i]].isBlank }
}
