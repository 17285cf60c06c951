import Foundation

/// A text document as UTF-8 bytes with a table of its lines, so parsers can look at any line by
/// number without copying. Line numbers in diagnostics are `index + 1`.
public struct SourceLines: Sendable {
    public let bytes: [UInt8]
    /// Byte ranges of the lines, without the line break (a trailing `\r` is excluded too).
    public let ranges: [Range<Int>]

    public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    public init(bytes: [UInt8]) {
        var bytes = bytes
        // No-break spaces (U+00A0, C2 A0) read as two spaces, so every byte offset stays the same.
        if bytes.contains(0xC2) {
            for i in 0..<(bytes.count - 1) where bytes[i] == 0xC2 && bytes[i + 1] == 0xA0 { bytes[i] = 0x20; bytes[i + 1] = 0x20 }
        }
        self.bytes = bytes
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
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
    }

    public var count: Int { ranges.count }
    public subscript(_ i: Int) -> ArraySlice<UInt8> { bytes[ranges[i]] }
    public func string(_ i: Int) -> String { bytes[ranges[i]].string }
    func trimmed(_ i: Int) -> ArraySlice<UInt8> { bytes[ranges[i]].trimmed }
    func isBlank(_ i: Int) -> Bool { bytes[ranges[i]].isBlank }
}
