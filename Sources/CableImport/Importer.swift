import CableKit
import ChanceryIO
import Dispatch

/// `chancery import`: reads raw cables of every supported format from files and folders and writes
/// `Content/cables/<YYYY>/<ID>.md` with the original beside it. Work is done in batches, parsed and
/// written on all cores; a CSV is streamed, never loaded whole.
public struct Importer: Sendable {
    public struct Options: Sendable {
        /// The site folder; cables go to `<root>/Content/cables`.
        public var root: String
        /// Overwrite files edited by hand, and replace cables imported from another source.
        public var force: Bool
        /// Read every input as this format instead of detecting it.
        public var format: SourceFormat?
        public var maximumSize: Int
        public init(root: String = ".", force: Bool = false, format: SourceFormat? = nil, maximumSize: Int = CableReader.defaultMaximumSize) {
            self.root = root; self.force = force; self.format = format; self.maximumSize = maximumSize
        }
    }

    /// Called with (done, total) as work advances; total is in cables, or in bytes for a CSV.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    public let options: Options
    public init(options: Options) { self.options = options }

    public var destination: String { (options.root == "." ? "" : options.root + "/") + "Content/cables" }

    public func run(_ paths: [String], progress: Progress? = nil) -> ImportReport {
        let start = DispatchTime.now()
        var report = ImportReport()
        report.destination = destination
        let inputs = InputFiles.expand(paths)
        for problem in inputs.problems { report.error(problem.path, line: nil, problem.message) }
        let store = CableStore(directory: destination, force: options.force)
        var seen: [String: String] = [:]

        var csvFiles: [String] = []
        var files: [String] = []
        for file in inputs.files {
            if options.format == .csv || options.format == nil && file.lowercased().hasSuffix(".csv") { csvFiles.append(file) } else { files.append(file) }
        }

        let batchSize = 512
        var done = 0
        for batchStart in stride(from: 0, to: files.count, by: batchSize) {
            let batch = Array(files[batchStart..<min(files.count, batchStart + batchSize)])
            let options = self.options
            let parsed = parallelMap(batch) { path in Importer.parse(path, options: options) }
            commit(parsed, store: store, seen: &seen, report: &report)
            done += batch.count
            progress?(done, files.count)
        }
        for csv in csvFiles { importCSV(csv, store: store, seen: &seen, report: &report, progress: progress) }
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return report
    }

    /// One parsed input, ready to be stored.
    struct Parsed: Sendable {
        var path: String
        var cable: Cable?
        var original: [UInt8] = []
        var failure: CableReader.Failure?
    }

    static func parse(_ path: String, options: Options) -> Parsed {
        do {
            guard let bytes = try DiskIO.read(path) else { return Parsed(path: path, failure: .init(message: "no such file")) }
            if bytes.count > options.maximumSize {
                return Parsed(path: path, failure: .init(message: "the file is \(bytes.count / 1_048_576) MB; a cable is at most \(options.maximumSize / 1_048_576) MB (raise the limit with --max-size)"))
            }
            let cable = try CableReader.read(bytes, fileName: path, format: options.format, maximumSize: options.maximumSize)
            return Parsed(path: path, cable: cable, original: bytes)
        } catch let failure as CableReader.Failure {
            return Parsed(path: path, failure: failure)
        } catch let failure as DiskIO.Failure {
            return Parsed(path: path, failure: .init(message: failure.message))
        } catch {
            return Parsed(path: path, failure: .init(message: "\(error)"))
        }
    }

    /// Resolves duplicate ids within the run (the first input wins), then writes the rest in parallel.
    private func commit(_ parsed: [Parsed], store: CableStore, seen: inout [String: String], report: inout ImportReport) {
        var toStore: [Parsed] = []
        for item in parsed {
            if let failure = item.failure { report.error(item.path, line: failure.line, failure.message); continue }
            guard let id = item.cable?.id else { continue }
            if let first = seen[id] {
                report.skipped += 1
                report.warning(item.path, "duplicate id \(id): also in \(first); kept \(first)")
                continue
            }
            seen[id] = item.path
            toStore.append(item)
        }
        let outcomes = parallelMap(toStore) { item in store.store(item.cable!, original: item.original, sourcePath: item.path) }
        for (item, outcome) in zip(toStore, outcomes) {
            switch outcome {
            case .new: report.new += 1
            case .updated: report.updated += 1
            case .unchanged: report.unchanged += 1
            case .skipped(let why): report.skipped += 1; report.warning(item.path, why)
            case .failed(let why): report.error(item.path, line: nil, why)
            }
        }
    }

    private func importCSV(_ path: String, store: CableStore, seen: inout [String: String], report: inout ImportReport, progress: Progress?) {
        guard let stream = ChunkedFile(path: path) else { report.error(path, line: nil, "cannot read the file"); return }
        let total = DiskIO.size(path) ?? 0
        var reader = CablegateCSVReader()
        var pending: [Result<CablegateRow, CablegateCSVError>] = []
        var consumed = 0
        func flush(_ rows: [Result<CablegateRow, CablegateCSVError>], report: inout ImportReport) {
            let parsed = parallelMap(rows) { result -> Parsed in
                switch result {
                case .success(let row):
                    do {
                        let (cable, original) = try CableReader.read(row, fileName: path)
                        return Parsed(path: path, cable: cable, original: Array(original.utf8))
                    } catch let failure as CableReader.Failure {
                        return Parsed(path: path, failure: failure)
                    } catch {
                        return Parsed(path: path, failure: .init(line: row.line, message: "\(error)"))
                    }
                case .failure(let error):
                    return Parsed(path: path, failure: .init(line: error.line, message: error.message))
                }
            }
            commit(parsed, store: store, seen: &seen, report: &report)
        }
        while let chunk = stream.next() {
            consumed += chunk.count
            pending += chunk.withUnsafeBytes { reader.feed($0) }
            if pending.count >= 1024 {
                flush(pending, report: &report)
                pending.removeAll(keepingCapacity: true)
                progress?(consumed, total)
            }
        }
        if let error = stream.error { report.error(path, line: nil, error) }
        pending += reader.finish()
        flush(pending, report: &report)
        progress?(total, total)
    }
}
