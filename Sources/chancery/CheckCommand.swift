import ArgumentParser
import SiteBuilder
import Synchronization

/// `chancery check`: content and built-site validation for CI.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the content and the built site; exit non-zero on errors.",
        discussion: "Checks front matter, duplicate ids and references to cables not in the archive (warnings), then broken internal links and missing assets in the built site. Each finding is printed as path:line: error|warning: message."
    )

    @Option(help: "The site folder (holding Content/ and Public/).")
    var root = "."

    @Option(help: "The built site to check (default: <root>/Public).")
    var output: String?

    func run() throws {
        let bars = Mutex<(label: String, bar: TerminalProgress)?>(nil)
        let report = SiteCheck(root: root, output: output).run { label, done, total in
            bars.withLock { current in
                if current?.label != label { current?.bar.finish(); current = (label, TerminalProgress(label: label)) }
                current!.bar.update(done, total)
            }
        }
        bars.withLock { $0?.bar.finish() }
        for finding in report.findings { printError(finding.description) }
        print(report.summary)
        if report.failed { throw ExitCode.failure }
    }
}
