#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ChanceryIO
import Dispatch
import Hummingbird
import Logging
import ServiceLifecycle
import SiteBuilder
import Synchronization

/// `chancery serve`: builds the site, serves `Public/` over HTTP, watches `Content/` and `Themes/`,
/// rebuilds on change and reloads the open pages. A failed rebuild is shown in the terminal and as an
/// overlay in the page (an error in one cable leaves the rest of the site rebuilt, one in site.yml or the
/// theme leaves it as it was). Stops gracefully on SIGINT and SIGTERM.
public struct PreviewServer: Sendable {
    public struct Options: Sendable {
        /// The site folder (holding Content/ and Themes/).
        public var root: String
        /// The address to bind (loopback unless told otherwise).
        public var host: String
        /// The port (0: any free port, reported to `onRunning`).
        public var port: Int
        /// Quiet time after a change before rebuilding.
        public var debounce: Duration
        /// How changes are noticed.
        public var watchMode: FileWatcher.Mode
        /// Show the free pages marked `draft: true` too (`--drafts`). They are written into the output folder
        /// with the rest (and linked from every page when they have a `menu` label) until `chancery build` removes them.
        public var drafts: Bool

        public init(root: String = ".", host: String = "127.0.0.1", port: Int = 8080,
                    debounce: Duration = .milliseconds(100), watchMode: FileWatcher.Mode = .automatic, drafts: Bool = false) {
            self.root = root
            self.host = host
            self.port = port
            self.debounce = debounce
            self.watchMode = watchMode
            self.drafts = drafts
        }
    }

    /// Where the server's messages go.
    public struct Console: Sendable {
        /// One-line messages: the address, `Rebuilt in 0.42 s (3 files written)`.
        public var info: @Sendable (String) -> Void
        /// Build errors and warnings, one per call.
        public var error: @Sendable (String) -> Void
        /// Progress of the initial build, and its end (before its summary is printed).
        public var progress: SiteBuilder.Progress?
        public var progressDone: @Sendable () -> Void

        public init(info: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void,
                    progress: SiteBuilder.Progress? = nil, progressDone: @escaping @Sendable () -> Void = {}) {
            self.info = info
            self.error = error
            self.progress = progress
            self.progressDone = progressDone
        }

        public static let silent = Console(info: { _ in }, error: { _ in })
    }

    /// Errors printed per build at most (the rest are counted).
    static let printedErrors = 50

    public let options: Options
    public let console: Console

    public init(options: Options, console: Console) {
        self.options = options
        self.console = console
    }

    /// Whether `host` names the loopback interface (`127.0.0.1`, `::1`, `localhost`).
    public static func isLoopback(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("[") && name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name == "localhost" || name.hasSuffix(".localhost") || name == "::1" || name == "0:0:0:0:0:0:0:1" { return true }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// A server that is listening: its port, and a way to stop it as SIGTERM would.
    public struct Running: Sendable {
        /// The port bound (the one asked for, or the one chosen for port 0).
        public let port: Int
        let group: ServiceGroup

        /// Shuts down gracefully: stops watching, ends the pages' event streams, closes the connections;
        /// `run()` then returns.
        public func stop() async { await group.triggerGracefulShutdown() }
    }

    /// Builds, then serves and rebuilds until SIGINT/SIGTERM, `Running.stop()`, or until the task is
    /// cancelled. `onRunning` is called once the server listens.
    public func run(onRunning: @escaping @Sendable (Running) async -> Void = { _ in }) async throws {
        // the free pages marked `draft: true` are shown only when asked for (`--drafts`): without it the preview
        // writes what `chancery build` writes, and its output folder can be published as it is
        let builder = SiteBuilder(options: .init(root: options.root, drafts: options.drafts))
        // the build cache stays in memory from one rebuild to the next
        let session = BuildSession()
        let watcher = FileWatcher(root: options.root, mode: options.watchMode, warning: console.error)
        // watch from before the first build, so nothing edited meanwhile is missed
        let changes = watcher.changes()

        let first = await Self.build(builder, session: session, progress: console.progress)
        console.progressDone()
        Self.printErrors(first, to: console)
        console.info(first.summary)
        if !first.drafts.isEmpty { console.info(Self.draftsShown(first.drafts)) }
        if !first.draftsLeftOut.isEmpty { console.info(Self.draftsNotShown(first.draftsLeftOut)) }
        // the draft pages the last build wrote into Public/ (with `--drafts`), named again when the preview stops
        let drafts = Mutex(first.drafts)
        // the first rebuild after an edit finds the build cache in memory
        let root = options.root
        DispatchQueue.global(qos: .utility).async { session.warm(root: root) }

        let files = StaticFiles(publicDirectory: builder.outputDirectory, basePath: Self.basePath(root: options.root) ?? "")
        let reload = LiveReload(status: BuildStatus(report: first, generation: 1))
        let console = self.console
        let coordinator = RebuildCoordinator(debounce: options.debounce) { changes in
            session.changed(changes.paths)
            let report = await Self.rebuild(builder, session: session, files: files, reload: reload, console: console)
            // (a rebuild stopped by site.yml or the theme wrote nothing: the last list stands)
            if !report.failed || report.written + report.unchanged > 0 { drafts.withLock { $0 = report.drafts } }
        }

        var logger = Logger(label: "chancery.serve")
        logger.logLevel = .warning
        let (host, port) = (options.host, options.port)
        let shownDirectory = StaticFiles.realPath(builder.outputDirectory) ?? builder.outputDirectory
        let groupBox = GroupBox()
        let app = Application(
            responder: PreviewResponder(files: files, reload: reload),
            server: .http1(configuration: .init(httpDecoderConfiguration: .init(
                maxHeaderFieldSize: 16 << 10, maxHeaderListSize: 64 << 10, maxHeaderFieldCount: 100))),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
                console.info("Serving \(shownDirectory) at http://\(shownHost):\(bound)\(files.basePath) (Ctrl-C to stop)")
                if let group = groupBox.group { await onRunning(Running(port: bound, group: group)) }
            },
            logger: logger
        )
        let watch = WatchService(changes: changes, coordinator: coordinator, reload: reload, finishing: {
            console.info("Finishing the rebuild under way (Ctrl-C again to stop at once)…")
            // a second signal ends the process at once, as it would have without the service group
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        })
        // shut down in reverse order: the watcher (ending the pages' event streams) first, then HTTP
        let group = ServiceGroup(configuration: .init(services: [app, watch], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        groupBox.group = group
        do {
            try await group.run()
        } catch where "\(error)".contains("Address already in use") {
            throw PortInUse(host: host, port: port)
        }
        let left = drafts.withLock { $0 }
        if !left.isEmpty { console.info(Self.draftsLeft(left, in: shownDirectory)) }
    }

    /// Said after the first build when the preview shows draft pages.
    static func draftsShown(_ drafts: [String]) -> String {
        "Showing \(drafts.count == 1 ? "1 draft page" : "\(drafts.count) draft pages") (\(drafts.joined(separator: ", "))): "
            + "chancery build leaves \(drafts.count == 1 ? "it" : "them") out"
    }

    /// Said after the first build when the site has draft pages and the preview leaves them out.
    static func draftsNotShown(_ drafts: [String]) -> String {
        "\(drafts.count == 1 ? "1 draft page is" : "\(drafts.count) draft pages are") not shown (\(drafts.joined(separator: ", "))): "
            + "chancery serve --drafts shows \(drafts.count == 1 ? "it" : "them")"
    }

    /// Said when the preview stops: the output folder still holds the draft pages, until `chancery build`.
    static func draftsLeft(_ drafts: [String], in directory: String) -> String {
        "\(directory) still holds the preview's \(drafts.count == 1 ? "draft page" : "draft pages") (\(drafts.joined(separator: ", "))): "
            + "run chancery build, which removes drafts, before publishing it"
    }

    /// The address the server was to listen on is taken (by another `chancery serve`, say).
    public struct PortInUse: Error, CustomStringConvertible {
        public let host: String
        public let port: Int
        public var description: String { "\(host):\(port) is already in use (another chancery serve?): choose another port with --port" }
    }

    /// Hands the service group (made after the application) to the application's start callback.
    private final class GroupBox: Sendable {
        private let stored = Mutex<ServiceGroup?>(nil)
        var group: ServiceGroup? {
            get { stored.withLock { $0 } }
            set { stored.withLock { $0 = newValue } }
        }
    }

    /// Runs a build off the cooperative pool (it blocks its thread and uses every core). `pagesReady` is
    /// called on the build's thread (see `SiteBuilder.build`).
    static func build(_ builder: SiteBuilder, session: BuildSession, progress: SiteBuilder.Progress? = nil,
                      pagesReady: (@Sendable (BuildReport) -> Void)? = nil) async -> BuildReport {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: builder.build(progress: progress, session: session, pagesReady: pagesReady))
            }
        }
    }

    /// One rebuild: build, report one line (and the errors), update the status and tell the pages. When the
    /// pages are in place before the rest of the build (search index, exports, cache) and nothing has failed
    /// so far, the pages reload at once; the final status follows when the build ends.
    @discardableResult
    static func rebuild(_ builder: SiteBuilder, session: BuildSession, files: StaticFiles, reload: LiveReload, console: Console) async -> BuildReport {
        let generation = await reload.status.generation + 1
        let early = Mutex(false)
        let report = await build(builder, session: session, pagesReady: { sofar in
            guard !sofar.failed, sofar.written + sofar.removed > 0 else { return }
            early.withLock { $0 = true }
            let status = BuildStatus(report: sofar, generation: generation)
            let semaphore = DispatchSemaphore(value: 0)
            Task {
                await reload.publish(status, reload: true)
                semaphore.signal()
            }
            semaphore.wait()
        })
        let status = BuildStatus(report: report, generation: generation)
        log(report, to: console)
        // the site is served under the base path it was built with: a build that failed on a cable still wrote
        // the site (under a new base_url too); one stopped by site.yml or the theme wrote nothing
        if status.ok || report.written + report.unchanged > 0, let base = basePath(root: builder.options.root) { files.setBasePath(base) }
        let reloaded = early.withLock { $0 }
        await reload.publish(status, reload: !reloaded && report.written + report.removed > 0)
        return report
    }

    /// `Rebuilt in 0.42 s (3 files written)`, after the errors if any.
    static func log(_ report: BuildReport, to console: Console) {
        printErrors(report, to: console)
        let seconds = Self.seconds(report.seconds)
        var changed = "\(report.written.grouped) file\(report.written == 1 ? "" : "s") written"
        if report.removed > 0 { changed += ", \(report.removed.grouped) removed" }
        if report.failed {
            let count = report.errors.filter { !$0.isWarning }.count
            // one bad cable does not stop the rest of the site; site.yml or the theme stop it all
            let served = report.written + report.removed > 0 ? "the rest of the site is rebuilt" : "the site is served as it was"
            console.info("Rebuild failed in \(seconds) s (\(changed)): \(count) error\(count == 1 ? "" : "s"); \(served)")
        } else {
            console.info("Rebuilt in \(seconds) s (\(changed))")
        }
    }

    static func printErrors(_ report: BuildReport, to console: Console) {
        for error in report.errors.prefix(Self.printedErrors) { console.error(error.description) }
        if report.errors.count > Self.printedErrors { console.error("… and \(report.errors.count - Self.printedErrors) more") }
    }

    /// The path part of `base_url` in Content/site.yml, or nil if it cannot be read.
    static func basePath(root: String) -> String? {
        guard let file = StaticFiles.OpenFile(root + "/Content/site.yml") else { return "" }
        guard let bytes = file.read(at: 0, count: 1 << 20) else { return nil }
        return (try? SiteConfig.parse(String(decoding: bytes, as: UTF8.self), path: "Content/site.yml"))?.basePath
    }
}

extension PreviewServer {
    /// `0.42`: seconds with two decimals, without Foundation.
    static func seconds(_ value: Double) -> String {
        let hundredths = Int((max(0, value) * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
