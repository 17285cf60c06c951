import Templates

// Small view models for the templates: plain values, each answering the renderer's lookups by name
// (`TemplateValue.child(named:)`). Names follow Themes/default/THEME.md.

/// `{title, url, count}` — a link in a list, with an optional count.
struct LinkView: TemplateValue {
    var title: String
    var url: String
    var count: String? = nil
    private enum Name: String, CaseIterable { case title, name, url, count, unit }
    private static let names = NameTable<Name>()
    func child(named name: String) -> (any TemplateValue)? {
        switch Self.names.value(name) {
        case .title?, .name?: title
        case .url?: url
        case .count?: count
        case .unit?: cableUnit(count)
        case nil: nil
        }
    }
}

/// The site, on every page.
struct SiteView: TemplateValue {
    var title: String
    var description: String
    var language: String
    var base: String
    var baseURL: String
    var cableCount: String
    /// The absolute address of the picture a shared link shows (`og:image`), if any.
    var image: String? = nil
    /// Links to the free pages that ask for one (`menu:` in their front matter), by file name.
    var menu: [LinkView] = []
    /// The `header` and `footer` templates, rendered once per build with `site` as their context.
    var header = ""
    var footer = ""
    private enum Name: String, CaseIterable { case header, footer, title, description, language, base, baseURL, cableCount, image, menu }
    private static let names = NameTable<Name>()
    func child(named name: String) -> (any TemplateValue)? {
        switch Self.names.value(name) {
        case .header?: header
        case .footer?: footer
        case .title?: title
        case .description?: description.isEmpty ? nil : description
        case .language?: language
        case .base?: base
        case .baseURL?: baseURL
        case .cableCount?: cableCount
        case .image?: image
        case .menu?: menu.isEmpty ? nil : menu
        case nil: nil
        }
    }
}

/// The page being rendered: title, description, addresses, feed, JSON-LD.
struct PageView: TemplateValue {
    var title: String
    var description: String
    var url: String
    var canonical: String
    var feed: String? = nil
    var feedTitle: String? = nil
    var ogType = "website"
    /// JSON-LD, as UTF-8 (empty: none).
    var jsonld: [UInt8] = []
    var noindex = false
    private enum Name: String, CaseIterable { case title, description, url, canonical, feed, feedTitle, ogType, jsonld, noindex }
    private static let names = NameTable<Name>()
    func child(named name: String) -> (any TemplateValue)? {
        switch Self.names.value(name) {
        case .title?: title
        case .description?: description.isEmpty ? nil : description
        case .url?: url
        case .canonical?: noindex ? nil : canonical  // a page kept out of search engines names no canonical address
        case .feed?: feed
        case .feedTitle?: feedTitle
        case .ogType?: ogType
        case .jsonld?: jsonld.isEmpty ? nil : UTF8Text(jsonld)
        case .noindex?: noindex
        case nil: nil
        }
    }
}

/// `{label, slug, url}`
struct ClassificationView: TemplateValue {
    var label: String
    var slug: String
    var url: String
    var count: String? = nil
    private enum Name: String, CaseIterable { case label, slug, url, count, unit }
    private static let names = NameTable<Name>()
    func child(named name: String) -> (any TemplateValue)? {
        switch Self.names.value(name) {
        case .label?: label
        case .slug?: slug
        case .url?: url
        case .count?: count
        case .unit?: cableUnit(count)
        case nil: nil
        }
    }
}

/// One row of a cable table.
struct RowView: TemplateValue {
    var id: String
    var url: String
    var title: String
    /// `2008-04-10`, or `2008` when the date is estimated; absent when the cable has no date (THEME.md: a
    /// value not known is absent, never "").
    var date: String?
    var dateEstimated = false
    var classification: ClassificationView?
    var origin: LinkView?
    /// `y2008` (`undated`) on the first row of a year in a list of several pages, where the list's year
    /// links lead; absent on every other row.
    var anchor: String? = nil
    private enum Name: String, CaseIterable { case id, url, title, date, dateEstimated, classification, origin, anchor }
    private static let names = NameTable<Name>()
    func child(named name: String) -> (any TemplateValue)? {
        switch Self.names.value(name) {
        case .id?: id
        case .url?: url
        case .title?: title
        case .date?: date
        case .dateEstimated?: dateEstimated
        case .classification?: classification
        case .origin?: origin
        case .anchor?: anchor
        case nil: nil
        }
    }
}

/// `{number, url, current}`
struct PageLinkView: TemplateValue {
    var number: Int
    var url: String
    var current: Bool
    func child(named name: String) -> (any TemplateValue)? {
        switch name {
        case "number": number
        case "url": url
        case "current": current
        default: nil
        }
    }
}

struct PaginationView: TemplateValue {
    var current: Int
    var total: Int
    var previous: String?
    var next: String?
    var pages: [PageLinkView]
    private enum Name: String, CaseIterable { case current, total, previous, next, pages }
    private static let names = NameTable<Name>()
    func child(named name: String) -> (any TemplateValue)? {
        switch Self.names.value(name) {
        case .current?: current
        case .total?: total
        case .previous?: previous
        case .next?: next
        case .pages?: pages
        case nil: nil
        }
    }
}

/// `{code, name, kind, url, known, count}`
struct TagView: TemplateValue {
    var code: String
    var name: String
    var kind: String
    var url: String
    var known: Bool
    var count: String? = nil
    private enum Name: String, CaseIterable { case code, name, kind, url, known, count, unit }
    private static let names = NameTable<Name>()
    func child(named name: String) -> (any TemplateValue)? {
        switch Self.names.value(name) {
        case .code?: code
        case .name?: self.name
        case .kind?: kind
        case .url?: url
        case .known?: known
        case .count?: count
        case .unit?: cableUnit(count)
        case nil: nil
        }
    }
}

/// A list for a template: `items`, the count, and — for lists of links rendered by a fragment template
/// (`row`, `cable-link`, `tag-link`) — `html`, the items already rendered (each fragment is rendered once
/// per build, however many pages show it). Only present when the list is not empty.
struct ListBlock: TemplateValue {
    var items: any TemplateValue
    var count: Int
    var html: String?

    init?(items: some TemplateValue & TemplateList, html: String? = nil) {
        guard items.count > 0 else { return nil }
        self.items = items
        self.count = items.count
        self.html = html
    }

    func child(named name: String) -> (any TemplateValue)? {
        switch name {
        case "items": items
        case "html": html
        case "count": count
        default: nil
        }
    }
}

/// The root of every page: `site`, `page`, `breadcrumbs`; any other name is looked up in the page's own
/// content (`cable`, `list`, `home`, `years`, …). A class, so that the renderer keeps it with one retain.
final class PageContext: TemplateValue {
    /// The site's and the page's views, held as template values: each a box made once, which a lookup
    /// retains (the views themselves, held as they are, were copied into a new box at every `{{site.…}}`).
    let site: any TemplateValue
    let page: any TemplateValue
    let breadcrumbs: [LinkView]
    let content: (any TemplateValue)?
    /// `site`: the site's view as `SiteContext.site` holds it, boxed once per build.
    init(site: any TemplateValue, page: PageView, breadcrumbs: [LinkView], content: (any TemplateValue)?) {
        self.site = site
        self.page = page
        self.breadcrumbs = breadcrumbs
        self.content = content
    }
    private enum Name: String, CaseIterable { case site, page, breadcrumbs }
    private static let names = NameTable<Name>()
    func child(named key: String) -> (any TemplateValue)? {
        switch Self.names.value(key) {
        case .site?: site
        case .page?: page
        case .breadcrumbs?: ListBlock(items: breadcrumbs)
        case nil: content?.child(named: key)
        }
    }
}

/// One value under one name: `Named("cable", view)`.
struct Named: TemplateValue {
    var key: String
    var value: any TemplateValue
    init(_ key: String, _ value: any TemplateValue) { self.key = key; self.value = value }
    func child(named name: String) -> (any TemplateValue)? {
        name == key ? value : nil
    }
}

/// `cable` for a formatted count of one, `cables` otherwise: the `unit` beside every `count` (THEME.md).
func cableUnit(_ count: String?) -> String { unit(count, "cable") }

/// `noun` for a formatted count of one, its plural (`noun` + `s`) otherwise: `post`/`posts`, `tag`/`tags`.
func unit(_ count: String?, _ noun: String) -> String { count == "1" ? noun : noun + "s" }
