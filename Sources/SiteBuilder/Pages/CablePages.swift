import CableKit
import ChanceryIO
import Templates

/// Renders one cable's page — metadata table, body, references both ways, related cables, previous/next
/// from the same post, the original beside it, a citation, JSON-LD — from its Markdown file.
struct CablePages {
    /// The templates a cable page is rendered with (with the partials they name): its key changes with them.
    static let templates = ["cable", "cable-link", "tag-link", "header", "footer"]

    let context: SiteContext
    let fragments: Fragments
    /// The site's files, read by their paths under the site folder.
    let files: FolderFiles
    /// The site folder.
    var root: String { files.path }

    init(context: SiteContext, root: String, fragments: Fragments) {
        self.context = context
        self.fragments = fragments
        files = FolderFiles(root)
    }
    /// `root` made absolute, for hard links.
    var absoluteRoot: String { root.hasPrefix("/") ? root : DiskIO.currentDirectory + "/" + root }

    struct Rendered: Sendable {
        var files: [OutputFile] = []
        var error: BuildError?
        /// The cable's words for the search index (tokenised here, on the render workers).
        var search: SearchDocument?
    }

    /// The page's address and the files it produces, known without rendering it.
    func outputs(_ i: Int) -> (page: String, files: [String]) { outputs(of: context.index.records[i]) }

    /// The page's address and files for `record` (also one of another build's model).
    func outputs(of record: CableRecord) -> (page: String, files: [String]) {
        let path = context.urls.cable(id: record.id, date: record.date, estimated: record.dateEstimated)
        var files = [context.urls.file(for: path)]
        if let name = publishedOriginal(record) { files.append(context.urls.file(for: path + name)) }
        return (path, files)
    }

    /// Everything the page is rendered from, hashed: the cable's file, its original's bytes, and what the
    /// page shows of the cables around it (`neighbourKey`). An unchanged key means an unchanged page.
    func key(_ i: Int, settings: UInt64, originalHash: UInt64?, neighbours: UInt64) -> UInt64 {
        let record = context.index.records[i]
        var h = FastHash(seed: settings)
        h.add(record.contentHash)
        h.add(record.originalName)
        if let originalHash { h.add(true); h.add(originalHash) } else { h.add(false) }
        h.add(SearchIndexer.isEnabled)   // the link to all the cables citing it
        h.add(neighbours)
        return h.value
    }

    /// What the page shows of the cables around it — those it cites, how many cite it and the first of them,
    /// related cables, previous and next from its post — hashed. A function of the index model's shape alone
    /// (`SiteIndex.shapeKey`): while that is unchanged, so is this, and the build takes it from its cache.
    /// `related` is what `related(i)` gives.
    func neighbourKey(_ i: Int, related: [Int]) -> UInt64 {
        let index = context.index
        let record = index.records[i]
        var h = FastHash()
        for id in record.references { h.add(index.byID[id].map { index.records[$0].listingKey } ?? 1) }
        h.add(index.citedBy[i].count); for j in citing(i) { h.add(index.records[j].listingKey) }
        h.add(related.count); for j in related { h.add(index.records[j].listingKey) }
        h.add(index.previousFromSamePost(i).map { index.records[$0].listingKey } ?? 2)
        h.add(index.nextFromSamePost(i).map { index.records[$0].listingKey } ?? 3)
        return h.value
    }

    /// The cables citing cable `i` that its page lists: the first `referencedByCount`, in date order (the
    /// order of the search listing them all, which the page links to when there are more).
    func citing(_ i: Int) -> ArraySlice<Int> { context.index.citedBy[i].prefix(context.config.referencedByCount) }

    /// The related cables page `i` lists (`SiteIndex.related`).
    func related(_ i: Int) -> [Int] { context.index.related(to: i, limit: context.config.relatedCount) }

    /// `related`: what `related(i)` gives, when the caller has it already (a clean build works it out for the
    /// page's key); else it is worked out here.
    func render(_ i: Int, related: [Int]? = nil) -> Rendered {
        let record = context.index.records[i]
        var rendered = Rendered()
        let cable = record.meta
        let markdown: ArraySlice<UInt8>
        do {
            guard let bytes = try files.read(record.path) else {
                return Rendered(error: BuildError(path: record.path, message: "the file disappeared during the build"))
            }
            markdown = try CableBody.utf8(bytes)
        } catch let failure as FrontMatterParser.Failure {
            return Rendered(error: BuildError(path: record.path, line: failure.line, message: failure.message))
        } catch {
            return Rendered(error: BuildError(path: record.path, message: "\(error)"))
        }
        let urls = context.urls
        rendered.search = SearchDocument.make(i, record: record, body: markdown)
        let path = context.cableURLs[i]
        // the REF line's references, read once: listed by letter below the body, and a mention of one in the
        // body ("Ref C") links to it
        let cited = cable.referenceLine.map { ReferenceLine.cited($0, year: ReferenceID.parts(record.id)?.year, ownID: record.id) } ?? []
        let letters = cited.first?.letter == nil ? [] : Set(cited.compactMap { $0.letter?.utf8.first })   // as ReferenceSection lists them
        let body = BodyDecorator.decorate(MarkdownRenderer.htmlBytes(utf8: markdown, basePath: urls.base), referenceLetters: letters)
        let view = cableView(i, cable: cable, cited: cited, body: body, path: path, related: related ?? self.related(i))
        // "08STATE37957: POSSIBLE RELEASE OF A.Q. KHAN"; a cable without a subject is "Cable 02BRASILIA4227"
        // (as its heading says), not its id twice
        let title = record.title.map { "\(record.id): \($0)" } ?? "Cable \(record.id)"
        var breadcrumbs = [LinkView(title: "Home", url: urls.home), LinkView(title: "Dates", url: urls.dates)]
        if let d = record.date {
            breadcrumbs.append(LinkView(title: String(d.year), url: urls.year(d.year)))
            let month = SiteURLs.filingMonth(d, estimated: record.dateEstimated)
            breadcrumbs.append(LinkView(title: DisplayDate.monthName(month), url: urls.month(d.year, month)))
        }
        let description = record.summary.map { Excerpt.of($0, limit: 300) } ?? title
        rendered.files.append(context.page("cable", path: path, title: title, description: description,
                                           breadcrumbs: breadcrumbs, ogType: "article",
                                           jsonld: jsonLD(cable, url: urls.absolute(path)), content: Named("cable", view),
                                           expectedSize: body.count + 16_384))
        if let name = record.originalName, let published = publishedOriginal(record) {
            let source = absoluteRoot + "/" + DiskIO.parent(record.path) + "/" + name
            if name == published, cable.source.encoding != nil, let bytes = try? DiskIO.read(source) {
                // not UTF-8 (Windows-1252, UTF-16): browsers and hosts would read it as UTF-8 and garble it, so its
                // text is published in UTF-8 (the page says so); Content/ keeps the bytes
                rendered.files.append(OutputFile(path: urls.file(for: path + published), bytes: Array(TextDecoding.decode(bytes).text.utf8)))
            } else if name == published {
                rendered.files.append(OutputFile(path: urls.file(for: path + published), copyOf: source))
            } else if let text = wikiLeaksText(source) {
                // a WikiLeaks page is published as its telegram text: never someone else's HTML on this site
                rendered.files.append(OutputFile(path: urls.file(for: path + published), bytes: Array(text.utf8)))
            }
        }
        return rendered
    }

    /// The name the original is published under beside the page: `<ID>.txt` (a WikiLeaks page's text is
    /// extracted: the verbatim HTML stays in Content/ only).
    func publishedOriginal(_ record: CableRecord) -> String? {
        guard let name = record.originalName else { return nil }
        return name.hasSuffix(".html") ? record.id + ".txt" : name
    }

    private func wikiLeaksText(_ source: String) -> String? {
        guard let bytes = try? DiskIO.read(source), let page = try? WikiLeaksPage.parse(TextDecoding.decode(bytes).text) else { return nil }
        return page.telegramText + "\n"
    }

    /// `cited`: the references of the cable's REF line (`ReferenceLine.cited`).
    func cableView(_ i: Int, cable: Cable, cited referenceLine: [CitedReference], body: [UInt8], path: String, related: [Int]) -> CableView {
        let index = context.index
        let urls = context.urls
        let record = index.records[i]
        let link = context.link
        func cited(_ id: String) -> (view: CableLinkView, html: String) {
            if let j = index.byID[id] { return (link(j), fragments.link(j)) }
            let absent = CableLinkView(id: id, url: nil, title: nil, date: nil, present: false)
            return (absent, context.theme.renderFragment("cable-link", absent))
        }
        let citedViews = cable.references.map(cited)
        // each cited cable's link made once, for the whole list and for the letter that names it
        let views = Dictionary(zip(cable.references, citedViews), uniquingKeysWith: { first, _ in first })
        let section = ReferenceSection.make(cited: referenceLine, references: cable.references) {
            views[$0] ?? cited($0)
        }
        let unlettered = section.unlettered.count == cable.references.count ? citedViews : section.unlettered.map { views[$0] ?? cited($0) }
        let tags = LazyList(count: cable.tags.count) { [context, codes = cable.tags] k in context.tagView(codes[k]) }
        let tagsHTML = cable.tags.map { fragments.tag($0) }.concatenated()
        let citing = citing(i), citingCount = index.citedBy[i].count
        let allCiting = citingCount > citing.count
            ? CitingView(count: citingCount, shown: citing.count,
                         url: SearchIndexer.isEnabled ? urls.search(filter: "cites", value: record.id) : nil)
            : nil
        let release = cable.release.map {
            ReleaseView(status: $0.status, reviewer: $0.reviewer, reviewDate: $0.reviewDate, caseID: $0.caseID,
                        exemptions: $0.exemptions.isEmpty ? nil : $0.exemptions.joined(separator: ", "))
        }
        let original = publishedOriginal(record).map { LinkView(title: $0, url: path + $0) }
        return CableView(
            id: record.id, title: record.title ?? "(no subject)", hasTitle: record.title != nil,
            date: record.date.map { DisplayDate.long($0, estimated: record.dateEstimated) },
            dateISO: record.date.map { record.dateEstimated ? String($0.year) : $0.written }, dateEstimated: record.dateEstimated,
            classification: record.classification.map(context.classificationView),
            marking: record.marking == record.classification?.rawValue ? nil : record.marking,
            caveats: cable.caveats, origin: record.origin.map { LinkView(title: $0, url: context.originURL($0)) },
            precedence: cable.precedence, to: cable.to, info: cable.info,
            tags: tags, tagsHTML: tagsHTML,
            classifiedBy: cable.classifiedBy, reasons: cable.reasons.isEmpty ? nil : cable.reasons.joined(separator: ", "),
            declassifyOn: cable.declassifyOn, release: release, signedBy: cable.signedBy, summary: cable.summary,
            partial: cable.partial, body: UTF8Text(body), references: citedViews.map(\.view), referencesHTML: citedViews.map(\.html).concatenated(),
            referenceLine: cable.referenceLine, letteredReferences: section.lettered,
            unletteredReferences: unlettered.map(\.view), unletteredReferencesHTML: unlettered.map(\.html).concatenated(),
            referencedBy: context.links(citing), referencedByHTML: fragments.links(citing), referencedByAll: allCiting,
            related: context.links(related), relatedHTML: fragments.links(related),
            previous: index.previousFromSamePost(i).map(link), next: index.nextFromSamePost(i).map(link),
            original: original, originalConvertedFrom: original == nil || record.originalName?.hasSuffix(".html") == true ? nil : cable.source.encoding,
            citation: citation(record, url: urls.absolute(path)),
            repairs: cable.repairs.map { RepairView(kind: $0.kind, original: $0.original, replacement: $0.replacement, line: $0.line) },
            sourceFormat: cable.source.format?.rawValue, sourceFile: cable.source.file)
    }

    /// `Embassy Islamabad. "MAHMUD PLANS 2ND MISSION TO AFGHANISTAN." Cable 01ISLAMABAD5337, 24 September 2001. SECRET//NODIS. <url>`
    func citation(_ r: CableRecord, url: String) -> String {
        // (written into bytes: built from interpolated strings joined, it cost some 13,000 instructions a cable)
        var out = ByteWriter(capacity: 160 + (r.title?.utf8.count ?? 0) + url.utf8.count)
        func sentence(_ text: String, _ out: inout ByteWriter) { out.append(text); out.append(". ") }
        if let origin = r.origin { sentence(origin, &out) }
        if let title = r.title { out.append("“"); out.append(title); out.append(".” ") }
        out.append("Cable "); out.append(r.id)
        if let date = r.date { out.append(", "); out.append(r.dateEstimated ? String(date.year) : DisplayDate.day(date)) }
        out.append(". ")
        if let marking = r.marking { sentence(marking, &out) }
        sentence(context.config.title, &out)
        out.append(url)
        return out.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    func jsonLD(_ c: Cable, url: String) -> [UInt8] {
        var out = ByteWriter(capacity: 512 + (c.summary?.utf8.count ?? 0) * 6)
        // (the buffer passed in, not captured: a captured variable is checked for exclusive access at every call)
        func key(_ name: StaticString, _ out: inout ByteWriter) { out.append(", "); out.append(name) }
        func string(_ value: String, _ out: inout ByteWriter) { CableJSON.appendString(value, to: &out) }
        out.append("{\"@context\": \"https://schema.org\", \"@type\": \"DigitalDocument\"")
        key("\"identifier\": ", &out); string(c.id ?? "", &out)
        key("\"url\": ", &out); string(url, &out)
        if let t = c.title { key("\"name\": ", &out); string(t, &out) }
        if let d = c.date { key("\"dateCreated\": ", &out); string(c.dateEstimated ? String(d.year) : d.written, &out) }
        if let o = c.origin { key("\"author\": {\"@type\": \"GovernmentOrganization\", \"name\": ", &out); string(o, &out); out.append(UInt8(ascii: "}")) }
        if !c.tags.isEmpty { key("\"keywords\": ", &out); string(c.tags.concatenated(separator: ", "), &out) }
        if let s = c.summary { key("\"abstract\": ", &out); string(s, &out) }
        key("\"isPartOf\": {\"@type\": \"Collection\", \"name\": ", &out); string(context.config.title, &out)
        out.append(", \"url\": "); string(context.urls.absolute(context.urls.home), &out); out.append("}}")
        return out.finish()
    }
}
