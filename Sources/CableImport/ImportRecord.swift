import CableKit
import ChanceryIO

/// What earlier imports stored, kept in `<root>/.chancery/import-record` so that an input imported before
/// is known to be unchanged without being parsed: for an input's SHA-256, the `--format` it was read with
/// and its name, the id it gave and the year folder its Markdown and original are in, with their size and
/// time.
///
/// An entry is only used while both stored files keep those stamps: a file edited, moved or removed since
/// sends its input the ordinary way. A record written by another build of the tool is ignored whole (its
/// parser may read the same bytes differently), and so is a malformed one. Entries whose stamps are not
/// older than the record itself are dropped when it is loaded, as git does with "racily clean" files: a
/// file changed in the same clock tick as it was recorded could keep its stamp.
///
/// The file is a line format, one line an entry (see `ImportRecordFile.swift`).
struct ImportRecord: Sendable {
    static let format = "chancery import record 1"

    /// An input's SHA-256 (`SHA256.Digest`: four words, cheap to hash and compare).
    typealias Digest = SHA256.Digest

    /// What an input is known by: everything its reading depends on besides the tool itself.
    struct Key: Hashable, Sendable {
        /// Of the input's bytes; for a CSV row, of its original (`CablegateRow.original`).
        var sha256: Digest
        /// `auto`, the `--format` given, or `csv` for a CSV row.
        var format: String
        /// The file's name (the reader takes the format from its extension and, when the text has none,
        /// the id from it); for a CSV row, its id column.
        var name: String

        static func file(_ path: String, sha256: Digest, format: SourceFormat?) -> Key {
            Key(sha256: sha256, format: format?.rawValue ?? "auto", name: CableReader.baseName(path))
        }

        static func row(id: String, sha256: Digest) -> Key { Key(sha256: sha256, format: "csv", name: id) }

        // the digest tells keys apart all but always: hashing it alone reads no string
        func hash(into hasher: inout Hasher) { hasher.combine(sha256) }
    }

    /// The cable an input gave and its files as they were once stored.
    struct Entry: Sendable, Equatable {
        var id: String
        /// The year folder in `Content/cables` that holds `<id>.md` and the original.
        var folder: String
        var markdownStamp: DiskIO.Stamp
        /// `txt` or `html`.
        var originalExtension: String
        var originalStamp: DiskIO.Stamp

        /// The entry for what `store` just kept, with the files' stamps now; nil when one cannot be read.
        init?(_ stored: CableStore.Stored, id: String, in directory: String) {
            guard let folder = stored.folder, let originalExtension = stored.originalExtension,
                  let markdownStamp = DiskIO.stamp("\(directory)/\(folder)/\(id).md"),
                  let originalStamp = DiskIO.stamp("\(directory)/\(folder)/\(id).\(originalExtension)") else { return nil }
            self.init(id: id, folder: folder, markdownStamp: markdownStamp, originalExtension: originalExtension, originalStamp: originalStamp)
        }

        init(id: String, folder: String, markdownStamp: DiskIO.Stamp, originalExtension: String, originalStamp: DiskIO.Stamp) {
            self.id = id; self.folder = folder; self.markdownStamp = markdownStamp
            self.originalExtension = originalExtension; self.originalStamp = originalStamp
        }

        /// Both files under `directory` still have their stamps.
        func isUnchanged(in directory: String) -> Bool {
            let base = "\(directory)/\(folder)/\(id)."
            return DiskIO.stamp(base + "md") == markdownStamp && DiskIO.stamp(base + originalExtension) == originalStamp
        }

        /// The store holds this cable as recorded: its Markdown is the one the store found for the id
        /// (not another copy in another year's folder), and both files still have their stamps.
        func isCurrent(in store: CableStore) -> Bool {
            store.existing[id] == folder && isUnchanged(in: store.directory)
        }
    }

    /// One entry and the key it is under.
    struct Item: Sendable {
        var key: Key
        var entry: Entry
    }

    /// The entries in the order they were added, the order they are saved in.
    private(set) var items: [Item] = []
    /// Where each key is in `items`.
    private var index: [Key: Int] = [:]

    init(capacity: Int = 0) {
        items.reserveCapacity(capacity)
        index.reserveCapacity(capacity)
    }

    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }
    var keys: [Key] { items.map(\.key) }

    subscript(key: Key) -> Entry? { index[key].map { items[$0].entry } }

    mutating func add(_ key: Key, _ entry: Entry) {
        if let i = index[key] { items[i].entry = entry } else { index[key] = items.count; items.append(Item(key: key, entry: entry)) }
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
}
