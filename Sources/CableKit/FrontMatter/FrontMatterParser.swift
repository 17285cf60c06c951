import Foundation
import Yams

/// Splits a Markdown file into front matter and body and reads the front matter. Chancery's own files use a
/// small YAML subset that is read by a fast scanner here; anything else (block scalars, multi-line plain
/// scalars, hand-written styles) is read by Yams. Anchors and aliases are refused (no billion laughs).
public enum FrontMatterParser {
    public struct Document: Sendable {
        public var fields: [(key: String, value: YAMLValue, line: Int)]
        public var body: Substring
        /// Line number (1-based) of the body's first line.
        public var bodyLine: Int
    }

    /// An error with the 1-based line in the file it concerns.
    public struct Failure: Error, Sendable, Equatable {
        public var line: Int
        public var message: String
        public init(line: Int, message: String) { self.line = line; self.message = message }
    }

    public static func split(_ text: String) throws(Failure) -> Document {
        var contiguous = text
        let result: Result<Document, Failure> = contiguous.withUTF8 { buffer in
            do throws(Failure) { return .success(try split(bytes: buffer, text: text)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Whether the line `b[lo..<hi]` (without its line feed) is a fence: `---` or `...`, a CR after it allowed.
    private static func isFence(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        var e = hi
        if e > lo, b[e - 1] == ASCII.cr { e -= 1 }
        guard e - lo == 3 else { return false }
        return (b[lo] == ASCII.hyphen && b[lo + 1] == ASCII.hyphen && b[lo + 2] == ASCII.hyphen)
            || (b[lo] == ASCII.period && b[lo + 1] == ASCII.period && b[lo + 2] == ASCII.period)
    }

    /// Where the front matter of a file that opens with `---` (no byte-order mark) ends: the offset after its
    /// closing line; nil when it does not open so or is not closed. What index building decodes of a cable
    /// file (its metadata), instead of the whole body too.
    public static func frontMatterEnd(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b in openingFenceEnd(b, at: 0).flatMap { closingFenceEnd(b, from: $0 + 1) } }
    }

    /// Where the text starts: after a UTF-8 byte-order mark, if the file begins with one.
    private static func afterByteOrderMark(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
    }

    /// The end of the line at `start` when it opens front matter (`---`), else nil.
    private static func openingFenceEnd(_ b: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let end = lineEnd(b, from: start)
        return isFence(b, start, end) && b[start] == ASCII.hyphen ? end : nil
    }

    /// The end of the line that starts at `lineStart` (its line feed, or the end), found by `memchr` (a
    /// summary is a line of hundreds of bytes, read a byte at a time it was a fifth of parsing the front matter).
    @inline(__always) private static func lineEnd(_ b: UnsafeBufferPointer<UInt8>, from lineStart: Int) -> Int {
        guard lineStart < b.count, let base = b.baseAddress else { return b.count }
        guard let found = memchr(base + lineStart, Int32(ASCII.newline), b.count - lineStart) else { return b.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The offset after the first fence line from `lineStart` on; nil when there is none.
    private static func closingFenceEnd(_ b: UnsafeBufferPointer<UInt8>, from lineStart: Int) -> Int? {
        var lineStart = lineStart
        while lineStart < b.count {
            let end = lineEnd(b, from: lineStart)
            if isFence(b, lineStart, end) { return min(b.count, end + 1) }
            lineStart = end + 1
        }
        return nil
    }

    private static func split(bytes b: UnsafeBufferPointer<UInt8>, text: String) throws(Failure) -> Document {
        // the opening line
        guard let firstEnd = openingFenceEnd(b, at: afterByteOrderMark(b)) else {
            throw Failure(line: 1, message: "missing front matter: the file must start with a line '---'")
        }
        var lines: [Range<Int>] = []
        var lineStart = firstEnd + 1
        var lineNumber = 1
        var closingEnd: Int?
        var closingLine = 0
        while lineStart <= b.count {
            let end = lineEnd(b, from: lineStart)
            lineNumber += 1
            if isFence(b, lineStart, end) {
                closingEnd = min(b.count, end + 1)
                closingLine = lineNumber
                break
            }
            if lineStart >= b.count { break }
            var contentEnd = end
            if contentEnd > lineStart, b[contentEnd - 1] == ASCII.cr { contentEnd -= 1 }
            lines.append(lineStart..<contentEnd)
            lineStart = end + 1
        }
        guard let closingEnd else { throw Failure(line: 1, message: "front matter is not closed: no line '---' after the opening one") }
        let fields: [(key: String, value: YAMLValue, line: Int)]
        if let fast = try FastScanner(bytes: b, lines: lines).scan() {
            // as Yams does: a key given twice is an error (the scanner would keep the last silently); a score of
            // short keys, compared pairwise, without allocating (their lengths first: most differ, and a length is
            // read inline where comparing two strings is a call)
            for (k, field) in fast.enumerated() {
                let length = field.key.utf8.count
                if let first = fast[..<k].first(where: { $0.key.utf8.count == length && $0.key == field.key }) {
                    throw Failure(line: field.line, message: "invalid YAML: a key is given twice: '\(field.key)' (first on line \(first.line))")
                }
            }
            fields = fast
        } else {
            fields = try readWithYams(lines.map { String(decoding: UnsafeBufferPointer(rebasing: b[$0]), as: UTF8.self) }.joined(separator: "\n"))
        }
        let utf8 = text.utf8
        let bodyStart = utf8.index(utf8.startIndex, offsetBy: closingEnd)
        return Document(fields: fields, body: text[bodyStart...], bodyLine: closingLine + 1)
    }

    /// The body after the front matter, without reading the front matter's values (the build already has
    /// them); throws like `split` when the front matter is not delimited.
    public static func body(_ text: String) throws(Failure) -> Substring {
        var contiguous = text
        let offset = try contiguous.withUTF8 { b in Result { () throws(Failure) in try bodyOffset(b) } }.get()
        return text[text.utf8.index(text.utf8.startIndex, offsetBy: offset)...]
    }

    /// Where the body starts in the UTF-8 bytes of a cable file: after the line that closes the front matter
    /// (a byte-order mark before the opening one is skipped).
    public static func bodyOffset(_ b: UnsafeBufferPointer<UInt8>) throws(Failure) -> Int {
        guard let firstEnd = openingFenceEnd(b, at: afterByteOrderMark(b)) else {
            throw Failure(line: 1, message: "missing front matter: the file must start with a line '---'")
        }
        guard let offset = closingFenceEnd(b, from: firstEnd + 1) else {
            throw Failure(line: 1, message: "front matter is not closed: no line '---' after the opening one")
        }
        return offset
    }

    private static func readWithYams(_ yaml: String) throws(Failure) -> [(key: String, value: YAMLValue, line: Int)] {
        do {
            // Yams's nodes hold their anchors weakly, the parser strongly: keep it alive while converting, or
            // every anchor reads as nil and an alias goes through as a copy (a billion laughs expands).
            let parser = try Yams.Parser(yaml: yaml)
            defer { withExtendedLifetime(parser) {} }
            guard let node = try parser.singleRoot() else { return [] }
            guard case .mapping(let mapping) = node else {
                throw Failure(line: 2, message: "front matter must be a mapping of keys to values")
            }
            var out: [(key: String, value: YAMLValue, line: Int)] = []
            var budget = maximumNodes
            for (key, value) in mapping {
                guard let k = key.string else { throw Failure(line: key.mark.map { $0.line + 1 } ?? 2, message: "a key must be text") }
                out.append((k, try convert(value, depth: 0, budget: &budget), (key.mark?.line ?? 1) + 1))
            }
            return out
        } catch let failure as Failure {
            throw failure
        } catch let error as YamlError {
            throw Failure(line: yamlLine(error), message: "invalid YAML: \(yamlMessage(error))")
        } catch {
            throw Failure(line: 2, message: "invalid YAML: \(error)")
        }
    }

    /// The most values a front matter may hold (a cable's has about 50, a few thousand with many repairs).
    static let maximumNodes = 200_000

    private static func convert(_ node: Node, depth: Int, budget: inout Int) throws(Failure) -> YAMLValue {
        let line = (node.mark?.line ?? 1) + 1
        guard depth < 16 else { throw Failure(line: line, message: "front matter nests too deeply") }
        budget -= 1
        guard budget >= 0 else { throw Failure(line: line, message: "front matter is too large: more than \(maximumNodes) values") }
        if node.anchor != nil { throw Failure(line: line, message: "YAML anchors and aliases are not allowed in front matter") }
        switch node {
        case .scalar(let s):
            if s.style == .plain {
                switch s.string {
                case "null", "Null", "NULL", "~", "": return .null
                case "true", "True", "TRUE": return .bool(true)
                case "false", "False", "FALSE": return .bool(false)
                default: break
                }
            }
            return .string(s.string)
        case .sequence(let seq):
            var items: [YAMLValue] = []
            for item in seq { items.append(try convert(item, depth: depth + 1, budget: &budget)) }
            return .list(items)
        case .mapping(let map):
            var pairs: [(key: String, value: YAMLValue, line: Int)] = []
            for (k, v) in map {
                guard let key = k.string else { throw Failure(line: line, message: "a key must be text") }
                pairs.append((key, try convert(v, depth: depth + 1, budget: &budget), (k.mark?.line ?? 1) + 1))
            }
            return .map(pairs)
        case .alias:
            throw Failure(line: line, message: "YAML anchors and aliases are not allowed in front matter")
        }
    }

    private static func yamlLine(_ error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line + 1
        case .duplicatedKeysInMapping(_, let context): return context.mark.line + 1
        default: return 2
        }
    }

    /// The problem alone from a Yams error, on one line (its description repeats the position and quotes
    /// the text; for a key given twice, the whole document).
    public static func yamlMessage(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "a key is given twice: " + duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
        default: return "\(error)"
        }
    }
}

/// Reads the YAML subset Chancery writes, on bytes; returns nil (not an error) when the text uses
/// anything else, and the caller hands it to Yams.
struct FastScanner {
    let b: UnsafeBufferPointer<UInt8>
    let lines: [Range<Int>]
    typealias Failure = FrontMatterParser.Failure

    init(bytes: UnsafeBufferPointer<UInt8>, lines: [Range<Int>]) { b = bytes; self.lines = lines }

    func scan() throws(Failure) -> [(key: String, value: YAMLValue, line: Int)]? {
        var out: [(key: String, value: YAMLValue, line: Int)] = []
        out.reserveCapacity(24)
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let number = i + 2
            if line.isEmpty || b[line.lowerBound] == UInt8(ascii: "#") { i += 1; continue }
            guard b[line.lowerBound] != ASCII.space, let (key, rest) = keyValue(line) else { return nil }
            if rest.isEmpty {
                // nested map (2-space indent) or block list of flow maps
                var j = i + 1
                var pairs: [(key: String, value: YAMLValue, line: Int)] = []
                var items: [YAMLValue] = []
                while j < lines.count, lines[j].count >= 2, b[lines[j].lowerBound] == ASCII.space, b[lines[j].lowerBound + 1] == ASCII.space {
                    let inner = (lines[j].lowerBound + 2)..<lines[j].upperBound
                    if inner.count >= 2, b[inner.lowerBound] == ASCII.hyphen, b[inner.lowerBound + 1] == ASCII.space {
                        guard pairs.isEmpty, let v = try value((inner.lowerBound + 2)..<inner.upperBound, line: j + 2) else { return nil }
                        items.append(v)
                    } else {
                        guard items.isEmpty, !inner.isEmpty, b[inner.lowerBound] != ASCII.space, let (k, r) = keyValue(inner), !r.isEmpty,
                              let v = try value(r, line: j + 2) else { return nil }
                        pairs.append((k, v, j + 2))
                    }
                    j += 1
                }
                out.append((key, items.isEmpty && pairs.isEmpty ? .null : (items.isEmpty ? .map(pairs) : .list(items)), number))
                i = j
                continue
            }
            guard let v = try value(rest, line: number) else { return nil }
            out.append((key, v, number))
            i += 1
        }
        return out
    }

    private func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }

    private func keyValue(_ line: Range<Int>) -> (String, Range<Int>)? {
        var i = line.lowerBound
        while i < line.upperBound {
            let c = b[i]
            if c == ASCII.colon { break }
            guard ASCII.isAlnum(c) || c == UInt8(ascii: "_") || c == ASCII.hyphen else { return nil }
            i += 1
        }
        guard i < line.upperBound, i > line.lowerBound else { return nil }
        let key = text(line.lowerBound..<i)
        var j = i + 1
        guard j == line.upperBound || b[j] == ASCII.space else { return nil }
        while j < line.upperBound, b[j] == ASCII.space { j += 1 }
        return (key, j..<line.upperBound)
    }

    /// A value filling `range`: null, bool, quoted or plain scalar, `[flow list]`, `{flow map}`.
    private func value(_ range: Range<Int>, line: Int) throws(Failure) -> YAMLValue? {
        var p = range.lowerBound
        guard let v = try parseValue(&p, end: range.upperBound, line: line, inFlow: false) else { return nil }
        while p < range.upperBound, b[p] == ASCII.space { p += 1 }
        return p == range.upperBound ? v : nil
    }

    private func parseValue(_ p: inout Int, end: Int, line: Int, inFlow: Bool) throws(Failure) -> YAMLValue? {
        while p < end, b[p] == ASCII.space { p += 1 }
        guard p < end else { return inFlow ? nil : .null }
        switch b[p] {
        case UInt8(ascii: "\""):
            return try quoted(&p, end: end, line: line).map(YAMLValue.string)
        case UInt8(ascii: "'"):
            var s = [UInt8]()
            p += 1
            while p < end {
                if b[p] == UInt8(ascii: "'") {
                    if p + 1 < end, b[p + 1] == UInt8(ascii: "'") { s.append(b[p]); p += 2; continue }
                    p += 1
                    return .string(String(decoding: s, as: UTF8.self))
                }
                s.append(b[p]); p += 1
            }
            throw Failure(line: line, message: "unterminated single-quoted string")
        case UInt8(ascii: "["):
            p += 1
            var items: [YAMLValue] = []
            while true {
                while p < end, b[p] == ASCII.space { p += 1 }
                guard p < end else { throw Failure(line: line, message: "unterminated list: missing ']'") }
                if b[p] == UInt8(ascii: "]") { p += 1; return .list(items) }
                guard let item = try parseValue(&p, end: end, line: line, inFlow: true) else { return nil }
                items.append(item)
                while p < end, b[p] == ASCII.space { p += 1 }
                guard p < end else { throw Failure(line: line, message: "unterminated list: missing ']'") }
                if b[p] == ASCII.comma { p += 1 } else if b[p] != UInt8(ascii: "]") { return nil }
            }
        case UInt8(ascii: "{"):
            p += 1
            var pairs: [(key: String, value: YAMLValue, line: Int)] = []
            while true {
                while p < end, b[p] == ASCII.space { p += 1 }
                guard p < end else { throw Failure(line: line, message: "unterminated map: missing '}'") }
                if b[p] == UInt8(ascii: "}") { p += 1; return .map(pairs) }
                let keyStart = p
                while p < end, ASCII.isAlnum(b[p]) || b[p] == UInt8(ascii: "_") { p += 1 }
                guard p > keyStart, p < end, b[p] == ASCII.colon else { return nil }
                let key = text(keyStart..<p)
                p += 1
                guard let v = try parseValue(&p, end: end, line: line, inFlow: true) else { return nil }
                pairs.append((key, v, line))
                while p < end, b[p] == ASCII.space { p += 1 }
                guard p < end else { throw Failure(line: line, message: "unterminated map: missing '}'") }
                if b[p] == ASCII.comma { p += 1 } else if b[p] != UInt8(ascii: "}") { return nil }
            }
        case UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return nil
        default:
            // plain scalar: up to the end (or to , ] } inside a flow collection)
            let start = p
            while p < end {
                let c = b[p]
                if inFlow, c == ASCII.comma || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") { break }
                if c == UInt8(ascii: "#"), p > start, b[p - 1] == ASCII.space { return nil }  // a comment: let Yams decide
                if c == ASCII.colon, p + 1 == end || b[p + 1] == ASCII.space { return nil }
                p += 1
            }
            var stop = p
            while stop > start, b[stop - 1] == ASCII.space { stop -= 1 }
            let n = stop - start
            if n == 0 { return .null }
            if n == 4, b[start] == UInt8(ascii: "n"), b[start + 1] == UInt8(ascii: "u"), b[start + 2] == UInt8(ascii: "l"), b[start + 3] == UInt8(ascii: "l") { return .null }
            if n == 1, b[start] == UInt8(ascii: "~") { return .null }
            if n == 4, b[start] == UInt8(ascii: "t"), b[start + 1] == UInt8(ascii: "r"), b[start + 2] == UInt8(ascii: "u"), b[start + 3] == UInt8(ascii: "e") { return .bool(true) }
            if n == 5, b[start] == UInt8(ascii: "f"), text(start..<stop) == "false" { return .bool(false) }
            return .string(text(start..<stop))
        }
    }

    private func quoted(_ p: inout Int, end: Int, line: Int) throws(Failure) -> String? {
        p += 1
        let start = p
        // fast path: no escapes
        while p < end, b[p] != UInt8(ascii: "\""), b[p] != UInt8(ascii: "\\") { p += 1 }
        if p < end, b[p] == UInt8(ascii: "\"") {
            let s = text(start..<p)
            p += 1
            return s
        }
        var s = Array(UnsafeBufferPointer(rebasing: b[start..<p]))
        while p < end {
            let c = b[p]
            if c == UInt8(ascii: "\"") { p += 1; return String(decoding: s, as: UTF8.self) }
            if c == UInt8(ascii: "\\") {
                p += 1
                guard p < end else { break }
                let e = b[p]
                switch e {
                case UInt8(ascii: "n"): s.append(ASCII.newline)
                case UInt8(ascii: "t"): s.append(ASCII.tab)
                case UInt8(ascii: "r"): s.append(ASCII.cr)
                case UInt8(ascii: "0"): s.append(0)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), ASCII.space: s.append(e)
                case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let n = e == UInt8(ascii: "x") ? 2 : (e == UInt8(ascii: "u") ? 4 : 8)
                    var v: UInt32 = 0
                    for _ in 0..<n {
                        p += 1
                        guard p < end, let d = hexValue(b[p]) else { throw Failure(line: line, message: "bad escape in quoted string") }
                        v = v &* 16 &+ d
                    }
                    guard let scalar = Unicode.Scalar(v) else { throw Failure(line: line, message: "bad escape in quoted string") }
                    s += Array(String(Character(scalar)).utf8)
                default: return nil
                }
                p += 1
                continue
            }
            // the plain bytes up to the next quote or backslash, in one copy (a byte at a time, each append
            // checked its array for room and for being shared: a summary with a quotation in it is hundreds)
            var q = p + 1
            while q < end, b[q] != UInt8(ascii: "\""), b[q] != UInt8(ascii: "\\") { q += 1 }
            s.append(contentsOf: UnsafeBufferPointer(rebasing: b[p..<q]))
            p = q
        }
        throw Failure(line: line, message: "unterminated double-quoted string")
    }

    private func hexValue(_ c: UInt8) -> UInt32? {
        if ASCII.isDigit(c) { return UInt32(c - 48) }
        let l = ASCII.lower(c)
        if l >= UInt8(ascii: "a"), l <= UInt8(ascii: "f") { return UInt32(l - 87) }
        return nil
    }
}
