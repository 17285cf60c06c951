import CableKit
import ChanceryIO
import Dispatch

/// `chancery build`: loads the content, builds the index model once, renders every page on all cores and
/// writes `Public/`. A bad cable is reported and skipped; the rest of the site is built.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        /// The site folder (holding Content/ and Themes/).
        public var root: String
        /// Where the site is written (default `<root>/Public`).
        public var output: String?
        /// Overrides `base_url` of site.yml.
        public var baseURL: String?
        public init(root: String = ".", output: String? = nil, baseURL: String? = nil) {
            self.root = root; self.output = output; self.baseURL = baseURL
        }
    }

    public let options: Options
    public init(options: Options) { self.options = options }

    public var outputDirectory: String { options.output ?? (options.root == "." ? "Public" : options.root + "/Public") }

    public typealias Progress = @Sendable (_ stage: String, _ done: Int, _ total: Int) -> Void

    public func build(progress: Progress? = nil) -> BuildReport {
        let start = DispatchTime.now()
        var report = BuildReport(output: outputDirectory)
        buildSite(into: &report, progress: progress)
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return report
    }

    private func buildSite(into report: inout BuildReport, progress: Progress?) {
        let root = options.root

        // configuration and theme: without them nothing can be built
        var config = SiteConfig()
        do {
            if let bytes = try DiskIO.read(root + "/Content/site.yml") {
                config = try SiteConfig.parse(String(decoding: bytes, as: UTF8.self), path: "Content/site.yml")
            }
        } catch let error as BuildError {
            report.errors.append(error); return
        } catch {
            report.errors.append(BuildError(path: "Content/site.yml", message: "\(error)")); return
        }
        if let baseURL = options.baseURL {
            var url = baseURL
            while url.hasSuffix("/") { url.removeLast() }
            config.baseURL = url
        }
        let theme: Theme
        do { theme = try Theme.load(root: root, name: config.theme) } catch { report.errors.append(error); return }

        // content → index model
        let loader = ContentLoader(root: root)
        let loaded = loader.loadCables { progress?("Loading", $0, $1) }
        report.errors += loaded.errors
        var records = loaded.records
        var seen = [String: String]()
        records.removeAll { record in
            if let first = seen[record.id] {
                report.errors.append(BuildError(path: record.path, message: "duplicate id \(record.id): also in \(first)"))
                return true
            }
            seen[record.id] = record.path
            return false
        }
        let index = SiteIndex(records: records)
        let (freePages, pageErrors) = loader.loadPages()
        report.errors += pageErrors
        let context = SiteContext(config: config, index: index, theme: theme)
        report.cables = index.records.count

        var writer = OutputWriter(directory: outputDirectory)
        var sitePaths: [String] = []

        // cable pages, streamed in batches, with the data exports alongside
        let exports: DataExports
        do { exports = try DataExports(publicDirectory: writer.staging ?? outputDirectory, urls: context.urls) } catch {
            report.errors.append(BuildError(path: error.path, message: error.message)); return
        }
        let fragments = Fragments(context: context)
        let cablePages = CablePages(context: context, root: root, fragments: fragments)
        let batch = 512
        let total = index.records.count
        for start in stride(from: 0, to: total, by: batch) {
            let range = Array(start..<min(total, start + batch))
            let rendered = parallelMap(range) { cablePages.render($0) }
            var files: [OutputFile] = []
            for item in rendered {
                if let error = item.error { report.errors.append(error); continue }
                if let cable = item.cable { exports.add(cable) }
                files += item.files
            }
            for file in files where file.path.hasSuffix("index.html") { sitePaths.append(context.urls.base + "/" + String(file.path.dropLast(10))) }
            report.errors += writer.write(files)
            report.pages += files.count
            progress?("Rendering cables", min(total, start + batch), total)
        }
        do {
            let changed = try exports.commit()
            writer.noteProduced("data/cables.json", written: changed > 0)
            writer.noteProduced("data/cables.csv", written: changed > 0)
        } catch {
            report.errors.append(BuildError(path: error.path, message: error.message))
        }

        // index pages
        let indexPages = IndexPages(context: context, fragments: fragments)
        let listings = indexPages.listings()
        var jobs: [(Int, Int)] = []
        for (k, listing) in listings.enumerated() { for n in 1...indexPages.pageCount(listing) { jobs.append((k, n)) } }
        for start in stride(from: 0, to: jobs.count, by: batch) {
            let slice = Array(jobs[start..<min(jobs.count, start + batch)])
            let files = parallelMap(slice) { job in indexPages.render(listings[job.0], page: job.1) }
            for file in files { sitePaths.append(context.urls.base + "/" + String(file.path.dropLast(10))) }
            report.errors += writer.write(files)
            report.pages += files.count
            progress?("Rendering indexes", min(jobs.count, start + batch), jobs.count)
        }

        // home, directories, free pages, feeds, sitemap, assets
        var other = [HomePage(context: context, fragments: fragments).render()] + DirectoryPages(context: context).all(freePages: freePages)
        for file in other where file.path.hasSuffix("index.html") { sitePaths.append(context.urls.base + "/" + String(file.path.dropLast(10))) }
        other += Feeds(context: context).all()
        other += Sitemap(context: context).files(paths: sitePaths)
        for asset in theme.assets {
            do {
                if let bytes = try DiskIO.read(asset.source) { other.append(OutputFile(path: "assets/" + asset.name, bytes: bytes)) }
            } catch {
                report.errors.append(BuildError(path: asset.source, message: error.message))
            }
        }
        report.errors += writer.write(other)
        report.pages += other.count

        do { try writer.publish() } catch { report.errors.append(BuildError(path: error.path, message: error.message)) }
        report.removed = writer.removeStale()
        report.written = writer.written
        report.unchanged = writer.unchanged
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var output: String
    public var cables = 0
    public var pages = 0
    public var written = 0
    public var unchanged = 0
    public var removed = 0
    public var errors: [BuildError] = []
    public var seconds = 0.0

    public var failed: Bool { errors.contains { !$0.isWarning } }

    /// `Built 310 cables into 1,234 files (1,200 written, 34 unchanged, 0 removed) in 1.2 s → Public`
    public var summary: String {
        let problems = errors.filter { !$0.isWarning }.count
        let tenths = Int((seconds * 10).rounded())
        return "Built \(cables.grouped) cables into \((written + unchanged).grouped) files (\(written.grouped) written, \(unchanged.grouped) unchanged, "
            + "\(removed.grouped) removed) in \(tenths / 10).\(tenths % 10) s → \(output)" + (problems > 0 ? "; \(problems.grouped) error\(problems == 1 ? "" : "s")" : "")
    }
}
