/// The encoding of a CSV read in chunks, settled by its first bytes, and its chunks as the UTF-8 the reader
/// scans: UTF-16 (with its byte order mark, as Excel's "Unicode text" and LibreOffice save it, or without, its
/// first two code units ASCII with the NUL byte on the same side) is turned into UTF-8 as it streams; anything
/// else passes through untouched (a UTF-8 byte order mark is the reader's to skip).
///
/// A chunk may end inside a code unit or between the two halves of a surrogate pair: what is not yet whole is
/// held for the next chunk (an unpaired surrogate becomes U+FFFD, a lone last byte is dropped).
struct CSVInputEncoding: Sendable {
    /// How many bytes are looked at before deciding.
    private static let headSize = 4

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
            guard held.count >= Self.headSize || atEOF else { return [] }
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
        guard head.count >= headSize else { return .utf8 }
        func isText(_ b: UInt8) -> Bool { (0x20...0x7E).contains(b) || b == 0x0A || b == 0x0D || b == 0x09 }
        if head[1] == 0, head[3] == 0, isText(head[0]), isText(head[2]) { return .utf16(.utf16LE) }
        if head[0] == 0, head[2] == 0, isText(head[1]), isText(head[3]) { return .utf16(.utf16BE) }
        return .utf8
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
