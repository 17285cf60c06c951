import CableKit
import ChanceryIO
import Templates

/// What every page builder needs, built once per build: configuration, addresses, the index model, the
/// theme, and the reference data (tags, posts). A class: the builders hold it and call it for every row
/// and link, and a struct of this size was copied — each of its fields retained and released — at each call.
final class SiteContext: Sendable {
    let config: SiteConfig
    let urls: SiteURLs
    let index: SiteIndex
    let theme: Theme
    let glossary: TagGlossary
    let posts: PostDirectory
    /// The site's view (`SiteView`), held as a template value: boxed once, and every page's `{{site.…}}` reads it.
    let site: any TemplateValue
    /// Post display name → post (for countries).
    let postsByName: [String: Post]
    /// Each post's address, made once: a post's slug asks the post directory how the name is spelt, and every
    /// row and cable page links its post.
    let originURLs: [String: String]
    /// Each cable's address and the date its rows and links show (`listDate`), by number, made once: rows,
    /// links, feeds, exports and sitemaps name them some ninety times a cable.
    let cableURLs: [String]
    let listDates: [String?]
    /// Each classification's view, by its `rank`.
    private let classificationViews: [ClassificationView]

    /// `menu`: the free pages linked from every page (`menu:` in their front matter), as label and slug.
    init(config: SiteConfig, index: SiteIndex, theme: Theme, menu: [(label: String, slug: String)] = [],
         glossary: TagGlossary = .standard, posts: PostDirectory = .standard) {
        self.config = config
        self.urls = SiteURLs(config: config)
        self.index = index
        self.theme = theme
        self.glossary = glossary
        self.posts = posts
        let urls = self.urls
        var site = SiteView(title: config.title, description: config.description, language: config.language,
                            base: urls.base, baseURL: config.baseURL, cableCount: index.records.count.grouped,
                            menu: menu.map { LinkView(title: $0.label, url: urls.page($0.slug)) })
        site.image = Self.image(config.image, theme: theme, urls: urls)
        // header and footer are the same on every page: render them once
        site.header = theme.renderFragment("header", Named("site", site))
        site.footer = theme.renderFragment("footer", Named("site", site))
        self.site = site
        var byName: [String: Post] = [:]
        for post in posts.posts where byName[post.name] == nil { byName[post.name] = post }
        self.postsByName = byName
        originURLs = Dictionary(uniqueKeysWithValues: index.origins.keys.map { ($0, urls.origin($0)) })
        let records = index.records
        cableURLs = parallelMap(Array(records.indices)) { urls.cable(id: records[$0].id, date: records[$0].date, estimated: records[$0].dateEstimated) }
        listDates = records.map(Self.listDate)
        classificationViews = Classification.allCases.map { ClassificationView(label: $0.rawValue, slug: $0.slug, url: urls.classification($0)) }
    }

    /// The absolute address of the picture a shared link shows: site.yml's `image`, else the theme's
    /// `assets/card.png`, else none.
    static func image(_ configured: String?, theme: Theme, urls: SiteURLs) -> String? {
        if let configured {
            return configured.contains("://") ? configured : urls.absolute(urls.base + "/" + SiteURLs.pathValue(configured))
        }
        return theme.assets.contains { $0.name == "card.png" } ? urls.absolute(urls.asset("card.png")) : nil
    }

    /// A warning when site.yml's `image` is a path in the site that no asset of the theme publishes: shared
    /// links would show a missing picture (unless it is put there by other means).
    static func missingImageWarning(_ config: SiteConfig, theme: Theme) -> BuildError? {
        guard let image = config.image, !image.contains("://"),
              !theme.assets.contains(where: { "assets/" + $0.name == image }) else { return nil }
        return BuildError(path: "Content/site.yml", line: config.imageLine,
                          message: "'image' names \(image), which the theme's assets do not hold: a shared link would show a missing picture "
                            + "(put the file in Themes/\(config.theme)/assets/ and name it assets/<file>, or give an http(s) URL)", isWarning: true)
    }

    /// The address of the post named `name` (`/origin/embassy-madrid/`).
    func originURL(_ name: String) -> String { originURLs[name] ?? urls.origin(name) }

    /// Renders `template` as a full page at `path` and returns the file to write; `expectedSize` is the room its
    /// buffer is made with (a cable page: its body and 16 KB), so that a page is not copied as it grows.
    func page(_ template: String, path: String, title: String, description: String? = nil, breadcrumbs: [LinkView] = [],
              feed: (url: String, title: String)? = nil, ogType: String = "website", jsonld: [UInt8] = [], noindex: Bool = false,
              content: (any TemplateValue)?, expectedSize: Int = 32_768) -> OutputFile {
        let page = PageView(title: title, description: description ?? config.description, url: path,
                            canonical: urls.absolute(path), feed: feed?.url, feedTitle: feed?.title,
                            ogType: ogType, jsonld: jsonld, noindex: noindex)
        let context = PageContext(site: site, page: page, breadcrumbs: breadcrumbs, content: content)
        return OutputFile(path: urls.file(for: path), bytes: theme.render(template, context, capacity: expectedSize))
    }

    // MARK: shared pieces of views

    func row(_ i: Int) -> RowView {
        let r = index.records[i]
        return RowView(id: r.id, url: cableURLs[i], title: r.title ?? "(no subject)",
                       date: listDates[i], dateEstimated: r.date != nil && r.dateEstimated, classification: r.classification.map(classificationView),
                       origin: r.origin.map { LinkView(title: $0, url: originURL($0)) })
    }

    /// Links to `cables`, each view made when a template reads it.
    func links(_ cables: some RandomAccessCollection<Int> & Sendable) -> LazyList<CableLinkView> {
        let cables = Array(cables)
        return LazyList(count: cables.count) { [self] k in link(cables[k]) }
    }

    /// A cable as it is mentioned on another cable's page.
    func link(_ i: Int) -> CableLinkView {
        let r = index.records[i]
        return CableLinkView(id: r.id, url: cableURLs[i], title: r.title, date: listDates[i],
                             dateEstimated: r.date != nil && r.dateEstimated, origin: r.origin)
    }

    /// A cable's date in lists and links: `2008-04-10`, or only the year when the date is estimated (the
    /// estimate is a year's 1 January or a date derived from the declassification date, never the day the
    /// cable was sent — as its page and the search results say; the data downloads give the date with `date_estimated`).
    static func listDate(_ r: CableRecord) -> String? {
        r.date.map { r.dateEstimated ? String($0.year) : $0.isoDate }
    }

    func classificationView(_ c: Classification) -> ClassificationView {
        classificationViews[c.rank]
    }

    func tagView(_ code: String, count: Int? = nil) -> TagView {
        let entry = glossary.entry(for: code)
        let kind = entry?.kind.rawValue ?? (code.contains(",") ? "person" : "other")
        return TagView(code: code, name: entry?.name ?? code, kind: kind, url: urls.tag(code), known: entry != nil,
                       count: count?.grouped)
    }

    /// The country a post is in ("Other" when unknown).
    func country(ofOrigin name: String) -> String {
        if let post = postsByName[name] {
            if let code = post.countryCode, let entry = glossary.entry(for: code) { return entry.name }
            if let country = post.country { return country }
        }
        if name == "Secretary of State" { return "United States" }
        return "Other"
    }
}

/// A file of the built site: its path under Public/ and its bytes — or, for a cable's original text,
/// the file in Content/ it is a copy of (published as a hard link when both are on one file system).
public struct OutputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
    /// Absolute path of a file to publish as it is, instead of `bytes`.
    public var copyOf: String?
    public init(path: String, bytes: [UInt8]) { self.path = path; self.bytes = bytes }
    public init(path: String, copyOf source: String) { self.path = path; self.bytes = []; self.copyOf = source }
}
