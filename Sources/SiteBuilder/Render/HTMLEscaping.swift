import Mustache

/// HTML escaping for template values, on UTF-8 bytes: `&`, `<`, `>`, `"` and `'` become entities. Registered
/// with swift-mustache as the content type every theme template renders with (swift-mustache's own HTML
/// escaping walks Characters through a dictionary, and was a fifth of the build time at archive scale).
struct HTMLEscaping: MustacheContentType {
    static let name = "CHANCERY_HTML"
    /// Put in front of every template's text when it is loaded (on its first line, so line numbers stay).
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    static let registered: Bool = {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        var needs = false
        for b in text.utf8 where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 { needs = true; break }
        if !needs { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        for b in text.utf8 {
            switch b {
            // a literal's UTF-8 view is appended without the temporary array `out += [...]` allocates
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
