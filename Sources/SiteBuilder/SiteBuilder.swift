import CableKit
import ChanceryIO
import Dispatch

/// `chancery build`: loads the content, builds the index model once, renders the pages on all cores and
/// writes `Public/`. Incremental: with the build cache of the last build, only pages whose inputs changed
/// are rendered, only outputs whose bytes changed are written, and outputs no longer produced are removed.
/// A bad cable is reported and skipped; the rest of the site is built.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        /// The site folder (holding Content/ and Themes/).
        public var root: String
        /// Where the site is written (default `<root>/Public`).
        public var output: String?
        /// Overrides `base_url` of site.yml.
        public var baseURL: String?
        /// Ignore the build cache and rebuild everything into an emptied output folder.
        public var clean: Bool
        /// Free the build's memory when it returns; a process that exits right after the build passes false
        /// and leaves that to the system (`LeftForExit`).
        public var freesMemory: Bool
        /// Publish the free pages marked `draft: true` too (the preview server does when told to; `chancery build`
        /// does not, and removes a draft's page that a preview wrote).
        public var drafts: Bool
        /// Warn when neither site.yml nor `baseURL` gives the address the site is published at (`chancery
        /// build`; the preview server's pages rightly name the preview's address).
        public var warnsOfUnsetBaseURL: Bool
        public init(root: String = ".", output: String? = nil, baseURL: String? = nil, clean: Bool = false, freesMemory: Bool = true,
                    drafts: Bool = false, warnsOfUnsetBaseURL: Bool = false) {
            self.root = root; self.output = output; self.baseURL = baseURL; self.clean = clean; self.freesMemory = freesMemory
            self.drafts = drafts; self.warnsOfUnsetBaseURL = warnsOfUnsetBaseURL
        }
    }

    public let options: Options
    public init(options: Options) { self.options = options }

    public var outputDirectory: String { options.output ?? (options.root == "." ? "Public" : options.root + "/Public") }

    public typealias Progress = @Sendable (_ stage: String, _ done: Int, _ total: Int) -> Void

    /// Builds the site. A second build of the same site waits for the first (a lock in `.chancery/`);
    /// `waiting` is called once when it has to.
    ///
    /// A long-running caller (the preview server) passes a `session` to keep the build cache in memory from
    /// one build to the next, and `pagesReady` to hear, with the report so far, as soon as every page of an
    /// incremental build is in place — before the search index, the data exports and the build cache are
    /// brought up to date — so that it can reload the browser at once. It is not called when the build
    /// writes a new output folder (a first or clean build publishes everything at the end).
    public func build(progress: Progress? = nil, waiting: (@Sendable () -> Void)? = nil, session: BuildSession? = nil,
                      pagesReady: ((BuildReport) -> Void)? = nil) -> BuildReport {
        let start = DispatchTime.now()
        var report = BuildReport(output: outputDirectory)
        // a mistyped --root: named, and nothing made there
        if let problem = SiteRoot.problem(options.root) {
            report.errors.append(problem)
            return report
        }
        let lockPath = BuildCache.folder(root: options.root) + "/lock"
        var lock = DiskIO.lock(lockPath, wait: false)
        if lock == nil {
            waiting?()
            lock = DiskIO.lock(lockPath, wait: true)
        }
        buildSite(into: &report, progress: progress, session: session, pagesReady: pagesReady)
        if let lock { DiskIO.unlock(lock) }
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return report
    }

    private func buildSite(into report: inout BuildReport, progress: Progress?, session: BuildSession?, pagesReady: ((BuildReport) -> Void)?) {
        let root = options.root
        var timer = PhaseTimer()
        defer { timer.print() }
        // a build removes what it did not make from its output folder: never the site's own sources
        if let problem = OutputPlace.problem(output: outputDirectory, root: root) { report.errors.append(problem); return }

        // configuration and theme: without them nothing can be built
        var config = SiteConfig()
        var configBytes: [UInt8] = []
        do {
            if let bytes = try DiskIO.read(root + "/Content/site.yml") {
                configBytes = bytes
                config = try SiteConfig.parse(String(decoding: bytes, as: UTF8.self), path: "Content/site.yml")
            }
        } catch let error as BuildError {
            report.errors.append(error); return
        } catch {
            report.errors.append(BuildError(path: "Content/site.yml", message: "\(error)")); return
        }
        if let baseURL = options.baseURL {
            switch BaseURL.check(baseURL) {
            case .success(let url): config.baseURL = url; config.setsBaseURL = true
            case .failure(let problem): report.errors.append(BuildError(path: "--base-url", message: "--base-url \(problem.phrase) (not '\(baseURL)')")); return
            }
        }
        if !config.setsBaseURL && options.warnsOfUnsetBaseURL { report.warnings.append(SiteConfig.unsetBaseURLWarning) }
        let theme: Theme
        do { theme = try Theme.load(root: root, name: config.theme, line: config.themeLine) } catch { report.errors.append(error); return }
        if let warning = SiteContext.missingImageWarning(config, theme: theme) { report.warnings.append(warning) }

        // what the last build left, and whether it finished
        let marker = BuildCache.marker(root: root)
        let lastBuildWasKilled = DiskIO.exists(marker)
        if options.clean { BuildCache.remove(root: root) }
        let outputKey = absolute(outputDirectory)
        // the free pages (few and small); those with a `menu` label are linked from every page
        let loader = ContentLoader(root: root, drafts: options.drafts)
        let (freePages, pageErrors, draftsLeftOut) = loader.loadPages()
        report.errors += pageErrors
        report.drafts = freePages.filter(\.draft).map(\.path)
        report.draftsLeftOut = draftsLeftOut
        let menu = freePages.compactMap { page in page.menu.map { (label: $0, slug: page.slug) } }
        // what shapes every output (the theme apart: each kind of page depends on its own templates only, an
        // asset on nothing but itself)
        let tool = ToolIdentity.current(site: root) ?? ToolIdentity.version
        let settings = settingsKey(tool: tool, configBytes: configBytes, config: config, output: outputKey)
        // every page shows the menu in its header and footer (the search index, feeds and exports do not)
        var pageSettings = FastHash(seed: settings)
        for link in menu { pageSettings.add(link.label); pageSettings.add(link.slug) }
        func with(_ themeKey: UInt64) -> UInt64 { var h = FastHash(seed: pageSettings.value); h.add(themeKey); return h.value }
        let cableSettings = with(theme.key(of: CablePages.templates)), indexSettings = with(theme.key(of: IndexPages.templates))
        var themeFiles = FastHash(seed: pageSettings.value)
        for (name, digest) in theme.fingerprints { themeFiles.add(name); themeFiles.add(digest) }
        // a build without the drafts after a preview with them is not a build with nothing to do
        themeFiles.add(options.drafts)
        timer.mark("config")

        // nothing changed since the last build without errors: its output stands
        let listing = session?.listing(loader) ?? loader.listing()
        let fingerprint = InputFingerprint.hash(root: root, settings: themeFiles.value, listing: listing, pages: loader.pageFiles())
        timer.mark("stamps")
        // the output folder holds a built site (not deleted or emptied since)
        let hasHome = DiskIO.exists(outputDirectory + "/index.html")
        if !options.clean, !lastBuildWasKilled, let last = InputFingerprint.load(root: root), last.value == fingerprint,
           hasHome, DiskIO.exists(outputDirectory + "/404.html") {
            report.cables = last.cables
            report.unchanged = last.outputs
            return
        }
        InputFingerprint.remove(root: root)

        var cache = options.clean ? nil : session?.cache(root: root) ?? BuildCache.load(root: root, tool: tool)
        timer.mark("cache load")
        // without a cache for it, a folder of other files is not taken over unless --clean says so (they would
        // be removed as stale pages); what a killed build left is the build's
        if !options.clean, !lastBuildWasKilled, cache?.outputDirectory != outputKey, !OutputPlace.holdsBuiltSite(outputDirectory),
           let problem = OutputPlace.foreignContent(output: outputDirectory) {
            report.errors.append(problem); return
        }
        try? DiskIO.write(Array("\(ProcessInfoCores.processID)\n".utf8), to: marker)
        // the cache describes the output folder while it holds the site (restored by CI, say); one deleted or
        // emptied since (no home page) is built whole again
        let trusted = cache != nil && !lastBuildWasKilled && cache!.outputDirectory == outputKey && hasHome
        let keysUsable = trusted && cache!.settingsKey == settings
        let oldKeys = keysUsable ? cache!.pageKeys : [:]

        // content → index model
        // cables parsed by another build of the tool are parsed again (its reader may differ)
        let sameTool = cache?.tool == tool
        let loaded = loader.loadCables(listing: listing, cache: sameTool ? cache!.cables : [:]) { progress?("Loading", $0, $1) }
        report.errors += loaded.errors
        report.cablesRead = loaded.read
        var records = loaded.records
        // the cache entries for the next build, each cable's with the page this build leaves
        var entries = loaded.entries
        var seen = [String: Int](minimumCapacity: records.count)
        var duplicates: [Int] = []
        for (k, record) in records.enumerated() {
            if let first = seen.updateValue(k, forKey: record.id) {
                seen[record.id] = first
                duplicates.append(k)
                report.errors.append(BuildError(path: record.path, line: ContentLoader.line(ofKey: "id", root: root, path: record.path),
                                                message: "duplicate id \(record.id): also in \(records[first].path)"))
            }
        }
        // a duplicate has no page of its own (whatever it had is the other file's or stale)
        var outOfModel: [String] = []
        for k in duplicates.reversed() {
            outOfModel.append(records[k].path)
            entries[records[k].path]?.page = nil
            records.remove(at: k)
        }
        timer.mark("content")
        let index = SiteIndex(records: records)
        timer.mark("index model")
        let context = SiteContext(config: config, index: index, theme: theme, menu: menu)
        report.cables = index.records.count

        // with a trusted cache, its outputs are what is on disk (no need to walk Public/)
        var writer = OutputWriter(directory: outputDirectory, known: trusted ? cache!.outputs : [:], trustKnown: trusted, replacing: options.clean)
        var keys: [String: UInt64] = [:]
        /// The pages other than the cables', for the sitemaps.
        var sitePaths: [String] = []
        /// The files of the cables rendered by this build (their hashes go in the cables' entries).
        var renderedCableFiles: [String] = []
        let fragments = Fragments(context: context)
        let batch = 512

        // cable pages: render those whose inputs changed. Each cable's entry remembers the key its page was
        // rendered from and its files' hashes: an unchanged cable is kept without building its paths
        let cablePages = CablePages(context: context, root: root, fragments: fragments)
        // what each page shows of the cables around it: the last build's, while the model's shape is the same
        let shape = index.shapeKey()
        let lastNeighbours = keysUsable && cache!.shapeKey == shape && cache!.neighbourKeys.count == index.records.count ? cache!.neighbourKeys : nil
        let keepsPages = keysUsable && writer.trustsKnown
        let currentEntries = entries
        // (the related cables worked out for a key are kept for the page: the most costly part of both)
        let cableKeys = parallelMap(Array(index.records.indices)) { i -> (key: UInt64, neighbours: UInt64, kept: Int, related: [Int]?) in
            let record = index.records[i]
            let entry = currentEntries[record.path]
            let related: [Int]?, neighbours: UInt64
            if let lastNeighbours {
                related = nil
                neighbours = lastNeighbours[i]
            } else {
                let worked = cablePages.related(i)
                related = worked
                neighbours = cablePages.neighbourKey(i, related: worked)
            }
            let key = cablePages.key(i, settings: cableSettings, originalHash: entry?.originalHash, neighbours: neighbours)
            // kept: the page and, when the cable has an original, its copy, as the last build wrote them
            guard keepsPages, let page = entry?.page, page.key == key, (page.copyHash != nil) == (record.originalName != nil) else { return (key, neighbours, 0, related) }
            return (key, neighbours, page.copyHash == nil ? 1 : 2, nil)
        }
        let neighbourKeys = cableKeys.map(\.neighbours)
        var cablesToRender: [Int] = []
        var keptCableFiles = 0
        for (i, k) in cableKeys.enumerated() {
            if k.kept > 0 { keptCableFiles += k.kept } else { cablesToRender.append(i) }
        }
        // what the last build made for the cables rendered now, and for those gone from the model since, is
        // known to the writer: unchanged bytes are not written again, and files not made again are removed
        // (a kept cable's files cannot be among them: only one file of an id has a page)
        if trusted {
            var last = cablesToRender.compactMap { cache!.cables[index.records[$0].path] } + outOfModel.compactMap { cache!.cables[$0] }
            if !sameTool || entries.count != cache!.cables.count + loaded.added {
                for (path, old) in cache!.cables where entries[path] == nil { last.append(old) }
            }
            for old in last {
                guard let page = old.page else { continue }
                let files = cablePages.outputs(of: old.record).files
                writer.expect(files[0], hash: page.pageHash)
                if files.count > 1, let copy = page.copyHash { writer.expect(files[1], hash: copy) }
            }
        }
        // cables parsed by another build of the tool served only to name their outputs for the writer, just
        // done: dropped, so that the first build of a new tool holds one set of parsed cables, not two (300 MB
        // more at 50,000 cables); its save writes a whole new base
        if !sameTool { cache?.cables = [:] }
        timer.mark("cable keys")
        let search = SearchIndexer(context: context, root: root)
        // an index made from the same cables and settings stands: its files are kept, nothing is read; one
        // made from the same cables with a few edited is patched
        let searchKey = search.key(settings: settings)
        keys["search/meta.json"] = searchKey
        let searchFiles = keysUsable ? cache!.outputs.keys.filter { $0.hasPrefix("search/") && $0 != "search/index.html" } : []
        if oldKeys["search/meta.json"] == searchKey, searchFiles.allSatisfy({ writer.keep($0) }) {
            search.reuse()
        } else {
            search.preparePatch(key: searchKey, lastKey: oldKeys["search/meta.json"], published: outputDirectory + "/search", files: searchFiles)
        }
        // a cable page's folder, made while the batch before it is written (`OutputWriter.write(_:preparing:)`)
        func cableFolder(_ i: Int) -> String { DiskIO.parent(context.urls.file(for: context.cableURLs[i])) }
        // each batch is rendered on other threads while the one before it is indexed and written
        func renderAhead(_ start: Int) -> (chunk: [Int], pages: Pending<[CablePages.Rendered]>)? {
            guard start < cablesToRender.count else { return nil }
            let chunk = Array(cablesToRender[start..<min(cablesToRender.count, start + batch)])
            return (chunk, Pending { parallelMap(chunk) { cablePages.render($0, related: cableKeys[$0].related) } })
        }
        var ahead = renderAhead(0)
        for start in stride(from: 0, to: cablesToRender.count, by: batch) {
            let (chunk, pages) = ahead!
            let rendered = pages.value()
            ahead = renderAhead(start + batch)
            search.add(through: chunk.last!, rendered.compactMap(\.search))
            var files: [OutputFile] = []
            for item in rendered {
                if let error = item.error { report.errors.append(error); continue }
                files += item.files
            }
            // the next batch's folders (made ahead in a staging folder only: elsewhere each file is written by its path)
            let next = writer.staging == nil ? [] : (ahead?.chunk ?? []).map(cableFolder)
            report.errors += writer.write(files, preparing: next)
            for (i, item) in zip(chunk, rendered) {
                let paths = item.files.map(\.path)  // the page, then the copy of its original
                renderedCableFiles += paths
                let path = index.records[i].path
                guard item.error == nil, let page = paths.first, let pageHash = writer.produced[page] else { entries[path]?.page = nil; continue }
                entries[path]?.page = BuildCache.PageOutputs(key: cableKeys[i].key, pageHash: pageHash,
                                                            copyHash: paths.count > 1 ? writer.produced[paths[1]] : nil)
            }
            report.rendered += chunk.count
            report.cablePagesRendered += chunk.count
            progress?("Rendering cables", min(cablesToRender.count, start + batch), cablesToRender.count)
        }
        timer.mark("cable pages")
        // index pages
        let indexPages = IndexPages(context: context, fragments: fragments)
        let listings = indexPages.listings()
        var jobs: [(Int, Int)] = []
        var allPages: [(Int, Int)] = []
        for (k, listing) in listings.enumerated() { for n in 1...indexPages.pageCount(listing) { allPages.append((k, n)) } }
        let pageKeys = parallelMap(allPages) { job in indexPages.key(listings[job.0], page: job.1, settings: indexSettings) }
        for ((k, n), key) in zip(allPages, pageKeys) {
            do {
                let listing = listings[k]
                let path = context.urls.page(listing.first, number: n)
                sitePaths.append(path)
                let file = context.urls.file(for: path)
                keys[file] = key
                if oldKeys[file] == key, writer.keep(file) { continue }
                jobs.append((k, n))
            }
        }
        timer.mark("index keys")
        // (rendered ahead, like the cables')
        func renderIndexesAhead(_ start: Int) -> Pending<[OutputFile]>? {
            guard start < jobs.count else { return nil }
            let slice = Array(jobs[start..<min(jobs.count, start + batch)])
            return Pending { parallelMap(slice) { job in indexPages.render(listings[job.0], page: job.1) } }
        }
        var indexesAhead = renderIndexesAhead(0)
        for start in stride(from: 0, to: jobs.count, by: batch) {
            let files = indexesAhead!.value()
            indexesAhead = renderIndexesAhead(start + batch)
            report.errors += writer.write(files)
            report.rendered += files.count
            progress?("Rendering indexes", min(jobs.count, start + batch), jobs.count)
        }

        timer.mark("index pages")
        // data exports, from the records (no file is read again), made on a thread of their own while the feeds,
        // the other pages and the search index are written: each works on every core, and each has serial steps
        // the others fill (the other pages are rendered on one)
        var exportsKey = FastHash(seed: settings)
        for r in index.records { exportsKey.add(r.metaKey) }
        keys["data/cables.json"] = exportsKey.value
        keys["data/cables.csv"] = exportsKey.value
        let exportsKept = oldKeys["data/cables.json"] == exportsKey.value && writer.keep("data/cables.json") && writer.keep("data/cables.csv")
        var exports: Pending<Result<DataExports.Written, DiskIO.Failure>>?
        if !exportsKept {
            let records = index.records, urls = context.urls, folder = writer.staging ?? outputDirectory
            exports = Pending { Result { () throws(DiskIO.Failure) in try DataExports.write(records, urls: urls, publicDirectory: folder) } }
        }

        // feeds
        let feeds = Feeds(context: context)
        var feedJobs: [Feeds.Job] = []
        for job in feeds.jobs() {
            let file = context.urls.file(for: job.path)
            let key = feeds.key(job, settings: settings)
            keys[file] = key
            if oldKeys[file] == key, writer.keep(file) { continue }
            feedJobs.append(job)
        }
        report.errors += writer.write(parallelMap(feedJobs) { feeds.render($0) })
        report.rendered += feedJobs.count

        timer.mark("feeds")
        // home, directories, free pages, 404, sitemap, assets: few and cheap, always rendered
        var other = [HomePage(context: context, fragments: fragments).render()] + DirectoryPages(context: context).all(freePages: freePages)
        for file in other where file.path.hasSuffix("index.html") { sitePaths.append(context.urls.base + "/" + String(file.path.dropLast(10))) }
        sitePaths.append(context.urls.search)
        // the sitemaps change only when a page is added or removed
        let sitemapKey = Sitemap.key(paths: sitePaths, cables: shape, settings: settings)
        let sitemapFiles = Sitemap.fileNames(count: sitePaths.count + index.records.count)
        for file in sitemapFiles { keys[file] = sitemapKey }
        if !(sitemapFiles.allSatisfy { oldKeys[$0] == sitemapKey } && sitemapFiles.allSatisfy { writer.keep($0) }) {
            let cablePaths = context.cableURLs
            other += Sitemap(context: context).files(paths: cablePaths + sitePaths)
        }
        for asset in theme.assets {
            do {
                if let bytes = try DiskIO.read(asset.source) { other.append(OutputFile(path: "assets/" + asset.name, bytes: bytes)) }
            } catch {
                report.errors.append(BuildError(path: asset.source, message: error.message))
            }
        }
        report.errors += writer.write(other)
        report.rendered += other.count
        // every page that shows a fragment is rendered: the search index and the exports reuse that memory
        fragments.forget()
        timer.mark("other pages")
        if writer.staging == nil, let pagesReady {
            var sofar = report
            sofar.written = writer.written
            pagesReady(sofar)
        }

        // search index: the cables not rendered above are read by the indexer; then Public/search/ and /search/
        report.errors += search.finish(keep: { writer.keep($0) }) { writer.write($0) }
        timer.mark("search")
        switch exports?.value() {
        case .success(let result)?:
            writer.noteProduced("data/cables.json", hash: result.json.hash, written: result.json.written)
            writer.noteProduced("data/cables.csv", hash: result.csv.hash, written: result.csv.written)
        case .failure(let error)?: report.errors.append(BuildError(path: error.path, message: error.message))
        case nil: break
        }

        timer.mark("exports")
        report.errors += writer.finishWriting()
        do { try writer.publish() } catch { report.errors.append(BuildError(path: error.path, message: error.message)) }
        report.removed = writer.removeStale()
        report.written = writer.written
        report.unchanged = writer.unchanged + keptCableFiles

        timer.mark("publish")
        // remember for the next build
        var next = BuildCache()
        next.settingsKey = settings
        next.tool = tool
        next.outputDirectory = outputKey
        next.cables = entries
        var outputs = writer.produced
        for path in renderedCableFiles { outputs[path] = nil }
        next.outputs = outputs
        next.pageKeys = keys
        next.shapeKey = shape
        next.neighbourKeys = neighbourKeys
        let unchanged = trusted && cablesToRender.isEmpty && report.cablesRead == 0 && loaded.restamped == 0 && writer.written == 0 && report.removed == 0 && keys == cache!.pageKeys
            && cache!.settingsKey == settings && next.cables.count == cache!.cables.count && cache!.shapeKey == shape && cache!.neighbourKeys == neighbourKeys
        if !unchanged {
            do {
                try next.save(root: root, previous: sameTool ? cache : nil)
                session?.keep(next, root: root, saved: true)
            } catch {
                report.errors.append(BuildError(path: error.path, message: "cannot save the build cache: \(error.message)", isWarning: true))
                session?.keep(next, root: root, saved: false)
            }
        }
        DiskIO.remove(marker)
        if report.errors.isEmpty {
            InputFingerprint(value: fingerprint, cables: report.cables, outputs: report.written + report.unchanged).save(root: root)
        }
        timer.mark("cache save")
        if !options.freesMemory { LeftForExit.keep((cache, next, loaded, entries, index, context, writer, keys, cableKeys, listing, search)) }
    }

    /// Everything that shapes every output but the theme and the menu: the tool itself (`ToolIdentity`:
    /// what the cache's parsed cables and keys are valid for), site.yml and overrides, the environment
    /// (`CHANCERY_NO_SEARCH`: the search index, the search page and every link to it), the output folder.
    /// The "nothing changed" fingerprint and every page's key start from it, so a build with any of them
    /// changed is never taken for one that has nothing to do.
    private func settingsKey(tool: String, configBytes: [UInt8], config: SiteConfig, output: String) -> UInt64 {
        var h = FastHash()
        h.add(tool)
        h.add(configBytes)
        h.add(config.baseURL); h.add(config.title); h.add(config.language); h.add(config.pageSize); h.add(config.feedSize); h.add(config.relatedCount); h.add(config.referencedByCount)
        h.add(SearchIndexer.isEnabled)
        h.add(output)
        return h.value
    }

    private func absolute(_ path: String) -> String { path.hasPrefix("/") ? path : DiskIO.currentDirectory + "/" + path }
}

/// What a build did.
public struct BuildReport: Sendable {
    public static let toolVersion = ToolIdentity.version

    public var output: String
    public var cables = 0
    /// Cables read from their files (the rest came unchanged from the build cache).
    public var cablesRead = 0
    /// Pages and other outputs rendered (the rest were unchanged and kept).
    public var rendered = 0
    /// Of those, cable pages.
    public var cablePagesRendered = 0
    public var written = 0
    public var unchanged = 0
    public var removed = 0
    public var errors: [BuildError] = []
    /// Warnings about the build as a whole (`base_url` not set), given by every build, the one with nothing to do
    /// included; unlike the errors (and a cable's warnings) they do not keep the next build from stopping early.
    public var warnings: [BuildError] = []
    /// The free pages marked `draft: true` that this build published (a preview's with `--drafts`; `chancery
    /// build` leaves them out), by file: `Content/pages/notes.md`.
    public var drafts: [String] = []
    /// The free pages marked `draft: true` that this build left out, by file.
    public var draftsLeftOut: [String] = []
    public var seconds = 0.0

    public var failed: Bool { errors.contains { !$0.isWarning } }

    /// `Built 310 cables into 1,234 files (1,200 written, 34 unchanged, 0 removed) in 1.2 s → Public`; a build
    /// that stopped before making anything (no site there, a broken site.yml or theme) says so instead.
    public var summary: String {
        let problems = errors.filter { !$0.isWarning }.count
        if problems > 0, cables == 0, written + unchanged + removed == 0 {
            return "Nothing built (\(problems.grouped) error\(problems == 1 ? "" : "s")): \(output) is as it was"
        }
        return "Built \(cables.grouped) cable\(cables == 1 ? "" : "s") into \((written + unchanged).grouped) files (\(written.grouped) written, \(unchanged.grouped) unchanged, "
            + "\(removed.grouped) removed) in \(String(format1: seconds)) s → \(output)" + (problems > 0 ? "; \(problems.grouped) error\(problems == 1 ? "" : "s")" : "")
    }
}
