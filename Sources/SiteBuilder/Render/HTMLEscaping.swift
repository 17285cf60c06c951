import Mustache

/// HTML escaping for template values, on UTF-8 bytes: `&`, `<`, `>`, `"` and `'` become entities, and the
/// control characters HTML does not allow in a document (C0 but tab and line breaks, and DEL: a NUL or BEL
/// from a cable's front matter is a parse error, which browsers show as U+FFFD) are dropped. Registered
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
        for b in text.utf8 where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 || isControl(b) { needs = true; break }
        if !needs { return text }
        var source = text
        return source.withUTF8 { bytes in
            // runs of plain bytes are copied whole, between the bytes that become entities
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + 16)
            var run = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                if b != 0x26 && b != 0x3C && b != 0x3E && b != 0x22 && b != 0x27 && !isControl(b) { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                run = i + 1
                switch b {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x27: out.append(contentsOf: "&#39;".utf8)
                default: break  // a control character: dropped
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// A control character an HTML document may not hold: C0 but tab, line feed and carriage return, and DEL.
    @inline(__always) static func isControl(_ b: UInt8) -> Bool {
        (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F
    }
}
