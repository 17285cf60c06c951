import Foundation

/// Checks every internal link of a built site: each `href`/`src` of each page is resolved against the
/// page's address, must stay under the site's base path, must name a file that exists (`dir/` →
/// `dir/index.html`), and a `#fragment` must name an `id` of the target page. External links
/// (`http(s):` elsewhere, `mailto:`, `tel:`, `data:`), query-only links and `javascript:` are skipped;
/// absolute links to the site's own base URL (canonical, og:url) are checked like the others.
///
/// Pages are the `index.html` files and `404.html`; the originals kept beside cable pages
/// (`<ID>.html` from WikiLeaks) are verbatim sources, not pages of the site, and are not checked.
struct LinkChecker {
    /// The built site folder.
    let output: String
    /// The base path (`""` or `/archive`).
    let basePath: String
    /// The absolute base URL (`http://localhost:8080`, `https://example.org/archive`).
    let baseURL: String

    struct Broken: CustomStringConvertible, Hashable {
        var page: String
        var link: String
        var reason: String
        /// The resolved site path of the target (`/search/`), when there is one.
        var target: String?
        var description: String { "\(page): \(link.debugDescription) — \(reason)" }
    }

    struct Result {
        var pages = 0
        var links = 0
        var broken: [Broken] = []
    }

    static func pages(in output: String) -> [String] {
        Tree.files(output).filter { $0 == "404.html" || $0 == "index.html" || $0.hasSuffix("/index.html") }
    }

    func check() -> Result {
        var result = Result()
        var idCache: [String: Set<String>] = [:]
        func ids(_ file: String) -> Set<String> {
            if let cached = idCache[file] { return cached }
            let found = FileManager.default.contents(atPath: output + "/" + file).map { HTML.ids(in: String(decoding: $0, as: UTF8.self)) } ?? []
            idCache[file] = found
            return found
        }
        let host = "http://site.invalid"
        for page in Self.pages(in: output) {
            guard let data = FileManager.default.contents(atPath: output + "/" + page) else { continue }
            let html = String(decoding: data, as: UTF8.self)
            result.pages += 1
            let pagePath = basePath + "/" + (page == "404.html" ? page : String(page.dropLast("index.html".count)))
            let pageIDs = HTML.ids(in: html)
            idCache[page] = pageIDs
            for link in HTML.attributes("href", in: html) + HTML.attributes("src", in: html) {
                result.links += 1
                func broken(_ reason: String, _ target: String? = nil) { result.broken.append(Broken(page: page, link: link, reason: reason, target: target)) }
                if link.isEmpty { broken("empty link"); continue }
                if link.hasPrefix("#") {
                    let fragment = String(link.dropFirst()).removingPercentEncoding ?? String(link.dropFirst())
                    if !fragment.isEmpty, !pageIDs.contains(fragment) { broken("no id '\(fragment)' on this page") }
                    continue
                }
                if link.hasPrefix("?") { continue }
                var value = link
                let lower = link.lowercased()
                if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
                    guard link == baseURL || link.hasPrefix(baseURL + "/") else { continue }  // external
                    value = String(link.dropFirst(baseURL.count))
                    if value.isEmpty { value = "/" }
                    value = basePath + value
                } else if let colon = link.firstIndex(of: ":"), !link[..<colon].contains("/") {
                    continue  // mailto:, tel:, data:, javascript:…
                }
                guard let resolved = URL(string: value, relativeTo: URL(string: host + pagePath)),
                      let components = URLComponents(url: resolved.absoluteURL, resolvingAgainstBaseURL: true) else {
                    broken("not a valid URL"); continue
                }
                let path = components.percentEncodedPath.removingPercentEncoding ?? components.percentEncodedPath
                guard components.host == "site.invalid" else { broken("leaves the site"); continue }
                guard path == basePath + "/" || path.hasPrefix(basePath + "/") else { broken("outside the base path \(basePath)/", path); continue }
                var file = String(path.dropFirst(basePath.count + 1))
                if file.isEmpty || file.hasSuffix("/") { file += "index.html" }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: output + "/" + file, isDirectory: &isDirectory) else {
                    broken("no file \(file)", path); continue
                }
                if isDirectory.boolValue { broken("\(file) is a folder (missing trailing slash)", path); continue }
                if let fragment = components.fragment, !fragment.isEmpty, file.hasSuffix(".html"), !ids(file).contains(fragment) {
                    broken("no id '\(fragment)' in \(file)", path)
                }
            }
        }
        return result
    }
}
