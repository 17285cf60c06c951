/// A library's templates flattened for rendering: every template's nodes as one array of plain operations,
/// their text in one byte buffer, partials and blocks named by number. The renderer walks it with pointers,
/// so rendering a page takes no reference on the templates (the node tree's boxes and arrays, shared by
/// every rendering thread, cost a contended atomic count on each node the walk copied).
///
/// A node with a body (section, inverted section, block) is followed by its body's operations: `b` of
/// them. The overrides a partial gives (`{{< layout}}{{$content}}…{{/content}}{{/layout}}`) are
/// operation ranges of their own, after the templates.
final class TemplateProgram: @unchecked Sendable {
    struct Op {
        enum Kind: UInt8 { case text, value, section, invertedSection, partial, dynamicPartial, block, escaping }
        var kind: Kind
        /// `value`: escaped; `escaping`: on.
        var flag = false
        /// `text`: offset in `text`; `value`, sections, `dynamicPartial`: path number; `partial`: template
        /// number (-1 for none by that name); `block`: block name number.
        var a: Int32 = 0
        /// `text`: length; sections and `block`: how many operations the body has; partials: override set
        /// number (-1 for none).
        var b: Int32 = 0
        /// Partials and `block`: indentation number (-1 for none).
        var c: Int32 = -1
    }

    /// An override a partial gives: the block's name number and the operations that replace it.
    struct Override {
        var name: Int32
        var start: Int32
        var count: Int32
    }

    /// A `ValuePath` with its names and transforms in `strings`: `names` from `nameStart`, then the transforms.
    struct Path {
        var start: ValuePath.Start
        var nameStart: Int32
        var nameCount: Int32
        var transformCount: Int32
    }

    let ops: UnsafeMutableBufferPointer<Op>
    let text: UnsafeMutableBufferPointer<UInt8>
    let paths: UnsafeMutableBufferPointer<Path>
    /// The names and transforms of the paths (for the paths' lookups to take no reference on arrays).
    let strings: UnsafeMutableBufferPointer<String>
    let indentations: [[UInt8]]
    let overrideSets: [[Override]]
    /// Template name → its number; template k is `ops[ranges[k]]`.
    let templateNumbers: [String: Int32]
    let ranges: [Range<Int>]

    init(_ templates: [String: [TemplateNode]]) {
        var compiler = Compiler()
        let names = templates.keys.sorted()
        for (k, name) in names.enumerated() { compiler.templateNumbers[name] = Int32(k) }
        var ranges: [Range<Int>] = []
        for name in names {
            let start = compiler.ops.count
            compiler.emit(templates[name]!)
            ranges.append(start..<compiler.ops.count)
        }
        compiler.emitPendingOverrides()
        ops = .allocate(capacity: max(1, compiler.ops.count))
        _ = ops.initialize(from: compiler.ops)
        text = .allocate(capacity: max(1, compiler.text.count))
        _ = text.initialize(from: compiler.text)
        paths = .allocate(capacity: max(1, compiler.paths.count))
        _ = paths.initialize(from: compiler.paths)
        strings = .allocate(capacity: max(1, compiler.strings.count))
        _ = strings.initialize(from: compiler.strings)
        stringCount = compiler.strings.count
        indentations = compiler.indentations
        overrideSets = compiler.overrideSets
        templateNumbers = compiler.templateNumbers
        self.ranges = ranges
    }

    deinit {
        ops.deallocate()
        text.deallocate()
        paths.deallocate()
        strings.baseAddress!.deinitialize(count: stringCount)
        strings.deallocate()
    }

    /// Strings initialized in `strings` (which has room for one at least).
    private let stringCount: Int

    /// Lays the templates' nodes out; names partials and blocks by number.
    private struct Compiler {
        var ops: [Op] = []
        var text: [UInt8] = []
        var paths: [Path] = []
        var strings: [String] = []
        var indentations: [[UInt8]] = []
        var overrideSets: [[Override]] = []
        var templateNumbers: [String: Int32] = [:]
        var blockNumbers: [String: Int32] = [:]
        /// Override bodies still to lay out: set, entry, nodes.
        var pending: [(Int, Int, [TemplateNode])] = []

        mutating func emit(_ nodes: [TemplateNode]) {
            for node in nodes { emit(node) }
        }

        mutating func emit(_ node: TemplateNode) {
            switch node {
            case .text(let bytes):
                ops.append(Op(kind: .text, a: Int32(text.count), b: Int32(bytes.count)))
                text += bytes
            case .value(let path, let escaped):
                ops.append(Op(kind: .value, flag: escaped, a: number(path)))
            case .section(let path, let nodes):
                body(Op(kind: .section, a: number(path)), nodes)
            case .invertedSection(let path, let nodes):
                body(Op(kind: .invertedSection, a: number(path)), nodes)
            case .partial(let name, let indentation, let overrides):
                ops.append(Op(kind: .partial, a: templateNumbers[name] ?? -1, b: overrideSet(overrides), c: indent(indentation)))
            case .dynamicPartial(let path, let indentation, let overrides):
                ops.append(Op(kind: .dynamicPartial, a: number(path), b: overrideSet(overrides), c: indent(indentation)))
            case .block(let name, let nodes, let indentation):
                var op = Op(kind: .block, a: block(name))
                op.c = indent(indentation)
                body(op, nodes)
            case .blockDefinition:
                break  // collected by the parser into its partial's overrides
            case .escaping(let on):
                ops.append(Op(kind: .escaping, flag: on))
            }
        }

        private mutating func body(_ op: Op, _ nodes: [TemplateNode]) {
            let at = ops.count
            ops.append(op)
            emit(nodes)
            ops[at].b = Int32(ops.count - at - 1)
        }

        private mutating func number(_ path: ValuePath) -> Int32 {
            paths.append(Path(start: path.start, nameStart: Int32(strings.count), nameCount: Int32(path.names.count),
                              transformCount: Int32(path.transforms.count)))
            strings += path.names
            strings += path.transforms
            return Int32(paths.count - 1)
        }

        /// Empty indentation is none: it adds nothing to the lines.
        private mutating func indent(_ indentation: [UInt8]?) -> Int32 {
            guard let indentation, !indentation.isEmpty else { return -1 }
            indentations.append(indentation)
            return Int32(indentations.count - 1)
        }

        private mutating func block(_ name: String) -> Int32 {
            if let known = blockNumbers[name] { return known }
            let number = Int32(blockNumbers.count)
            blockNumbers[name] = number
            return number
        }

        private mutating func overrideSet(_ overrides: [String: [TemplateNode]]?) -> Int32 {
            guard let overrides else { return -1 }
            let set = overrideSets.count
            var entries: [Override] = []
            for (k, (name, nodes)) in overrides.sorted(by: { $0.key < $1.key }).enumerated() {
                entries.append(Override(name: block(name), start: 0, count: 0))
                pending.append((set, k, nodes))
            }
            overrideSets.append(entries)
            return Int32(set)
        }

        /// Lays out the override bodies after the templates (a body may give overrides of its own).
        mutating func emitPendingOverrides() {
            while !pending.isEmpty {
                let (set, k, nodes) = pending.removeFirst()
                let start = ops.count
                emit(nodes)
                overrideSets[set][k].start = Int32(start)
                overrideSets[set][k].count = Int32(ops.count - start)
            }
        }
    }
}
