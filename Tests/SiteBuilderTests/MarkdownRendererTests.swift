import Foundation
import Synchronization
@testable import SiteBuilder
import Testing

/// libcmark-gfm on many threads at once, as the build renders cable pages: its extensions switch their trigger
/// characters on and off in a process-wide table while they parse inlines (the table extension already while
/// the text is fed), so unguarded parses drop autolinks, tables and strikethrough at random.
@Suite struct MarkdownRendererTests {
    static let markdown = """
        Ref A. See https://example.org/cables and www.state.gov, or ~~struck~~ text.

        | Post | Cables |
        |------|--------|
        | Paris | 12 |
        | Rome | 7 |

        ¶3. (C) More at http://example.com/x?y=1 and ~~another~~ one.
        """

    @Test func concurrentRendersGiveWhatASingleRenderGives() {
        let expected = MarkdownRenderer.html(Self.markdown)
        #expect(expected.contains("<a href=\"https://example.org/cables\">") && expected.contains("<table>") && expected.contains("<del>struck</del>"),
                "\(expected)")
        let results = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2000) { k in
            let html = k % 2 == 0 ? MarkdownRenderer.html(Self.markdown) : String(decoding: MarkdownRenderer.htmlBytes(Self.markdown), as: UTF8.self)
            results.withLock { $0.append(html) }
        }
        let differing = results.withLock { $0.filter { $0 != expected } }
        #expect(differing.isEmpty, "\(differing.count) of 2,000 renders differ, e.g. \(differing.first ?? "")")
    }
}
