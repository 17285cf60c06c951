/// Turns bytes of unknown encoding into text: UTF-8 when the bytes are valid UTF-8, otherwise
/// Windows-1252, the code page of the older exports and mirrors that are not UTF-8, for the bytes that
/// are not UTF-8 (a UTF-8 text with a stray Windows-1252 quote keeps the rest of its UTF-8, and is reported as
/// `utf-8+windows-1252`; a text with no UTF-8 beyond ASCII as `windows-1252`). A byte order mark
/// decides first: UTF-16 with one is read as UTF-16, a UTF-8 one is dropped (`ByteOrderMark`); so is
/// UTF-16 without one (`UnmarkedUTF16`).
///
/// Windows-1252 leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D). They decode to
/// U+FFFD, not to the C1 control characters the WHATWG table uses: a cable never means a C1
/// control, and a visible replacement character is safer in YAML and HTML than an invisible one.
public enum TextDecoding {
    /// The `encoding` reported when the bytes were not UTF-8 and none of them but ASCII was.
    public static let windows1252 = "windows-1252"
    /// The `encoding` reported for UTF-8 with a few bytes that are not (a smart quote pasted in), read as
    /// Windows-1252: characters beyond ASCII of both.
    public static let utf8WithWindows1252 = "utf-8+windows-1252"

    /// Decodes `bytes` as UTF-8, or as Windows-1252 when they are not valid UTF-8; UTF-16 when they open
    /// with its byte order mark or look like UTF-16 text without one.
    /// - Returns: the text, and `"windows-1252"` when the fallback was used, `"utf-8+windows-1252"` when it was
    ///   used for some bytes of a text that has UTF-8 beyond ASCII too, `"utf-16le"` or `"utf-16be"` for UTF-16
    ///   (`nil` for UTF-8).
    public static func decode(_ bytes: some Collection<UInt8>) -> (text: String, encoding: String?) {
        if ByteOrderMark.of(bytes) != nil || UnmarkedUTF16.byteOrder(bytes) != nil {
            let (unicode, encoding) = ByteOrderMark.unicodeBytes(Array(bytes))
            let decoded = unicode.withUnsafeBufferPointer { decode(buffer: $0) }
            return (decoded.text, encoding ?? decoded.encoding)
        }
        if let result = bytes.withContiguousStorageIfAvailable({ decode(buffer: $0) }) { return result }
        return Array(bytes).withUnsafeBufferPointer { decode(buffer: $0) }
    }

    /// Whether `decode(bytes)` gives back the bytes themselves as its text (UTF-8 without a byte-order mark, not
    /// UTF-16): then a reader may use the bytes as they are, without making a `String` of them.
    public static func isPlainUTF8(_ bytes: [UInt8]) -> Bool {
        ByteOrderMark.of(bytes) == nil && UnmarkedUTF16.byteOrder(bytes) == nil && bytes.withUnsafeBufferPointer { isValidUTF8($0) }
    }

    /// `decode(_:)` on contiguous bytes; the form the readers' hot paths use.
    static func decode(buffer: UnsafeBufferPointer<UInt8>) -> (text: String, encoding: String?) {
        if #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) {
            // One validating pass in the standard library (faster than `String(decoding:as:)`).
            if let text = String(validating: buffer, as: UTF8.self) { return (text, nil) }
        } else if isValidUTF8(buffer) {
            // Valid, so the initializer's own check never repairs anything.
            let text = String(unsafeUninitializedCapacity: buffer.count) { out in
                _ = out.initialize(fromContentsOf: buffer)
                return buffer.count
            }
            return (text, nil)
        }
        let (text, keptUTF8) = decodeWindows1252(buffer)
        return (text, keptUTF8 ? utf8WithWindows1252 : windows1252)
    }

    /// The length of the well-formed UTF-8 sequence of two to four bytes at `i`; nil when none starts there.
    @inline(__always)
    static func sequenceLength(_ base: UnsafePointer<UInt8>, at i: Int, count n: Int) -> Int? {
        let b0 = base[i]
        let need: Int
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF    // allowed range of the second byte
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F
        case 0xF0: need = 3; lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F
        default: return nil
        }
        guard i + need < n, base[i + 1] >= lo, base[i + 1] <= hi else { return nil }
        var k = 2
        while k <= need {
            guard base[i + k] & 0xC0 == 0x80 else { return nil }
            k += 1
        }
        return need + 1
    }

    /// `true` when `bytes` are well-formed UTF-8: then `decode(_:)` gives a text of the same bytes.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0) }
    }

    /// `true` when `buffer` is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
    /// nothing above U+10FFFF). ASCII runs are checked 32 bytes at a time, then eight.
    public static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let n = buffer.count
        var i = 0
        while i < n {
            // Fast path: skip whole words of ASCII, four at a time with one test (a cable's body is checked
            // twice a build: read for its front matter, and for its page)
            while i + 32 <= n, (raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                                | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
                                & 0x8080_8080_8080_8080 == 0 {
                i += 32
            }
            while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < n else { break }
            if base[i] < 0x80 { i += 1; continue }
            guard let length = sequenceLength(base, at: i, count: n) else { return false }
            i += length
        }
        return true
    }

    /// Decodes bytes that are not all UTF-8 (never fails): each well-formed UTF-8 sequence as UTF-8, every other
    /// byte as Windows-1252. A Windows-1252 text is read as such (its accented letters and smart quotes do not
    /// form UTF-8 sequences), and so are the few Windows-1252 bytes pasted into a UTF-8 text (a `’` typed in
    /// Word), which leave its `¶` and `’` as they are instead of turning the whole text into `Â¶`. `keptUTF8`
    /// says whether any sequence of UTF-8 beyond ASCII was kept.
    static func decodeWindows1252(_ buffer: UnsafeBufferPointer<UInt8>) -> (text: String, keptUTF8: Bool) {
        var keptUTF8 = false
        // Each byte becomes at most three UTF-8 bytes (U+20AC and friends).
        let text = String(unsafeUninitializedCapacity: buffer.count * 3) { out in
            guard let base = buffer.baseAddress else { return 0 }
            var o = 0
            var i = 0
            while i < buffer.count {
                let b = base[i]
                if b < 0x80 {
                    out[o] = b; o += 1; i += 1
                    continue
                }
                if let length = sequenceLength(base, at: i, count: buffer.count) {
                    for k in 0..<length { out[o + k] = base[i + k] }
                    o += length; i += length
                    keptUTF8 = true
                    continue
                }
                i += 1
                let v = UInt32(windows1252Scalar(b).value)
                if v < 0x800 {
                    out[o] = UInt8(0xC0 | (v >> 6)); out[o + 1] = UInt8(0x80 | (v & 0x3F)); o += 2
                } else {
                    out[o] = UInt8(0xE0 | (v >> 12)); out[o + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    out[o + 2] = UInt8(0x80 | (v & 0x3F)); o += 3
                }
            }
            return o
        }
        return (text, keptUTF8)
    }

    /// The character a Windows-1252 byte stands for (U+FFFD for the five undefined bytes).
    @inline(__always)
    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte < 0x80 || byte >= 0xA0 { return Unicode.Scalar(byte) }
        return Unicode.Scalar(windows1252High[Int(byte) - 0x80])!
    }

    /// Windows-1252 0x80…0x9F (0xFFFD where the code page defines nothing).
    private static let windows1252High: [UInt16] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,   // 80–87
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,   // 88–8F
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,   // 90–97
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,   // 98–9F
    ]
}
