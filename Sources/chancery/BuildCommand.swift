import ArgumentParser
import SiteBuilder

/// `chancery build`: Content/ → Public/.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the static reading room from Content/ into Public/.",
        discussion: "Reads Content/site.yml, Content/cables/**/*.md, Content/pages/*.md and Themes/<theme>/. Incremental: the build cache in .chancery/ lets the next build render only pages whose inputs changed; unchanged files in Public/ are not rewritten; files no longer produced are removed."
    )

    @Option(help: "The site folder (holding Content/ and Themes/).")
    var root = "."

    @Option(help: "Where to write the site (default: <root>/Public).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "The absolute URL the site is published at (overrides base_url in site.yml).")
    var baseURL: String?

    @Flag(help: "Ignore the build cache (.chancery/) and build the whole site anew; it replaces the output folder's content at the end.")
    var clean = false

    func validate() throws {
        if let baseURL, let problem = SiteConfig.baseURLOptionProblem(baseURL) { throw ValidationError(problem) }
    }

    func run() throws {
        let builder = SiteBuilder(options: .init(root: root, output: output, baseURL: baseURL, clean: clean, freesMemory: false,
                                                 warnsOfUnsetBaseURL: true))
        let progress = TerminalProgress(label: "Building")
        let report = builder.build(progress: { _, done, total in progress.update(done, total) },
                                   waiting: { printError("Another build of this site is running; waiting for it to finish…") })
        progress.finish()
        for warning in report.warnings { printError(warning.description) }
        for error in report.errors { printError(error.description) }
        print(report.summary)
        if report.failed { throw ExitCode.failure }
    }
}
