import CTextScan

/// HTML escaping of template values, on UTF-8 bytes: `&`, `<`, `>`, `"` and `'` become entities, and the
/// control characters HTML does not allow in a document (C0 but tab and line breaks, and DEL: a NUL or BEL
/// from a cable's front matter is a parse error, which browsers show as U+FFFD) are dropped.
public enum HTMLEscape {
    /// `text` escaped, appended to `out`.
    public static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &out) }
    }

    /// UTF-8 `bytes` escaped, appended to `out`.
    public static func append(_ bytes: [UInt8], to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0, to: &out) }
    }

    /// Runs of plain bytes are copied whole, between the bytes that become entities or are dropped; the runs
    /// are found sixteen bytes at a time (`chancery_html_plain_prefix`).
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        let n = bytes.count
        var i = 0
        while true {
            let run = Int(chancery_html_plain_prefix(base + i, n - i))
            out.append(contentsOf: UnsafeBufferPointer(start: base + i, count: run))
            i += run
            if i == n { break }
            let entity: StaticString
            switch base[i] {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default: entity = ""  // a control character: dropped
            }
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            i += 1
        }
    }

    /// `text` escaped (itself when no byte needs anything).
    public static func escape(_ text: String) -> String {
        var text = text
        let plain = text.withUTF8 { $0.isEmpty || chancery_html_plain_prefix($0.baseAddress!, $0.count) == $0.count }
        if plain { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
