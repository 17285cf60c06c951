import ArgumentParser
import CableKit
import Foundation

/// `chancery inspect FILE… --json`: parse without writing and print what the importer would record.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Parse cables without writing anything and print their metadata.",
        discussion: "With --json, prints a JSON array with one object per cable holding exactly the front-matter keys."
    )

    @Argument(help: "Cable files (telegram text, FOIA OCR text, WikiLeaks pages, or a Cablegate CSV).")
    var files: [String]

    @Flag(help: "Print a JSON array (one object per cable) instead of front matter.")
    var json = false

    @Option(help: "Read every file as this format instead of detecting it: telegram, foia, wikileaks, csv.")
    var format: SourceFormat?

    @OptionGroup var limit: SizeLimit

    func run() throws {
        var cables: [Cable] = []
        var failed = false
        for path in files {
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
                cables.append(try CableReader.read(bytes, fileName: path, format: detected, maximumSize: limit.bytes))
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

    private func report(_ path: String, _ line: Int?, _ message: String) {
        let location = line.map { "\(path):\($0)" } ?? path
        FileHandle.standardError.write(Data("\(location): error: \(message)\n".utf8))
    }
}

extension SourceFormat: ExpressibleByArgument {}
