import ArgumentParser
import ChanceryIO
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

    @Flag(help: "List every reference to a cable not in the archive (by default the first \(CheckCommand.absentShown) are listed and the rest counted).")
    var allWarnings = false

    /// How many references to cables not in the archive are listed by default: an archive of part of the
    /// Cablegate has tens of thousands, which would bury the errors.
    static let absentShown = 20

    func run() throws {
        let bars = Mutex<(label: String, bar: TerminalProgress)?>(nil)
        let report = SiteCheck(root: root, output: output).run { label, done, total in
            bars.withLock { current in
                if current?.label != label { current?.bar.finish(); current = (label, TerminalProgress(label: label)) }
                current!.bar.update(done, total)
            }
        }
        bars.withLock { $0?.bar.finish() }
        var absent = 0
        for finding in report.findings {
            if !allWarnings, SiteCheck.isAbsentReference(finding) {
                absent += 1
                if absent > Self.absentShown { continue }
            }
            printError(finding.description)
        }
        if absent > Self.absentShown {
            printError("… and \((absent - Self.absentShown).grouped) more references to cables not in this archive (--all-warnings lists them)")
        }
        print(report.summary)
        if report.failed { throw ExitCode.failure }
    }
}
