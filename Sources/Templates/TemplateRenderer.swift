/// Renders compiled templates (`TemplateProgram`): walks the operations with a stack of values (the
/// innermost last), looks names up from the top down, and appends the output to one byte buffer. Follows
/// the rendering rules of swift-mustache: lists repeat a section, false and empty lists skip it, any other
/// value becomes the section's context; partials indent the lines they start; blocks take a child's overrides.
struct TemplateRenderer {
    let program: TemplateProgram
    var stack: [any TemplateValue]
    /// Partials inside partials: past `maximumDepth` (a partial that includes itself), no deeper — a page
    /// that would never end is cut instead of overflowing the stack.
    private var depth = 0
    static let maximumDepth = 100
    /// The overrides of the partials being rendered: each frame an override set of the program and the frame
    /// of the partial it was given in (-1 for none).
    private var frames: [(set: Int32, parent: Int32)] = []

    init(program: TemplateProgram, stack: [any TemplateValue]) {
        self.program = program
        self.stack = stack
    }

    /// What a piece of a template renders in, besides the values: the list position, the indentation and
    /// block overrides of the partials it is in, and whether values are escaped.
    struct Context {
        var position: ListPosition?
        var indentation: [UInt8]?
        /// The innermost frame of overrides (-1 for none).
        var frame: Int32 = -1
        var escaping = true

        /// Inside a partial or a block: its indentation added to the enclosing one; a list position does not cross.
        func indented(by indentation: [UInt8]?) -> Context {
            var c = self
            c.position = nil
            if let indentation { c.indentation = (self.indentation ?? []) + indentation }
            return c
        }
    }

    /// Template number `template` of the program.
    mutating func render(template: Int, into out: inout [UInt8]) {
        let range = program.ranges[template]
        render(range.lowerBound, range.upperBound, Context(), into: &out)
    }

    /// The operations `start..<end` of one level (a template, a body, an override).
    mutating func render(_ start: Int, _ end: Int, _ context: Context, into out: inout [UInt8]) {
        var context = context
        let begin = out.count
        var i = start
        if let indentation = context.indentation, !indentation.isEmpty {
            // a piece that starts a line gets the indentation (a value's own line breaks do not); as in
            // swift-mustache, which compares the last Character, a line that ended with CR LF is not a start
            func atLineStart(_ mark: Int) -> Bool { mark > begin && out[mark - 1] == 0x0A && !(mark - 1 > begin && out[mark - 2] == 0x0D) }
            let text = program.text.baseAddress!
            while i < end {
                let op = program.ops[i]
                if op.kind == .text {
                    // the template's lines, joined: each is indented as a piece of its own would be
                    let bytes = UnsafeBufferPointer(start: text + Int(op.a), count: Int(op.b))
                    var from = 0
                    while from < bytes.count {
                        var to = from
                        while to < bytes.count, bytes[to] != 0x0A { to += 1 }
                        if to < bytes.count { to += 1 }
                        if atLineStart(out.count) { out.append(contentsOf: indentation) }
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<to]))
                        from = to
                    }
                    i += 1
                    continue
                }
                let mark = out.count
                let indent = atLineStart(mark)
                i = render(at: i, &context, into: &out)
                if indent && out.count > mark { out.insert(contentsOf: indentation, at: mark) }
            }
        } else {
            while i < end { i = render(at: i, &context, into: &out) }
        }
    }

    /// Renders operation `i`; returns the number of the next one of its level (past its body).
    private mutating func render(at i: Int, _ context: inout Context, into out: inout [UInt8]) -> Int {
        let op = program.ops[i]
        let next = i + 1
        switch op.kind {
        case .text:
            out.append(contentsOf: UnsafeBufferPointer(start: program.text.baseAddress! + Int(op.a), count: Int(op.b)))
            return next

        case .value:
            guard let value = lookup(op.a, context) else { return next }
            let escaped = op.flag && context.escaping
            switch value.templateForm {
            case .text(let text):
                if escaped { HTMLEscape.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
            case .bytes(let bytes):
                if escaped { HTMLEscape.append(bytes, to: &out) } else { out.append(contentsOf: bytes) }
            case .number(let n):
                out.append(contentsOf: String(n).utf8)
            case .flag(let b):
                out.append(contentsOf: (b ? "true" : "false").utf8)
            case .list, .view:
                let text = String(describing: value)
                if escaped { HTMLEscape.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
            }
            return next

        case .section:
            let end = next + Int(op.b)
            guard let value = lookup(op.a, context) else { return end }
            switch value.templateForm {
            case .list(let list):
                let count = list.count
                for k in 0..<count {
                    var inner = context
                    inner.position = ListPosition(first: k == 0, last: k == count - 1, index: k)
                    stack.append(list.element(at: k))
                    render(next, end, inner, into: &out)
                    stack.removeLast()
                }
            case .flag(let b):
                if b { render(next, end, context, into: &out) }
            default:
                var inner = context
                inner.position = nil
                stack.append(value)
                render(next, end, inner, into: &out)
                stack.removeLast()
            }
            return end

        case .invertedSection:
            let end = next + Int(op.b)
            guard let value = lookup(op.a, context) else {
                render(next, end, context, into: &out)
                return end
            }
            switch value.templateForm {
            case .list(let list) where list.count == 0:
                var inner = context
                inner.position = nil
                stack.append(value)
                render(next, end, inner, into: &out)
                stack.removeLast()
            case .flag(false):
                render(next, end, context, into: &out)
            default:
                break
            }
            return end

        case .partial:
            guard op.a >= 0 else { return next }
            renderPartial(Int(op.a), op, context, into: &out)
            return next

        case .dynamicPartial:
            guard let value = lookup(op.a, context), case .text(let name) = value.templateForm,
                  let template = program.templateNumbers[name] else { return next }
            renderPartial(Int(template), op, context, into: &out)
            return next

        case .block:
            let end = next + Int(op.b)
            let (start, stop) = override(op.a, frame: context.frame) ?? (next, end)
            render(start, stop, context.indented(by: indentation(op.c)), into: &out)
            return end

        case .escaping:
            context.escaping = op.flag
            return next
        }
    }

    /// A partial renders escaped, with the overrides it is given under those of the templates it is in
    /// (the outermost child's override wins: `override(_:frame:)`).
    private mutating func renderPartial(_ template: Int, _ op: TemplateProgram.Op, _ context: Context, into out: inout [UInt8]) {
        guard depth < Self.maximumDepth else { return }
        var c = context.indented(by: indentation(op.c))
        c.escaping = true
        if op.b >= 0 {
            frames.append((set: op.b, parent: context.frame))
            c.frame = Int32(frames.count - 1)
        }
        depth += 1
        let range = program.ranges[template]
        render(range.lowerBound, range.upperBound, c, into: &out)
        depth -= 1
    }

    private func indentation(_ number: Int32) -> [UInt8]? { number < 0 ? nil : program.indentations[Int(number)] }

    /// The operations overriding block `name` in `frame` and the frames around it: the outermost override wins.
    private func override(_ name: Int32, frame: Int32) -> (Int, Int)? {
        var found: (Int, Int)?
        var f = frame
        while f >= 0 {
            let (set, parent) = frames[Int(f)]
            for o in program.overrideSets[Int(set)] where o.name == name { found = (Int(o.start), Int(o.start + o.count)) }
            f = parent
        }
        return found
    }

    /// The value path number `number` names: the first name looked up from the innermost value outwards, the
    /// rest inside what it found; then the transforms.
    private func lookup(_ number: Int32, _ context: Context) -> (any TemplateValue)? {
        let path = program.paths[Int(number)]
        let names = program.strings.baseAddress! + Int(path.nameStart)
        let count = Int(path.nameCount)
        // (the value is returned as it is found when there is no transform: moved, not copied)
        let value: (any TemplateValue)?
        switch path.start {
        case .current:
            value = stack.last
        case .listPosition:
            value = context.position
        case .currentOnly:
            value = stack.last.flatMap { descend(names, count, from: $0) }
        case .stack:
            value = find(names, count)
        }
        if path.transformCount == 0 { return value }
        guard var result = value else { return nil }
        let transforms = names + count
        for t in 0..<Int(path.transformCount) {
            guard let transformed = result.transformed(transforms[t]) else { return nil }
            result = transformed
        }
        return result
    }

    /// `count` names looked up from the innermost value outwards: the first name in the first value that has
    /// it, the rest inside what it found.
    private func find(_ names: UnsafeMutablePointer<String>, _ count: Int) -> (any TemplateValue)? {
        guard count > 0 else { return stack.last }
        var k = stack.count - 1
        while k >= 0 {
            if let found = stack[k].child(named: names[0]) {
                return count == 1 ? found : descend(names + 1, count - 1, from: found)
            }
            k -= 1
        }
        return nil
    }

    private func descend(_ names: UnsafeMutablePointer<String>, _ count: Int, from value: any TemplateValue) -> (any TemplateValue)? {
        var current = value
        for n in 0..<count {
            guard let next = current.child(named: names[n]) else { return nil }
            current = next
        }
        return current
    }
}
