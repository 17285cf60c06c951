import CableKit

/// What the build keeps in memory for every cable: the metadata indexes, feeds and links need. The body
/// is not kept; cable pages read their file again when they are rendered, so memory stays flat.
public struct CableRecord: Sendable {
    public var id: String
    public var title: String?
    public var date: CableDate?
    public var dateEstimated: Bool
    public var origin: String?
    public var classification: Classification?
    public var caveats: [String]
    public var tags: [String]
    public var references: [String]
    public var summary: String?
    public var partial: Bool
    /// The Markdown file, relative to the site root (`Content/cables/2008/08STATE37957.md`).
    public var path: String
    /// The original beside it (`08STATE37957.txt` or `.html`), if present.
    public var originalName: String?

    public init(cable: Cable, path: String, originalName: String?) {
        id = cable.id ?? ""
        title = cable.title
        date = cable.date
        dateEstimated = cable.dateEstimated
        origin = cable.origin
        classification = cable.classification
        caveats = cable.caveats
        tags = cable.tags
        references = cable.references
        summary = cable.summary
        partial = cable.partial
        self.path = path
        self.originalName = originalName
    }

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
