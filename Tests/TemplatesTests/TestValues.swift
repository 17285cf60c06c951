import Mustache
import Templates

/// A view for tests: values by name, nested as the tests need.
struct TestView: TemplateValue, CustomStringConvertible {
    var fields: [String: any TemplateValue]
    init(_ fields: [String: any TemplateValue]) { self.fields = fields }
    func child(named name: String) -> (any TemplateValue)? { fields[name] }
    var description: String { "view" }
}

/// The same values as swift-mustache reads them: views as `MustacheParent`, lists as arrays (of texts or
/// numbers when they hold only those, so that `sorted()` applies as it does in Chancery's renderer).
struct MustacheMirror: MustacheParent, CustomStringConvertible {
    let value: any TemplateValue
    func child(named name: String) -> Any? { value.child(named: name).map(Self.convert) }
    var description: String { String(describing: value) }

    static func convert(_ value: any TemplateValue) -> Any {
        switch value.templateForm {
        case .text(let s): return s
        case .bytes(let b): return String(decoding: b, as: UTF8.self)
        case .number(let n): return n
        case .flag(let b): return b
        case .view: return MustacheMirror(value: value)
        case .list(let list):
            let items = (0..<list.count).map { list.element(at: $0) }
            let texts = items.compactMap { if case .text(let s) = $0.templateForm { s } else { nil } }
            if !items.isEmpty, texts.count == items.count { return texts }
            let numbers = items.compactMap { if case .number(let n) = $0.templateForm { n } else { nil } }
            if !items.isEmpty, numbers.count == items.count { return numbers }
            return items.map(convert)
        }
    }
}

/// Both renderers on the same templates and values.
struct BothRenderers {
    var ours = TemplateLibrary()
    var reference = MustacheLibrary()

    /// Registers the templates; false when swift-mustache refuses one (then nothing is compared).
    init?(_ templates: [String: String]) throws {
        for (name, source) in templates {
            do { reference.register(try MustacheTemplate(string: source), named: name) } catch { return nil }
            try ours.register(source, named: name)
        }
    }

    func render(_ name: String, _ value: any TemplateValue) -> (ours: String, reference: String) {
        (String(decoding: ours.render(name, value), as: UTF8.self),
         reference.render(MustacheMirror.convert(value), withTemplate: name) ?? "")
    }
}
