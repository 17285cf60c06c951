/// Renders parsed templates: walks the nodes with a stack of values (the innermost last), looks names up
/// from the top down, and appends the output to one byte buffer. Follows the rendering rules of
/// swift-mustache: lists repeat a section, false and empty lists skip it, any other value becomes the
/// section's context; partials indent the lines they start; blocks take a child's overrides.
struct TemplateRenderer {
    let library: TemplateLibrary
    var stack: [any TemplateValue]
    /// Partials inside partials: past `maximumDepth` (a partial that includes itself), no deeper — a page
    /// that would never end is cut instead of overflowing the stack.
    private var depth = 0
    static let maximumDepth = 100

    init(library: TemplateLibrary, stack: [any TemplateValue]) {
        self.library = library
        self.stack = stack
    }

    /// What a piece of a template renders in, besides the values: the list position, the indentation and
    /// block overrides of the partials it is in, and whether values are escaped.
    struct Context {
        var position: ListPosition?
        var indentation: [UInt8]?
        var overrides: [String: [TemplateNode]]?
        var escaping = true

        /// Inside a partial or a block: its indentation added to the enclosing one; a list position does not cross.
        func indented(by indentation: [UInt8]?) -> Context {
            var c = self
            c.position = nil
            if let indentation { c.indentation = (self.indentation ?? []) + indentation }
            return c
        }
    }

    mutating func render(_ nodes: [TemplateNode], _ context: Context, into out: inout [UInt8]) {
        var context = context
        let start = out.count
        if let indentation = context.indentation, !indentation.isEmpty {
            // a piece that starts a line gets the indentation (a value's own line breaks do not); as in
            // swift-mustache, which compares the last Character, a line that ended with CR LF is not a start
            func atLineStart(_ mark: Int) -> Bool { mark > start && out[mark - 1] == 0x0A && !(mark - 1 > start && out[mark - 2] == 0x0D) }
            for node in nodes {
                if case .text(let bytes) = node {
                    // the template's lines, joined: each is indented as a piece of its own would be
                    var from = 0
                    while from < bytes.count {
                        var to = from
                        while to < bytes.count, bytes[to] != 0x0A { to += 1 }
                        if to < bytes.count { to += 1 }
                        if atLineStart(out.count) { out.append(contentsOf: indentation) }
                        out.append(contentsOf: bytes[from..<to])
                        from = to
                    }
                    continue
                }
                let mark = out.count
                let indent = atLineStart(mark)
                render(node, &context, into: &out)
                if indent && out.count > mark { out.insert(contentsOf: indentation, at: mark) }
            }
        } else {
            for node in nodes { render(node, &context, into: &out) }
        }
    }

    private mutating func render(_ node: TemplateNode, _ context: inout Context, into out: inout [UInt8]) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)

        case .value(let path, let escaped):
            guard let value = lookup(path, context) else { return }
            switch value.templateForm {
            case .text(let text):
                if escaped && context.escaping { HTMLEscape.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
            case .bytes(let bytes):
                if escaped && context.escaping { HTMLEscape.append(bytes, to: &out) } else { out.append(contentsOf: bytes) }
            case .number(let n):
                out.append(contentsOf: String(n).utf8)
            case .flag(let b):
                out.append(contentsOf: (b ? "true" : "false").utf8)
            case .list, .view:
                let text = String(describing: value)
                if escaped && context.escaping { HTMLEscape.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
            }

        case .section(let path, let nodes):
            guard let value = lookup(path, context) else { return }
            switch value.templateForm {
            case .list(let list):
                let count = list.count
                for k in 0..<count {
                    var inner = context
                    inner.position = ListPosition(first: k == 0, last: k == count - 1, index: k)
                    stack.append(list.element(at: k))
                    render(nodes, inner, into: &out)
                    stack.removeLast()
                }
            case .flag(let b):
                if b { render(nodes, context, into: &out) }
            default:
                var inner = context
                inner.position = nil
                stack.append(value)
                render(nodes, inner, into: &out)
                stack.removeLast()
            }

        case .invertedSection(let path, let nodes):
            guard let value = lookup(path, context) else { return render(nodes, context, into: &out) }
            switch value.templateForm {
            case .list(let list) where list.count == 0:
                var inner = context
                inner.position = nil
                stack.append(value)
                render(nodes, inner, into: &out)
                stack.removeLast()
            case .flag(false):
                render(nodes, context, into: &out)
            default:
                break
            }

        case .partial(let name, let indentation, let overrides):
            guard let nodes = library.templates[name], depth < Self.maximumDepth else { return }
            depth += 1
            render(nodes, partialContext(context, indentation, overrides), into: &out)
            depth -= 1

        case .dynamicPartial(let path, let indentation, let overrides):
            guard let value = lookup(path, context), case .text(let name) = value.templateForm,
                  let nodes = library.templates[name], depth < Self.maximumDepth else { return }
            depth += 1
            render(nodes, partialContext(context, indentation, overrides), into: &out)
            depth -= 1

        case .block(let name, let defaultNodes, let indentation):
            render(context.overrides?[name] ?? defaultNodes, context.indented(by: indentation), into: &out)

        case .blockDefinition:
            break  // only inside `{{< parent}}`, where the parser collects it

        case .escaping(let escaping):
            context.escaping = escaping
        }
    }

    /// A partial renders escaped, with the overrides it is given under those of the templates it is in
    /// (the outermost child's override wins).
    private func partialContext(_ context: Context, _ indentation: [UInt8]?, _ overrides: [String: [TemplateNode]]?) -> Context {
        var c = context.indented(by: indentation)
        c.escaping = true
        if let overrides {
            c.overrides = context.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
        }
        return c
    }

    /// The value a path names: the first name looked up from the innermost value outwards, the rest inside
    /// what it found; then the transforms.
    private func lookup(_ path: ValuePath, _ context: Context) -> (any TemplateValue)? {
        // (the value is returned as it is found when there is no transform: moved, not copied)
        let value: (any TemplateValue)?
        switch path.start {
        case .current:
            value = stack.last
        case .listPosition:
            value = context.position
        case .currentOnly:
            value = stack.last.flatMap { descend(path.names[...], from: $0) }
        case .stack:
            value = find(path.names)
        }
        if path.transforms.isEmpty { return value }
        guard var result = value else { return nil }
        for transform in path.transforms {
            guard let transformed = result.transformed(transform) else { return nil }
            result = transformed
        }
        return result
    }

    /// `names` looked up from the innermost value outwards: the first name in the first value that has it, the
    /// rest inside what it found.
    private func find(_ names: [String]) -> (any TemplateValue)? {
        guard let first = names.first else { return stack.last }
        var k = stack.count - 1
        while k >= 0 {
            if let found = stack[k].child(named: first) {
                return names.count == 1 ? found : descend(names.dropFirst(), from: found)
            }
            k -= 1
        }
        return nil
    }

    private func descend(_ names: ArraySlice<String>, from value: any TemplateValue) -> (any TemplateValue)? {
        var current = value
        for name in names {
            guard let next = current.child(named: name) else { return nil }
            current = next
        }
        return current
    }
}
