import CableKit
import ChanceryIO

/// The home page: what the archive holds, the chart of cables per year, the most frequent tags and posts,
/// the classifications and the latest cables.
struct HomePage {
    let context: SiteContext
    let fragments: Fragments

    func render() -> OutputFile {
        let index = context.index
        let years = index.years.sorted { $0.key < $1.key }.map { (year: $0.key, count: $0.value.count) }
        let dated = index.records.filter { $0.date != nil }
        let topTags = index.tags.sorted { a, b in a.value.count != b.value.count ? a.value.count > b.value.count : a.key < b.key }
            .prefix(24).map { context.tagView($0.key, count: $0.value.count) }
        let topOrigins = index.origins.sorted { a, b in a.value.count != b.value.count ? a.value.count > b.value.count : a.key < b.key }
            .prefix(16).map { LinkView(title: $0.key, url: context.urls.origin($0.key), count: $0.value.count.grouped) }
        let classifications = index.classifications.sorted { $0.key < $1.key }.map {
            ClassificationView(label: $0.key.rawValue, slug: $0.key.slug, url: context.urls.classification($0.key), count: $0.value.count.grouped)
        }
        let latestMembers = Array((0..<index.records.count).reversed().filter { index.records[$0].date != nil }.prefix(20))
        let latest = latestMembers.map(context.row)
        let view = HomeView(cableCount: index.records.count.grouped, originCount: index.origins.count.grouped, tagCount: index.tags.count.grouped,
                            from: dated.first?.date.map(DisplayDate.day), to: dated.last?.date.map(DisplayDate.day),
                            chart: YearChart.svg(years), topTags: topTags, topOrigins: topOrigins,
                            classifications: classifications, latest: latest, latestHTML: fragments.rows(latestMembers))
        let jsonld = "{\"@context\": \"https://schema.org\", \"@type\": \"WebSite\", \"name\": \(CableJSON.string(context.config.title)), \"url\": \(CableJSON.string(context.urls.absolute(context.urls.home)))}"
        return context.page("home", path: context.urls.home, title: context.config.title, description: context.config.description,
                            feed: dated.isEmpty ? nil : (context.urls.feed, context.config.title), jsonld: Array(jsonld.utf8), content: Named("home", view))
    }
}
