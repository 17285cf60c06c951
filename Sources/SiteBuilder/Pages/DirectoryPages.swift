import CableKit
import ChanceryIO

/// The pages that lead into the lists: `/date/` (years), `/date/YYYY/` (months), `/tag/` (tags by kind),
/// `/origin/` (posts by country), `/classification/`, the free pages from Content/pages, and 404.
struct DirectoryPages {
    let context: SiteContext

    func all(freePages: [ContentLoader.Page]) -> [OutputFile] {
        var files = [dates(), tags(), origins(), classifications(), notFound()]
        files += context.index.years.keys.sorted().map(year)
        files += freePages.map(freePage)
        return files
    }

    private var home: LinkView { LinkView(title: "Home", url: context.urls.home) }

    func dates() -> OutputFile {
        let urls = context.urls
        let years = context.index.years.sorted { $0.key < $1.key }.map { YearLinkView(year: $0.key, url: urls.year($0.key), count: $0.value.count.grouped) }
        let undated = context.index.records.count - context.index.years.values.reduce(0) { $0 + $1.count }
        return context.page("dates", path: urls.dates, title: "Cables by date", description: "Every year of the archive with its number of cables.",
                            breadcrumbs: [home], content: DatesView(years: years, undated: undated > 0 ? undated.grouped : nil))
    }

    func year(_ y: Int) -> OutputFile {
        let urls = context.urls
        // the months in order, then the cables whose date is estimated (month 0)
        let months = context.index.months.filter { $0.key.year == y }.sorted { ($0.key.month == 0 ? 13 : $0.key.month) < ($1.key.month == 0 ? 13 : $1.key.month) }
            .map { LinkView(title: DisplayDate.monthName($0.key.month), url: urls.month(y, $0.key.month), count: $0.value.count.grouped) }
        let years = context.index.years.keys.sorted()
        let position = years.firstIndex(of: y)!
        let previous = position > 0 ? YearLinkView(year: years[position - 1], url: urls.year(years[position - 1]), count: nil) : nil
        let next = position + 1 < years.count ? YearLinkView(year: years[position + 1], url: urls.year(years[position + 1]), count: nil) : nil
        let view = YearView(year: y, count: (context.index.years[y]?.count ?? 0).grouped, months: months, previousYear: previous, nextYear: next)
        return context.page("year", path: urls.year(y), title: "Cables of \(y)", description: "The months of \(y) with their cables.",
                            breadcrumbs: [home, LinkView(title: "Dates", url: urls.dates)], content: view)
    }

    static let kindTitles: [(String, String)] = [
        ("subject", "Subjects"), ("program", "Programmes"), ("country", "Countries and areas"),
        ("organization", "Organisations"), ("person", "People"), ("other", "Other tags"),
    ]

    func tags() -> OutputFile {
        var byKind: [String: [TagView]] = [:]
        for (code, members) in context.index.tags {
            let view = context.tagView(code, count: members.count)
            byKind[view.kind, default: []].append(view)
        }
        let groups = Self.kindTitles.compactMap { kind, title -> TagGroupView? in
            guard let tags = byKind[kind], !tags.isEmpty else { return nil }
            return TagGroupView(kind: kind, title: title, tags: tags.sorted { $0.code < $1.code })
        }
        return context.page("tags", path: context.urls.tags, title: "Tags", description: "Every TAGS code in the archive, grouped by kind, with its number of cables.",
                            breadcrumbs: [home], content: TagsView(groups: groups))
    }

    func origins() -> OutputFile {
        var byCountry: [String: [LinkView]] = [:]
        for (name, members) in context.index.origins {
            byCountry[context.country(ofOrigin: name), default: []].append(LinkView(title: name, url: context.urls.origin(name), count: members.count.grouped))
        }
        let names: [String] = byCountry.keys.sorted { (a: String, b: String) -> Bool in
            if (a == "Other") != (b == "Other") { return b == "Other" }
            return a < b
        }
        var countries: [CountryView] = []
        for name in names {
            let posts = byCountry[name]!.sorted { (x: LinkView, y: LinkView) in x.title < y.title }
            countries.append(CountryView(name: name, posts: posts))
        }
        return context.page("origins", path: context.urls.origins, title: "Origins", description: "The posts that sent the cables, grouped by country.",
                            breadcrumbs: [home], content: OriginsView(countries: countries))
    }

    func classifications() -> OutputFile {
        let list = context.index.classifications.sorted { $0.key < $1.key }.map {
            ClassificationView(label: $0.key.rawValue, slug: $0.key.slug, url: context.urls.classification($0.key), count: $0.value.count.grouped)
        }
        let unstated = context.index.records.count - context.index.classifications.values.reduce(0) { $0 + $1.count }
        return context.page("classifications", path: context.urls.classifications, title: "Classifications",
                            description: "Cables by security classification.", breadcrumbs: [home],
                            content: ClassificationsView(classifications: list, unstated: unstated > 0 ? unstated.grouped : nil))
    }

    func notFound() -> OutputFile {
        var file = context.page("404", path: context.urls.base + "/404.html", title: "Page not found", description: "This page does not exist.",
                                noindex: true, content: nil)
        file.path = "404.html"
        return file
    }

    func freePage(_ page: ContentLoader.Page) -> OutputFile {
        let html = MarkdownRenderer.html(page.markdown, basePath: context.urls.base)
        return context.page("page", path: context.urls.page(page.slug), title: page.title, breadcrumbs: [home],
                            content: FreePageView(title: page.title, content: html))
    }
}
