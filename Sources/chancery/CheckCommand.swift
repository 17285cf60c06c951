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

    /// The kind of warning `finding` is, when its kind is listed only in part: how many are shown, and how the
    /// rest are told (`2 more files with the key 'box'`).
    static func group(_ finding: BuildError) -> (key: String, shown: Int, more: (Int) -> String)? {
        if SiteCheck.isAbsentReference(finding) {
            return ("absent", absentShown, { "\($0.grouped) more references to cables not in this archive" })
        }
        if let key = SiteCheck.unknownKey(finding) {
            return ("key " + key, unknownKeyShown, { "\($0.grouped) more \($0 == 1 ? "file" : "files") with the key '\(key)'" })
        }
        return nil
    }

    func run() throws {
        let bars = Mutex<(label: String, bar: TerminalProgress)?>(nil)
        let report = SiteCheck(root: root, output: output).run { label, done, total in
            bars.withLock { current in
                if current?.label != label { current?.bar.finish(); current = (label, TerminalProgress(label: label)) }
                current!.bar.update(done, total)
            }
        }
        bars.withLock { $0?.bar.finish() }
        // warnings of one kind past the first few are counted, not listed: one tally per kind, in first-seen order
        var tallies: [String: (count: Int, shown: Int, more: (Int) -> String)] = [:]
        var order: [String] = []
        for finding in report.findings {
            if !allWarnings, let group = Self.group(finding) {
                if tallies[group.key] == nil { order.append(group.key); tallies[group.key] = (0, group.shown, group.more) }
                tallies[group.key]!.count += 1
                if tallies[group.key]!.count > group.shown { continue }
            }
            printError(finding.description)
        }
        for key in order {
            let tally = tallies[key]!
            if tally.count > tally.shown { printError("… and " + tally.more(tally.count - tally.shown) + " (--all-warnings lists them)") }
        }
        print(report.summary)
        if report.failed { throw ExitCode.failure }
    }
}
