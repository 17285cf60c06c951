import ChanceryIO

/// Writes the built files under `Public/`: a file whose bytes did not change is not rewritten (its
/// modification time stays, so a sync uploads only real changes); new and changed files are written
/// atomically; at the end, files this build did not produce are removed, so no stale page remains.
///
/// Into an empty `Public/` (a first build), and for a `--clean` build, the site is written in a hidden
/// staging folder beside it (`.Public.staging-<pid>`, on the same file system), with plain writes, and
/// each top-level entry is moved into place at the end: nobody sees a half-written page, not even a sync
/// of `Public/` after a killed build, a killed `--clean` build leaves the last site as it was, and the
/// build skips a temporary file and a rename per page (a third of a clean build's time on ext4). Work
/// folders left by a killed build are removed by the next one. When `Public/` is a mount point of its own,
/// files are written straight into it, each one atomically.
struct OutputWriter {
    let directory: String
    /// Where files go during a clean build (nil: straight into `directory`, each one atomically).
    let staging: String?
    /// The staging folder, held open once it is made (files are created by their paths inside it), or why it
    /// could not be.
    private var stagingFolder: Result<OpenFolder, DiskIO.Failure>?
    /// What the files written into the staging folder are handed to: none of them is read again by the build,
    /// so they are written back and dropped from the page cache as the build goes (nil elsewhere).
    private var writeBehind: WriteBehind?
    /// The folders the last `write` made for this one (`preparing`): those no file of this one goes into (a
    /// cable whose page failed) are removed when it is written.
    private var prepared: [String] = []
    /// A `--clean` build: what is in `directory` is replaced whole at the end.
    let replacing: Bool
    /// Where replaced entries wait to be deleted (beside the output folder).
    private let trash: String
    /// Files present under Public/ when the build started (relative paths), when the folder was walked;
    /// nil when the known outputs are taken as what is on disk.
    private let walked: Set<String>?
    /// Hashes of the outputs as the last build wrote them, when that build finished (trusted).
    private(set) var known: [String: UInt64]
    /// Hashes of what this build produced (written, unchanged or kept), for the next build.
    private(set) var produced: [String: UInt64] = [:]
    private(set) var written = 0
    private(set) var unchanged = 0
    /// How many of the `known` outputs are in `produced`: when all are, none is stale.
    private var knownProduced = 0

    /// With `trustKnown`, the known outputs are taken as what is on disk and the folder is not walked. With
    /// `replacing` (a `--clean` build), the whole site is staged and replaces what is there at the end, so the
    /// last site stays whole until then, even if the build is killed.
    init(directory: String, known: [String: UInt64] = [:], trustKnown: Bool = false, replacing: Bool = false) {
        self.directory = directory
        let place = Self.stagingPlace(directory)
        let parent = place.parent
        self.trash = parent + "/" + place.oldPrefix + "\(ProcessInfoCores.processID)"
        // leftovers of a killed build
        for entry in DiskIO.list(parent) ?? [] where entry.name.hasPrefix(place.stagingPrefix) || entry.name.hasPrefix(place.oldPrefix) {
            DiskIO.removeTree(parent + "/" + entry.name)
        }
        // (and of an older version, which staged inside the folder)
        for entry in DiskIO.list(directory) ?? [] where entry.name.hasPrefix(".staging-") { DiskIO.removeTree(directory + "/" + entry.name) }
        self.known = known
        self.replacing = replacing
        produced.reserveCapacity(known.count + 64)
        let sameFileSystem = DiskIO.identity(parent)?.first == DiskIO.identity(directory)?.first || !DiskIO.exists(directory)
        let stagingPath = parent + "/" + place.stagingPrefix + "\(ProcessInfoCores.processID)"
        if replacing {
            walked = []
            if sameFileSystem {
                staging = stagingPath
            } else {
                // Public/ is a mount point of its own: emptied first, then written in place
                for entry in DiskIO.list(directory) ?? [] where !entry.name.hasPrefix(".") { DiskIO.removeTree(directory + "/" + entry.name) }
                staging = nil
            }
            return
        }
        if trustKnown, !known.isEmpty {
            walked = nil
            staging = nil
            return
        }
        var found = Set<String>()
        func walk(_ relative: String) {
            guard let entries = DiskIO.list(relative.isEmpty ? directory : directory + "/" + relative) else { return }
            for entry in entries {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.name.hasPrefix(".") {
                    // a temporary file a killed build left (`.x.tmp-<pid>-<n>`, `.x.tmp-stream-<pid>`)
                    if !entry.isDirectory, entry.name.contains(".tmp-") { DiskIO.remove(directory + "/" + path) }
                    continue
                }
                if entry.isDirectory && !entry.isLink { walk(path) } else { found.insert(path) }
            }
        }
        walk("")
        walked = found
        staging = found.isEmpty && sameFileSystem ? stagingPath : nil
    }

    /// The folder the work folders go in (the output folder's parent) and their names' prefixes: the staging
    /// folder's, and that of the folder a replaced site is moved to before it is deleted.
    static func stagingPlace(_ directory: String) -> (parent: String, stagingPrefix: String, oldPrefix: String) {
        var trimmed = Substring(directory)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let path = String(trimmed)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return (DiskIO.parent(path), "." + name + ".staging-", "." + name + ".old-")
    }

    /// Whether the known outputs are taken as what is on disk (the folder was not walked, nothing is staged):
    /// only then may the caller keep outputs of its own without telling the writer.
    var trustsKnown: Bool { walked == nil && staging == nil }

    /// Whether the file at `path` (relative) was under Public/ when the build started.
    func existed(_ path: String) -> Bool { destination.existed(path) }

    /// What the workers writing a batch read.
    private var destination: OutputDestination {
        OutputDestination(directory: directory, stagingFolder: stagingFolder, known: known, walked: walked, writeBehind: writeBehind)
    }

    /// Writes a batch of files on all cores; returns the errors. Files of one folder that come one after the
    /// other (a cable's page and the copy of its original) are written by one worker: two workers creating names
    /// in one folder wait on each other's lock, and both would try to create the folder.
    ///
    /// `preparing`: folders the next batch will write into (`cable/2008/04/08STATE37957`), made on one worker
    /// while the others write this batch. Made by whichever worker writes their files, two workers would
    /// make folders in one parent at once (a month's cables), and one sleeps on the parent's lock while the
    /// other makes its folder: with all made by one worker, the others only create files in folders that exist.
    /// A folder made for the next batch that none of its files goes into is removed once it is written.
    mutating func write(_ files: [OutputFile], preparing next: [String] = []) -> [BuildError] {
        if let staging, stagingFolder == nil, !files.isEmpty {
            stagingFolder = Result { () throws(DiskIO.Failure) in
                try DiskIO.makeDirectories(staging)
                return try OpenFolder.opening(staging)
            }
            if WriteBehind.isAvailable { writeBehind = WriteBehind() }
        }
        // the workers get what they read, not the writer: a copy of it holding `produced` would make the first
        // `note` below copy the whole table (every file written so far, 117,000 at 50,000 cables)
        let destination = self.destination
        // (folders are made in the staging folder only: elsewhere each file is written atomically by its path)
        let folder: OpenFolder? = try? stagingFolder?.get()
        let making = folder == nil ? [] : next
        let runs = Self.folderRuns(files)
        let jobs = (making.isEmpty ? [] : [nil]) + runs.map(Optional.some)
        let outcomes = parallelMap(jobs) { job -> [OutputDestination.Outcome] in
            guard let run = job else {
                for path in making { try? folder?.makeFolders(path) }
                return []
            }
            return destination.write(files[run])
        }.joined()
        if let folder, !prepared.isEmpty {
            let filled = Set(runs.map { DiskIO.parent(files[$0.lowerBound].path) })
            for path in prepared where !filled.contains(path) { folder.removeEmptyFolder(path) }
        }
        prepared = making
        var errors: [BuildError] = []
        for (file, outcome) in zip(files, outcomes) {
            switch outcome {
            case .written(let hash): written += 1; note(file.path, hash)
            case .unchanged(let hash): unchanged += 1; note(file.path, hash)
            case .failed(let message): errors.append(BuildError(path: "Public/" + file.path, message: message))
            }
        }
        return errors
    }

    /// The runs of files that share a folder, in order.
    static func folderRuns(_ files: [OutputFile]) -> [Range<Int>] {
        func folder(_ path: String) -> Substring { path[..<(DiskIO.lastSlash(path) ?? path.startIndex)] }
        var runs: [Range<Int>] = []
        var start = 0
        var current = files.first.map { folder($0.path) } ?? ""
        for i in files.indices.dropFirst() {
            let next = folder(files[i].path)
            if next != current { runs.append(start..<i); start = i; current = next }
        }
        if start < files.count { runs.append(start..<files.count) }
        return runs
    }

    /// Notes an output this build did not render because its inputs did not change (it stays as it is).
    /// Returns false when it cannot be kept (missing on disk or unknown), so the caller renders it.
    mutating func keep(_ path: String) -> Bool {
        guard staging == nil, let hash = known[path], walked?.contains(path) ?? true else { return false }
        note(path, hash)
        unchanged += 1
        return true
    }

    /// Adds an output the last build wrote that `known` did not list (the caller keeps those itself, like a
    /// cable's page): a file written at `path` now is compared with `hash`, and one not produced again is
    /// removed at the end. Call before the file is written; only with trusted known outputs.
    mutating func expect(_ path: String, hash: UInt64) {
        guard staging == nil, walked == nil else { return }
        known[path] = hash
    }

    /// Notes a file written by other means (a streamed export).
    mutating func noteProduced(_ path: String, hash: UInt64, written changed: Bool) {
        note(path, hash)
        if changed { written += 1 } else { unchanged += 1 }
    }

    private mutating func note(_ path: String, _ hash: UInt64) {
        if produced.updateValue(hash, forKey: path) == nil, known[path] != nil { knownProduced += 1 }
    }

    /// Closes the last files written into the staging folder; returns those whose closing failed (a file system
    /// that reports a write error late). Call once every file is written, before `publish`.
    mutating func finishWriting() -> [BuildError] {
        defer { writeBehind = nil }
        return (writeBehind?.finish() ?? []).map { failure in
            // named as the file will be published, not in the staging folder
            let inside = staging.flatMap { failure.path.hasPrefix($0 + "/") ? String(failure.path.dropFirst($0.count + 1)) : nil }
            return BuildError(path: inside.map { "Public/" + $0 } ?? failure.path, message: failure.message)
        }
    }

    /// Moves a clean build's staging folder into place, entry by entry. What it replaces (and, for a `--clean`
    /// build, every other entry but hidden ones — `.git`, `.gitkeep`, `.well-known`, never the build's) is first
    /// moved aside, one rename each, and deleted at the end.
    func publish() throws(DiskIO.Failure) {
        guard let staging else { return }
        try DiskIO.makeDirectories(directory)
        let staged = DiskIO.list(staging) ?? []
        var aside = false
        func moveAside(_ name: String) throws(DiskIO.Failure) {
            if !aside { try DiskIO.makeDirectories(trash); aside = true }
            try DiskIO.move(directory + "/" + name, to: trash + "/" + name)
        }
        if replacing {
            let names = Set(staged.map(\.name))
            for entry in DiskIO.list(directory) ?? [] where !entry.name.hasPrefix(".") && !names.contains(entry.name) { try moveAside(entry.name) }
        }
        for entry in staged {
            if DiskIO.exists(directory + "/" + entry.name) { try moveAside(entry.name) }
            try DiskIO.move(staging + "/" + entry.name, to: directory + "/" + entry.name)
        }
        DiskIO.removeTree(staging)
        if aside { DiskIO.removeTree(trash) }
    }

    /// Removes files from an earlier build that this build did not produce, and folders left empty.
    func removeStale() -> Int {
        var removed = 0
        // every output the last build made was made again: nothing to look for
        if walked == nil, knownProduced == known.count { return 0 }
        var folders = Set<String>()
        for path in walked.map(Array.init) ?? Array(known.keys) where produced[path] == nil {
            DiskIO.remove(directory + "/" + path)
            removed += 1
            var folder = DiskIO.parent(path)
            while folder != ".", !folder.isEmpty { folders.insert(folder); folder = DiskIO.parent(folder) }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) { DiskIO.removeEmptyDirectory(directory + "/" + folder) }
        return removed
    }
}
