import ChanceryIO

/// Writes the built files under `Public/`: a file whose bytes did not change is not rewritten (its
/// modification time stays, so a sync uploads only real changes); new and changed files are written
/// atomically; at the end, files this build did not produce are removed, so no stale page remains.
///
/// Into an empty `Public/` (a first or clean build) the site is written in a hidden staging folder
/// inside it, with plain writes, and each top-level entry is moved into place at the end: nobody sees a
/// half-written page, and the build skips a temporary file and a rename per page (a third of a clean
/// build's time on ext4). A staging folder left by a killed build is removed by the next one.
struct OutputWriter {
    let directory: String
    /// Where files go during a clean build (nil: straight into `directory`, each one atomically).
    let staging: String?
    /// Files present under Public/ when the build started (relative paths).
    private(set) var existing: Set<String>
    private(set) var produced = Set<String>()
    private(set) var written = 0
    private(set) var unchanged = 0

    init(directory: String) {
        self.directory = directory
        var found = Set<String>()
        func walk(_ relative: String) {
            guard let entries = DiskIO.list(relative.isEmpty ? directory : directory + "/" + relative) else { return }
            for entry in entries where !entry.name.hasPrefix(".") {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isDirectory && !entry.isLink { walk(path) } else { found.insert(path) }
            }
        }
        // leftovers of a killed build
        for entry in DiskIO.list(directory) ?? [] where entry.name.hasPrefix(".staging-") { DiskIO.removeTree(directory + "/" + entry.name) }
        walk("")
        existing = found
        staging = found.isEmpty ? directory + "/.staging-\(ProcessInfoCores.processID)" : nil
    }

    /// Where a file at `path` (relative) is written now.
    func destination(_ path: String) -> String { (staging ?? directory) + "/" + path }

    enum Outcome: Sendable { case written, unchanged, failed(String) }

    /// Writes a batch of files on all cores; returns the errors.
    mutating func write(_ files: [OutputFile]) -> [BuildError] {
        let directory = self.directory
        let existing = self.existing
        let staging = self.staging
        let outcomes = parallelMap(files) { file -> Outcome in
            do {
                if let source = file.copyOf {
                    if let staging {
                        try DiskIO.publishCopy(of: source, at: staging + "/" + file.path, unpublished: true)
                        return .written
                    }
                    let path = directory + "/" + file.path
                    if existing.contains(file.path), DiskIO.sameFile(source, path) || DiskIO.sameContents(source, path) { return .unchanged }
                    try DiskIO.publishCopy(of: source, at: path, unpublished: false)
                    return .written
                }
                if let staging {
                    try DiskIO.writeUnpublished(file.bytes, to: staging + "/" + file.path)
                    return .written
                }
                let path = directory + "/" + file.path
                if existing.contains(file.path), let current = try DiskIO.read(path), current == file.bytes { return .unchanged }
                try DiskIO.write(file.bytes, to: path)
                return .written
            } catch let failure as DiskIO.Failure {
                return .failed(failure.message)
            } catch {
                return .failed("\(error)")
            }
        }
        var errors: [BuildError] = []
        for (file, outcome) in zip(files, outcomes) {
            produced.insert(file.path)
            switch outcome {
            case .written: written += 1
            case .unchanged: unchanged += 1
            case .failed(let message): errors.append(BuildError(path: "Public/" + file.path, message: message))
            }
        }
        return errors
    }

    /// Notes a file written by other means (a streamed export).
    mutating func noteProduced(_ path: String, written changed: Bool) {
        produced.insert(path)
        if changed { written += 1 } else { unchanged += 1 }
    }

    /// Moves a clean build's staging folder into place, entry by entry.
    func publish() throws(DiskIO.Failure) {
        guard let staging else { return }
        for entry in DiskIO.list(staging) ?? [] {
            let target = directory + "/" + entry.name
            if DiskIO.exists(target) { DiskIO.removeTree(target) }
            try DiskIO.move(staging + "/" + entry.name, to: target)
        }
        DiskIO.removeTree(staging)
    }

    /// Removes files from an earlier build that this build did not produce, and folders left empty.
    mutating func removeStale() -> Int {
        var removed = 0
        var folders = Set<String>()
        for path in existing.subtracting(produced).sorted() {
            DiskIO.remove(directory + "/" + path)
            removed += 1
            var folder = DiskIO.parent(path)
            while folder != ".", !folder.isEmpty { folders.insert(folder); folder = DiskIO.parent(folder) }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) { DiskIO.removeEmptyDirectory(directory + "/" + folder) }
        return removed
    }
}
