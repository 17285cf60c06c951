import CCmarkGFM
import Synchronization

/// Markdown to HTML with libcmark-gfm: the table, strikethrough, autolink and tagfilter extensions, and
/// never the unsafe option, so raw HTML in content is dropped and `javascript:` links are not emitted.
/// This is the only file that touches libcmark-gfm.
///
/// Parsing holds a process-wide lock: libcmark-gfm switches the inline extensions' trigger characters
/// (`:` and `w` for autolinks, `|` for tables) on and off in a global table around every parse, so two
/// parses on two threads would switch them off under each other and drop autolinks at random. Rendering
/// the parsed tree is done under the same lock (it is the cheap part).
public enum MarkdownRenderer {
    private static let parseLock = Mutex<Void>(())

    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    public static func html(_ markdown: String) -> String {
        _ = registered
        return parseLock.withLock { _ in render(markdown) }
    }

    private static func render(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var markdown = markdown
        markdown.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
