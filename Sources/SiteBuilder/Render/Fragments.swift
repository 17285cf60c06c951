import ChanceryIO

/// Pieces of HTML that appear on many pages, rendered once per build with the theme's fragment templates:
/// a cable's table row (`row.mustache`, on every index that lists it), a cable's link item
/// (`cable-link.mustache`, in references, backlinks and related lists), a tag's link item
/// (`tag-link.mustache`). Rendering each once instead of on every page is what keeps index pages cheap.
struct Fragments: Sendable {
    let rows: [String]
    let links: [String]
    let tags: [String: String]

    init(context: SiteContext) {
        let count = context.index.records.count
        let theme = context.theme
        rows = parallelMap(Array(0..<count)) { theme.renderFragment("row", context.row($0)) }
        links = parallelMap(Array(0..<count)) { theme.renderFragment("cable-link", context.link($0)) }
        var tags: [String: String] = [:]
        for code in context.index.tags.keys { tags[code] = theme.renderFragment("tag-link", context.tagView(code)) }
        self.tags = tags
    }

    func rows(_ members: some Sequence<Int>) -> String {
        var html = ""
        for i in members { html += rows[i] }
        return html
    }

    func links(_ members: some Sequence<Int>) -> String {
        var html = ""
        for i in members { html += links[i] }
        return html
    }
}
