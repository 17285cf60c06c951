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

    public var total: Int { new + updated + unchanged + skipped + failed }
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

    /// `Imported 310 cables (300 new, 0 updated, 10 unchanged, 0 skipped, 0 failed) in 0.4 s → Content/cables`
    /// (`1 cable`, as `chancery build` says it)
    public var summary: String {
        let rate = seconds > 0 ? " (\(Int(Double(total) / seconds).grouped)/s)" : ""
        return "Imported \(total.grouped) cable\(total == 1 ? "" : "s") (\(new.grouped) new, \(updated.grouped) updated, \(unchanged.grouped) unchanged, "
            + "\(skipped.grouped) skipped, \(failed.grouped) failed) in \(String(format1: seconds)) s\(rate) → \(destination)"
    }
}

