import CableKit
import ChanceryIO
import Dispatch

/// `chancery import`: reads raw cables of every supported format from files and folders and writes
/// `Content/cables/<YYYY>/<ID>.md` with the original beside it. Work is done in batches, parsed and
/// written on all cores; a CSV is streamed, never loaded whole. An input the import record shows stored
/// as it is (same bytes, files untouched since) is unchanged without being parsed.
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

    /// Called with (done, total, unit) as work advances: files while the files are read, bytes while a CSV is.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int, _ unit: ProgressUnit) -> Void

    /// What a `Progress` counts.
    public enum ProgressUnit: Sendable { case files, bytes }

    public let options: Options
    public init(options: Options) { self.options = options }

    public var destination: String { inSite("Content/cables") }

    /// `<root>/.chancery/import-record`: what the last imports stored (see `ImportRecord`).
    public var recordFile: String { ImportRecord.file(root: options.root) }

    /// `<root>/.chancery/import-lock`: held while an import reads and writes the store.
    public var lockFile: String { inSite(".chancery/import-lock") }

    /// A path inside the site folder, as messages show it (`Content/cables` for the current folder).
    private func inSite(_ relative: String) -> String { (options.root == "." ? "" : options.root + "/") + relative }

    /// Imports `paths`. A second import of the same site waits for the first (`waiting` is called once
    /// when it has to): each reads the store as the one before left it, so two never both write a cable
    /// as new, nor miss each other's duplicate ids and records.
    public func run(_ paths: [String], progress: Progress? = nil, waiting: (@Sendable () -> Void)? = nil) -> ImportReport {
        let start = DispatchTime.now()
        var report = ImportReport()
        report.destination = destination
        let inputs = InputFiles.expand(paths, passing: [inSite("Public")])
        for problem in inputs.problems {
            if problem.isWarning { report.warning(problem.path, problem.message) } else { report.error(problem.path, line: nil, problem.message) }
        }
        // with nothing to read, nothing is written, not even the lock
        var lock = inputs.files.isEmpty ? nil : DiskIO.lock(lockFile, wait: false)
        // held by another import (a lock that cannot be made at all, in a folder not writable, is not waited for)
        if lock == nil, !inputs.files.isEmpty, DiskIO.exists(lockFile) {
            waiting?()
            lock = DiskIO.lock(lockFile, wait: true)
        }
        defer { if let lock { DiskIO.unlock(lock) } }
        let store = CableStore(directory: destination, force: options.force)
        var seen: [String: String] = [:]
        // without a way to tell this build of the tool from another, there is no record
        let tool = ToolIdentity.current(site: options.root)
        let previous = tool.map { ImportRecord.load(recordFile, tool: $0) } ?? ImportRecord()
        let known = options.force ? ImportRecord() : previous   // --force reads every input
        var record = ImportRecord(capacity: previous.count)

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
            let parsed = parallelMap(batch) { path in Importer.parse(path, options: options, known: known, store: store) }
            csvFiles += parsed.filter(\.isCSV).map(\.path)
            commit(parsed, store: store, seen: &seen, report: &report, record: &record)
            done += batch.count
            progress?(done, files.count, .files)
        }
        for csv in csvFiles { importCSV(csv, known: known, store: store, seen: &seen, report: &report, record: &record, progress: progress) }
        if let tool { save(record, previous: previous, directory: destination, tool: tool) }
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return report
    }

    /// One parsed input, ready to be stored.
    struct Parsed: Sendable {
        var path: String
        /// The first line of a CSV row; nil for a file.
        var line: Int?
        var cable: Cable?
        var original: [UInt8] = []
        var failure: CableReader.Failure?
        /// What the import record knows the input by (nil for a failure).
        var key: ImportRecord.Key?
        /// Set instead of `cable` when the import record shows the input stored as it is: it was not
        /// parsed, and is not stored again.
        var recorded: ImportRecord.Entry?
        /// The file is a Cablegate CSV by its content though its name does not end in `.csv`: it is read
        /// row by row with the CSV files.
        var isCSV = false

        /// `path`, or `path:line` for a CSV row: how messages name the input.
        var location: String { ImportReport.location(path, line) }
        var id: String? { cable?.id ?? recorded?.id }
    }

    static func parse(_ path: String, options: Options, known: ImportRecord, store: CableStore) -> Parsed {
        // measured before it is read: a file too large to be a cable is never loaded
        if let size = DiskIO.size(path), size > options.maximumSize {
            // a CSV is streamed whatever its size: only its first bytes are read to know it
            if options.format == nil, let head = ChunkedFile(path: path, chunkSize: 64)?.next(),
               SourceFormat.detect(head, fileName: path) == .csv { return Parsed(path: path, isCSV: true) }
            return Parsed(path: path, failure: .tooLarge(size: size, maximumSize: options.maximumSize))
        }
        do {
            guard let bytes = try DiskIO.read(path) else { return Parsed(path: path, failure: .init(message: "no such file")) }
            // a stored cable given back (a glob over Content/cables, another site's files): read as raw text it
            // would be a cable whose text is its own front matter, and with --force replace the stored original
            if isStoredCable(bytes) {
                return Parsed(path: path, failure: .init(line: 1, message: "a cable's Markdown as import writes it, not a raw cable: import its original (the .txt or .html beside it) instead"))
            }
            if !known.isEmpty, bytes.count <= options.maximumSize {
                let key = ImportRecord.Key.file(path, sha256: .init(SHA256.hash(bytes)), format: options.format)
                if let entry = known[key], entry.isCurrent(in: store) { return Parsed(path: path, key: key, recorded: entry) }
            }
            // a Cablegate CSV named otherwise than `.csv` is known by its first row
            let format = options.format ?? SourceFormat.detect(bytes.prefix(16384), fileName: path)
            if format == .csv { return Parsed(path: path, isCSV: true) }
            let cable = try CableReader.read(bytes, fileName: path, format: format, maximumSize: options.maximumSize)
            let key = ImportRecord.Digest(hex: cable.source.sha256 ?? "").map { ImportRecord.Key.file(path, sha256: $0, format: options.format) }
            return Parsed(path: path, cable: cable, original: bytes, key: key)
        } catch let failure as CableReader.Failure {
            return Parsed(path: path, failure: failure)
        } catch let failure as DiskIO.Failure {
            return Parsed(path: path, failure: .init(message: "cannot read the file: \(failure.message)"))
        } catch {
            return Parsed(path: path, failure: .init(message: "\(error)"))
        }
    }

    /// The file opens as `import` writes a cable's Markdown: a front matter whose first key is `id`.
    static func isStoredCable(_ bytes: [UInt8]) -> Bool {
        for opening in ["---\nid:", "---\r\nid:"] where bytes.starts(with: opening.utf8) { return true }
        return false
    }

    /// Stores a batch in parallel, settling duplicate ids first. Among the inputs of one id in the run, the
    /// one the store already holds is preferred (the same bytes, else the same file name), else the first in
    /// input order; when the store refuses it (or cannot write it) the next is tried. Each input kept is
    /// recorded in `seen` (its `location`); a later input of that id is skipped. Messages follow the batch order.
    /// An input known from the import record is kept as it is stored; each input kept goes in `record`.
    private func commit(_ parsed: [Parsed], store: CableStore, seen: inout [String: String], report: inout ImportReport,
                        record: inout ImportRecord) {
        var outcomes = [CableStore.Outcome?](repeating: nil, count: parsed.count)
        var ids: [String] = []                 // in order of first appearance
        var candidates: [String: [Int]] = [:]  // indices into `parsed`, by id
        for (i, item) in parsed.enumerated() where item.failure == nil {
            guard let id = item.id, seen[id] == nil else { continue }
            if candidates[id] == nil { ids.append(id) }
            candidates[id, default: []].append(i)
        }
        var queues = ids.map { id in preferred(candidates[id]!, of: id, in: parsed, store: store) }
        while !queues.isEmpty {
            let heads = queues.map { $0[0] }
            let results = parallelMap(heads) { i -> (CableStore.Outcome, ImportRecord.Entry?) in
                let item = parsed[i]
                if let entry = item.recorded { return (.unchanged, entry) }
                let stored = store.store(item.cable!, original: item.original)
                // the files' stamps right after writing them
                return (stored.outcome, stored.outcome.isKept ? ImportRecord.Entry(stored, id: item.cable!.id!, in: store.directory) : nil)
            }
            var next: [[Int]] = []
            for (queue, (result, entry)) in zip(queues, results) {
                let item = parsed[queue[0]]
                outcomes[queue[0]] = result
                if result.isKept {
                    seen[item.id!] = item.location
                    if let key = item.key, let entry { record.add(key, entry) }
                    if item.recorded != nil { report.unchangedFromRecord += 1 }
                } else if queue.count > 1 {
                    next.append(Array(queue.dropFirst()))
                }
            }
            queues = next
        }
        for (item, outcome) in zip(parsed, outcomes) {
            if let failure = item.failure { report.error(item.path, line: failure.line ?? item.line, failure.message); continue }
            guard let id = item.id else { continue }
            switch outcome {
            case .new: report.new += 1
            case .updated: report.updated += 1
            case .unchanged: report.unchanged += 1
            case .skipped(let why): report.skipped += 1; report.warning(item.path, line: item.line, why)
            case .failed(let why): report.error(item.path, line: item.line, why)
            case nil:
                let kept = seen[id] ?? "?"
                report.skipped += 1
                report.warning(item.path, line: item.line, "duplicate id \(id): also in \(kept); kept \(kept)")
            }
        }
    }

    /// The inputs of one id in the order to try them: the stored source's bytes, then its file name, then the rest.
    private func preferred(_ indices: [Int], of id: String, in parsed: [Parsed], store: CableStore) -> [Int] {
        guard indices.count > 1, let stored = store.storedSource(of: id) else { return indices }
        func rank(_ i: Int) -> Int {
            // known from the record: its Markdown, stamped since, is the stored one, with its bytes' SHA-256
            guard let source = parsed[i].cable?.source else { return 0 }
            return source.sha256 == stored.sha256 ? 0 : source.file == stored.file ? 1 : 2
        }
        return indices.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    private func importCSV(_ path: String, known: ImportRecord, store: CableStore, seen: inout [String: String], report: inout ImportReport,
                           record: inout ImportRecord, progress: Progress?) {
        guard let stream = ChunkedFile(path: path) else { report.error(path, line: nil, "cannot read the file"); return }
        let total = DiskIO.size(path) ?? 0
        var reader = CablegateCSVReader()
        var pending: [Result<CablegateRow, CablegateCSVError>] = []
        var consumed = 0
        var rowsRead = 0
        func flush(_ rows: [Result<CablegateRow, CablegateCSVError>], report: inout ImportReport) {
            rowsRead += rows.count
            let parsed = parallelMap(rows) { result -> Parsed in
                switch result {
                case .success(let row):
                    let id = row.referenceID
                    if !known.isEmpty, ReferenceID.isValid(id) {
                        let key = ImportRecord.Key.row(id: id, sha256: .init(SHA256.hash(row.original.utf8)))
                        if let entry = known[key], entry.isCurrent(in: store) { return Parsed(path: path, line: row.line, key: key, recorded: entry) }
                    }
                    do throws(CableReader.Failure) {
                        let (cable, original) = try CableReader.read(row, fileName: path)
                        let key = ImportRecord.Digest(hex: cable.source.sha256 ?? "").map { ImportRecord.Key.row(id: cable.id ?? "", sha256: $0) }
                        return Parsed(path: path, line: row.line, cable: cable, original: Array(original.utf8), key: key)
                    } catch {
                        return Parsed(path: path, line: row.line, failure: error)
                    }
                case .failure(let error):
                    return Parsed(path: path, failure: .init(line: error.line, message: error.message))
                }
            }
            commit(parsed, store: store, seen: &seen, report: &report, record: &record)
        }
        while let chunk = stream.next() {
            consumed += chunk.count
            pending += chunk.withUnsafeBytes { reader.feed($0) }
            if pending.count >= 1024 {
                flush(pending, report: &report)
                pending.removeAll(keepingCapacity: true)
                progress?(consumed, total, .bytes)
            }
        }
        if let error = stream.error { report.error(path, line: nil, error) }
        pending += reader.finish()
        flush(pending, report: &report)
        // a file of blank lines holds no row, good or bad: it is empty, like a blank cable file
        if rowsRead == 0, stream.error == nil { report.error(path, line: 1, "the file is empty") }
        progress?(total, total, .bytes)
    }

    /// Saves what this run kept, with the entries of the previous record still true (an import of part
    /// of the archive forgets nothing of the rest). Not being able to save it only costs time next run.
    private func save(_ record: ImportRecord, previous: ImportRecord, directory: String, tool: String) {
        var record = record
        for item in previous.items where record[item.key] == nil && item.entry.isUnchanged(in: directory) { record.add(item.key, item.entry) }
        let file = recordFile
        if record.isEmpty, !DiskIO.exists(file) { return }
        // what the last import recorded, unchanged (an import of nothing new): the file stands
        if record.count == previous.count, record.items.allSatisfy({ previous[$0.key] == $0.entry }) { return }
        try? record.save(file, tool: tool)
    }
}
