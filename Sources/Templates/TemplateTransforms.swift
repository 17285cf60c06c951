import Foundation

/// The transforms a tag may apply to a value (`{{uppercased(name)}}`, `{{count(list)}}`), by kind of value:
/// the set swift-mustache offers, with its results, so that themes written for it render the same.
enum TemplateTransforms {
    static func text(_ text: String, _ name: String) -> (any TemplateValue)? {
        switch name {
        case "empty": text.isEmpty
        case "capitalized": text.capitalized
        case "lowercased": text.lowercased()
        case "uppercased": text.uppercased()
        case "reversed": String(text.reversed())
        default: nil
        }
    }

    static func number(_ n: Int, _ name: String) -> (any TemplateValue)? {
        switch name {
        case "equalzero": n == 0
        case "plusone": n + 1
        case "minusone": n - 1
        case "even": n & 1 == 0
        case "odd": n & 1 == 1
        default: nil
        }
    }

    static func list(_ list: some TemplateList, _ name: String) -> (any TemplateValue)? {
        switch name {
        case "first": list.count > 0 ? list.element(at: 0) : nil
        case "last": list.count > 0 ? list.element(at: list.count - 1) : nil
        case "reversed": MixedList((0..<list.count).reversed().map { list.element(at: $0) })
        case "count": list.count
        case "empty": list.count == 0
        case "sorted": sorted(list)
        default: nil
        }
    }

    /// A list of texts or of numbers in order; other lists cannot be sorted (nil).
    private static func sorted(_ list: some TemplateList) -> (any TemplateValue)? {
        var texts: [String] = [], numbers: [Int] = []
        for k in 0..<list.count {
            switch list.element(at: k).templateForm {
            case .text(let s) where numbers.isEmpty: texts.append(s)
            case .number(let n) where texts.isEmpty: numbers.append(n)
            default: return nil
            }
        }
        return texts.isEmpty ? numbers.sorted() : texts.sorted()
    }
}
