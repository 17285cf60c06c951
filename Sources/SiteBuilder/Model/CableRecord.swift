import CableKit

/// What the build keeps in memory for every cable: its metadata (the front matter, without the body) and
/// where its files are. The body is not kept; a cable page reads its file again when it is rendered, so
/// memory stays flat as the archive grows. The build cache stores records, so an unchanged cable is not
/// even read on the next build.
///
/// A class, not a struct: records are sorted, partitioned and shared by every page builder, and moving a
/// reference is far cheaper than copying a dozen strings and arrays.
public final class CableRecord: Sendable {
    /// The front matter (`body` empty).
    public let meta: Cable
    /// The Markdown file, relative to the site root (`Content/cables/2008/08STATE37957.md`).
    public let path: String
    /// The original beside it (`08STATE37957.txt` or `.html`), if present.
    public let originalName: String?
    /// A fingerprint of the Markdown file's bytes.
    public let contentHash: UInt64
    /// What other pages show of this cable (rows, links, feeds): when it changes, those pages re-render.
    let listingKey: UInt64
    /// All of the front matter (what the data exports show).
    let metaKey: UInt64

    public convenience init(cable: Cable, path: String, originalName: String?, contentHash: UInt64 = 0) {
        var meta = cable
        meta.body = ""
        var w = BinaryWriter(capacity: 1024)
        w.cable(meta)
        self.init(cable: meta, path: path, originalName: originalName, contentHash: contentHash, metaKey: FastHash.of(w.bytes))
    }

    /// With `metaKey` already known: the hash of `BinaryWriter.cable` of the cable without its body.
    init(cable meta: Cable, path: String, originalName: String?, contentHash: UInt64, metaKey: UInt64) {
        self.meta = meta
        self.path = path
        self.originalName = originalName
        self.contentHash = contentHash
        var h = FastHash()
        h.add(meta.id); h.add(meta.title); h.add(meta.date?.iso8601); h.add(meta.dateEstimated); h.add(meta.origin)
        h.add(meta.classification?.rawValue); h.add(meta.caveats); h.add(meta.tags); h.add(meta.summary)
        listingKey = h.value
        self.metaKey = metaKey
    }

    /// The same record with another original beside it.
    func with(originalName: String?) -> CableRecord {
        originalName == self.originalName ? self : CableRecord(cable: meta, path: path, originalName: originalName, contentHash: contentHash, metaKey: metaKey)
    }

    public var id: String { meta.id ?? "" }
    public var title: String? { meta.title }
    public var date: CableDate? { meta.date }
    public var dateEstimated: Bool { meta.dateEstimated }
    public var origin: String? { meta.origin }
    public var classification: Classification? { meta.classification }
    public var caveats: [String] { meta.caveats }
    public var tags: [String] { meta.tags }
    public var references: [String] { meta.references }
    public var summary: String? { meta.summary }
    public var partial: Bool { meta.partial }

    /// `SECRET//NOFORN`
    public var marking: String? {
        guard let c = classification else { return nil }
        let dissemination = caveats.filter { $0 != "SIPDIS" }
        return ([c.rawValue] + dissemination).joined(separator: "//")
    }

    /// Sort key: by date, then id (cables without a date last).
    static func precedes(_ a: CableRecord, _ b: CableRecord) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?): return x != y ? x < y : a.id < b.id
        case (nil, nil): return a.id < b.id
        case (nil, _): return false
        case (_, nil): return true
        }
    }
}
