import CableKit
import ChanceryIO

/// Where imported cables live — `Content/cables/<YYYY>/<ID>.md` with the original beside it — and the rules
/// for writing one: unchanged input is a no-op, a file edited by hand is kept unless forced, the same id
/// from a different source is kept as it is and reported.
struct CableStore: Sendable {
    let directory: String
    let force: Bool
    /// Ids already on disk, with the year folder they are in.
    let existing: [String: String]
    /// File names (`2008/08STATE37957.txt`) of the originals already on disk.
    let originals: Set<String>

    /// What `store` did with a cable and, when it holds it now, where: the year folder with its Markdown
    /// and its original (`2009` for `2009/09STATE40423.md` and `2009/09STATE40423.txt`), and the original's
    /// extension.
    struct Stored: Sendable {
        var outcome: Outcome
        var folder: String?
        var originalExtension: String?

        init(_ outcome: Outcome, folder: String? = nil, originalExtension: String? = nil) {
            self.outcome = outcome; self.folder = folder; self.originalExtension = originalExtension
        }
    }

    enum Outcome: Sendable {
        case new, updated, unchanged
        case skipped(String)
        case failed(String)

        /// The input is what the store holds now.
        var isKept: Bool {
            switch self {
            case .new, .updated, .unchanged: true
            case .skipped, .failed: false
            }
        }
    }

    init(directory: String, force: Bool) {
        self.directory = directory
        self.force = force
        var existing: [String: String] = [:]
        var originals = Set<String>()
        for year in DiskIO.list(directory) ?? [] where year.isDirectory && !year.name.hasPrefix(".") {
            for file in DiskIO.list(directory + "/" + year.name) ?? [] {
                if file.name.hasPrefix(".") {
                    // a temporary file an import killed while replacing a file left (`.x.md.tmp-<pid>-<n>`): the
                    // store is read under the import lock, so no import is writing it
                    if !file.isDirectory, file.name.contains(".tmp-") { DiskIO.remove(directory + "/" + year.name + "/" + file.name) }
                    continue
                }
                if file.name.hasSuffix(".md") { existing[String(file.name.dropLast(3))] = year.name }
                else { originals.insert(year.name + "/" + file.name) }
            }
        }
        self.existing = existing
        self.originals = originals
    }

    /// Writes one cable and its original. The same original bytes never rewrite an intact stored file,
    /// whatever path they are imported from (a CSV row's original, re-read as a file, would read differently).
    func store(_ parsed: Cable, original: [UInt8]) -> Stored {
        guard let id = parsed.id, let year = parsed.date?.year ?? ReferenceID.parts(id)?.year else {
            return Stored(.failed("no reference id"))
        }
        let folder = "\(directory)/\(year)"
        let markdownPath = "\(folder)/\(id).md"
        let originalExtension = Self.originalExtension(parsed.source.format)
        let originalName = "\(year)/\(id).\(originalExtension)"
        let originalPath = "\(directory)/\(originalName)"
        var cable = parsed
        var outcome = Outcome.new
        do {
            // the file may sit in another year's folder (an earlier import dated it differently)
            let oldYear = existing[id]
            let oldFolder = oldYear.map { "\(directory)/\($0)" }
            let currentPath = oldFolder.map { "\($0)/\(id).md" } ?? markdownPath
            if let oldYear, let oldFolder, let bytes = try DiskIO.read(currentPath) {
                let text = String(decoding: bytes, as: UTF8.self)
                let previous = try? CableFile.read(text)
                if let previous, previous.source.sha256 == cable.source.sha256 {
                    if !force, Checksum.isIntact(text) {
                        let keptExtension = Self.originalExtension(previous.source.format)
                        try writeOriginal(original, to: "\(oldFolder)/\(id).\(keptExtension)")
                        return Stored(.unchanged, folder: oldYear, originalExtension: keptExtension)
                    }
                    cable.source.file = previous.source.file ?? cable.source.file
                } else if let previous, let previousFile = previous.source.file, !force,
                          Self.sourceName(previous.source) != Self.sourceName(cable.source) {
                    return Stored(.skipped("duplicate id \(id): \(currentPath) was imported from \(previousFile); this file is not imported (use --force to replace it)"))
                }
                let document = FrontMatterWriter.sealedDocumentBytes(cable)
                if currentPath == markdownPath, document == bytes {
                    try writeOriginal(original, to: originalPath)
                    return Stored(.unchanged, folder: String(year), originalExtension: originalExtension)
                }
                if !Checksum.isIntact(text), !force {
                    return Stored(.skipped("\(currentPath) was edited by hand; not overwritten (use --force to replace it)"))
                }
                try DiskIO.write(document, to: markdownPath)
                try writeOriginal(original, to: originalPath)
                if oldFolder != folder { removeOldCopies(of: id, in: oldFolder) }
                // a page replaced by a text (or the reverse) leaves no original of the other kind beside it
                for ext in ["txt", "html"] where "\(folder)/\(id).\(ext)" != originalPath { DiskIO.remove("\(folder)/\(id).\(ext)") }
                outcome = .updated
            } else {
                // a new cable: its files do not exist yet
                try DiskIO.writeNew(FrontMatterWriter.sealedDocumentBytes(cable), to: markdownPath)
                if originals.contains(originalName) { try writeOriginal(original, to: originalPath) } else { try DiskIO.writeNew(original, to: originalPath) }
            }
        } catch {
            return Stored(.failed(error.namingPath))
        }
        return Stored(outcome, folder: String(year), originalExtension: originalExtension)
    }

    /// The source recorded in the Markdown stored under `id` before this run; nil when there is none, or
    /// it cannot be read.
    func storedSource(of id: String) -> SourceInfo? {
        guard let year = existing[id], let bytes = try? DiskIO.read("\(directory)/\(year)/\(id).md") else { return nil }
        return (try? CableFile.read(String(decoding: bytes, as: UTF8.self)))?.source
    }

    /// What tells two sources of a cable apart: its file name, without the line of a CSV row
    /// (`cables.csv:1234` → `cables.csv`), which moves when a row before it gains or loses a line.
    static func sourceName(_ source: SourceInfo) -> Substring? {
        guard let file = source.file else { return nil }
        guard source.format == .csv, let colon = file.lastIndex(of: ":"),
              file[file.index(after: colon)...].utf8.allSatisfy({ $0 &- 0x30 < 10 }) else { return file[...] }
        return file[..<colon]
    }

    /// `html` for a WikiLeaks page, `txt` for every other original.
    static func originalExtension(_ format: SourceFormat?) -> String { format == .wikileaks ? "html" : "txt" }

    private func writeOriginal(_ bytes: [UInt8], to path: String) throws(DiskIO.Failure) {
        if let current = try DiskIO.read(path), current == bytes { return }
        try DiskIO.write(bytes, to: path)
    }

    private func removeOldCopies(of id: String, in folder: String) {
        for ext in ["md", "txt", "html"] { DiskIO.remove("\(folder)/\(id).\(ext)") }
    }
}

extension DiskIO.Failure {
    /// The message with the file it concerns: `cannot write Content/cables/2009/09STATE40423.md: Not a directory`.
    var namingPath: String {
        if message.hasPrefix("cannot "), let colon = message.firstRange(of: ": ") {
            return message[..<colon.lowerBound] + " " + path + message[colon.lowerBound...]
        }
        return "cannot read \(path): \(message)"
    }
}
