/// A theme's templates by name, parsed once, and the entry point of rendering: a template with one value
/// as its context, to UTF-8 bytes. Partials and parents (`{{> row}}`, `{{< layout}}`) are looked up here.
public struct TemplateLibrary: Sendable {
    /// The content type a theme's templates may name (`{{% CONTENT_TYPE: CHANCERY_HTML }}`): HTML escaping,
    /// the default.
    public static let htmlContentType = "CHANCERY_HTML"

    private(set) var templates: [String: [TemplateNode]] = [:]
    /// The templates compiled, made again at each `register` (a template may name partials registered after it).
    private var program = TemplateProgram([:])

    public init() {}

    /// Parses `source` and registers it as `name` (a template of the same name is replaced).
    public mutating func register(_ source: String, named name: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(source)
        templates[name] = TemplateNode.joiningText(try parser.parseTemplate())
        program = TemplateProgram(templates)
    }

    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// `name` rendered with `value` as its context, appended to `output`; nothing when there is no such template.
    public func render(_ name: String, _ value: any TemplateValue, into output: inout [UInt8]) {
        guard let template = program.templateNumbers[name] else { return }
        var renderer = TemplateRenderer(program: program, stack: [value])
        renderer.render(template: Int(template), into: &output)
    }

    /// `name` rendered with `value` as its context, into a buffer made with room for `capacity` bytes (a page
    /// that outgrows it is copied each time its buffer doubles).
    public func render(_ name: String, _ value: any TemplateValue, capacity: Int = 4096) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(capacity)
        render(name, value, into: &output)
        return output
    }
}
