import SiteBuilder

/// The outcome of the latest build, as the page's overlay sees it at `/__chancery/status`.
public struct BuildStatus: Sendable, Equatable {
    /// Counts builds since the server started (1 is the initial build).
    public var generation: Int
    /// No errors (warnings allowed).
    public var ok: Bool
    /// `Content/cables/2008/08STATE37957.md:3: error: …`, at most `limit` of them.
    public var errors: [String]
    /// Errors beyond `limit`, not listed.
    public var moreErrors: Int
    /// `Built 310 cables into … in 1.2 s → Public`.
    public var summary: String

    /// The most errors listed.
    public static let limit = 100

    public init(generation: Int = 0, ok: Bool = true, errors: [String] = [], moreErrors: Int = 0, summary: String = "") {
        self.generation = generation
        self.ok = ok
        self.errors = errors
        self.moreErrors = moreErrors
        self.summary = summary
    }

    public init(report: BuildReport, generation: Int) {
        let problems = report.errors.filter { !$0.isWarning }.map(\.description)
        self.init(generation: generation, ok: !report.failed, errors: Array(problems.prefix(Self.limit)),
                  moreErrors: max(0, problems.count - Self.limit), summary: report.summary)
    }

    /// `{"generation":2,"ok":false,"errors":["…"],"moreErrors":0,"summary":"…"}`
    public var json: String {
        "{\"generation\":\(generation),\"ok\":\(ok),\"errors\":[" + errors.map(Self.quoted).joined(separator: ",")
            + "],\"moreErrors\":\(moreErrors),\"summary\":\(Self.quoted(summary))}"
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"  // harmless anywhere the JSON ends up
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
