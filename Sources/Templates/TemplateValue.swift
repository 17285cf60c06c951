/// Anything a template can show: a text, a number, a yes/no, a list, or a view with values by name
/// (`{{cable.title}}`). Views answer `child(named:)`; plain values say what they are in `templateForm`.
///
/// This is the whole data model of the renderer: no reflection and no dynamic casts, so a lookup is a
/// call through a witness table (swift-mustache, which Chancery rendered with before, casts every value it
/// meets to half a dozen protocols and splits every name on each use).
public protocol TemplateValue: Sendable {
    /// The value called `name` inside this one, or nil when it has none by that name — the lookup then
    /// climbs to the enclosing values, as Mustache's context stack does.
    func child(named name: String) -> (any TemplateValue)?
    /// What kind of value this is: how `{{name}}` prints it and how `{{#name}}` treats it.
    var templateForm: TemplateForm { get }
    /// The value a transform (`{{count(list)}}`, `{{#first()}}`) makes of this one, nil when it has none by
    /// that name (the tag then shows nothing).
    func transformed(_ name: String) -> (any TemplateValue)?
}

extension TemplateValue {
    public func child(named name: String) -> (any TemplateValue)? { nil }
    public var templateForm: TemplateForm { .view }
    public func transformed(_ name: String) -> (any TemplateValue)? { nil }
}

/// The kinds of values a template tells apart.
public enum TemplateForm: Sendable {
    /// Printed as it is (escaped by `{{ }}`); a section over it renders once with the text as its context.
    case text(String)
    /// Text held as UTF-8 bytes (`UTF8Text`: markup the site made, a cable's body), treated as `text`.
    case bytes([UInt8])
    case number(Int)
    /// A section renders when true; an inverted section when false.
    case flag(Bool)
    /// A section renders once per element; an inverted section when it is empty.
    case list(any TemplateList)
    /// A value with names inside (`child(named:)`).
    case view
}

/// The elements of a list value, by position.
public protocol TemplateList: Sendable {
    var count: Int { get }
    func element(at index: Int) -> any TemplateValue
}

extension String: TemplateValue {
    public var templateForm: TemplateForm { .text(self) }
    public func transformed(_ name: String) -> (any TemplateValue)? { TemplateTransforms.text(self, name) }
}

extension Int: TemplateValue {
    public var templateForm: TemplateForm { .number(self) }
    public func transformed(_ name: String) -> (any TemplateValue)? { TemplateTransforms.number(self, name) }
}

extension Bool: TemplateValue {
    public var templateForm: TemplateForm { .flag(self) }
}

extension Array: TemplateValue, TemplateList where Element: TemplateValue {
    public var templateForm: TemplateForm { .list(self) }
    public func element(at index: Int) -> any TemplateValue { self[index] }
    public func transformed(_ name: String) -> (any TemplateValue)? { TemplateTransforms.list(self, name) }
}

/// Text held as its UTF-8 bytes: markup the site renders once and hands to the page as it is, without the
/// validation and copy a `String` would cost (a cable's body, tens of kilobytes).
public struct UTF8Text: TemplateValue {
    public var bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public var templateForm: TemplateForm { .bytes(bytes) }
    public func transformed(_ name: String) -> (any TemplateValue)? { TemplateTransforms.text(String(decoding: bytes, as: UTF8.self), name) }
}

/// A list whose elements are of different kinds (`[any TemplateValue]` cannot conform itself).
public struct MixedList: TemplateValue, TemplateList, CustomStringConvertible {
    public var items: [any TemplateValue]
    public init(_ items: [any TemplateValue]) { self.items = items }
    public var count: Int { items.count }
    public func element(at index: Int) -> any TemplateValue { items[index] }
    public var templateForm: TemplateForm { .list(self) }
    public func transformed(_ name: String) -> (any TemplateValue)? { TemplateTransforms.list(self, name) }
    public var description: String { String(describing: items) }
}

/// A list whose elements are made when a template reads them, from their positions: for lists a theme may
/// show another way (the default theme prints the related cables' prerendered markup, never their views).
public struct LazyList<Element: TemplateValue>: TemplateValue, TemplateList, CustomStringConvertible {
    public let count: Int
    private let make: @Sendable (Int) -> Element
    public init(count: Int, _ make: @escaping @Sendable (Int) -> Element) { self.count = count; self.make = make }
    public func element(at index: Int) -> any TemplateValue { make(index) }
    public var templateForm: TemplateForm { .list(self) }
    public func transformed(_ name: String) -> (any TemplateValue)? { TemplateTransforms.list(self, name) }
    /// As the array of its elements prints.
    public var description: String { String(describing: (0..<count).map(make)) }
}

/// Where a section over a list is: what `{{#first()}}`, `{{#last()}}`, `{{index()}}`, `{{#even()}}` and
/// `{{#odd()}}` read inside it.
struct ListPosition: TemplateValue {
    var first: Bool
    var last: Bool
    var index: Int
    func transformed(_ name: String) -> (any TemplateValue)? {
        switch name {
        case "first": first
        case "last": last
        case "index": index
        case "even": index & 1 == 0
        case "odd": index & 1 == 1
        default: nil
        }
    }
}
