import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Just enough HTML reading for the tests: attribute values, ids, JSON-LD blocks. The pages are the
/// builder's own output, where attribute values are always double-quoted and text is escaped, so a
/// scan for ` name="` finds attributes only.
enum HTML {
    /// Every value of attribute `name` (`href`, `src`, `id`…), entities decoded, in document order.
    static func attributes(_ name: String, in html: String) -> [String] {
        let bytes = Array(html.utf8)
        let needle = Array((name + "=\"").utf8)
        var out: [String] = []
        var i = 1
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], isSpace(bytes[i - 1]), Array(bytes[i..<(i + needle.count)]) == needle {
                let start = i + needle.count
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                out.append(decodeEntities(String(decoding: bytes[start..<end], as: UTF8.self)))
                i = end + 1
                continue
            }
            i += 1
        }
        return out
    }

    static func ids(in html: String) -> Set<String> { Set(attributes("id", in: html)) }

    /// The text of every `<script type="application/ld+json">` block.
    static func jsonLD(in html: String) -> [String] {
        var out: [String] = []
        var rest = Substring(html)
        while let open = rest.range(of: "<script type=\"application/ld+json\">") {
            guard let close = rest[open.upperBound...].range(of: "</script>") else { break }
            out.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return out
    }

    /// Number of non-overlapping occurrences of `needle`.
    static func count(_ needle: String, in text: String) -> Int {
        var n = 0
        var rest = Substring(text)
        while let r = rest.range(of: needle) { n += 1; rest = rest[r.upperBound...] }
        return n
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
}

/// XML well-formedness with Foundation's XMLParser, collecting what the tests look at.
final class XMLDocumentCheck: NSObject, XMLParserDelegate {
    private(set) var root: String?
    private(set) var elements: [String] = []
    /// Text of each element by name, in document order (`loc`, `title`, `id`…).
    private(set) var texts: [String: [String]] = [:]
    /// Attributes of each element by name, in document order.
    private(set) var attributes: [String: [[String: String]]] = [:]
    private(set) var error: String?
    private var stack: [String] = []
    private var text = ""

    /// Parses `data`; `error` is set when it is not well-formed XML.
    static func parse(_ data: Data) -> XMLDocumentCheck {
        let check = XMLDocumentCheck()
        let parser = XMLParser(data: data)
        parser.delegate = check
        if !parser.parse() {
            check.error = "line \(parser.lineNumber), column \(parser.columnNumber): \(parser.parserError.map { "\($0)" } ?? "parse error")"
        }
        return check
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes attributeDict: [String: String] = [:]) {
        if root == nil { root = elementName }
        elements.append(elementName)
        attributes[elementName, default: []].append(attributeDict)
        stack.append(elementName)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        texts[elementName, default: []].append(text.trimmingCharacters(in: .whitespacesAndNewlines))
        stack.removeLast()
        text = ""
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if error == nil { error = "line \(parser.lineNumber): \(parseError)" }
    }
}

/// RFC 4180: fields separated by commas, records by CRLF (LF accepted), fields with commas, quotes or
/// line breaks quoted, quotes doubled. Throws on a stray quote or an unclosed quoted field.
enum CSV {
    struct Malformed: Error, CustomStringConvertible {
        var record: Int
        var message: String
        var description: String { "record \(record): \(message)" }
    }

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false       // inside a quoted field
        var wasQuoted = false    // the current field was quoted (only a separator may follow)
        var atFieldStart = true
        var chars = Array(text.unicodeScalars)[...]
        func endField() { record.append(field); field = ""; wasQuoted = false; atFieldStart = true }
        func endRecord() { endField(); records.append(record); record = [] }
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { chars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false; wasQuoted = true }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case ",": endField()
            case "\r":
                guard chars.first == "\n" else { throw Malformed(record: records.count + 1, message: "a CR without LF") }
                chars.removeFirst()
                endRecord()
            case "\n": endRecord()
            case "\"":
                guard atFieldStart else { throw Malformed(record: records.count + 1, message: "a quote inside an unquoted field") }
                quoted = true
                atFieldStart = false
            default:
                if wasQuoted { throw Malformed(record: records.count + 1, message: "text after a closing quote") }
                field.unicodeScalars.append(c)
                atFieldStart = false
            }
        }
        if quoted { throw Malformed(record: records.count + 1, message: "a quoted field is not closed") }
        if !field.isEmpty || !record.isEmpty || wasQuoted { endRecord() }
        return records
    }
}
