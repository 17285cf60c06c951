/// A US diplomatic post (embassy, consulate, mission, office or the Department itself) as it
/// appears in cables and in the "origin" of WikiLeaks' Cablegate release.
public struct Post: Sendable, Equatable {
    /// The origin part of a reference id: `ISLAMABAD`, `STATE`, `LAPAZ`, `USNATO`, `UNVIEVIENNA`,
    /// `RPODUBAI`, `USEUBRUSSELS`.
    public let code: String
    /// The display name WikiLeaks uses: `Embassy Islamabad`, `Secretary of State`,
    /// `Embassy La Paz`, `Mission USNATO`, `UNVIE`, `Iran RPO Dubai`, `USEU Brussels`.
    public let name: String
    /// The host country (`Pakistan`; `Belgium` for USNATO); nil for the Department and where no
    /// country applies (Consulate Jerusalem).
    public let country: String?
    /// The TAGS/FIPS code of the host country: `PK`.
    public let countryCode: String?

    public init(code: String, name: String, country: String?, countryCode: String?) {
        self.code = code
        self.name = name
        self.country = country
        self.countryCode = countryCode
    }
}

/// The directory of US diplomatic posts: reference-id codes, FM-line senders and WikiLeaks
/// display names, with the host country of each post.
///
/// The table covers the origins of the Cablegate release; senders of posts that are not in it
/// still get a name by rule (`AMEMBASSY X` → `Embassy X`), so FOIA telegrams from any period
/// can be named.
public struct PostDirectory: Sendable {
    /// The directory that ships with Chancery, parsed from `PostDirectoryData.swift` on first use.
    public static let standard = PostDirectory(tsv: postDirectoryTSV, glossary: .standard)

    /// What kind of post: decides which FM-line prefix names it.
    enum Kind: String, Sendable {
        case embassy, consulate, mission, office, washington
    }

    struct Record: Sendable {
        var post: Post
        var kind: Kind
        /// The place as words, for matching abbreviated names (`RIO DE JAN`): `["RIO", "DE", "JANEIRO"]`.
        var placeWords: [String]
    }

    /// Every post, sorted by code.
    public var posts: [Post] { records.map(\.post) }

    let records: [Record]
    private let byCode: [String: Int]
    /// Normalized written forms (`SECSTATE WASHDC`, `USEU BRUSSELS`) → record index.
    private let byForm: [String: Int]
    /// Lines of the data that were skipped, for tests.
    let problems: [String]
    /// Each post's name in lower case → the name as the directory spells it.
    private let byLowercasedName: [String: String]
    /// Words written in capitals in a post's name (`USEU`, `REO`), by their capitals.
    private let acronyms: Set<String>
    /// What `code(forWrittenName:)` found for the names asked so far.
    private let writtenNames = WrittenNameCache()

    init(tsv: String, glossary: TagGlossary) {
        var records: [Record] = []
        var forms: [(String, String)] = []  // (normalized form, code)
        var problems: [String] = []
        var seen = Set<String>()
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 || fields.count == 5 else {
                problems.append("not four or five tab-separated fields: \(line)")
                continue
            }
            let code = fields[0], name = fields[2], countryCode = fields[3]
            guard let kind = Kind(rawValue: fields[1]) else {
                problems.append("unknown kind: \(line)")
                continue
            }
            guard !code.isEmpty, code == code.uppercased(), seen.insert(code).inserted else {
                problems.append("bad or repeated code: \(line)")
                continue
            }
            var country: String?
            if !countryCode.isEmpty {
                if let entry = glossary.entry(for: countryCode), entry.kind == .country {
                    country = entry.name
                } else {
                    problems.append("country code not in the glossary: \(line)")
                }
            }
            let post = Post(code: code, name: name, country: country,
                            countryCode: countryCode.isEmpty ? nil : countryCode)
            var placeWords: [String] = []
            if let space = name.firstIndex(of: " "),
               ["Embassy", "Consulate", "Mission"].contains(String(name[..<space])) {
                placeWords = Self.words(String(name[name.index(after: space)...]))
            }
            records.append(Record(post: post, kind: kind, placeWords: placeWords))
            if fields.count == 5 {
                for form in fields[4].split(separator: ";") {
                    forms.append((Self.words(String(form)).joined(separator: " "), code))
                }
            }
        }
        records.sort { $0.post.code < $1.post.code }
        var byCode: [String: Int] = [:]
        for (position, record) in records.enumerated() { byCode[record.post.code] = position }
        var byForm: [String: Int] = [:]
        for (form, code) in forms {
            guard let position = byCode[code] else { continue }
            if byForm[form] != nil { problems.append("sender form given twice: \(form)") }
            byForm[form] = position
        }
        var byLowercasedName: [String: String] = [:]
        for record in records {
            let name = record.post.name
            if let other = byLowercasedName.updateValue(name, forKey: name.lowercased()), other != name {
                problems.append("two names differ only in case: \(other), \(name)")
            }
        }
        self.byLowercasedName = byLowercasedName
        // the words the directory writes in capitals (USEU, RPO, UNVIE), and the prefixes of the names it makes
        // by rule for posts it does not hold (REO Basrah, US Office Almaty)
        var acronyms: Set<String> = ["REO", "PRT", "US", "USDEL"]
        for record in records {
            for word in record.post.name.split(separator: " ") where word.count >= 2 && word.allSatisfy({ $0.isUppercase || $0.isNumber }) {
                acronyms.insert(String(word))
            }
        }
        self.acronyms = acronyms
        self.records = records
        self.byCode = byCode
        self.byForm = byForm
        self.problems = problems
    }

    // MARK: - Lookups

    /// Whether `name` is the one spelling of its letters that names a post: the directory's own
    /// (`Secretary of State`, `Mission USNATO`, `UNVIE`) or, for a name it does not hold, every word
    /// capitalised as WikiLeaks does (`Embassy Ouagadougou`), but for the abbreviations the directory writes in
    /// capitals (`REO Basrah`, `PRT Kirkuk`, `US Office Almaty`). Of names that differ only in case
    /// (`Embassy Madrid`, `embassy madrid`, `EMBASSY MADRID`; `REO Basrah`, `Reo Basrah`) exactly one is.
    public func isCanonicalSpelling(_ name: String) -> Bool {
        if let own = byLowercasedName[name.lowercased()] { return own == name }
        return name.split(separator: " ", omittingEmptySubsequences: false).allSatisfy { word in
            let upper = word.uppercased()
            return (acronyms.contains(upper) ? upper : Self.titlecased(String(word))) == word
        }
    }

    /// The post with this reference-id code (ignoring case): `LAPAZ` → Embassy La Paz.
    public func post(code: String) -> Post? {
        byCode[code.uppercased()].map { records[$0].post }
    }

    /// The display name for a telegraphic sender as written on a FM line, e.g. "AMEMBASSY ISLAMABAD" -> "Embassy Islamabad",
    /// "SECSTATE WASHDC" -> "Secretary of State", "AMCONSUL PESHAWAR" -> "Consulate Peshawar", "USMISSION USNATO" -> "Mission USNATO",
    /// "USEU BRUSSELS" -> "USEU Brussels", "USMISSION UNVIE VIENNA" -> "UNVIE", "RPO DUBAI" -> "Iran RPO Dubai",
    /// "USMISSION GENEVA" -> "Mission Geneva", "USUN NEW YORK" -> "USUN New York", "AMEMBASSY LA PAZ" -> "Embassy La Paz",
    /// "AMCONSUL RIO DE JANEIRO" -> "Consulate Rio De Janeiro", "AIT TAIPEI" -> "American Institute Taiwan, Taipei",
    /// "USINT HAVANA" -> "US Interests Section Havana".
    ///
    /// Works for posts not in the table by rule: AMEMBASSY X -> "Embassy " + titlecased X, AMCONSUL X -> "Consulate " + ...,
    /// USMISSION X -> "Mission " + ..., USINT X -> "US Interests Section " + ..., REO X -> "REO " + ....
    /// Tolerates OCR noise of FOIA text: extra spaces, punctuation, lower case, a leading `FM`, a routing
    /// indicator (`RUEHLP/AMEMBASSY LA PAZ`), trailing precedence and serial number, misspelt prefixes
    /// (`AMEMBASY`, `Amembazgy`). Nil when the text does not name a post.
    public func originName(forSender sender: String) -> String? {
        post(forSender: sender)?.name
    }

    /// The post as its telegraphic sender line names it (for id code and country). Posts that are
    /// not in the table come back built by the rules of ``originName(forSender:)``, with the place
    /// words joined as code (`AMEMBASSY BANGUI` → `BANGUI`) and the country of a known post of the
    /// same place when there is one.
    public func post(forSender sender: String) -> Post? {
        var words = Self.words(String(Self.afterRoutingIndicator(sender)))
        if let first = words.first, first == "FM" || first == "FROM" { words.removeFirst() }
        Self.dropTrailingNoise(&words)
        guard !words.isEmpty else { return nil }

        let (prefix, place) = Self.splitPrefix(words)
        let canonical = (prefix.map { [$0.canonicalWord] } ?? []) + place
        if let position = byForm[canonical.joined(separator: " ")] {
            return records[position].post
        }
        guard let prefix else {
            // No post prefix: a bare place or code ("Brussels", "USNATO", "SECSTATE").
            return code(forWords: words).flatMap { post(code: $0) }
        }
        guard !place.isEmpty else { return nil }
        let joined = place.joined()
        let known = byCode[joined].map { records[$0] }
        if let known, prefix.matches(known.kind) { return known.post }
        if prefix == .secstate { return nil }
        return Post(code: joined,
                    name: prefix.displayPrefix + place.map(Self.titlecased).joined(separator: " "),
                    country: known?.post.country,
                    countryCode: known?.post.countryCode)
    }

    /// The id code for a post as written in a REF line or a classification line, where words may be spaced, abbreviated or
    /// prefixed: "LA PAZ" -> "LAPAZ", "RIO DE JAN" -> "RIODEJANEIRO", "SECSTATE" -> "STATE", "SECDEF" -> "STATE" (sic, keep this
    /// convention), "THE HAGUE" -> "THEHAGUE", "SAO PAULO" -> "SAOPAULO", "EMBASSY VIENNA" -> "VIENNA", "UNVIE VIENNA" -> "UNVIEVIENNA",
    /// "USEU BRUSSELS" -> "USEUBRUSSELS", "USNATO" -> "USNATO", "Rio de Janeiro" -> "RIODEJANEIRO" (case-insensitive). nil when not a post.
    ///
    /// A trailing serial number is ignored (`LA PAZ 000886`). An abbreviation must be unambiguous:
    /// each word a prefix of at least three letters of the post's word (`RIO DE JAN`), or a single
    /// word of at least five letters that begins exactly one code (`RIODEJAN`).
    public func code(forWrittenName name: String) -> String? {
        writtenNames.code(name) { name in
            var words = Self.words(name)
            Self.dropTrailingNoise(&words)
            return code(forWords: words)
        }
    }

    private func code(forWords words: [String]) -> String? {
        guard !words.isEmpty else { return nil }
        if let code = exactCode(words) { return code }
        let (prefix, place) = Self.splitPrefix(words)
        if prefix != nil, !place.isEmpty {
            if prefix == .secstate { return "STATE" }
            if let code = exactCode(place) { return code }
            return abbreviatedCode(place)
        }
        return abbreviatedCode(words)
    }

    private func exactCode(_ words: [String]) -> String? {
        let form = words.joined(separator: " ")
        if let code = Self.codeAliases[form] { return code }
        if let position = byForm[form] { return records[position].post.code }
        let joined = words.joined()
        if byCode[joined] != nil { return joined }
        return nil
    }

    private func abbreviatedCode(_ words: [String]) -> String? {
        var found: String?
        if words.count == 1 {
            let word = words[0]
            guard word.count >= 5 else { return nil }
            for record in records where record.post.code.hasPrefix(word) {
                if found != nil { return nil }
                found = record.post.code
            }
            return found
        }
        for record in records where record.placeWords.count == words.count {
            var matches = true
            for (written, full) in zip(words, record.placeWords) {
                if written == full { continue }
                if written.count >= 3, full.hasPrefix(written) { continue }
                matches = false
                break
            }
            guard matches else { continue }
            if found != nil, found != record.post.code { return nil }
            found = record.post.code
        }
        return found
    }

    /// Written forms that name a post only as a code (never as a sender).
    private static let codeAliases: [String: String] = [
        "SECDEF": "STATE",
        "SECDEF WASHDC": "STATE",
        "STATE": "STATE",
        "DEPT": "STATE",
        "DEPARTMENT": "STATE",
        "USUN": "USUNNEWYORK",
        "UNVIE": "UNVIEVIENNA",
    ]

    // MARK: - Sender prefixes

    private enum Prefix: Equatable {
        case embassy, consulate, mission, interests, reo, usOffice, liaison, ait, secstate

        var canonicalWord: String {
            switch self {
            case .embassy: "AMEMBASSY"
            case .consulate: "AMCONSUL"
            case .mission: "USMISSION"
            case .interests: "USINT"
            case .reo: "REO"
            case .usOffice: "USOFFICE"
            case .liaison: "USLO"
            case .ait: "AIT"
            case .secstate: "SECSTATE"
            }
        }

        var displayPrefix: String {
            switch self {
            case .embassy: "Embassy "
            case .consulate: "Consulate "
            case .mission: "Mission "
            case .interests: "US Interests Section "
            case .reo: "REO "
            case .usOffice: "US Office "
            case .liaison: "US Liaison Office "
            case .ait: "American Institute Taiwan, "
            case .secstate: "Secretary of State "
            }
        }

        func matches(_ kind: Kind) -> Bool {
            switch self {
            case .embassy: kind == .embassy
            case .consulate: kind == .consulate
            case .mission: kind == .mission
            case .interests, .reo, .usOffice, .liaison, .ait: kind == .office
            case .secstate: kind == .washington
            }
        }
    }

    /// Splits a leading post prefix (`AMEMBASSY`, `AMERICAN EMBASSY`, `AMCONSUL`, `USMISSION`,
    /// `US MISSION`, `USINT`…) off the words, tolerating OCR misspellings of the long ones.
    private static func splitPrefix(_ words: [String]) -> (Prefix?, [String]) {
        guard let first = words.first else { return (nil, words) }
        let second = words.count > 1 ? words[1] : ""
        let rest1 = Array(words.dropFirst())
        let rest2 = Array(words.dropFirst(2))
        if (first == "AMERICAN" || first == "US" || first == "AM") && (second == "EMBASSY" || second == "EMB") {
            return (.embassy, rest2)
        }
        if (first == "AMERICAN" || first == "AM") && (second.hasPrefix("CONSUL") || second == "CONGEN") {
            return (.consulate, rest2)
        }
        if first == "US" && second == "MISSION" { return (.mission, rest2) }
        if first == "US" && second == "INTERESTS" && words.count > 2 && words[2] == "SECTION" {
            return (.interests, Array(words.dropFirst(3)))
        }
        if first.hasPrefix("AMEM") || first == "EMBASSY" || first == "AMEMB" { return (.embassy, rest1) }
        if first.hasPrefix("AMCON") || first == "CONSULATE" || first == "CONGEN" || first == "AMCONGEN" {
            return (.consulate, rest1)
        }
        if first.hasPrefix("USMIS") || first == "MISSION" { return (.mission, rest1) }
        switch first {
        case "USINT": return (.interests, rest1)
        case "REO": return (.reo, rest1)
        case "USOFFICE": return (.usOffice, rest1)
        case "USLO": return (.liaison, rest1)
        case "AIT": return (.ait, rest1)
        case "SECSTATE": return (.secstate, rest1)
        default: return (nil, words)
        }
    }

    // MARK: - Text normalization (no Foundation)

    /// Upper-case words of letters and digits; accents folded, apostrophes dropped
    /// (`N'DJAMENA` → `NDJAMENA`), any other character separates words.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(String(current)); current = String.UnicodeScalarView() }
        }
        for scalar in text.uppercased().unicodeScalars {
            switch scalar {
            case "A"..."Z", "0"..."9":
                current.append(scalar)
            case "'", "\u{2019}", "`":
                continue
            default:
                if let folded = foldedLetter(scalar) { current.append(folded) } else { flush() }
            }
        }
        flush()
        return words
    }

    private static func foldedLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "À", "Á", "Â", "Ã", "Ä", "Å": "A"
        case "Ç": "C"
        case "È", "É", "Ê", "Ë": "E"
        case "Ì", "Í", "Î", "Ï": "I"
        case "Ñ": "N"
        case "Ò", "Ó", "Ô", "Õ", "Ö", "Ø": "O"
        case "Ù", "Ú", "Û", "Ü": "U"
        case "Ý": "Y"
        default: nil
        }
    }

    /// The part after the last `/` (a routing indicator such as `RUEHLP/`), when there is one.
    private static func afterRoutingIndicator(_ text: String) -> Substring {
        guard let slash = text.lastIndex(of: "/") else { return Substring(text) }
        return text[text.index(after: slash)...]
    }

    /// Drops trailing precedence words and serial numbers (`PRIORITY 8662`, `000886`).
    private static let precedenceWords: Set<String> = ["FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE", "NIACT", "OPERATIONAL"]

    private static func dropTrailingNoise(_ words: inout [String]) {
        while let last = words.last, words.count > 1,
              precedenceWords.contains(last) || last.utf8.allSatisfy(ASCII.isDigit) {
            words.removeLast()
        }
    }

    /// `PORT` → `Port`, `DE` → `De`: the way WikiLeaks capitalizes place names.
    static func titlecased(_ word: String) -> String {
        guard let first = word.first else { return word }
        return String(first).uppercased() + word.dropFirst().lowercased()
    }
}
