import Synchronization

/// Pieces of HTML that appear on many pages, rendered once per build with the theme's fragment templates:
/// a cable's table row (`row.mustache`, on every index that lists it), a cable's link item
/// (`cable-link.mustache`, in references, backlinks and related lists), a tag's link item
/// (`tag-link.mustache`). Each is rendered the first time a page needs it and kept for the rest of the
/// build: a full build renders each once, an incremental build only those its changed pages show.
final class Fragments: Sendable {
    let context: SiteContext
    private let rows: Mutex<[String?]>
    private let links: Mutex<[String?]>
    private let tags = Mutex<[String: String]>([:])

    init(context: SiteContext) {
        self.context = context
        let count = context.index.records.count
        rows = Mutex([String?](repeating: nil, count: count))
        links = Mutex([String?](repeating: nil, count: count))
    }

    func row(_ i: Int) -> String {
        if let html = rows.withLock({ $0[i] }) { return html }
        let html = context.theme.renderFragment("row", context.row(i))
        rows.withLock { $0[i] = html }
        return html
    }

    func link(_ i: Int) -> String {
        if let html = links.withLock({ $0[i] }) { return html }
        let html = context.theme.renderFragment("cable-link", context.link(i))
        links.withLock { $0[i] = html }
        return html
    }

    func tag(_ code: String) -> String {
        if let html = tags.withLock({ $0[code] }) { return html }
        let html = context.theme.renderFragment("tag-link", context.tagView(code))
        tags.withLock { $0[code] = html }
        return html
    }

    /// Drops every piece kept so far (once the pages that show them are rendered), so that what the build
    /// does next reuses their memory instead of adding to it.
    func forget() {
        rows.withLock { $0 = [String?](repeating: nil, count: $0.count) }
        links.withLock { $0 = [String?](repeating: nil, count: $0.count) }
        tags.withLock { $0 = [:] }
    }

    /// The rows of `members`; a row named in `anchors` is rendered with its anchor (not kept: a list shows
    /// a year's first row once).
    func rows(_ members: some Sequence<Int>, anchors: [Int: String] = [:]) -> String {
        Fragments.joined(members.map { i in
            guard let anchor = anchors[i] else { return row(i) }
            var view = context.row(i)
            view.anchor = anchor
            return context.theme.renderFragment("row", view)
        })
    }

    func links(_ members: some Sequence<Int>) -> String { Fragments.joined(members.map(link)) }

    /// The pieces one after the other, in a string sized for them first: appended one by one to an empty
    /// string, it grew several times a list; copied into a new string (`concatenated`), their bytes were
    /// checked for UTF-8 again, some three instructions a byte for a list of fifty rows.
    static func joined(_ pieces: [String]) -> String {
        var html = ""
        html.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count })
        for piece in pieces { html += piece }
        return html
    }
}
