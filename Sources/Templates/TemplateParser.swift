/// Reads Mustache source into `TemplateNode`s on its UTF-8 bytes, the way swift-mustache's parser reads it
/// (standalone lines, indentation of partials and blocks, set delimiters, inheritance), so that a theme
/// renders byte for byte as it did with swift-mustache — which stays the reference the tests compare with.
struct TemplateParser {
    private let bytes: [UInt8]
    private var pos = 0
    /// Where the last error was found, for its line and column.
    private(set) var errorPosition = 0

    init(_ source: String) { bytes = Array(source.utf8) }

    /// What the parser knows at a point of the template.
    struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var inPartialDefinition = false
        var atPartialDefinitionTop = false
        var start: [UInt8] = Array("{{".utf8)
        var end: [UInt8] = Array("}}".utf8)
        /// The indentation of a block override's first line, which its other lines lose.
        var partialDefinitionIndent: Int?

        func inSection(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var s = self
            s.sectionName = name
            s.sectionTransforms = transforms
            s.atPartialDefinitionTop = false
            if !newLine { s.newLine = false }
            return s
        }

        func inInheritance(_ name: String) -> State {
            var s = self
            s.sectionName = name
            s.sectionTransforms = []
            s.newLine = true
            s.inPartialDefinition = true
            s.atPartialDefinitionTop = true
            return s
        }
    }

    /// The whole template.
    mutating func parseTemplate() throws(TemplateSyntaxError) -> [TemplateNode] {
        do { return try parse(State()) } catch {
            throw TemplateSyntaxError(problem: error, bytes: bytes, at: min(errorPosition, bytes.count))
        }
    }

    private mutating func fail(_ problem: TemplateSyntaxError.Problem) -> TemplateSyntaxError.Problem {
        errorPosition = pos
        return problem
    }

    private mutating func parse(_ initial: State) throws(TemplateSyntaxError.Problem) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whiteSpaceBefore: [UInt8] = []
        while pos < bytes.count {
            if state.newLine {
                let spaceStart = pos
                while pos < bytes.count, bytes[pos] == 0x20 || bytes[pos] == 0x09 { pos += 1 }
                let space = bytes[spaceStart..<pos]
                if state.inPartialDefinition && !state.atPartialDefinitionTop {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = Array(space.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = space.count
                    }
                } else {
                    whiteSpaceBefore = Array(space)
                }
            }
            let text = try readUntilDelimiterOrNewline(state)
            // a line end — or any line break right after an opening delimiter, which then counts for nothing
            if let lineEnd = newlineLength(at: pos) {
                nodes.append(.text(whiteSpaceBefore + text + bytes[pos..<pos + lineEnd]))
                state.newLine = true
                pos += lineEnd
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = []
                state.newLine = false
            }
            guard pos < bytes.count else { break }
            var setNewLine = false
            switch bytes[pos] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = bytes[pos] == UInt8(ascii: "^")
                pos += 1
                let (name, transforms) = try parseName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = []
                }
                let inner = try parse(state.inSection(name, newLine: setNewLine, transforms: transforms))
                let path = ValuePath(name: name, transforms: transforms)
                nodes.append(inverted ? .invertedSection(path, inner) : .section(path, inner))

            case UInt8(ascii: "/"):
                pos += 1
                let closing = pos
                let (name, transforms) = try parseName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    pos = closing
                    throw fail(.sectionCloseNameIncorrect)
                }
                if !isStandalone(state), !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                }
                return nodes

            case UInt8(ascii: "!"):
                pos += 1
                try skipComment(state)
                setNewLine = isStandalone(state)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                let triple = bytes[pos] == UInt8(ascii: "{")
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = []
                }
                pos += 1
                let (name, transforms) = try parseName(state)
                if triple {
                    guard pos < bytes.count else { throw fail(.unfinishedName) }
                    guard bytes[pos] == UInt8(ascii: "}") else { throw fail(.unfinishedName) }
                    pos += 1
                }
                nodes.append(.value(ValuePath(name: name, transforms: transforms), escaped: false))

            case UInt8(ascii: ">"):
                pos += 1
                skipWhitespace()
                var dynamic = false
                if pos < bytes.count, bytes[pos] == UInt8(ascii: "*") {
                    pos += 1
                    dynamic = true
                }
                let name = try parsePartialName(state)
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                let indentation: [UInt8]? = isStandalone(state) ? whiteSpaceBefore : nil
                if indentation != nil { setNewLine = true }
                nodes.append(dynamic ? .dynamicPartial(ValuePath(name: name, transforms: []), indentation: indentation, overrides: nil)
                                     : .partial(name, indentation: indentation, overrides: nil))
                whiteSpaceBefore = []

            case UInt8(ascii: "<"):
                pos += 1
                skipWhitespace()
                let sectionName = try parsePartialName(state)
                let dynamic = sectionName.first == "*"
                let name = dynamic ? String(sectionName.dropFirst()) : sectionName
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                if isStandalone(state) { setNewLine = true }
                let inner = try parse(state.inInheritance(sectionName))
                var overrides: [String: [TemplateNode]] = [:]
                for node in inner {
                    switch node {
                    case .blockDefinition(let block, let body): overrides[block] = body
                    case .text: break
                    default: throw fail(.illegalTokenInsideInheritSection)
                    }
                }
                nodes.append(dynamic ? .dynamicPartial(ValuePath(name: name, transforms: []), indentation: whiteSpaceBefore, overrides: overrides)
                                     : .partial(name, indentation: whiteSpaceBefore, overrides: overrides))
                whiteSpaceBefore = []

            case UInt8(ascii: "$"):
                pos += 1
                let (name, transforms) = try parseName(state)
                guard transforms.isEmpty else { throw fail(.transformAppliedToInheritanceSection) }
                if state.atPartialDefinitionTop {
                    if isStandalone(state) { setNewLine = true }
                    let inner = try parse(state.inSection(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, inner))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                    if isStandalone(state) { setNewLine = true }
                    let inner = try parse(state.inSection(name, newLine: setNewLine))
                    nodes.append(.block(name, default: inner, indentation: whiteSpaceBefore))
                    whiteSpaceBefore = []
                }

            case UInt8(ascii: "="):
                pos += 1
                state = try setDelimiters(state)
                setNewLine = isStandalone(state)

            case UInt8(ascii: "%"):
                pos += 1
                nodes.append(.escaping(try readContentType(state)))
                setNewLine = isStandalone(state)

            default:
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = []
                }
                let (name, transforms) = try parseName(state)
                nodes.append(.value(ValuePath(name: name, transforms: transforms), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw fail(.expectedSectionEnd) }
        return nodes
    }

    // MARK: pieces

    /// Text up to a line end (not consumed) or past the next opening delimiter.
    private mutating func readUntilDelimiterOrNewline(_ state: State) throws(TemplateSyntaxError.Problem) -> [UInt8] {
        let first = state.start[0]
        var text: [UInt8] = []
        while pos < bytes.count {
            let runStart = pos
            while pos < bytes.count, bytes[pos] != first, bytes[pos] != 0x0A,
                  !(bytes[pos] == 0x0D && pos + 1 < bytes.count && bytes[pos + 1] == 0x0A) { pos += 1 }
            text += bytes[runStart..<pos]
            guard pos < bytes.count, lineEndLength(at: pos) == nil else { break }
            // the delimiter's first byte: the delimiter, or text (swift-mustache refuses a template that
            // ends before a whole delimiter could be read)
            guard pos + state.start.count <= bytes.count else { throw fail(.unfinishedName) }
            if bytes[pos..<pos + state.start.count].elementsEqual(state.start) {
                pos += state.start.count
                break
            }
            text.append(first)
            pos += 1
        }
        return text
    }

    /// A tag's name and its transforms (`count(list)` → `list`, `[count]`), and the closing delimiter.
    private mutating func parseName(_ state: State) throws(TemplateSyntaxError.Problem) -> (String, [String]) {
        skipWhitespace()
        let nameStart = pos
        while pos < bytes.count, Self.isNameByte(bytes[pos], brackets: true) { pos += 1 }
        let text = bytes[nameStart..<pos]
        skipWhitespace()
        guard readDelimiter(state.end) else { throw fail(.unfinishedName) }
        guard let bracket = text.firstIndex(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }) else {
            return (String(decoding: text, as: UTF8.self), [])
        }
        guard text[bracket] == UInt8(ascii: "(") else { throw fail(.unfinishedName) }
        // name(name(…(parameter)…)): each transform's name, then the parameter, then as many ')'
        var transforms = [String(decoding: text[text.startIndex..<bracket], as: UTF8.self)]
        var k = bracket + 1
        while true {
            let partStart = k
            while k < text.endIndex, Self.isNameByte(text[k], brackets: false) { k += 1 }
            let part = String(decoding: text[partStart..<k], as: UTF8.self)
            guard k < text.endIndex else { throw fail(.unfinishedName) }
            if text[k] == UInt8(ascii: "(") {
                transforms.append(part)
                k += 1
                continue
            }
            guard text[k] == UInt8(ascii: ")") else { throw fail(.unfinishedName) }
            k += 1
            var closing = 0
            while k < text.endIndex, text[k] == UInt8(ascii: ")") { closing += 1; k += 1 }
            guard closing + 1 == transforms.count, k == text.endIndex else { throw fail(.unfinishedName) }
            return (part, transforms)
        }
    }

    private mutating func parsePartialName(_ state: State) throws(TemplateSyntaxError.Problem) -> String {
        skipWhitespace()
        let nameStart = pos
        while pos < bytes.count, Self.isNameByte(bytes[pos], brackets: true) || bytes[pos] == UInt8(ascii: "/") { pos += 1 }
        let name = String(decoding: bytes[nameStart..<pos], as: UTF8.self)
        skipWhitespace()
        guard readDelimiter(state.end) else { throw fail(.unfinishedName) }
        return name
    }

    /// Past the closing delimiter — found the way swift-mustache searches it, which after a partial match
    /// does not look again at the byte that broke it.
    private mutating func skipComment(_ state: State) throws(TemplateSyntaxError.Problem) {
        let end = state.end
        let start = pos
        var matched = 0
        while pos < bytes.count {
            if bytes[pos] == end[matched] {
                matched += 1
                if matched == end.count { pos += 1; return }
            } else {
                matched = 0
            }
            pos += 1
        }
        pos = start  // an unclosed comment is reported where it starts
        throw fail(.unfinishedName)
    }

    private mutating func setDelimiters(_ state: State) throws(TemplateSyntaxError.Problem) -> State {
        // (a delimiter that runs to the end of the template is reported where it starts)
        skipWhitespace()
        let startStart = pos
        while pos < bytes.count, whitespaceLength(at: pos) == 0 { pos += 1 }
        guard pos < bytes.count else { pos = startStart; throw fail(.invalidSetDelimiter) }
        let start = Array(bytes[startStart..<pos])
        skipWhitespace()
        let endStart = pos
        while pos < bytes.count, bytes[pos] != UInt8(ascii: "="), whitespaceLength(at: pos) == 0 { pos += 1 }
        guard pos < bytes.count else { pos = endStart; throw fail(.invalidSetDelimiter) }
        let end = Array(bytes[endStart..<pos])
        skipWhitespace()
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "=") else { throw fail(.invalidSetDelimiter) }
        pos += 1
        guard readDelimiter(state.end), !start.isEmpty, !end.isEmpty else { throw fail(.invalidSetDelimiter) }
        var s = state
        s.start = start
        s.end = end
        s.atPartialDefinitionTop = false
        return s
    }

    /// `{{% CONTENT_TYPE: TEXT }}` → false (values as they are); `HTML` → true (escaped).
    private mutating func readContentType(_ state: State) throws(TemplateSyntaxError.Problem) -> Bool {
        skipWhitespace()
        let variable = readName()
        skipWhitespace()
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail(.badConfiguration) }
        pos += 1
        skipWhitespace()
        let value = readName()
        skipWhitespace()
        guard readDelimiter(state.end), !variable.isEmpty, !value.isEmpty else { throw fail(.badConfiguration) }
        guard variable == "CONTENT_TYPE" else { throw fail(.badConfiguration) }
        switch value {
        case "TEXT": return false
        case "HTML", TemplateLibrary.htmlContentType: return true
        default: throw fail(.badConfiguration)
        }
    }

    private mutating func readName() -> String {
        let start = pos
        while pos < bytes.count, Self.isNameByte(bytes[pos], brackets: false) { pos += 1 }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }

    // MARK: bytes

    private mutating func readDelimiter(_ delimiter: [UInt8]) -> Bool {
        guard pos + delimiter.count <= bytes.count, bytes[pos..<pos + delimiter.count].elementsEqual(delimiter) else { return false }
        pos += delimiter.count
        return true
    }

    /// A tag alone on its line (white space around it) — the line then leaves no trace in the output. The
    /// line end is consumed.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if pos >= bytes.count { return true }
        var k = pos
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
        guard let length = newlineLength(at: k) else { return false }
        pos = k + length
        return true
    }

    /// `\n` or `\r\n` at `k`: a line end text stops at.
    private func lineEndLength(at k: Int) -> Int? {
        guard k < bytes.count else { return nil }
        if bytes[k] == 0x0A { return 1 }
        if bytes[k] == 0x0D, k + 1 < bytes.count, bytes[k + 1] == 0x0A { return 2 }
        return nil
    }

    /// Any of Unicode's line breaks at `k` (a standalone tag's line may end with one), with its length.
    private func newlineLength(at k: Int) -> Int? {
        guard k < bytes.count else { return nil }
        switch bytes[k] {
        case 0x0D: return k + 1 < bytes.count && bytes[k + 1] == 0x0A ? 2 : 1
        case 0x0A, 0x0B, 0x0C: return 1
        case 0xC2: return k + 1 < bytes.count && bytes[k + 1] == 0x85 ? 2 : nil
        case 0xE2: return k + 2 < bytes.count && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9) ? 3 : nil
        default: return nil
        }
    }

    /// The length of the white-space character at `k` (Unicode's White_Space), 0 when there is none.
    private func whitespaceLength(at k: Int) -> Int {
        guard k < bytes.count else { return 0 }
        let b = bytes[k]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        guard b >= 0xC2, k + 1 < bytes.count else { return 0 }
        let b1 = bytes[k + 1]
        if b == 0xC2 { return b1 == 0x85 || b1 == 0xA0 ? 2 : 0 }
        guard k + 2 < bytes.count else { return 0 }
        let b2 = bytes[k + 2]
        switch (b, b1) {
        case (0xE1, 0x9A): return b2 == 0x80 ? 3 : 0                                  // U+1680
        case (0xE2, 0x80): return b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF ? 3 : 0  // U+2000–200A, 2028, 2029, 202F
        case (0xE2, 0x81): return b2 == 0x9F ? 3 : 0                                  // U+205F
        case (0xE3, 0x80): return b2 == 0x80 ? 3 : 0                                  // U+3000
        default: return 0
        }
    }

    private mutating func skipWhitespace() {
        while case let n = whitespaceLength(at: pos), n > 0 { pos += n }
    }

    /// Letters, digits and `.-_?*` — and the brackets of transforms.
    private static func isNameByte(_ b: UInt8, brackets: Bool) -> Bool {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"): true
        case UInt8(ascii: "("), UInt8(ascii: ")"): brackets
        default: false
        }
    }
}
