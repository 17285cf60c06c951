/// The keys of the content format — a cable's front matter, its `release`, `source` and `repairs`, and a free
/// page's — and the warnings for keys that are not among them: `unknown key 'orign' (did you mean 'origin'?)`.
/// A site may keep keys of its own; `chancery check` names them, as a misspelt key reads just like one.
public enum FrontMatterKeys {
    /// A cable's keys, in the order `FrontMatterWriter` writes them.
    public static let cable = [
        "id", "title", "date", "date_estimated", "origin", "classification", "caveats", "precedence", "to", "info", "tags",
        "references", "reference_line", "classified_by", "reasons", "declassify_on", "signed_by", "summary", "partial",
        "release", "source", "repairs",
    ]
    public static let release = ["status", "exemptions", "reviewer", "review_date", "case"]
    public static let source = ["format", "file", "sha256", "encoding", "checksum"]
    public static let repair = ["kind", "line", "original", "replacement"]
    /// A free page's keys (`Content/pages/*.md`).
    public static let page = ["title", "menu", "draft"]

    /// The warning for `key`, which is not among `known` (`within`: the map it is in, `release.`): it names
    /// the known key it is closest to when that is near enough to be a slip of the keyboard.
    public static func unknown(_ key: String, known: [String], within: String = "", line: Int) -> FrontMatterParser.Failure {
        let shown = key.utf8.count > 60 ? String(key.prefix(60)) + "…" : key
        let hint = suggestion(for: key, among: known).map { " (did you mean '\(within)\($0)'?)" } ?? ""
        return FrontMatterParser.Failure(line: line, message: "unknown key '\(within)\(shown)'\(hint): it is not part of the content format and is ignored")
    }

    /// The known key `key` is a slip for: the same letters in another case or with `-` for `_` (`Origin`,
    /// `date-estimated`), or within one edit of it (two for keys of more than five letters: `orign`,
    /// `classificaton`, `referencs`), the nearest first.
    public static func suggestion(for key: String, among known: [String]) -> String? {
        let folded = Array(key.lowercased().utf8).map { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") ? UInt8(ascii: "_") : $0 }
        guard folded.count <= 40 else { return nil }
        var best: (key: String, distance: Int)?
        for candidate in known {
            let target = Array(candidate.utf8)
            let d = distance(folded, target)
            let allowed = target.count > 5 ? 2 : 1
            if d <= allowed, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.key
    }

    /// The edit distance of two byte strings (insertions, deletions, substitutions, and a swap of two
    /// neighbours as one edit).
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], before[j - 2] + 1) }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
