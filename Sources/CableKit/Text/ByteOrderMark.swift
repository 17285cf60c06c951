/// A file's byte order mark, and the UTF-8 its text is once the mark is settled: Notepad's "Unicode"
/// (UTF-16 LE), "Unicode big endian" and "UTF-8 with BOM", as files saved on Windows arrive.
///
/// UTF-16 with a mark is turned into UTF-8 (an unpaired surrogate becomes U+FFFD); a UTF-8 mark is
/// dropped; UTF-16 without a mark is recognised by its text (`UnmarkedUTF16`) and read the same way;
/// anything else is left as it is.
public enum ByteOrderMark: String, Sendable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"

    /// The mark `bytes` open with; nil when they open with none.
    public static func of(_ bytes: some Collection<UInt8>) -> ByteOrderMark? {
        var it = bytes.makeIterator()
        guard let b0 = it.next(), let b1 = it.next() else { return nil }
        if b0 == 0xFF, b1 == 0xFE { return .utf16LE }
        if b0 == 0xFE, b1 == 0xFF { return .utf16BE }
        if b0 == 0xEF, b1 == 0xBB, it.next() == 0xBF { return .utf8 }
        return nil
    }

    /// The bytes as UTF-8 without a mark, and the encoding to record when they were UTF-16 (nil otherwise:
    /// a UTF-8 mark is not an encoding of its own). UTF-16 without a mark is recorded as the marked kind is;
    /// other bytes without a mark are returned as they are.
    public static func unicodeBytes(_ bytes: [UInt8]) -> (bytes: [UInt8], encoding: String?) {
        switch of(bytes) {
        case nil:
            guard let order = UnmarkedUTF16.byteOrder(bytes) else { return (bytes, nil) }
            return (transcode(bytes[...], bigEndian: order == .utf16BE), order.rawValue)
        case .utf8?: return (Array(bytes.dropFirst(3)), nil)
        case let mark?: return (transcode(bytes.dropFirst(2), bigEndian: mark == .utf16BE), mark.rawValue)
        }
    }

    /// UTF-16 code units (two bytes each, a lone last byte dropped) as UTF-8.
    static func transcode(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 2 + bytes.count / 8)
        var i = bytes.startIndex
        func unit() -> UInt16? {
            guard i + 1 < bytes.endIndex else { return nil }
            let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            i += 2
            return bigEndian ? a << 8 | b : b << 8 | a
        }
        var pending: UInt16? = nil
        while let u = pending ?? unit() {
            pending = nil
            var scalar: Unicode.Scalar = "\u{FFFD}"
            if u < 0xD800 || u > 0xDFFF {
                scalar = Unicode.Scalar(u) ?? "\u{FFFD}"
            } else if u < 0xDC00, let low = unit() {
                if low >= 0xDC00, low <= 0xDFFF {
                    scalar = Unicode.Scalar(0x10000 + (UInt32(u - 0xD800) << 10) + UInt32(low - 0xDC00)) ?? "\u{FFFD}"
                } else {
                    pending = low   // a high surrogate alone: the next unit stands for itself
                }
            }
            UTF8.encode(scalar) { out.append($0) }
        }
        return out
    }
}
