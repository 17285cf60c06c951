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
            case 0x26: out += [0x26, 0x61, 0x6D, 0x70, 0x3B]            // &amp;
            case 0x3C: out += [0x26, 0x6C, 0x74, 0x3B]                  // &lt;
            case 0x3E: out += [0x26, 0x67, 0x74, 0x3B]                  // &gt;
            case 0x22: out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]      // &quot;
            case 0x27: out += [0x26, 0x23, 0x33, 0x39, 0x3B]            // &#39;
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
