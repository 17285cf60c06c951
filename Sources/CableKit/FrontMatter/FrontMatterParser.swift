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

    private static func split(bytes b: UnsafeBufferPointer<UInt8>, text: String) throws(Failure) -> Document {
        var start = 0
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { start = 3 }  // byte-order mark
        func isDashes(_ lo: Int, _ hi: Int) -> Bool {
            var e = hi
            if e > lo, b[e - 1] == ASCII.cr { e -= 1 }
            guard e - lo == 3 else { return false }
            return (b[lo] == ASCII.hyphen && b[lo + 1] == ASCII.hyphen && b[lo + 2] == ASCII.hyphen)
                || (b[lo] == ASCII.period && b[lo + 1] == ASCII.period && b[lo + 2] == ASCII.period)
        }
        // the opening line
        var firstEnd = start
        while firstEnd < b.count, b[firstEnd] != ASCII.newline { firstEnd += 1 }
        guard isDashes(start, firstEnd), b[start] == ASCII.hyphen else {
            throw Failure(line: 1, message: "missing front matter: the file must start with a line '---'")
        }
        var lines: [Substring] = []
        var lineStart = firstEnd + 1
        var lineNumber = 1
        var closingEnd: Int?
        var closingLine = 0
        let utf8 = text.utf8
        while lineStart <= b.count {
            var lineEnd = lineStart
            while lineEnd < b.count, b[lineEnd] != ASCII.newline { lineEnd += 1 }
            lineNumber += 1
            if isDashes(lineStart, lineEnd) {
                closingEnd = min(b.count, lineEnd + 1)
                closingLine = lineNumber
                break
            }
            if lineStart >= b.count { break }
            var contentEnd = lineEnd
            if contentEnd > lineStart, b[contentEnd - 1] == ASCII.cr { contentEnd -= 1 }
            let lo = utf8.index(utf8.startIndex, offsetBy: lineStart)
            let hi = utf8.index(lo, offsetBy: contentEnd - lineStart)
            lines.append(text[lo..<hi])
            lineStart = lineEnd + 1
        }
        guard let closingEnd else { throw Failure(line: 1, message: "front matter is not closed: no line '---' after the opening one") }
        let fields: [(key: String, value: YAMLValue, line: Int)]
        if let fast = try FastScanner(lines: lines).scan() {
            fields = fast
        } else {
            fields = try readWithYams(lines.joined(separator: "\n"))
        }
        let bodyStart = utf8.index(utf8.startIndex, offsetBy: closingEnd)
        return Document(fields: fields, body: text[bodyStart...], bodyLine: closingLine + 1)
    }

    private static func readWithYams(_ yaml: String) throws(Failure) -> [(key: String, value: YAMLValue, line: Int)] {
        do {
            guard let node = try Yams.compose(yaml: yaml) else { return [] }
            guard case .mapping(let mapping) = node else {
                throw Failure(line: 2, message: "front matter must be a mapping of keys to values")
            }
            var out: [(key: String, value: YAMLValue, line: Int)] = []
            for (key, value) in mapping {
                guard let k = key.string else { throw Failure(line: key.mark.map { $0.line + 1 } ?? 2, message: "a key must be text") }
                out.append((k, try convert(value, depth: 0), (key.mark?.line ?? 0) + 1 + 1))
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

    private static func convert(_ node: Node, depth: Int) throws(Failure) -> YAMLValue {
        let line = (node.mark?.line ?? 0) + 2
        guard depth < 16 else { throw Failure(line: line, message: "front matter nests too deeply") }
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
            for item in seq { items.append(try convert(item, depth: depth + 1)) }
            return .list(items)
        case .mapping(let map):
            var pairs: [(key: String, value: YAMLValue, line: Int)] = []
            for (k, v) in map {
                guard let key = k.string else { throw Failure(line: line, message: "a key must be text") }
                pairs.append((key, try convert(v, depth: depth + 1), (k.mark?.line ?? 0) + 2))
            }
            return .map(pairs)
        case .alias:
            throw Failure(line: line, message: "YAML anchors and aliases are not allowed in front matter")
        }
    }

    private static func yamlLine(_ error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line + 2
        default: return 2
        }
    }

    private static func yamlMessage(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(error)"
        }
    }
}

/// Reads the YAML subset Chancery writes; returns nil (not an error) when the text uses anything else.
struct FastScanner {
    let lines: [Substring]

    func scan() throws(FrontMatterParser.Failure) -> [(key: String, value: YAMLValue, line: Int)]? {
        var out: [(key: String, value: YAMLValue, line: Int)] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let number = i + 2
            let first = line.utf8.first
            if first == nil || first == UInt8(ascii: "#") { i += 1; continue }
            guard first != ASCII.space, let (key, rest) = keyValue(line) else { return nil }
            if rest.isEmpty {
                // nested map (2-space indent) or block list of flow maps
                var j = i + 1
                var pairs: [(key: String, value: YAMLValue, line: Int)] = []
                var items: [YAMLValue] = []
                while j < lines.count, lines[j].utf8.starts(with: [ASCII.space, ASCII.space]) {
                    let u = lines[j].utf8
                    let inner = lines[j][u.index(u.startIndex, offsetBy: 2)...]
                    if inner.utf8.starts(with: [ASCII.hyphen, ASCII.space]) {
                        let iu = inner.utf8
                        guard pairs.isEmpty, let v = try flowValue(inner[iu.index(iu.startIndex, offsetBy: 2)...], line: j + 2) else { return nil }
                        items.append(v)
                    } else {
                        guard items.isEmpty, inner.utf8.first != ASCII.space, let (k, r) = keyValue(inner), !r.isEmpty,
                              let v = try flowValue(r, line: j + 2) else { return nil }
                        pairs.append((k, v, j + 2))
                    }
                    j += 1
                }
                out.append((key, items.isEmpty && pairs.isEmpty ? .null : (items.isEmpty ? .map(pairs) : .list(items)), number))
                i = j
                continue
            }
            guard let value = try flowValue(rest, line: number) else { return nil }
            out.append((key, value, number))
            i += 1
        }
        return out
    }

    private func keyValue(_ line: Substring) -> (String, Substring)? {
        let u = line.utf8
        var i = u.startIndex
        while i < u.endIndex {
            let c = u[i]
            if c == ASCII.colon { break }
            guard ASCII.isAlnum(c) || c == UInt8(ascii: "_") || c == ASCII.hyphen else { return nil }
            i = u.index(after: i)
        }
        guard i < u.endIndex, i > u.startIndex else { return nil }
        let key = String(line[u.startIndex..<i])
        var j = u.index(after: i)
        guard j == u.endIndex || u[j] == ASCII.space else { return nil }
        while j < u.endIndex, u[j] == ASCII.space { j = u.index(after: j) }
        return (key, line[j...])
    }

    /// A value on one line: null, bool, quoted or plain scalar, `[flow list]`, `{flow map}`.
    private func flowValue(_ text: Substring, line: Int) throws(FrontMatterParser.Failure) -> YAMLValue? {
        var p = text.utf8.startIndex
        let u = text.utf8
        guard let v = try parseValue(u, &p, line: line, inFlow: false) else { return nil }
        while p < u.endIndex, u[p] == ASCII.space { p = u.index(after: p) }
        return p == u.endIndex ? v : nil
    }

    private func parseValue(_ u: Substring.UTF8View, _ p: inout Substring.UTF8View.Index, line: Int, inFlow: Bool) throws(FrontMatterParser.Failure) -> YAMLValue? {
        while p < u.endIndex, u[p] == ASCII.space { p = u.index(after: p) }
        guard p < u.endIndex else { return inFlow ? nil : .null }
        switch u[p] {
        case UInt8(ascii: "\""):
            return try quoted(u, &p, line: line).map(YAMLValue.string)
        case UInt8(ascii: "'"):
            var s = [UInt8]()
            p = u.index(after: p)
            while p < u.endIndex {
                if u[p] == UInt8(ascii: "'") {
                    let n = u.index(after: p)
                    if n < u.endIndex, u[n] == UInt8(ascii: "'") { s.append(u[p]); p = u.index(after: n); continue }
                    p = n
                    return .string(String(decoding: s, as: UTF8.self))
                }
                s.append(u[p]); p = u.index(after: p)
            }
            throw FrontMatterParser.Failure(line: line, message: "unterminated single-quoted string")
        case UInt8(ascii: "["):
            p = u.index(after: p)
            var items: [YAMLValue] = []
            while true {
                while p < u.endIndex, u[p] == ASCII.space { p = u.index(after: p) }
                guard p < u.endIndex else { throw FrontMatterParser.Failure(line: line, message: "unterminated list: missing ']'") }
                if u[p] == UInt8(ascii: "]") { p = u.index(after: p); return .list(items) }
                guard let item = try parseValue(u, &p, line: line, inFlow: true) else { return nil }
                items.append(item)
                while p < u.endIndex, u[p] == ASCII.space { p = u.index(after: p) }
                guard p < u.endIndex else { throw FrontMatterParser.Failure(line: line, message: "unterminated list: missing ']'") }
                if u[p] == ASCII.comma { p = u.index(after: p) } else if u[p] != UInt8(ascii: "]") { return nil }
            }
        case UInt8(ascii: "{"):
            p = u.index(after: p)
            var pairs: [(key: String, value: YAMLValue, line: Int)] = []
            while true {
                while p < u.endIndex, u[p] == ASCII.space { p = u.index(after: p) }
                guard p < u.endIndex else { throw FrontMatterParser.Failure(line: line, message: "unterminated map: missing '}'") }
                if u[p] == UInt8(ascii: "}") { p = u.index(after: p); return .map(pairs) }
                var key = [UInt8]()
                while p < u.endIndex, ASCII.isAlnum(u[p]) || u[p] == UInt8(ascii: "_") { key.append(u[p]); p = u.index(after: p) }
                guard !key.isEmpty, p < u.endIndex, u[p] == ASCII.colon else { return nil }
                p = u.index(after: p)
                guard let v = try parseValue(u, &p, line: line, inFlow: true) else { return nil }
                pairs.append((String(decoding: key, as: UTF8.self), v, line))
                while p < u.endIndex, u[p] == ASCII.space { p = u.index(after: p) }
                guard p < u.endIndex else { throw FrontMatterParser.Failure(line: line, message: "unterminated map: missing '}'") }
                if u[p] == ASCII.comma { p = u.index(after: p) } else if u[p] != UInt8(ascii: "}") { return nil }
            }
        case UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return nil
        default:
            // plain scalar: up to the end (or to , ] } inside a flow collection)
            var s = [UInt8]()
            while p < u.endIndex {
                let b = u[p]
                if inFlow, b == ASCII.comma || b == UInt8(ascii: "]") || b == UInt8(ascii: "}") { break }
                if b == UInt8(ascii: "#"), s.last == ASCII.space { return nil }  // comment: let Yams decide
                if b == ASCII.colon {
                    let n = u.index(after: p)
                    if n == u.endIndex || u[n] == ASCII.space { return nil }
                }
                s.append(b); p = u.index(after: p)
            }
            while s.last == ASCII.space { s.removeLast() }
            let str = String(decoding: s, as: UTF8.self)
            switch str {
            case "null", "~", "": return .null
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return .string(str)
            }
        }
    }

    private func quoted(_ u: Substring.UTF8View, _ p: inout Substring.UTF8View.Index, line: Int) throws(FrontMatterParser.Failure) -> String? {
        var s = [UInt8]()
        p = u.index(after: p)
        while p < u.endIndex {
            let b = u[p]
            if b == UInt8(ascii: "\"") { p = u.index(after: p); return String(decoding: s, as: UTF8.self) }
            if b == UInt8(ascii: "\\") {
                p = u.index(after: p)
                guard p < u.endIndex else { break }
                let e = u[p]
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
                        p = u.index(after: p)
                        guard p < u.endIndex, let d = hexValue(u[p]) else {
                            throw FrontMatterParser.Failure(line: line, message: "bad escape in quoted string")
                        }
                        v = v * 16 + d
                    }
                    guard let scalar = Unicode.Scalar(v) else { throw FrontMatterParser.Failure(line: line, message: "bad escape in quoted string") }
                    s += Array(String(Character(scalar)).utf8)
                default: return nil
                }
                p = u.index(after: p)
                continue
            }
            s.append(b); p = u.index(after: p)
        }
        throw FrontMatterParser.Failure(line: line, message: "unterminated double-quoted string")
    }

    private func hexValue(_ b: UInt8) -> UInt32? {
        if ASCII.isDigit(b) { return UInt32(b - 48) }
        let l = ASCII.lower(b)
        if l >= UInt8(ascii: "a"), l <= UInt8(ascii: "f") { return UInt32(l - 87) }
        return nil
    }
}
