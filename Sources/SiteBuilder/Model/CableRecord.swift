import CableKit
import ChanceryIO

/// What the build keeps in memory for every cable: its metadata (the front matter, without the body) and
/// where its files are. The body is not kept; a cable page reads its file again when it is rendered, so
/// memory stays flat as the archive grows. The build cache stores records, so an unchanged cable is not
/// even read on the next build.
///
/// A class, not a struct: records are sorted, partitioned and shared by every page builder, and moving a
/// reference is far cheaper than copying a dozen strings and arrays.
public final class CableRecord: Sendable {
    /// What pages that list the cable show, and what the index model sorts and partitions on: kept
    /// decoded for every cable.
    struct Listing: Sendable {
        var id: String?
        var title: String?
        var date: CableDate?
        var dateEstimated = false
        var origin: String?
        var classification: Classification?
        var caveats: [String] = []
        var tags: [String] = []
        var references: [String] = []
        var summary: String?
        var partial = false
    }

    /// The whole front matter: as parsed, or as the build cache stored it (`BinaryWriter.cable`), decoded
    /// only when a page of the cable is rendered or the data exports are written.
    private enum Storage: Sendable {
        case cable(Cable)
        case encoded([UInt8])
    }

    private let storage: Storage
    let listing: Listing
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
        self.init(cable: meta, path: path, originalName: originalName, contentHash: contentHash, metaKey: w.withBytes { FastHash.of(UnsafeRawBufferPointer($0)) })
    }

    /// With `metaKey` already known: the hash of `BinaryWriter.cable` of the cable without its body.
    convenience init(cable meta: Cable, path: String, originalName: String?, contentHash: UInt64, metaKey: UInt64) {
        let listing = Listing(id: meta.id, title: meta.title, date: meta.date, dateEstimated: meta.dateEstimated, origin: meta.origin,
                              classification: meta.classification, caveats: meta.caveats, tags: meta.tags, references: meta.references,
                              summary: meta.summary, partial: meta.partial)
        self.init(storage: .cable(meta), listing: listing, path: path, originalName: originalName, contentHash: contentHash, metaKey: metaKey)
    }

    /// From the build cache: the listing fields decoded, the whole front matter kept as the bytes
    /// `BinaryWriter.cable` wrote (whose hash is `metaKey`), and the `listingKey` saved with them.
    convenience init(encoded: [UInt8], listing: Listing, path: String, originalName: String?, contentHash: UInt64, metaKey: UInt64, listingKey: UInt64) {
        self.init(storage: .encoded(encoded), listing: listing, path: path, originalName: originalName, contentHash: contentHash, metaKey: metaKey,
                  listingKey: listingKey)
    }

    private init(storage: Storage, listing: Listing, path: String, originalName: String?, contentHash: UInt64, metaKey: UInt64, listingKey: UInt64? = nil) {
        self.storage = storage
        self.listing = listing
        self.path = path
        self.originalName = originalName
        self.contentHash = contentHash
        self.metaKey = metaKey
        self.listingKey = listingKey ?? Self.listingKey(of: listing)
    }

    /// The hash of what other pages show of a cable (saved in the build cache: a change here changes
    /// `BuildCache.format`).
    static func listingKey(of listing: Listing) -> UInt64 {
        var h = FastHash()
        h.add(listing.id); h.add(listing.title); if let d = listing.date { h.add(d.year); h.add(d.month); h.add(d.day); h.add(d.hour); h.add(d.minute); h.add(d.timeKnown ? 1 : 0) } else { h.add(-1) }
        h.add(listing.dateEstimated); h.add(listing.origin); h.add(listing.classification?.rawValue); h.add(listing.caveats)
        h.add(listing.tags); h.add(listing.summary)
        return h.value
    }

    /// The front matter (`body` empty). Decoded from the cache's bytes on each call: callers take it once.
    public var meta: Cable {
        switch storage {
        case .cable(let cable): return cable
        case .encoded(let bytes):
            var r = BinaryReader(bytes)
            return (try? r.cable()) ?? Cable()
        }
    }

    /// The front matter as the build cache stores it.
    func encodedMeta(into w: inout BinaryWriter) {
        switch storage {
        case .cable(let cable): w.cable(cable)
        case .encoded(let bytes): w.raw(bytes)
        }
    }

    /// The same record with another original beside it.
    func with(originalName: String?) -> CableRecord {
        originalName == self.originalName ? self
            : CableRecord(storage: storage, listing: listing, path: path, originalName: originalName, contentHash: contentHash, metaKey: metaKey,
                          listingKey: listingKey)
    }

    public var id: String { listing.id ?? "" }
    public var title: String? { listing.title }
    public var date: CableDate? { listing.date }
    public var dateEstimated: Bool { listing.dateEstimated }
    public var origin: String? { listing.origin }
    public var classification: Classification? { listing.classification }
    public var caveats: [String] { listing.caveats }
    public var tags: [String] { listing.tags }
    public var references: [String] { listing.references }
    public var summary: String? { listing.summary }
    public var partial: Bool { listing.partial }

    /// `SECRET//NOFORN`
    public var marking: String? {
        guard let c = classification else { return nil }
        let dissemination = caveats.filter { $0 != "SIPDIS" }
        return ([c.rawValue] + dissemination).concatenated(separator: "//")
    }

    /// Sort key: by date, then id (cables without a date last).
    static func precedes(_ a: CableRecord, _ b: CableRecord) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?): return x != y ? x < y : idPrecedes(a.id, b.id)
        case (nil, nil): return idPrecedes(a.id, b.id)
        case (nil, _): return false
        case (_, nil): return true
        }
    }

    /// Ids in the order of their year, post and serial *number*: 05PARIS482 before 05PARIS1807 (as text
    /// "1807" < "482"). Cables of one moment are mostly those whose date is estimated (a year's 1 January),
    /// and their post's previous/next links follow this order.
    static func idPrecedes(_ a: String, _ b: String) -> Bool { idPrecedes(a, ReferenceID.parts(a), b, ReferenceID.parts(b)) }

    /// The same with the ids' parts already found (`ReferenceID.parts`); ids that are not reference ids
    /// compare as text, after those that are.
    static func idPrecedes(_ a: String, _ pa: (year: Int, post: String, serial: Int)?, _ b: String, _ pb: (year: Int, post: String, serial: Int)?) -> Bool {
        switch (pa, pb) {
        case let (x?, y?):
            if x.year != y.year { return x.year < y.year }
            if x.post != y.post { return x.post < y.post }
            return x.serial != y.serial ? x.serial < y.serial : a < b
        case (nil, nil): return a < b
        case (nil, _): return false
        case (_, nil): return true
        }
    }
}
