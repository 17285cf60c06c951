import ChanceryIO

/// The import record's file: a header line, then one line an entry, tab-separated, written and parsed on
/// bytes (50,000 entries are 8 MB, and load in 50–90 ms on a 2-core machine):
///
///     chancery import record 1 ⇥ <entries> ⇥ <tool identity>
///     <sha256> ⇥ <format> ⇥ <name> ⇥ <id> ⇥ <folder> ⇥ <size> ⇥ <ns> ⇥ <original's extension> ⇥ <size> ⇥ <ns>
///
/// that is: the input of this SHA-256 (hex), format and name gave `<id>`, and `Content/cables/<folder>/<id>.md`
/// and `<folder>/<id>.<extension>` had these sizes and modification times (in nanoseconds).
extension ImportRecord {
    /// The file's bytes, the entries in the order they were added.
    func encode(tool: String) -> [UInt8] {
        let count = items.reduce(0) { $0 + (Self.isWritable($1) ? 1 : 0) }
        var out: [UInt8] = []
        out.reserveCapacity(64 + count * 180)
        out.append(contentsOf: "\(Self.format)\t\(count)\t\(tool)\n".utf8)
        for item in items where Self.isWritable(item) { Self.appendLine(item.key, item.entry, to: &out) }
        return out
    }

    /// A name with a tab or a newline, or a time before 1970, cannot be written: its input is read again.
    private static func isWritable(_ item: Item) -> Bool {
        !item.key.name.utf8.contains { $0 == tab || $0 == newline } && item.entry.markdownStamp.modified >= 0 && item.entry.originalStamp.modified >= 0
    }

    private static func appendLine(_ key: Key, _ e: Entry, to out: inout [UInt8]) {
        key.sha256.appendHex(to: &out)
        func append(_ text: String) { out.append(tab); out.append(contentsOf: text.utf8) }
        append(key.format); append(key.name); append(e.id); append(e.folder)
        out.append(tab); appendNumber(e.markdownStamp.size, to: &out)
        out.append(tab); appendNumber(Int(e.markdownStamp.modified), to: &out)
        out.append(tab); out.append(contentsOf: e.originalExtension.utf8)
        out.append(tab); appendNumber(e.originalStamp.size, to: &out)
        out.append(tab); appendNumber(Int(e.originalStamp.modified), to: &out)
        out.append(newline)
    }

    private static func appendNumber(_ n: Int, to out: inout [UInt8]) {
        var digits = (UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &digits) { buffer in
            var v = UInt64(clamping: n), i = buffer.count
            repeat { i -= 1; buffer[i] = UInt8(ascii: "0") + UInt8(v % 10); v /= 10 } while v > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[i...]))
        }
    }

    /// The record in `bytes`; nil when it is malformed, truncated, or written by another tool than `tool`.
    /// Entries with a stamp at or after `savedAt` (the record file's time) are left out.
    static func decode(_ bytes: [UInt8], tool: String, savedAt: Int64 = .max) -> ImportRecord? {
        bytes.withUnsafeBufferPointer { buffer in
            var r = Reader(bytes: buffer)
            guard let name = r.field(endingWith: tab), name.elementsEqual(format.utf8), let count = r.number(endingWith: tab),
                  let identity = r.field(endingWith: newline), identity.elementsEqual(tool.utf8) else { return nil }
            var record = ImportRecord(capacity: count)
            var read = 0
            func text(_ field: UnsafeBufferPointer<UInt8>) -> String { String(decoding: field, as: UTF8.self) }
            while !r.atEnd {
                guard let sha256 = r.field(endingWith: tab).flatMap(Digest.init(hex:)), let format = r.field(endingWith: tab),
                      let name = r.field(endingWith: tab), let id = r.field(endingWith: tab), let folder = r.field(endingWith: tab),
                      let mdSize = r.number(endingWith: tab), let mdTime = r.number(endingWith: tab), let ext = r.field(endingWith: tab),
                      let origSize = r.number(endingWith: tab), let origTime = r.number(endingWith: newline) else { return nil }
                read += 1
                guard mdTime < savedAt, origTime < savedAt else { continue }
                record.add(Key(sha256: sha256, format: text(format), name: text(name)),
                           Entry(id: text(id), folder: text(folder), markdownStamp: DiskIO.Stamp(size: mdSize, modified: Int64(mdTime)),
                                 originalExtension: text(ext), originalStamp: DiskIO.Stamp(size: origSize, modified: Int64(origTime))))
            }
            return read == count ? record : nil
        }
    }

    private static var tab: UInt8 { UInt8(ascii: "\t") }
    private static var newline: UInt8 { UInt8(ascii: "\n") }

    /// Reads a record's fields in order, each ended by a tab, the last of a line by a newline.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var atEnd: Bool { position >= bytes.count }

        /// The bytes up to `end` (a tab or a newline), which is passed; nil when the other separator or the
        /// end of the bytes comes first.
        mutating func field(endingWith end: UInt8) -> UnsafeBufferPointer<UInt8>? {
            let start = position
            while position < bytes.count {
                let b = bytes[position]
                position += 1
                if b == ImportRecord.tab || b == ImportRecord.newline {
                    return b == end ? UnsafeBufferPointer(rebasing: bytes[start..<(position - 1)]) : nil
                }
            }
            return nil
        }

        /// A decimal number that fits an `Int`, up to `end`; nil for anything else.
        mutating func number(endingWith end: UInt8) -> Int? {
            guard let digits = field(endingWith: end), !digits.isEmpty, digits.count <= 19 else { return nil }
            var n = 0
            for d in digits {
                guard d &- UInt8(ascii: "0") < 10 else { return nil }
                let (times10, o1) = n.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(Int(d &- UInt8(ascii: "0")))
                guard !o1, !o2 else { return nil }
                n = sum
            }
            return n
        }
    }
}
