import Mustache
import Templates

/// The site's HTML escaping (`Templates.HTMLEscape`: `&<>"'` as entities, control characters HTML does
/// not allow dropped), registered with swift-mustache as the content type `CHANCERY_HTML` so that it reads
/// the theme's templates as Chancery's renderer does when it checks them (and a theme may name it).
struct HTMLEscaping: MustacheContentType {
    static let name = TemplateLibrary.htmlContentType

    static let registered: Bool = {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String { HTMLEscape.escape(text) }
}
