import ChanceryIO

/// Where one batch of built files is written and how, for the workers of `OutputWriter.write`: into the staging
/// folder (every file new, written plainly) or into the output folder itself (a file whose bytes are as they
/// were is left alone, the others replaced atomically). It holds what the workers read, and none of the
/// writer's tallies, which change as their results come in.
struct OutputDestination: Sendable {
    /// The output folder.
    let directory: String
    /// The staging folder held open, or why it could not be made (nil: files go straight into `directory`).
    let stagingFolder: Result<OpenFolder, DiskIO.Failure>?
    /// Hashes of the outputs as the last build wrote them.
    let known: [String: UInt64]
    /// Files present under the output folder when the build started, when it was walked.
    let walked: Set<String>?
    /// What takes the files written into the staging folder, to write them back and drop them from the cache.
    let writeBehind: WriteBehind?

    enum Outcome: Sendable { case written(UInt64), unchanged(UInt64), failed(String) }

    /// Whether the file at `path` (relative) was under the output folder when the build started.
    func existed(_ path: String) -> Bool { walked.map { $0.contains(path) } ?? (known[path] != nil) }

    /// Writes a run of files of one folder. In a staging folder, where every file is new, each file is created
    /// by its path from the staging folder held open (its folder made beforehand: `OutputWriter.write(_:preparing:)`,
    /// or when missing).
    func write(_ run: ArraySlice<OutputFile>) -> [Outcome] {
        // (set by `OutputWriter.write(_:)` whenever there is a staging folder)
        guard let stagingFolder, !run.isEmpty else { return run.map(write) }
        let folder: OpenFolder
        do {
            folder = try stagingFolder.get()
        } catch {
            return run.map { _ in .failed(error.message) }
        }
        return run.map { file in
            do throws(DiskIO.Failure) {
                if let source = file.copyOf {
                    try folder.copyUnpublished(of: source, named: file.path)
                    return .written(Self.copyHash(source))
                }
                try folder.writeUnpublished(file.bytes, named: file.path, behind: writeBehind)
                return .written(FastHash.ofContents(file.bytes))
            } catch {
                return .failed(error.message)
            }
        }
    }

    /// What a copy is known by for the next build: the path it copies (its bytes are the original's, whose own
    /// change the cable's key already follows).
    static func copyHash(_ source: String) -> UInt64 { FastHash.of(Array(source.utf8)) }

    /// Writes one file into the output folder itself: not rewritten when its bytes are as they were, else
    /// replaced atomically.
    private func write(_ file: OutputFile) -> Outcome {
        do {
            let path = directory + "/" + file.path
            if let source = file.copyOf {
                let hash = Self.copyHash(source)
                if existed(file.path), DiskIO.sameFile(source, path) || DiskIO.sameContents(source, path) { return .unchanged(hash) }
                try DiskIO.publishCopy(of: source, at: path)
                return .written(hash)
            }
            let hash = FastHash.ofContents(file.bytes)
            if existed(file.path) {
                if known[file.path] == hash { return .unchanged(hash) }
                if known[file.path] == nil, let current = try DiskIO.read(path), current == file.bytes { return .unchanged(hash) }
            }
            try DiskIO.write(file.bytes, to: path)
            return .written(hash)
        } catch {
            return .failed(error.message)
        }
    }
}
