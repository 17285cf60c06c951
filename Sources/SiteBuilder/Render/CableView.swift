import ChanceryIO
import Templates

/// `{id, url, title, date, dateEstimated, origin, present}` — a cable mentioned on another cable's page.
struct CableLinkView: TemplateValue {
    var id: String
    var url: String?
    var title: String?
    var date: String?
    var dateEstimated = false
    var origin: String? = nil
    var present = true
    private enum Name: String, CaseIterable { case id, url, title, date, dateEstimated, origin, present }
    private static let names = NameTable<Name>()
    func child(named name: String) -> (any TemplateValue)? {
        switch Self.names.value(name) {
        case .id?: id
        case .url?: url
        case .title?: title
        case .date?: date
        case .dateEstimated?: dateEstimated
        case .origin?: origin
        case .present?: present
        case nil: nil
        }
    }
}

/// `{count, unit, shown, url}` — every cable citing a cable whose page lists only the first `shown` of them:
/// how many there are, and the search listing them all (`/search/?cites=08STATE37957`; absent when the site
/// is built without search).
struct CitingView: TemplateValue {
    var count: Int
    var shown: Int
    var url: String?
    func child(named name: String) -> (any TemplateValue)? {
        switch name {
        case "count": count.grouped
        case "unit": cableUnit(count.grouped)
        case "shown": shown.grouped
        case "url": url
        default: nil
        }
    }
}

struct ReleaseView: TemplateValue {
    var status: String?
    var reviewer: String?
    var reviewDate: String?
    var caseID: String?
    var exemptions: String?
    func child(named name: String) -> (any TemplateValue)? {
        switch name {
        case "status": status
        case "reviewer": reviewer
        case "reviewDate": reviewDate
        case "caseID": caseID
        case "exemptions": exemptions
        default: nil
        }
    }
}

struct RepairView: TemplateValue {
    var kind: String
    var original: String
    var replacement: String
    var line: Int?
    func child(named name: String) -> (any TemplateValue)? {
        switch name {
        case "kind": kind
        case "original": original
        case "replacement": replacement
        case "line": line
        default: nil
        }
    }
}

/// Everything `cable.mustache` shows about one cable.
struct CableView: TemplateValue {
    var id: String
    var title: String
    var hasTitle: Bool
    var date: String?
    var dateISO: String?
    var dateEstimated: Bool
    var classification: ClassificationView?
    var marking: String?
    var caveats: [String]
    var origin: LinkView?
    var precedence: String?
    var to: [String]
    var info: [String]
    /// Made when a template reads them (the default theme prints `tagsHTML`).
    var tags: LazyList<TagView>
    var tagsHTML: String
    var classifiedBy: String?
    var reasons: String?
    var declassifyOn: String?
    var release: ReleaseView?
    var signedBy: String?
    var summary: String?
    var partial: Bool
    /// The body's HTML, as UTF-8.
    var body: UTF8Text
    /// Every cable the REF line cites.
    var references: [CableLinkView]
    var referencesHTML: String
    /// The REF line as written.
    var referenceLine: String?
    /// The REF line's references by letter (empty when it has no letters).
    var letteredReferences: [LetteredReferenceView]
    /// The cited cables no letter names (all of them when the REF line has no letters).
    var unletteredReferences: [CableLinkView]
    var unletteredReferencesHTML: String
    /// The first cables citing this one, by date (`SiteConfig.referencedByCount`).
    var referencedBy: LazyList<CableLinkView>
    var referencedByHTML: String
    /// All the cables citing it, when `referencedBy` lists only some.
    var referencedByAll: CitingView?
    var related: LazyList<CableLinkView>
    var relatedHTML: String
    var previous: CableLinkView?
    var next: CableLinkView?
    var original: LinkView?
    /// The encoding of an original published converted to UTF-8 (`windows-1252`), nil for one published as it is.
    var originalConvertedFrom: String? = nil
    var citation: String
    var repairs: [RepairView]
    var sourceFormat: String?
    var sourceFile: String?

    /// The names a template reads, looked up in a `NameTable`: compared one by one, as a `switch` over the
    /// names does, a name near the end cost some forty string comparisons, several of them of long names
    /// (this view is read some fifty times a page).
    private enum Name: String, CaseIterable {
        case id
        case title
        case hasTitle
        case date
        case dateISO
        case dateEstimated
        case classification
        case marking
        case caveats
        case origin
        case precedence
        case to
        case info
        case tags
        case classifiedBy
        case reasons
        case declassifyOn
        case release
        case signedBy
        case summary
        case partial
        case body
        case references
        case hasReferences
        case referenceLine
        case letteredReferences
        case unletteredReferences
        case referencedBy
        case referencedByAll
        case related
        case previous
        case next
        case original
        case originalConvertedFrom
        case citation
        case repairs
        case source
    }
    private static let names = NameTable<Name>()

    func child(named name: String) -> (any TemplateValue)? {
        guard let known = CableView.names.value(name) else { return nil }
        return switch known {
        case .id: id
        case .title: title
        case .hasTitle: hasTitle
        case .date: date
        case .dateISO: dateISO
        case .dateEstimated: dateEstimated
        case .classification: classification
        case .marking: marking
        case .caveats: ListBlock(items: caveats)
        case .origin: origin
        case .precedence: precedence
        case .to: ListBlock(items: to)
        case .info: ListBlock(items: info)
        case .tags: ListBlock(items: tags, html: tagsHTML)
        case .classifiedBy: classifiedBy
        case .reasons: reasons
        case .declassifyOn: declassifyOn
        case .release: release
        case .signedBy: signedBy
        case .summary: summary
        case .partial: partial
        case .body: body
        case .references: ListBlock(items: references, html: referencesHTML)
        case .hasReferences: referenceLine != nil || !references.isEmpty
        case .referenceLine: referenceLine
        case .letteredReferences: ListBlock(items: letteredReferences)
        case .unletteredReferences: ListBlock(items: unletteredReferences, html: unletteredReferencesHTML)
        case .referencedBy: ListBlock(items: referencedBy, html: referencedByHTML)
        case .referencedByAll: referencedByAll
        case .related: ListBlock(items: related, html: relatedHTML)
        case .previous: previous
        case .next: next
        case .original: original
        case .originalConvertedFrom: originalConvertedFrom
        case .citation: citation
        case .repairs: ListBlock(items: repairs)
        case .source: SourceView(format: sourceFormat, file: sourceFile)
        }
    }
}

/// A paginated index of cables (`list.mustache`).
struct ListView: TemplateValue {
    var title: String
    var heading: String
    var intro: String?
    var count: String
    var kind: String
    var rows: LazyList<RowView>
    var rowsHTML: String
    var pagination: PaginationView?
    var feed: String?
    /// The search page filtered to this list's cables.
    var search: String? = nil
    /// `page 5 of 325` on the pages after the first.
    var pageOf: String? = nil
    /// The years of a list of several pages (`yearLinks`).
    var years: [YearJumpView] = []
    private enum Name: String, CaseIterable { case rowsHTML, pageOf, search, years, title, heading, intro, count, unit, kind, rows, pagination, feed }
    private static let names = NameTable<Name>()
    func child(named name: String) -> (any TemplateValue)? {
        switch Self.names.value(name) {
        case .rowsHTML?: rowsHTML
        case .pageOf?: pageOf
        case .search?: search
        case .years?: ListBlock(items: years)
        case .title?: title
        case .heading?: heading
        case .intro?: intro
        case .count?: count
        case .unit?: cableUnit(count)
        case .kind?: kind
        case .rows?: rows.count == 0 ? nil : rows
        case .pagination?: pagination
        case .feed?: feed
        case nil: nil
        }
    }
}

/// `{label, url, current}` — a year of a long list and the page it starts on; `current` when this page
/// shows some of its cables.
struct YearJumpView: TemplateValue {
    var label: String
    var url: String
    var current: Bool
    func child(named name: String) -> (any TemplateValue)? {
        switch name {
        case "label": label
        case "url": url
        case "current": current
        default: nil
        }
    }
}

/// The home page (`home.mustache`).
struct HomeView: TemplateValue {
    var cableCount: String
    var originCount: String
    var tagCount: String
    var from: String?
    var to: String?
    var chart: String
    var topTags: [TagView]
    var topOrigins: [LinkView]
    var classifications: [ClassificationView]
    var latest: [RowView]
    var latestHTML: String
    func child(named name: String) -> (any TemplateValue)? {
        switch name {
        case "rowsHTML": latestHTML
        case "cableCount": cableCount
        case "cableUnit": cableUnit(cableCount)
        case "originCount": originCount
        case "originUnit": unit(originCount, "post")
        case "tagCount": tagCount
        case "tagUnit": unit(tagCount, "tag")
        case "from": from
        case "to": to
        case "chart": chart
        case "topTags": topTags.isEmpty ? nil : topTags
        case "topOrigins": topOrigins.isEmpty ? nil : topOrigins
        case "classifications": classifications.isEmpty ? nil : classifications
        case "latest": latest.isEmpty ? nil : latest
        case "rows": latest.isEmpty ? nil : latest
        default: nil
        }
    }
}

/// `/date/`: the years, and how many cables have no date (so that the years' counts add up).
struct DatesView: TemplateValue {
    var years: [YearLinkView]
    /// The number of cables without a date (formatted), nil when every cable has one.
    var undated: String? = nil
    func child(named name: String) -> (any TemplateValue)? {
        switch name {
        case "years": years
        case "undated": undated.map { CountView(count: $0) }
        default: nil
        }
    }
}

/// `{count, unit}`: a formatted number of cables.
struct CountView: TemplateValue {
    var count: String
    func child(named name: String) -> (any TemplateValue)? {
        switch name {
        case "count": count
        case "unit": cableUnit(count)
        default: nil
        }
    }
}

struct YearLinkView: TemplateValue {
    var year: Int
    var url: String
    var count: String?
    func child(named name: String) -> (any TemplateValue)? {
        switch name {
        case "year": year
        case "url": url
        case "count": count
        case "unit": cableUnit(count)
        default: nil
        }
    }
}

/// `/date/2008/`: the months of a year.
struct YearView: TemplateValue {
    var year: Int
    var count: String
    var months: [LinkView]
    var previousYear: YearLinkView?
    var nextYear: YearLinkView?
    func child(named name: String) -> (any TemplateValue)? {
        switch name {
        case "year": year
        case "count": count
        case "unit": cableUnit(count)
        case "months": months
        case "previousYear": previousYear
        case "nextYear": nextYear
        default: nil
        }
    }
}

/// `/tag/`: tags grouped by kind.
struct TagsView: TemplateValue {
    var groups: [TagGroupView]
    func child(named name: String) -> (any TemplateValue)? { name == "groups" ? groups : nil }
}

struct TagGroupView: TemplateValue {
    var kind: String
    var title: String
    var tags: [TagView]
    func child(named name: String) -> (any TemplateValue)? {
        switch name {
        case "kind": kind
        case "title": title
        case "tags": tags
        default: nil
        }
    }
}

/// `/origin/`: posts grouped by country.
struct OriginsView: TemplateValue {
    var countries: [CountryView]
    func child(named name: String) -> (any TemplateValue)? { name == "countries" ? countries : nil }
}

struct CountryView: TemplateValue {
    var name: String
    var posts: [LinkView]
    func child(named key: String) -> (any TemplateValue)? {
        switch key {
        case "name": name
        case "posts": posts
        default: nil
        }
    }
}

/// `/classification/`
struct ClassificationsView: TemplateValue {
    var classifications: [ClassificationView]
    /// The number of cables whose text states no classification (formatted), nil when every cable has one.
    var unstated: String? = nil
    func child(named name: String) -> (any TemplateValue)? {
        switch name {
        case "classifications": classifications
        case "unstated": unstated.map { CountView(count: $0) }
        default: nil
        }
    }
}

/// A free page from Content/pages.
struct FreePageView: TemplateValue {
    var title: String
    var content: String
    func child(named name: String) -> (any TemplateValue)? {
        switch name {
        case "title": title
        case "content": content
        default: nil
        }
    }
}

/// `{format, file}` — where the cable was imported from.
struct SourceView: TemplateValue {
    var format: String?
    var file: String?
    func child(named name: String) -> (any TemplateValue)? {
        switch name {
        case "format": format
        case "file": file
        default: nil
        }
    }
}
