import ArgumentParser
import ChanceryIO
import SiteBuilder
import Synchronization

/// `chancery check`: content and built-site validation for CI.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the content and the built site; exit non-zero on errors.",
        discussion: "Checks front matter (keys that are not part of the format are warnings), duplicate ids and references to cables not in the archive (warnings), then broken internal links and missing assets in the built site. Each finding is printed as path:line: error|warning: message."
    )

    @Option(help: "The site folder (holding Content/ and Public/).")
    var root = "."

    @Option(help: "The built site to check (default: <root>/Public).")
    var output: String?

    @Flag(help: "List every reference to a cable not in the archive (by default the first \(CheckCommand.absentShown) are listed and the rest counted), and every file with a key that is not part of the format (by default the first \(CheckCommand.unknownKeyShown) of each key).")
    var allWarnings = false

    /// How many references to cables not in the archive are listed by default: an archive of part of the
    /// Cablegate has tens of thousands, which would bury the errors.
    static let absentShown = 20
    /// How many files with one key that is not part of the format are listed by default: a site keeping a key
    /// of its own has it in every cable.
    static let unknownKeyShown = 3

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
        var unknownKeys: [String: Int] = [:]
        var unknownKeyOrder: [String] = []
        for finding in report.findings {
            if !allWarnings, SiteCheck.isAbsentReference(finding) {
                absent += 1
                if absent > Self.absentShown { continue }
            }
            if !allWarnings, let key = SiteCheck.unknownKey(finding) {
                if unknownKeys[key] == nil { unknownKeyOrder.append(key) }
                unknownKeys[key, default: 0] += 1
                if unknownKeys[key]! > Self.unknownKeyShown { continue }
            }
            printError(finding.description)
        }
        if absent > Self.absentShown {
            printError("… and \((absent - Self.absentShown).grouped) more references to cables not in this archive (--all-warnings lists them)")
        }
        for key in unknownKeyOrder where unknownKeys[key]! > Self.unknownKeyShown {
            let more = unknownKeys[key]! - Self.unknownKeyShown
            printError("… and \(more.grouped) more \(more == 1 ? "file" : "files") with the key '\(key)' (--all-warnings lists them)")
        }
        print(report.summary)
        if report.failed { throw ExitCode.failure }
    }
}
