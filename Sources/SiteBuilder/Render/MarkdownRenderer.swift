import CCmarkGFM
import Synchronization

/// Markdown to HTML with libcmark-gfm: the table, strikethrough, autolink and tagfilter extensions, and
/// never the unsafe option, so raw HTML in content is dropped and `javascript:` links are not emitted.
/// This is the only file that touches libcmark-gfm.
///
/// Parsing holds a process-wide lock: libcmark-gfm switches the inline extensions' trigger characters
/// (`:` and `w` for autolinks, `|` for tables) on and off in a global table around every inline parse — the
/// table extension's rows while the text is fed, the rest when it is finished —, so two parses on two
/// threads would switch them off under each other and drop autolinks at random. Rendering the parsed tree
/// to HTML reads no such table and runs outside the lock.
public enum MarkdownRenderer {
    private static let parseLock = Mutex<Void>(())

    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    /// The HTML of `markdown`. With a `basePath` (`/archive`: the site is published below the host's root), a
    /// link or image from the site's root (`/tag/PREL/`) is given it (`/archive/tag/PREL/`), as the theme's links
    /// are: content links to the site's pages the same way wherever the site is published. One already below
    /// the base path, and links with a host or scheme, are left as written.
    public static func html(_ markdown: String, basePath: String = "") -> String {
        String(decoding: htmlBytes(markdown, basePath: basePath), as: UTF8.self)
    }

    /// `html(markdown, basePath:)` as UTF-8 bytes, as libcmark-gfm wrote them (a cable's body goes on to the
    /// page as bytes).
    public static func htmlBytes(_ markdown: String, basePath: String = "") -> [UInt8] {
        var markdown = markdown
        return markdown.withUTF8 { render($0, basePath: basePath) }
    }

    /// `htmlBytes` of Markdown given as UTF-8 bytes (a cable's body as its file holds it).
    public static func htmlBytes(utf8 markdown: ArraySlice<UInt8>, basePath: String = "") -> [UInt8] {
        markdown.withUnsafeBufferPointer { render($0, basePath: basePath) }
    }

    /// `url` given `basePath` when it is a path from the site's root not already below it; nil when it stays.
    static func rooted(_ url: String, basePath: String) -> String? {
        SiteURLs.isOutside(url, base: basePath) ? basePath + url : nil
    }

    private static func rebase(_ document: OpaquePointer, basePath: String) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node),
                  let rebased = rooted(String(cString: url), basePath: basePath) else { continue }
            cmark_node_set_url(node, rebased)
        }
    }

    /// Plain text (nearly every cable, nearly all of the others) is rendered by `PlainMarkdown`, which makes no
    /// links for `basePath` to change; the rest by libcmark-gfm.
    private static func render(_ markdown: UnsafeBufferPointer<UInt8>, basePath: String) -> [UInt8] {
        PlainMarkdown.html(markdown, rest: { cmarkHTML($0, basePath: basePath) }) ?? cmarkHTML(markdown, basePath: basePath)
    }

    /// `markdown` rendered by libcmark-gfm, whatever it holds (what `PlainMarkdown` is checked against).
    static func cmarkHTML(_ markdown: UnsafeBufferPointer<UInt8>, basePath: String = "") -> [UInt8] {
        _ = registered
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return [] }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var parsed: OpaquePointer?
        parseLock.withLock { _ in
            markdown.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            parsed = cmark_parser_finish(parser)
        }
        guard let document = parsed else { return [] }
        defer { cmark_node_free(document) }
        if !basePath.isEmpty { rebase(document, basePath: basePath) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return [] }
        defer { free(rendered) }
        return rendered.withMemoryRebound(to: UInt8.self, capacity: 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(rendered))) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
