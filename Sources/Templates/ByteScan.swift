/// Finding, in text, the next of the few bytes that need something (an entity), past the plain bytes between
/// them: the templates' HTML escaping. (The site's Markdown fast path and body decorator, whose stops depend on
/// the bytes around them, use `CTextScan`'s scans instead.)
public enum ByteScan {
    /// The index of the first byte of `bytes[start..<end]` whose entry in `marks` (one per byte value, 0 for a
    /// plain byte) is not 0, or `end` when there is none; plain runs are skipped eight bytes at a time.
    @inlinable @inline(__always)
    public static func firstMarked(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, marks: UnsafeBufferPointer<UInt8>) -> Int {
        var i = start
        while end - i >= 8 {
            let any = marks[Int(bytes[i])] | marks[Int(bytes[i + 1])] | marks[Int(bytes[i + 2])] | marks[Int(bytes[i + 3])]
                | marks[Int(bytes[i + 4])] | marks[Int(bytes[i + 5])] | marks[Int(bytes[i + 6])] | marks[Int(bytes[i + 7])]
            if any != 0 { break }
            i += 8
        }
        while i < end, marks[Int(bytes[i])] == 0 { i += 1 }
        return i
    }
}
