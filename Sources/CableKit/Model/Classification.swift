/// The overall security classification of a cable, from lowest to highest.
public enum Classification: String, Sendable, CaseIterable, Comparable, Codable {
    case unclassified = "UNCLASSIFIED"
    case unclassifiedFOUO = "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    case limitedOfficialUse = "LIMITED OFFICIAL USE"
    case confidential = "CONFIDENTIAL"
    case secret = "SECRET"
    case topSecret = "TOP SECRET"

    public static func < (a: Classification, b: Classification) -> Bool { a.rank < b.rank }

    /// The position in `allCases`, lowest first (without making the array of all cases).
    public var rank: Int {
        switch self {
        case .unclassified: 0
        case .unclassifiedFOUO: 1
        case .limitedOfficialUse: 2
        case .confidential: 3
        case .secret: 4
        case .topSecret: 5
        }
    }

    /// A URL- and file-safe slug (`secret`, `unclassified-fouo`).
    public var slug: String {
        switch self {
        case .unclassified: "unclassified"
        case .unclassifiedFOUO: "unclassified-fouo"
        case .limitedOfficialUse: "limited-official-use"
        case .confidential: "confidential"
        case .secret: "secret"
        case .topSecret: "top-secret"
        }
    }

    /// Reads the labels cables and metadata use: `SECRET`, `S E C R E T`, `UNCLAS`, `UNCLAS SENSITIVE`,
    /// `SECRET//NOFORN` (caveat ignored), `LIMITED OFFICIAL USE`, `SBU`.
    public init?(label: String) {
        var s = label.uppercased()
        if let cut = s.firstRange(of: "//") { s = String(s[..<cut.lowerBound]) }
        let squeezed = s.filter { $0.isLetter }
        switch squeezed {
        case "UNCLASSIFIED", "UNCLAS", "UNCLASSIFED": self = .unclassified
        case "UNCLASSIFIEDFOROFFICIALUSEONLY", "UNCLASFOROFFICIALUSEONLY", "UNCLASSENSITIVE",
             "UNCLASSIFIEDSENSITIVE", "SENSITIVEBUTUNCLASSIFIED", "SBU", "UNCLASSIFIEDSBU", "UNCLASSBU",
             "FOROFFICIALUSEONLY", "FOUO":
            self = .unclassifiedFOUO
        case "LIMITEDOFFICIALUSE", "LOU": self = .limitedOfficialUse
        case "CONFIDENTIAL": self = .confidential
        case "SECRET": self = .secret
        case "TOPSECRET": self = .topSecret
        default: return nil
        }
    }
}
