import CableKit
import ChanceryIO
import Templates

/// The paginated cable lists: one per tag, post, classification and month, `page_size` rows a page,
/// page 1 at the index's own address and page N at `…/page/N/`.
struct IndexPages {
    /// The templates an index page is rendered with (with the partials they name): its key changes with them.
    static let templates = ["list", "row", "header", "footer"]

    let context: SiteContext
    let fragments: Fragments

    /// One paginated list to render.
    struct Listing: Sendable {
        var kind: String
        var first: String
        var title: String
        var heading: String
        var intro: String?
        var members: [Int]
        var breadcrumbs: [LinkView]
        var feed: String?
        /// Where each year starts in `members` (date order; cables without a date last, as `year` nil), for
        /// the list's jump to a year. Empty for a month.
        var years: [(year: Int?, start: Int)] = []
        /// The search page filtered to these cables (by tag, post or classification), where a reader narrows
        /// them down further; nil for a month, or when the site is built without search.
        var search: String? = nil
    }

    /// The position of the first cable of each year in `members` (in date order).
    func yearStarts(_ members: [Int]) -> [(year: Int?, start: Int)] {
        var out: [(year: Int?, start: Int)] = []
        for (k, i) in members.enumerated() {
            let year = context.index.records[i].date?.year
            if out.isEmpty || out[out.count - 1].year != year { out.append((year, k)) }
        }
        return out
    }

    func listings() -> [Listing] {
        let urls = context.urls
        let index = context.index
        let home = LinkView(title: "Home", url: urls.home)
        var out: [Listing] = []
        for (code, members) in index.tags.sorted(by: { $0.key < $1.key }) {
            let tag = context.tagView(code)
            let heading = tag.known ? "\(code) — \(tag.name)" : code
            out.append(Listing(kind: "tag", first: urls.tag(code), title: "Tag \(heading)", heading: heading,
                               intro: tag.known ? "Cables tagged \(code) (\(tag.kind): \(tag.name))." : "Cables tagged \(code).",
                               members: members, breadcrumbs: [home, LinkView(title: "Tags", url: urls.tags)],
                               feed: index.anyDated(members) ? urls.tag(code) + "feed.xml" : nil, years: yearStarts(members),
                               search: searchURL("tag", code)))
        }
        for (name, members) in index.origins.sorted(by: { $0.key < $1.key }) {
            out.append(Listing(kind: "origin", first: urls.origin(name), title: name, heading: name,
                               intro: "Cables sent by \(name) (\(context.country(ofOrigin: name))).", members: members,
                               breadcrumbs: [home, LinkView(title: "Origins", url: urls.origins)],
                               feed: index.anyDated(members) ? urls.origin(name) + "feed.xml" : nil, years: yearStarts(members),
                               search: searchURL("origin", name)))
        }
        for (c, members) in index.classifications.sorted(by: { $0.key < $1.key }) {
            out.append(Listing(kind: "classification", first: urls.classification(c), title: c.rawValue, heading: c.rawValue,
                               intro: "Cables classified \(c.rawValue).", members: members,
                               breadcrumbs: [home, LinkView(title: "Classifications", url: urls.classifications)], feed: nil,
                               years: yearStarts(members), search: searchURL("cls", c.slug)))
        }
        for (ym, members) in index.months.sorted(by: { $0.key < $1.key }) {
            let name = DisplayDate.month(ym.year, ym.month)
            out.append(Listing(kind: "month", first: urls.month(ym.year, ym.month), title: name,
                               heading: ym.month == 0 ? "Cables of \(ym.year) whose date is estimated" : "Cables of \(name)",
                               intro: ym.month == 0 ? "Their texts give no date-time group: each date is estimated (from the declassification date, else the year of the reference id), and only its year is shown." : nil,
                               members: members,
                               breadcrumbs: [home, LinkView(title: "Dates", url: urls.dates), LinkView(title: String(ym.year), url: urls.year(ym.year))],
                               feed: nil))
        }
        return out
    }

    private func searchURL(_ filter: String, _ value: String) -> String? {
        SearchIndexer.isEnabled ? context.urls.search(filter: filter, value: value) : nil
    }

    /// Everything page `number` of `listing` is rendered from, hashed.
    func key(_ listing: Listing, page number: Int, settings: UInt64) -> UInt64 {
        var h = FastHash(seed: settings)
        h.add(listing.kind); h.add(listing.first); h.add(listing.title); h.add(listing.heading); h.add(listing.intro)
        h.add(listing.feed); h.add(listing.search); h.add(listing.members.count); h.add(number); h.add(pageCount(listing))
        for crumb in listing.breadcrumbs { h.add(crumb.title); h.add(crumb.url) }
        h.add(listing.years.count); for y in listing.years { h.add(y.year ?? -1); h.add(y.start) }
        let size = context.config.pageSize
        for i in listing.members[min(listing.members.count, (number - 1) * size)..<min(listing.members.count, number * size)] {
            h.add(context.index.records[i].listingKey)
        }
        return h.value
    }

    /// Number of pages a listing takes.
    func pageCount(_ listing: Listing) -> Int { max(1, (listing.members.count + context.config.pageSize - 1) / context.config.pageSize) }

    /// Renders page `number` (1-based) of `listing`.
    func render(_ listing: Listing, page number: Int) -> OutputFile {
        let urls = context.urls
        let size = context.config.pageSize
        let total = pageCount(listing)
        let slice = listing.members[min(listing.members.count, (number - 1) * size)..<min(listing.members.count, number * size)]
        let pagination: PaginationView? = total > 1 ? PaginationView(
            current: number, total: total,
            previous: number > 1 ? urls.page(listing.first, number: number - 1) : nil,
            next: number < total ? urls.page(listing.first, number: number + 1) : nil,
            pages: pageLinks(first: listing.first, current: number, total: total)) : nil
        let years = total > 1 ? yearLinks(listing, page: number) : []
        var anchors: [Int: String] = [:]
        if !years.isEmpty {
            for y in listing.years where slice.indices.contains(y.start) { anchors[listing.members[y.start]] = yearAnchor(y.year) }
        }
        // the rows' views are made only for a theme that reads them (the default prints `rowsHTML`)
        let members = Array(slice), context = self.context, rowAnchors = anchors
        let rows = LazyList(count: members.count) { k in
            var row = context.row(members[k])
            row.anchor = rowAnchors[members[k]]
            return row
        }
        let view = ListView(title: listing.title, heading: listing.heading, intro: listing.intro,
                            count: listing.members.count.grouped, kind: listing.kind, rows: rows, rowsHTML: fragments.rows(slice, anchors: anchors),
                            pagination: pagination, feed: listing.feed, search: listing.search, pageOf: number > 1 ? "page \(number) of \(total)" : nil,
                            years: years)
        let title = number > 1 ? "\(listing.title) (page \(number) of \(total))" : listing.title
        return context.page("list", path: urls.page(listing.first, number: number), title: title,
                            description: listing.intro ?? listing.heading, breadcrumbs: listing.breadcrumbs,
                            feed: listing.feed.map { ($0, listing.title) }, content: Named("list", view))
    }

    /// The list's years, each linking to its first cable's row, on the page it is on (a tag of thousands of
    /// cables spans hundreds of pages: a reader looking for 2009 goes straight there); none when it has a
    /// single year.
    func yearLinks(_ listing: Listing, page number: Int) -> [YearJumpView] {
        guard listing.years.count > 1 else { return [] }
        let size = context.config.pageSize
        return listing.years.enumerated().map { k, y in
            let first = y.start / size + 1
            let last = (k + 1 < listing.years.count ? listing.years[k + 1].start - 1 : listing.members.count - 1) / size + 1
            return YearJumpView(label: y.year.map(String.init) ?? "Undated",
                                url: context.urls.page(listing.first, number: first) + "#" + yearAnchor(y.year),
                                current: (first...last).contains(number))
        }
    }

    /// The id of a year's first row in a list: `y2008`, or `undated`.
    func yearAnchor(_ year: Int?) -> String { year.map { "y\($0)" } ?? "undated" }

    /// Links to the first, last and nearby pages (at most about a dozen, never all of them).
    func pageLinks(first: String, current: Int, total: Int) -> [PageLinkView] {
        var numbers = Set([1, total])
        for n in max(1, current - 3)...min(total, current + 3) { numbers.insert(n) }
        var step = 10
        while step < total { for n in stride(from: step, to: total, by: step) where abs(n - current) < step * 3 { numbers.insert(n) }; step *= 10 }
        return numbers.sorted().map { PageLinkView(number: $0, url: context.urls.page(first, number: $0), current: $0 == current) }
    }
}
