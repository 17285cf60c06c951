import ChanceryIO
import Templates

/// `/search/`: the query box, and the place `assets/search.js` puts results, filters and the chart of
/// years. Without JavaScript the page says so and points to the browse indexes.
struct SearchPage {
    let context: SiteContext

    func render() -> OutputFile {
        let urls = context.urls
        let view = SearchPageView(cableCount: context.index.records.count.grouped, index: urls.base + "/search/",
                                  enabled: SearchIndexer.isEnabled)
        return context.page("search", path: urls.search, title: "Search",
                            description: "Search the full text of \(context.index.records.count.grouped) cables.",
                            breadcrumbs: [LinkView(title: "Home", url: urls.home)], content: Named("search", view))
    }
}

/// `search`: `{cableCount, index, enabled}` — `index` is the folder of the index files.
struct SearchPageView: TemplateValue {
    var cableCount: String
    var index: String
    var enabled: Bool
    func child(named name: String) -> (any TemplateValue)? {
        switch name {
        case "cableCount": cableCount
        case "index": index
        case "enabled": enabled
        default: nil
        }
    }
}
