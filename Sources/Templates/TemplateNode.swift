/// One piece of a parsed template, as the renderer walks it. Text is kept line by line, as Mustache reads
/// it: a partial included with indentation indents each line that starts a piece. Indirect: each node is
/// one box, so the renderer's walk copies a node with one retain instead of one per array in it.
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
