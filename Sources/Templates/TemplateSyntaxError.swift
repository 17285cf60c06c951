/// A template the parser cannot read: what is wrong, and the line and column (1-based, in bytes) where it
/// noticed, with that line's text.
public struct TemplateSyntaxError: Error, Sendable, CustomStringConvertible {
    public enum Problem: Error, Sendable {
        case sectionCloseNameIncorrect
        case unfinishedName
        case expectedSectionEnd
        case invalidSetDelimiter
        case transformAppliedToInheritanceSection
        case illegalTokenInsideInheritSection
        case badConfiguration
    }
    public let problem: Problem
    public let line: Int
    public let column: Int
    public let lineText: String

    init(problem: Problem, bytes: [UInt8], at position: Int) {
        self.problem = problem
        var lineStart = position
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var lineEnd = position
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        // lines as Unicode counts them (CR LF once, a lone CR, U+2028…), the line's text from the last LF
        var lines = 1, k = 0
        while k < position {
            switch bytes[k] {
            case 0x0A, 0x0B, 0x0C: lines += 1
            case 0x0D where !(k + 1 < bytes.count && bytes[k + 1] == 0x0A): lines += 1
            case 0xC2 where k + 1 < position && bytes[k + 1] == 0x85: lines += 1
            case 0xE2 where k + 2 < position && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9): lines += 1
            default: break
            }
            k += 1
        }
        line = lines
        column = position - lineStart + 1
        lineText = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
    }

    /// What is wrong, in words.
    public var what: String {
        switch problem {
        case .sectionCloseNameIncorrect: "a section is closed with a different name than it was opened with"
        case .unfinishedName: "a tag is not closed"
        case .expectedSectionEnd: "a section is never closed"
        case .invalidSetDelimiter: "bad set-delimiter tag"
        case .transformAppliedToInheritanceSection: "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection: "only block overrides may appear inside an inheriting partial"
        case .badConfiguration: "bad configuration tag"
        }
    }

    public var description: String { "\(what) (line \(line), column \(column))" }
}
