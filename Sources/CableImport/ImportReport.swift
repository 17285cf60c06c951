import ChanceryIO

/// What an import did: counts per outcome and the messages to show, each naming its file.
public struct ImportReport: Sendable {
    public var new = 0
    public var updated = 0
    public var unchanged = 0
    public var skipped = 0
    public var failed = 0
    /// Of `unchanged`, the inputs the import record showed stored as they are: not parsed.
    var unchangedFromRecord = 0
    /// `path:line: error: …` and `path:line: warning: …` lines (`:line` only where there is one): first the
    /// paths that could not be expanded, then each input's in the order the inputs are read — the files,
    /// then each CSV file row by row.
    public var messages: [String] = []
    public var seconds = 0.0
    /// Where the Markdown went (`Content/cables`).
    public var destination = ""

    /// The inputs read: files, and a CSV's rows.
    public var total: Int { new + updated + unchanged + skipped + failed }
    /// The cables the inputs gave that are now in `Content/cables` as read (a skipped input's cable came from
    /// another input, or is a Markdown file edited by hand and kept).
    public var cables: Int { new + updated + unchanged }
    public var succeeded: Bool { failed == 0 }

    mutating func error(_ path: String, line: Int?, _ message: String) {
        failed += 1
        messages.append("\(Self.location(path, line)): error: \(message)")
    }

    mutating func warning(_ path: String, line: Int? = nil, _ message: String) {
        messages.append("\(Self.location(path, line)): warning: \(message)")
    }

    /// `path`, or `path:line`.
    static func location(_ path: String, _ line: Int?) -> String { line.map { "\(path):\($0)" } ?? path }

    /// `Imported 300 cables from 310 inputs (290 new, 0 updated, 10 unchanged, 0 skipped, 10 failed) in 0.4 s (775/s) → Content/cables`:
    /// what the archive now holds from these inputs, from how many inputs, then each input's outcome, as
    /// `chancery build` says `Built 310 cables into 1,234 files (…)` (`1 cable`, `1 input`; the rate is of inputs).
    public var summary: String {
        let rate = seconds > 0 ? " (\(Int(Double(total) / seconds).grouped)/s)" : ""
        return "Imported \(cables.grouped) cable\(cables == 1 ? "" : "s") from \(total.grouped) input\(total == 1 ? "" : "s") "
            + "(\(new.grouped) new, \(updated.grouped) updated, \(unchanged.grouped) unchanged, "
            + "\(skipped.grouped) skipped, \(failed.grouped) failed) in \(String(format1: seconds)) s\(rate) → \(destination)"
    }
}

