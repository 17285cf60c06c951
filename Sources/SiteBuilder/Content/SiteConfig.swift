import CableKit
import Yams

/// `Content/site.yml`: the reading room's title, address, language, theme and page size.
public struct SiteConfig: Sendable, Equatable {
    public var title = "Cable Reading Room"
    public var description = "A public reading room of diplomatic cables."
    /// Absolute URL the site is published at, without trailing slash (`https://example.org/archive`).
    public var baseURL = SiteConfig.localBaseURL
    /// Whether site.yml sets `base_url` (without it, the site's absolute URLs name the preview server).
    public var setsBaseURL = false
    public var language = "en"
    public var theme = "default"
    /// The line of `theme:` in site.yml, for errors about the theme.
    public var themeLine: Int?
    /// Cables per index page.
    public var pageSize = 50
    /// Items in each Atom feed.
    public var feedSize = 50
    /// Related cables shown on a cable page.
    public var relatedCount = 6
    /// The cables citing a cable that its page lists (the first, by date); a page of a cable cited more often
    /// says how many cite it and links to the search listing them all.
    public var referencedByCount = 20
    /// The picture a link to the site shows when shared (`og:image`): a path in the site (`assets/card.png`,
    /// a theme's asset) or an absolute `http(s)` URL; nil: the theme's `assets/card.png`, if it has one.
    public var image: String?
    /// The line of `image:` in site.yml, for the warning about an image the site does not publish.
    public var imageLine: Int?

    public init() {}

    /// The base URL of a site.yml without `base_url`: the preview server's address (`chancery serve`).
    public static let localBaseURL = "http://localhost:8080"

    /// The path part of `baseURL` (`/archive`, or `""` at the root of a host).
    public var basePath: String {
        guard let scheme = baseURL.firstRange(of: "://") else { return "" }
        let afterHost = baseURL[scheme.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "" }
        var path = String(afterHost[slash...])
        while path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// The keys of site.yml, and other spellings accepted for them.
    static let keys = ["title", "description", "base_url", "language", "theme", "page_size", "feed_size", "related", "referenced_by", "image"]
    static let spellings = ["baseURL": "base_url", "baseurl": "base_url"]

    /// Reads `site.yml`; `path` names the file in errors. Unknown keys are errors (a typo should not pass silently).
    public static func parse(_ text: String, path: String) throws(BuildError) -> SiteConfig {
        var config = SiteConfig()
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw BuildError(path: path, line: yamlLine(error), message: "invalid YAML: \(FrontMatterParser.yamlMessage(error))")
        } catch {
            throw BuildError(path: path, line: 1, message: "invalid YAML: \(error)")
        }
        guard let node else { return config }
        guard case .mapping(let map) = node else { throw BuildError(path: path, line: 1, message: "site.yml must be a mapping of keys to values") }
        for (keyNode, value) in map {
            let line = keyNode.mark?.line ?? 1
            guard let name = keyNode.string else { throw BuildError(path: path, line: line, message: "keys must be text") }
            let key = spellings[name] ?? name
            // `title:` or `title: ~` gives no value (a YAML null, not the text "~"): the default stands
            if let scalar = value.scalar, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string), keys.contains(key) { continue }
            func text() throws(BuildError) -> String {
                guard let s = value.string else { throw BuildError(path: path, line: line, message: "'\(key)' must be text") }
                return s
            }
            func number(_ range: ClosedRange<Int>) throws(BuildError) -> Int {
                guard let s = value.string, let n = Int(s), range.contains(n) else {
                    throw BuildError(path: path, line: line, message: "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
                }
                return n
            }
            switch key {
            case "title":
                config.title = try text().trimmingSpaces
                guard !config.title.isEmpty else { throw BuildError(path: path, line: line, message: "'title' must not be empty: it names the reading room on every page") }
            case "description": config.description = try text().trimmingSpaces  // "" shows none
            case "base_url":
                switch BaseURL.check(try text()) {
                case .success(let url): config.baseURL = url; config.setsBaseURL = true
                case .failure(let problem): throw BuildError(path: path, line: line, message: "'base_url' \(problem.phrase)")
                }
            case "language":
                config.language = try text()
                guard LanguageTag.isValid(config.language) else {
                    throw BuildError(path: path, line: line, message: "'language' must be a BCP 47 language tag such as en, fr or pt-BR (not '\(config.language)'): "
                        + "it is each page's <html lang>")
                }
            case "theme":
                let theme = try text()
                guard !theme.isEmpty, theme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                    throw BuildError(path: path, line: line, message: "'theme' must be a folder name under Themes/ (letters, digits, - and _)")
                }
                config.theme = theme
                config.themeLine = line
            case "page_size": config.pageSize = try number(5...1000)
            case "feed_size": config.feedSize = try number(1...1000)
            case "related": config.relatedCount = try number(0...50)
            case "referenced_by": config.referencedByCount = try number(1...1000)
            case "image":
                let image = try text().trimmingSpaces
                guard let checked = SiteConfig.imageReference(image) else {
                    throw BuildError(path: path, line: line, message: "'image' must be a path in the site (assets/card.png) or an http(s) URL, "
                        + "without spaces or '..' (not '\(image)'): it is the picture a shared link shows")
                }
                config.image = checked
                config.imageLine = line
            default:
                throw BuildError(path: path, line: line, message: "unknown key '\(key)' (known: \(keys.joined(separator: ", ")))")
            }
        }
        return config
    }

    /// `image` as the site uses it: an `http(s)` URL as it is, a path in the site without its leading slash;
    /// nil for an empty one, a path leaving the site (`..`) or one with spaces or quotes.
    static func imageReference(_ text: String) -> String? {
        guard !text.isEmpty, !text.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0.isNewline }) else { return nil }
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) { return text.count > scheme.count ? text : nil }
        guard !text.contains("://") else { return nil }
        let path = String(text.drop { $0 == "/" })
        guard !path.isEmpty, !path.split(separator: "/").contains("..") else { return nil }
        return path
    }

    /// A base URL as the site uses it (without trailing slash), or nil when `BaseURL` refuses it:
    /// `base_url` of site.yml and `--base-url` of `chancery build` follow the same rule.
    public static func baseURL(_ text: String) -> String? {
        try? BaseURL.check(text).get()
    }

    /// Why `--base-url` cannot take `text` (`--base-url must …`), or nil when it can.
    public static func baseURLOptionProblem(_ text: String) -> String? {
        guard case .failure(let problem) = BaseURL.check(text) else { return nil }
        return "--base-url \(problem.phrase) (not '\(text)')"
    }

    /// The warning of a build or check whose site's absolute URLs name the preview server, because neither
    /// site.yml nor `--base-url` gave the address it is published at.
    public static let unsetBaseURLWarning = BuildError(
        path: "Content/site.yml",
        message: "base_url is not set, so robots.txt, the sitemaps, the Atom feeds, each page's canonical link and og:url, "
            + "the cables' citations and the url column of data/cables.csv and data/cables.json name \(localBaseURL): "
            + "set base_url in Content/site.yml (base_url: https://example.org/archive) or pass --base-url to chancery build",
        isWarning: true)

    private static func yamlLine(_ error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        case .duplicatedKeysInMapping(_, let context): return context.mark.line
        default: return 1
        }
    }
}

/// A build problem with the file (and line) it concerns: `Content/cables/2008/08STATE37957.md:3: error: …`.
public struct BuildError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String
    public var isWarning = false

    public init(path: String, line: Int? = nil, message: String, isWarning: Bool = false) {
        self.path = path; self.line = line; self.message = message; self.isWarning = isWarning
    }

    public var description: String {
        "\(line.map { "\(path):\($0)" } ?? path): \(isWarning ? "warning" : "error"): \(message)"
    }
}
