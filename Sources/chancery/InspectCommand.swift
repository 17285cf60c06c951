import ArgumentParser
import CableImport
import CableKit
import Foundation

/// `chancery inspect PATH… --json`: parse without writing and print what the importer would record; a
/// folder is walked as `import` walks it.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Parse cables without writing anything and print their metadata.",
        discussion: """
            Reads files and folders as import does (folders recursively, the files import would read). \
            With --json, prints a JSON array with one object per cable holding exactly the front-matter keys. \
            A file in which no reference id is found (a draft, or a form without a serial) is printed with \
            its id null and a warning: import refuses it until the file is named after an id.
            """
    )

    @Argument(help: "Cable files and folders (telegram text, FOIA OCR text, WikiLeaks pages, or a Cablegate CSV).")
    var paths: [String]

    @Flag(help: "Print a JSON array (one object per cable) instead of front matter.")
    var json = false

    @Option(help: "Read every file as this format instead of detecting it: telegram, foia, wikileaks, csv.")
    var format: SourceFormat?

    @OptionGroup var limit: SizeLimit

    func run() throws {
        var cables: [Cable] = []
        var failed = false
        // folders walked as `import` walks them
        let inputs = InputFiles.expand(paths)
        for problem in inputs.problems {
            report(problem.path, nil, problem.message, kind: problem.isWarning ? "warning" : "error")
            if !problem.isWarning { failed = true }
        }
        for path in inputs.files {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): error: cannot read the file\n".utf8))
                failed = true
                continue
            }
            let bytes = [UInt8](data)
            let detected = format ?? SourceFormat.detect(bytes.prefix(16384), fileName: path)
            if detected == .csv {
                var reader = CablegateCSVReader()
                var results = bytes.withUnsafeBytes { reader.feed($0) }
                results += reader.finish()
                if results.isEmpty { report(path, 1, "the file is empty"); failed = true }
                for result in results {
                    switch result {
                    case .success(let row):
                        do { cables.append(try CableReader.read(row, fileName: path).cable) } catch {
                            report(path, error.line, error.message); failed = true
                        }
                    case .failure(let error):
                        report(path, error.line, error.message); failed = true
                    }
                }
                continue
            }
            do {
                let cable = try CableReader.read(bytes, fileName: path, format: detected, maximumSize: limit.bytes, requireID: false)
                if cable.id == nil {
                    report(path, 1, CableReader.noIDMessage + "; import refuses the file until it is named after an id", kind: "warning")
                }
                cables.append(cable)
            } catch {
                report(path, error.line, error.message)
                failed = true
            }
        }
        if json {
            print(CableJSON.array(cables))
        } else {
            for cable in cables { print(FrontMatterWriter.frontMatter(cable), terminator: "") }
        }
        if failed { throw ExitCode.failure }
    }

    private func report(_ path: String, _ line: Int?, _ message: String, kind: String = "error") {
        let location = line.map { "\(path):\($0)" } ?? path
        FileHandle.standardError.write(Data("\(location): \(kind): \(message)\n".utf8))
    }
}

extension SourceFormat: ExpressibleByArgument {}
