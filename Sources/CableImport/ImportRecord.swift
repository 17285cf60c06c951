import CableKit
import ChanceryIO

/// What earlier imports stored, kept in `<root>/.chancery/import-record` so that an input imported before
/// is known to be unchanged without being parsed: for an input's SHA-256, the `--format` it was read with
/// and its name, the id it gave and where its Markdown and original are, with their size and time.
///
/// An entry is only used while both stored files keep those stamps: a file edited, moved or removed since
/// sends its input the ordinary way. A record written by another build of the tool is ignored whole (its
/// parser may read the same bytes differently), and so is a malformed one. Entries whose stamps are not
/// older than the record itself are dropped when it is loaded, as git does with "racily clean" files: a
/// file changed in the same clock tick as it was recorded could keep its stamp.
///
/// One line a field set, tab-separated, parsed on bytes (50,000 entries load in about 30 ms):
///
///     chancery import record 1 ⇥ <entries> ⇥ <tool identity>
///     <sha256> ⇥ <format> ⇥ <name> ⇥ <id> ⇥ <markdown> ⇥ <size> ⇥ <ns> ⇥ <original> ⇥ <size> ⇥ <ns>
///
/// Paths are relative to `Content/cables`.
struct ImportRecord: Sendable {
    static let format = "chancery import record 1"

    /// What an input is known by: everything its reading depends on besides the tool itself.
    struct Key: Hashable, Sendable {
        /// Of the input's bytes; for a CSV row, of its original (`CablegateRow.original`).
        var sha256: String
        /// `auto`, the `--format` given, or `csv` for a CSV row.
        var format: String
        /// The file's name (the reader takes the format from its extension and, when the text has none,
        /// the id from it); for a CSV row, its id column.
        var name: String

        static func file(_ path: String, sha256: String, format: SourceFormat?) -> Key {
            Key(sha256: sha256, format: format?.rawValue ?? "auto", name: CableReader.baseName(path))
        }

        static func row(id: String, sha256: String) -> Key { Key(sha256: sha256, format: "csv", name: id) }
    }

    /// The cable an input gave and its files as they were once stored.
    struct Entry: Sendable, Equatable {
        var id: String
        /// `2009/09STATE40423.md`
        var markdown: String
        var markdownStamp: DiskIO.Stamp
        /// `2009/09STATE40423.txt`
        var original: String
        var originalStamp: DiskIO.Stamp

        /// The entry for what `store` just kept, with the files' stamps now; nil when one cannot be read.
        init?(_ stored: CableStore.Stored, id: String, in directory: String) {
            guard let markdown = stored.markdown, let original = stored.original,
                  let markdownStamp = DiskIO.stamp(directory + "/" + markdown),
                  let originalStamp = DiskIO.stamp(directory + "/" + original) else { return nil }
            self.init(id: id, markdown: markdown, markdownStamp: markdownStamp, original: original, originalStamp: originalStamp)
        }

        init(id: String, markdown: String, markdownStamp: DiskIO.Stamp, original: String, originalStamp: DiskIO.Stamp) {
            self.id = id; self.markdown = markdown; self.markdownStamp = markdownStamp
            self.original = original; self.originalStamp = originalStamp
        }

        /// Both files under `directory` still have their stamps.
        func isUnchanged(in directory: String) -> Bool {
            DiskIO.stamp(directory + "/" + markdown) == markdownStamp && DiskIO.stamp(directory + "/" + original) == originalStamp
        }

        /// The store holds this cable as recorded: its Markdown is the one the store found for the id
        /// (not another copy in another year's folder), and both files still have their stamps.
        func isCurrent(in store: CableStore) -> Bool {
            guard let year = store.existing[id], markdown == "\(year)/\(id).md" else { return false }
            return isUnchanged(in: store.directory)
        }
    }

    private(set) var entries: [Key: Entry] = [:]
    /// The keys in the order they were added, the order they are saved in.
    private(set) var order: [Key] = []

    init() {}

    var isEmpty: Bool { entries.isEmpty }
    subscript(key: Key) -> Entry? { entries[key] }

    mutating func add(_ key: Key, _ entry: Entry) {
        if entries.updateValue(entry, forKey: key) == nil { order.append(key) }
    }

    /// `<root>/.chancery/import-record` (`.chancery/import-record` for `.`), beside the build cache.
    static func file(root: String) -> String { (root == "." ? "" : root + "/") + ".chancery/import-record" }

    /// The record at `path` if `tool` wrote it, without its racy entries; empty when there is none.
    static func load(_ path: String, tool: String) -> ImportRecord {
        // the time first: a record replaced in between only makes more entries look racy
        guard let stamp = DiskIO.stamp(path), let bytes = try? DiskIO.read(path) else { return ImportRecord() }
        return decode(bytes, tool: tool, savedAt: stamp.modified) ?? ImportRecord()
    }

    /// Writes the record atomically (temporary file and rename).
    func save(_ path: String, tool: String) throws(DiskIO.Failure) {
        try DiskIO.write(encode(tool: tool), to: path)
    }

    func encode(tool: String) -> [UInt8] {
        // a name with a tab or a newline, or a time before 1970, cannot be written: its input is read again
        let kept = order.filter { key in
            let e = entries[key]!
            return !key.name.utf8.contains { $0 == Self.tab || $0 == Self.newline } && e.markdownStamp.modified >= 0 && e.originalStamp.modified >= 0
        }
        var out: [UInt8] = []
        out.reserveCapacity(64 + kept.count * 160)
        out += "\(Self.format)\t\(kept.count)\t\(tool)\n".utf8
        for key in kept {
            let e = entries[key]!
            let fields = [key.sha256, key.format, key.name, e.id, e.markdown, String(e.markdownStamp.size), String(e.markdownStamp.modified),
                          e.original, String(e.originalStamp.size), String(e.originalStamp.modified)]
            for (i, field) in fields.enumerated() {
                if i > 0 { out.append(Self.tab) }
                out += field.utf8
            }
            out.append(Self.newline)
        }
        return out
    }

    /// The record in `bytes`; nil when it is malformed, truncated, or written by another tool than `tool`.
    /// Entries with a stamp at or after `savedAt` (the record file's time) are left out.
    static func decode(_ bytes: [UInt8], tool: String, savedAt: Int64 = .max) -> ImportRecord? {
        bytes.withUnsafeBufferPointer { buffer in
            var lines = Fields(buffer[...], separator: newline, terminated: true)
            guard let header = lines.next() else { return nil }
            var parts = Fields(header, separator: tab, limit: 3)
            guard let name = parts.next(), name.elementsEqual(format.utf8), let count = parts.next().flatMap(number),
                  let identity = parts.next(), identity.elementsEqual(tool.utf8) else { return nil }
            var record = ImportRecord()
            record.entries.reserveCapacity(count)
            record.order.reserveCapacity(count)
            var read = 0
            func text(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> String { String(decoding: field, as: UTF8.self) }
            while let line = lines.next() {
                var f = Fields(line, separator: tab)
                guard let sha256 = f.next(), let format = f.next(), let name = f.next(), let id = f.next(), let markdown = f.next(),
                      let mdSize = f.next().flatMap(number), let mdTime = f.next().flatMap(number), let original = f.next(),
                      let origSize = f.next().flatMap(number), let origTime = f.next().flatMap(number), f.next() == nil else { return nil }
                read += 1
                guard mdTime < savedAt, origTime < savedAt else { continue }
                record.add(Key(sha256: text(sha256), format: text(format), name: text(name)),
                           Entry(id: text(id), markdown: text(markdown), markdownStamp: DiskIO.Stamp(size: mdSize, modified: Int64(mdTime)),
                                 original: text(original), originalStamp: DiskIO.Stamp(size: origSize, modified: Int64(origTime))))
            }
            return read == count && lines.endedWithSeparator ? record : nil
        }
    }

    private static let tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n")

    /// A decimal number that fits an `Int`; nil for anything else.
    private static func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !digits.isEmpty, digits.count <= 19 else { return nil }
        var n = 0
        for b in digits {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            let (times10, o1) = n.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(b - UInt8(ascii: "0")))
            guard !o1, !o2 else { return nil }
            n = sum
        }
        return n
    }

    /// The parts of a buffer between separators, without them: a line's fields (`a⇥⇥b` has three), or with
    /// `terminated`, lines that each end with the separator (a last one without it is read too, and
    /// `endedWithSeparator` tells).
    private struct Fields {
        let bytes: Slice<UnsafeBufferPointer<UInt8>>
        let separator: UInt8
        let terminated: Bool
        /// After this many parts, the last is the rest.
        private var limit: Int
        private var position: Int
        private var finished = false
        /// The last part read ended with a separator.
        private(set) var endedWithSeparator = false

        init(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, separator: UInt8, terminated: Bool = false, limit: Int = .max) {
            self.bytes = bytes; self.separator = separator; self.terminated = terminated; self.limit = limit
            position = bytes.startIndex
        }

        mutating func next() -> Slice<UnsafeBufferPointer<UInt8>>? {
            if finished || terminated && position == bytes.endIndex { return nil }
            let start = position
            limit -= 1
            if limit > 0 {
                while position < bytes.endIndex, bytes[position] != separator { position += 1 }
            } else {
                position = bytes.endIndex
            }
            let part = bytes[start..<position]
            endedWithSeparator = position < bytes.endIndex
            if endedWithSeparator { position += 1 } else { finished = true }
            return part
        }
    }
}
