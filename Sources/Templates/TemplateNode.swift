/// One piece of a parsed template. The parser keeps text line by line, as Mustache reads it (a partial
/// included with indentation indents each line that starts a piece); the library joins each run of lines
/// into one piece (`joiningText`), whose lines the renderer indents one by one, and compiles the nodes into
/// the `TemplateProgram` the renderer walks.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}`, `{{& name}}` (as it is).
    case value(ValuePath, escaped: Bool)
    case section(ValuePath, [TemplateNode])
    case invertedSection(ValuePath, [TemplateNode])
    /// `{{> name}}`, or `{{< name}}…{{/name}}` with the blocks it overrides.
    case partial(String, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?)
    /// `{{>*name}}`: the partial named by the value `name`.
    case dynamicPartial(ValuePath, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}` in a template: the override a child gave, else the default.
    case block(String, default: [TemplateNode], indentation: [UInt8])
    /// `{{$name}}…{{/name}}` directly inside `{{< parent}}`: an override (collected by the parser).
    case blockDefinition(String, [TemplateNode])
    /// `{{% CONTENT_TYPE: TEXT }}` (no escaping) or `HTML`: how the values after it are escaped.
    case escaping(Bool)
}

extension TemplateNode {
    /// `nodes` with each run of text pieces joined into one (the renderer indents each line of a joined piece
    /// as it would have indented the pieces): a page walks half as many nodes.
    static func joiningText(_ nodes: [TemplateNode]) -> [TemplateNode] {
        var out: [TemplateNode] = []
        out.reserveCapacity(nodes.count)
        for node in nodes {
            let node = node.joiningTextInside()
            if case .text(let bytes) = node, let last = out.last, case .text(let before) = last {
                out[out.count - 1] = .text(before + bytes)
            } else {
                out.append(node)
            }
        }
        return out
    }

    private func joiningTextInside() -> TemplateNode {
        func joined(_ overrides: [String: [TemplateNode]]?) -> [String: [TemplateNode]]? { overrides?.mapValues(TemplateNode.joiningText) }
        switch self {
        case .text, .value, .escaping: return self
        case .section(let path, let nodes): return .section(path, TemplateNode.joiningText(nodes))
        case .invertedSection(let path, let nodes): return .invertedSection(path, TemplateNode.joiningText(nodes))
        case .partial(let name, let indentation, let overrides): return .partial(name, indentation: indentation, overrides: joined(overrides))
        case .dynamicPartial(let path, let indentation, let overrides): return .dynamicPartial(path, indentation: indentation, overrides: joined(overrides))
        case .block(let name, let nodes, let indentation): return .block(name, default: TemplateNode.joiningText(nodes), indentation: indentation)
        case .blockDefinition(let name, let nodes): return .blockDefinition(name, TemplateNode.joiningText(nodes))
        }
    }
}

/// A name as a tag writes it, read once when the template is parsed: `.` (the current value), `a.b.c`
/// (looked up from the innermost value outwards, then inside), `.a` (in the current value only), and the
/// transforms around it (`count(list)`), kept innermost first.
struct ValuePath: Sendable {
    enum Start: Sendable {
        /// `.`
        case current
        /// `first()`: the position in the list being rendered.
        case listPosition
        /// `.name`: in the current value only.
        case currentOnly
        /// `name`: the innermost value that has it.
        case stack
    }
    let start: Start
    let names: [String]
    /// Applied in this order.
    let transforms: [String]

    init(name: String, transforms: [String]) {
        self.transforms = transforms.reversed()
        if name == "." {
            start = .current; names = []
        } else if name.isEmpty, !transforms.isEmpty {
            start = .listPosition; names = []
        } else {
            start = name.first == "." ? .currentOnly : .stack
            names = name.split(separator: ".").map(String.init)
        }
    }
}
