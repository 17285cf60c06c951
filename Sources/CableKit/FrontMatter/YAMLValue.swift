/// A YAML value as front matter uses it: scalars, lists and maps, each remembering its line.
public indirect enum YAMLValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case string(String)
    case list([YAMLValue])
    case map([(key: String, value: YAMLValue, line: Int)])

    public static func == (a: YAMLValue, b: YAMLValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.list(x), .list(y)): return x == y
        case let (.map(x), .map(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The scalar as text (`true`, `12`), nil for null, lists and maps.
    public var text: String? {
        switch self {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }
}
