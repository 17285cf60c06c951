/// A WikiLeaks Cable Viewer page saved as text by a browser, or copied from it: the page's furniture first (its
/// title `Cable Viewer`, the release counts, the browse lists, several hundred lines), then its table — the
/// header cells `Reference ID`, `Created`, `Released`, `Classification`, `Origin` and their values, one to a
/// line or separated by tabs — then the cable's text. Read as the page it was saved from.
enum CableViewerText {
    static let headers = ["REFERENCE ID", "CREATED", "RELEASED", "CLASSIFICATION", "ORIGIN"]

    /// `true` when the first line with text is the page's title, `Cable Viewer`.
    static func opensLikeCableViewer(_ bytes: some Collection<UInt8>) -> Bool {
        let head = ArraySlice(Array(bytes.prefix(200))).drop(while: { ASCII.isSpace($0) || $0 == ASCII.newline })
        return head.hasPrefix(caseInsensitive: "CABLE VIEWER")
    }

    /// The page, or nil when the text has no such table in its first 4,000 lines.
    static func page(_ lines: SourceLines) -> WikiLeaksPage? {
        let limit = min(lines.count, 4000)
        guard let tableStart = (0..<limit).first(where: { lines.trimmed($0).hasPrefix(caseInsensitive: "REFERENCE ID") }) else { return nil }
        var cells: [String] = []
        var i = tableStart
        while i < limit, cells.count < 2 * headers.count {
            for cell in lines[i].split(separator: ASCII.tab) {
                let t = ArraySlice(cell).trimmed
                if !t.isEmpty, cells.count < 2 * headers.count { cells.append(t.string) }
            }
            i += 1
        }
        guard cells.count == 2 * headers.count, cells.prefix(headers.count).map({ $0.uppercased() }) == headers else { return nil }
        // the cable's text, from its first line with text (the partial-extract notice stands first, as in the page)
        while i < lines.count, lines.isBlank(i) { i += 1 }
        let text = (i..<lines.count).map { lines.string($0) }.joined(separator: "\n")
        return WikiLeaksPage(id: cells[5], created: cells[6], released: cells[7], classification: cells[8], origin: cells[9],
                             header: "", body: text)
    }
}
