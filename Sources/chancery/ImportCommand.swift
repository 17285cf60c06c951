import ArgumentParser
import CableImport
import CableKit

/// `chancery import PATH…`: raw cables into Content/cables.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert raw cables into Markdown with front matter under Content/cables.",
        discussion: """
        Reads telegram text, FOIA OCR text, WikiLeaks cable pages and the Cablegate bulk CSV (detected per \
        file; --format overrides) from files and folders (recursively), and writes \
        Content/cables/<YYYY>/<ID>.md with the original beside it. Unchanged inputs are a no-op (known from \
        .chancery/import-record without being parsed again); a Markdown \
        file edited by hand is not overwritten without --force.
        """
    )

    @Argument(help: "Files and folders to import.")
    var paths: [String]

    @Option(help: "The site folder (Content/ is written inside it).")
    var root = "."

    @Flag(help: "Overwrite Markdown edited by hand and replace cables imported from another source.")
    var force = false

    @Option(help: "Read every input as this format: telegram, foia, wikileaks, csv.")
    var format: SourceFormat?

    @OptionGroup var limit: SizeLimit

    func run() throws {
        let importer = Importer(options: .init(root: root, force: force, format: format, maximumSize: limit.bytes))
        let progress = TerminalProgress(label: "Importing")
        let report = importer.run(paths, progress: { progress.update($0, $1, inBytes: $2 == .bytes) },
                                  waiting: { printError("Another import into this site is running; waiting for it to finish…") })
        progress.finish()
        for message in report.messages { printError(message) }
        print(report.summary)
        if !report.succeeded { throw ExitCode.failure }
    }
}
