/// Finds what could run script in a page: the checks of the hostile-content tests.
enum HTMLSafety {
    /// Tags libcmark-gfm produces for what `BodyWriter` writes, with the attributes they may carry.
    static let bodyTags: [String: Set<String>] = [
        "p": [], "h2": [], "ul": [], "ol": ["start"], "li": [], "pre": [], "code": ["class"], "br": [], "a": ["href"],
        "em": [], "strong": [], "del": [], "blockquote": [], "hr": [],
    ]

    /// Problems in HTML rendered from a cable body: a tag or attribute the writer never makes, raw HTML that
    /// libcmark-gfm dropped (it was not escaped), a link that is not http(s) or mail.
    static func problems(inRenderedBody html: String) -> [String] {
        var out: [String] = []
        if html.contains("raw HTML omitted") { out.append("raw HTML reached the renderer") }
        for tag in tags(in: html) {
            guard let allowed = bodyTags[tag.name] else { out.append("tag <\(tag.name)>"); continue }
            for (name, value) in tag.attributes {
                if !allowed.contains(name) { out.append("attribute \(name) on <\(tag.name)>") }
                if name == "href", !isSafeURL(value) { out.append("link to \(value)") }
                if name == "class", value != "language-text" { out.append("class \(value)") }
            }
        }
        return out
    }

    static func isSafeURL(_ url: String) -> Bool {
        let lower = decodeEntities(url).lowercased().filter { !$0.isWhitespace && $0 != "\0" }
        for scheme in ["javascript:", "vbscript:", "data:", "file:"] where lower.hasPrefix(scheme) { return false }
        if let colon = lower.firstIndex(of: ":"), let slash = lower.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }), colon > slash { return true }
        if let colon = lower.firstIndex(of: ":") {
            let scheme = lower[..<colon]
            return ["http", "https", "mailto"].contains(String(scheme))
        }
        return true
    }

    struct Tag { var name: String; var attributes: [(String, String)]; var closing: Bool; var raw: Substring }

    /// The start and end tags of `html`, lower-cased, with their attributes (a small tokenizer: enough for
    /// the markup this project writes and for what a browser would take as a tag).
    static func tags(in html: String) -> [Tag] {
        var out: [Tag] = []
        let s = Array(html.unicodeScalars)
        var i = 0
        func isNameStart(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        while i < s.count {
            guard s[i] == "<" else { i += 1; continue }
            var j = i + 1
            if j < s.count, s[j] == "!" || s[j] == "?" {  // comment, doctype, processing instruction
                while j < s.count, s[j] != ">" { j += 1 }
                i = j; continue
            }
            let closing = j < s.count && s[j] == "/"
            if closing { j += 1 }
            guard j < s.count, isNameStart(s[j]) else { i += 1; continue }
            var name = ""
            while j < s.count, !s[j].properties.isWhitespace, s[j] != ">", s[j] != "/" { name.unicodeScalars.append(s[j]); j += 1 }
            var attributes: [(String, String)] = []
            while j < s.count, s[j] != ">" {
                while j < s.count, s[j].properties.isWhitespace || s[j] == "/" { j += 1 }
                guard j < s.count, s[j] != ">" else { break }
                var attr = ""
                while j < s.count, !s[j].properties.isWhitespace, s[j] != "=", s[j] != ">" { attr.unicodeScalars.append(s[j]); j += 1 }
                var value = ""
                if j < s.count, s[j] == "=" {
                    j += 1
                    if j < s.count, s[j] == "\"" || s[j] == "'" {
                        let q = s[j]; j += 1
                        while j < s.count, s[j] != q { value.unicodeScalars.append(s[j]); j += 1 }
                        j += 1
                    } else {
                        while j < s.count, !s[j].properties.isWhitespace, s[j] != ">" { value.unicodeScalars.append(s[j]); j += 1 }
                    }
                }
                attributes.append((attr.lowercased(), value))
            }
            let raw = String(String.UnicodeScalarView(s[i..<min(j + 1, s.count)]))
            out.append(Tag(name: name.lowercased(), attributes: attributes, closing: closing, raw: Substring(raw)))
            i = j + 1
        }
        return out
    }

    static func decodeEntities(_ s: String) -> String {
        var out = s
        for (entity, char) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&colon;", ":"), ("&#58;", ":"), ("&#x3a;", ":"), ("&#x3A;", ":")] {
            out = out.replacingOccurrences(entity, with: char)
        }
        return out
    }

    /// Executable payloads in a built page: scripts other than the theme's JSON-LD and its own assets, event
    /// handler attributes, script URLs, frames, objects, embeds, SVG with script.
    static func payloads(inPage html: String, base: String = "") -> [String] {
        var out: [String] = []
        for tag in tags(in: html) where !tag.closing {
            switch tag.name {
            case "script":
                let type = tag.attributes.first { $0.0 == "type" }?.1
                let src = tag.attributes.first { $0.0 == "src" }?.1
                if type == "application/ld+json" && src == nil { continue }
                if let src, src.hasPrefix(base + "/assets/") || src.hasPrefix("/assets/") || src.hasPrefix("/__chancery/"), type == nil { continue }
                out.append("script: \(tag.raw.prefix(200))")
            case "iframe", "frame", "frameset", "object", "embed", "applet", "base":
                out.append("<\(tag.name)>: \(tag.raw.prefix(200))")
            case "meta" where tag.attributes.contains { $0.0 == "http-equiv" && $0.1.lowercased() == "refresh" }:
                out.append("<\(tag.name)>: \(tag.raw.prefix(200))")
            case "style":
                out.append("a <style> element (the CSP forbids inline style)")
            case "svg" where html.lowercased().contains("<svg") && tag.attributes.contains { $0.0.hasPrefix("on") }:
                out.append("svg with a handler: \(tag.raw.prefix(200))")
            default: break
            }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") && name.count > 2 && name.dropFirst(2).allSatisfy({ $0.isLetter }) {
                    out.append("handler \(name) on <\(tag.name)>: \(tag.raw.prefix(200))")
                }
                if ["href", "src", "action", "formaction", "xlink:href", "srcdoc", "poster", "data"].contains(name), !isSafeURL(value) {
                    // data: images are fine under the theme's img-src; anything else is not
                    if !(name == "src" && tag.name == "img" && value.hasPrefix("data:image/") && !value.hasPrefix("data:image/svg")) {
                        out.append("\(name)=\(value.prefix(80)) on <\(tag.name)>")
                    }
                }
                if name == "style" { out.append("inline style on <\(tag.name)> (the CSP forbids it)") }
            }
        }
        return out
    }
}

extension String {
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
