import Foundation

/// UTF-16 saved without its byte order mark (some exporters and `iconv -t UTF-16LE`), told from everything else
/// by what English text looks like in it: in the first few kilobytes, nearly every code unit is an ASCII character
/// (a NUL byte beside a printable byte or a line end), always on the same side. UTF-8, Windows-1252 and binary
/// data have NULs rarely or at random places; a UTF-8 file with a few NULs is not UTF-16 (it stays binary data).
enum UnmarkedUTF16 {
    /// How many leading bytes are looked at.
    static let window = 4096

    /// The byte order the bytes are UTF-16 in, or nil when they do not look like UTF-16 text.
    static func byteOrder(_ bytes: some Collection<UInt8>) -> ByteOrderMark? {
        // every text read goes through here (each cable file of a build): text without a NUL in its head is
        // answered with one memchr, without a copy
        let noNUL = bytes.withContiguousStorageIfAvailable { p in
            p.baseAddress.map { memchr($0, 0, min(p.count, window)) == nil } ?? true
        }
        if noNUL == true { return nil }
        let head = Array(bytes.prefix(window))
        let units = head.count / 2
        guard units >= 4, head.contains(0) else { return nil }
        var asciiLE = 0, asciiBE = 0, nulPairs = 0
        for k in 0..<units {
            let (a, b) = (head[2 * k], head[2 * k + 1])
            if a == 0 && b == 0 { nulPairs += 1 }
            if b == 0, isText(a) { asciiLE += 1 }
            if a == 0, isText(b) { asciiBE += 1 }
        }
        // nine units in ten ASCII, the rest other characters (quotes, dashes, accented letters); never NUL itself
        let needed = units - units / 10
        guard nulPairs == 0 else { return nil }
        if asciiLE >= needed { return .utf16LE }
        if asciiBE >= needed { return .utf16BE }
        return nil
    }

    /// A printable ASCII byte or the white space of text (tab, line feed, form feed, carriage return).
    private static func isText(_ b: UInt8) -> Bool {
        (0x20...0x7E).contains(b) || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D
    }
}
