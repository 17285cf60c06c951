import Foundation
import PreviewServer
import SiteBuilder
import Testing

/// The default theme sends a strict Content-Security-Policy in a meta tag, and nothing on the sample site
/// needs more than it allows: no inline script or style, nothing from another origin. (The browser test in
/// SiteBuilderTests loads the pages and fails on a reported violation.)
@Suite struct ContentSecurityPolicyTests {
    static let site: (root: String, pages: [String: String]) = {
        let dir = TempDir("csp")
        dir.removeAtExit()
        try! copyTree(Repo.root + "/Content", to: dir.path + "/Content")
        try! copyTree(Repo.themes, to: dir.path + "/Themes")
        _ = SiteBuilder(options: .init(root: dir.path, baseURL: "https://example.org/archive")).build()
        var pages: [String: String] = [:]
        for file in listTree(dir.path + "/Public") where file.hasSuffix(".html") {
            pages[file] = String(decoding: readBytes(dir.path + "/Public/" + file) ?? [], as: UTF8.self)
        }
        return (dir.path, pages)
    }()

    @Test("every page carries the strict policy in its head")
    func policyOnEveryPage() throws {
        let pages = Self.site.pages
        #expect(pages.count > 100)
        for (file, html) in pages {
            let tags = HTMLSafety.tags(in: html)
            let metas = tags.filter { $0.name == "meta" && $0.attributes.contains { $0.0 == "http-equiv" && $0.1.lowercased() == "content-security-policy" } }
            #expect(metas.count == 1, "\(file): \(metas.count) CSP meta tags")
            guard let meta = metas.first, let policy = meta.attributes.first(where: { $0.0 == "content" })?.1 else { continue }
            // in the head, before anything it governs
            let headEnd = html.range(of: "</head>")?.lowerBound ?? html.endIndex
            let metaAt = html.range(of: "Content-Security-Policy")?.lowerBound ?? html.endIndex
            #expect(metaAt < headEnd, "\(file)")
            for governed in ["<script", "<link rel=\"stylesheet\"", "<img", "<style"] {
                if let first = html.range(of: governed)?.lowerBound { #expect(metaAt < first, "\(file): \(governed) before the policy") }
            }
            let directives = Dictionary(policy.split(separator: ";").map { part -> (String, String) in
                let words = part.split(separator: " ", omittingEmptySubsequences: true)
                return (String(words.first ?? ""), words.dropFirst().joined(separator: " "))
            }, uniquingKeysWith: { a, _ in a })
            #expect(directives["default-src"] == "'self'", "\(file): \(policy)")
            for name in ["script-src", "style-src"] {
                let value = directives[name] ?? directives["default-src"] ?? ""
                #expect(value == "'self'", "\(file): \(name) \(value)")
            }
            for bad in ["unsafe-inline", "unsafe-eval", "unsafe-hashes", "*", "http:", "https:", "strict-dynamic"] {
                #expect(!policy.contains(bad), "\(file): \(policy)")
            }
        }
    }

    @Test("no page needs what the policy forbids: inline script or style, handlers, other origins")
    func nothingForbidden() {
        for (file, html) in Self.site.pages {
            #expect(HTMLSafety.payloads(inPage: html, base: "/archive").isEmpty, "\(file): \(HTMLSafety.payloads(inPage: html, base: "/archive"))")
            for tag in HTMLSafety.tags(in: html) where !tag.closing {
                if tag.name == "style" { Issue.record("\(file): a <style> element") }
                if tag.name == "script" {
                    let src = tag.attributes.first { $0.0 == "src" }?.1
                    let type = tag.attributes.first { $0.0 == "type" }?.1
                    #expect(src != nil || type == "application/ld+json", "\(file): inline script \(tag.raw.prefix(120))")
                }
                // every script, stylesheet, image, font and frame comes from the site itself
                for (name, value) in tag.attributes where name == "src" || (name == "href" && tag.name == "link") {
                    if tag.name == "link", let rel = tag.attributes.first(where: { $0.0 == "rel" })?.1, ["canonical", "alternate"].contains(rel) { continue }
                    let sameOrigin = value.hasPrefix("/archive/") || (!value.contains("://") && !value.hasPrefix("//"))
                    #expect(sameOrigin, "\(file): \(tag.name) \(name)=\(value)")
                }
            }
        }
    }

    @Test("the theme's scripts and the preview's reload script need no eval and set no inline styles")
    func scripts() throws {
        var sources: [(String, String)] = [("ReloadAssets.script", ReloadAssets.script)]
        for file in listTree(Repo.themes) where file.hasSuffix(".js") {
            sources.append((file, try String(contentsOfFile: Repo.themes + "/" + file, encoding: .utf8)))
        }
        for (name, js) in sources {
            for bad in ["eval(", "new Function", "setTimeout('", "setTimeout(\"", "setInterval('", "setInterval(\"", "setAttribute('style'",
                        "setAttribute(\"style\"", ".style.cssText", "document.write", "javascript:"] {
                #expect(!js.contains(bad), "\(name) uses \(bad)")
            }
        }
        // what the preview injects is same-origin markup
        #expect(LiveReload.headTag.contains("href=\"/__chancery/"))
        #expect(!ReloadAssets.stylesheet.contains("@import"))
    }
}
