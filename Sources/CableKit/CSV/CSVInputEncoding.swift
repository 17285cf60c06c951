/// The encoding of a CSV read in chunks, settled by its first bytes, and its chunks as the UTF-8 the reader
/// scans: UTF-16 (with its byte order mark, as Excel's "Unicode text" and LibreOffice save it, or without, told
/// as a text file's is, by `UnmarkedUTF16`) is turned into UTF-8 as it streams; anything
/// else passes through untouched (a UTF-8 byte order mark is the reader's to skip).
///
/// A chunk may end inside a code unit or between the two halves of a surrogate pair: what is not yet whole is
/// held for the next chunk (an unpaired surrogate becomes U+FFFD, a lone last byte is dropped).
struct CSVInputEncoding: Sendable {
    /// How many bytes are looked at before deciding: as many as `UnmarkedUTF16` reads of a text file.
    private static let headSize = UnmarkedUTF16.window

    private enum Mode: Sendable {
        case undecided
        case utf8
        case utf16(ByteOrderMark)
    }

    private var mode = Mode.undecided
    /// Bytes held back: the head while undecided, then a part of a code unit or a high surrogate.
    private var held: [UInt8] = []

    /// The input is known not to be UTF-16: its chunks are scanned as they are, without a copy here.
    var passesThrough: Bool {
        if case .utf8 = mode { return true }
        return false
    }

    /// `utf-16le` or `utf-16be` once the input is known to be UTF-16; nil for anything else.
    var encoding: String? {
        if case .utf16(let order) = mode { return order.rawValue }
        return nil
    }

    /// The bytes of `chunk` to scan, as far as they can be given now; `atEOF` gives everything held.
    mutating func decode(_ chunk: UnsafeRawBufferPointer, atEOF: Bool = false) -> [UInt8] {
        switch mode {
        case .utf8:
            return Array(chunk)
        case .undecided:
            held.append(contentsOf: chunk)
            // a head whose first two code units hold no NUL is no UTF-16 (of a CSV's ASCII header): decided at
            // once, so that rows arrive as soon as they are complete
            guard held.count >= Self.headSize || atEOF || held.count >= 4 && !held[..<4].contains(0) else { return [] }
            let head = held
            held = []
            mode = Self.settle(head)
            switch mode {
            case .utf16(let order):
                let body = ByteOrderMark.of(head) == order ? Array(head.dropFirst(2)) : head
                return body.withUnsafeBytes { transcode($0, order: order, atEOF: atEOF) }
            default:
                return head
            }
        case .utf16(let order):
            return transcode(chunk, order: order, atEOF: atEOF)
        }
    }

    /// The mode the first bytes show.
    private static func settle(_ head: [UInt8]) -> Mode {
        if let mark = ByteOrderMark.of(head), mark != .utf8 { return .utf16(mark) }
        return UnmarkedUTF16.byteOrder(head).map(Mode.utf16) ?? .utf8
    }

    /// The whole code units of what is held and `chunk` as UTF-8; an odd byte, and a high surrogate that may be
    /// paired by the next chunk, are held.
    private mutating func transcode(_ chunk: UnsafeRawBufferPointer, order: ByteOrderMark, atEOF: Bool) -> [UInt8] {
        var units = held
        units.append(contentsOf: chunk)
        var end = units.count - units.count % 2
        if !atEOF, end >= 2 {
            let last = order == .utf16BE ? UInt16(units[end - 2]) << 8 | UInt16(units[end - 1])
                : UInt16(units[end - 1]) << 8 | UInt16(units[end - 2])
            if (0xD800...0xDBFF).contains(last) { end -= 2 }
        }
        if atEOF { end = units.count }
        held = Array(units[end...])
        return ByteOrderMark.transcode(units[..<end], bigEndian: order == .utf16BE)
    }
}
