import Foundation

/// A cable page from the WikiLeaks Cablegate site (`/cable/YYYY/MM/<ID>.html`) or a mirror of it,
/// read into plain text: the metadata table (`<table class='cable'>`) and the telegram from the page's
/// `<pre>` blocks (the first is the routing header, the second the body). Also the later WikiLeaks
/// PlusD page (`/plusd/cables/<ID>_a.html`): its synopsis table (`<table id="synopsis">`, a title row,
/// then `<div class="s_key">Date:</div><div class="s_val">…</div>` pairs) and the telegram in the
/// element with `id="tagged-text"` (from its `<pre>` blocks when it has some, else from its text with
/// `<br>` as the line breaks, or its own line breaks when it has no `<br>`).
///
/// Text is taken from the markup like a browser shows it: entities decoded (numeric, the XML five,
/// the Latin-1 names and common typographic names; `&nbsp;` becomes a plain space because cable text
/// has no use for no-break spaces), `<br>` becomes a line break, every other tag is dropped and its
/// text kept (`<a href='/tag/PGOV_0.html'>PGOV</a>` → `PGOV`, paragraph anchors → `¶`). A lone `>` on
/// the last line of a block (an artefact of many pages) is dropped, `\r\n` becomes `\n`, and leading
/// blank lines and trailing white space are trimmed.
///
/// The classification is the table's link text and so carries caveats (`SECRET//NOFORN`).
public struct WikiLeaksPage: Sendable, Equatable {
    /// Reference ID (`00HARARE6677`).
    public var id: String?
    /// Creation time as the page writes it (`2000-11-29 13:01`).
    public var created: String?
    /// WikiLeaks release time (`2010-12-08 21:09`).
    public var released: String?
    /// Classification with caveats (`CONFIDENTIAL`, `SECRET//NOFORN`).
    public var classification: String?
    /// Originating post (`Embassy Harare`).
    public var origin: String?
    /// The sender as a PlusD page names it (`China Shanghai`, `Secretary of State`): not WikiLeaks'
    /// Cablegate name of the post, so only a fallback.
    public var from: String?
    /// The subject a PlusD page's synopsis gives (the text's own SUBJECT line comes first).
    public var subject: String?
    /// The TAGS a PlusD page's synopsis lists (`AE`, `PGOV`; the text's own TAGS line comes first).
    public var tags: [String] = []
    /// The routing header (first `<pre>`); empty when the page has a single `<pre>`.
    public var header: String
    /// The telegram body (second `<pre>`, or the only one; further blocks are appended).
    public var body: String

    public init(id: String? = nil, created: String? = nil, released: String? = nil, classification: String? = nil,
                origin: String? = nil, header: String = "", body: String = "") {
        self.id = id; self.created = created; self.released = released
        self.classification = classification; self.origin = origin; self.header = header; self.body = body
    }

    /// Header and body as one telegram (`header + "\n\n" + body`), ready for the telegram parser.
    public var telegramText: String {
        if header.isEmpty { return body }
        if body.isEmpty { return header }
        return header + "\n\n" + body
    }

    /// Reads a cable page.
    /// - Throws: when the page has neither a cable table nor a `<pre>` block, or a `<pre>` is never
    ///   closed (the error's line is where it opens).
    public static func parse(_ html: String) throws(WikiLeaksPageError) -> WikiLeaksPage {
        var html = html
        let result = html.withUTF8 { buf -> Result<WikiLeaksPage, WikiLeaksPageError> in
            guard let base = buf.baseAddress, !buf.isEmpty else { return .failure(PageReader.notAPage) }
            return PageReader(base: base, count: buf.count).read()
        }
        return try result.get()
    }

    /// A cheap test on the first bytes of a file (up to 64 KB are looked at): an HTML document that
    /// names itself a "Cable Viewer" or has a `class='cable'` table, or a PlusD page's synopsis or text.
    public static func looksLikeWikiLeaksPage(_ prefix: some Collection<UInt8>) -> Bool {
        let bytes = Array(prefix.prefix(65_536))
        return bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return false }
            let reader = PageReader(base: base, count: buf.count)
            return reader.find("<html", from: 0) != nil
                && (reader.find("class='cable'", from: 0) != nil || reader.find("class=\"cable\"", from: 0) != nil
                    || reader.find("cable viewer", from: 0) != nil
                    || reader.find("id=\"synopsis\"", from: 0) != nil || reader.find("id='synopsis'", from: 0) != nil
                    || reader.find("tagged-text", from: 0) != nil)
        }
    }
}

/// A cable page that cannot be read.
public struct WikiLeaksPageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line in the page.
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line; self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

// MARK: - Reading the page

/// A tag in the page, as byte offsets.
private struct HTMLTag {
    enum Kind { case element, comment, other }
    var kind: Kind
    /// Offset of `<` and just after `>`.
    var start: Int
    var end: Int
    var closing: Bool
    var nameStart: Int
    var nameEnd: Int
}

/// The page as UTF-8 bytes, with the few HTML skills needed: find tags, read attributes, turn a
/// range of markup into text.
private struct PageReader {
    let base: UnsafePointer<UInt8>
    let count: Int

    static let notAPage = WikiLeaksPageError(line: 1, message: "no cable table and no <pre> block: not a WikiLeaks cable page")

    func read() -> Result<WikiLeaksPage, WikiLeaksPageError> {
        var table: Range<Int>? = nil
        var synopsis: Range<Int>? = nil
        var tagged: Range<Int>? = nil
        var pres: [Range<Int>] = []
        var i = 0
        while let tag = nextTag(from: i, to: count) {
            i = tag.end
            guard tag.kind == .element, !tag.closing else { continue }
            if table == nil, isName(tag, "table"), hasClass(tag, "cable") {
                let close = closingTag("table", from: tag.end, nested: true)
                table = tag.end..<(close?.start ?? count)
                i = close?.end ?? count
            } else if synopsis == nil, isName(tag, "table"), hasID(tag, "synopsis") {
                let close = closingTag("table", from: tag.end, nested: true)
                synopsis = tag.end..<(close?.start ?? count)
                i = close?.end ?? count
            } else if tagged == nil, hasID(tag, "tagged-text") {
                // its <pre> blocks, if any, are read as the page's own below
                tagged = tag.end..<(closingTag(like: tag, from: tag.end)?.start ?? count)
            } else if isName(tag, "pre") {
                guard let close = closingTag("pre", from: tag.end, nested: false) else {
                    return .failure(WikiLeaksPageError(line: line(at: tag.start), message: "unterminated <pre> block"))
                }
                pres.append(tag.end..<close.start)
                i = close.end
            } else if isName(tag, "script") || isName(tag, "style") {
                i = closingTag(isName(tag, "script") ? "script" : "style", from: tag.end, nested: false)?.end ?? count
            }
        }
        guard table != nil || synopsis != nil || tagged != nil || !pres.isEmpty else { return .failure(Self.notAPage) }
        var page = WikiLeaksPage()
        if let table { readTable(table, into: &page) }
        if let synopsis { readSynopsis(synopsis, into: &page) }
        if pres.isEmpty, let tagged {
            page.body = flowText(tagged)
            return .success(page)
        }
        let blocks = pres.map(preText)
        if blocks.count >= 2 {
            page.header = blocks[0]
            page.body = blocks.dropFirst().filter { !$0.isEmpty }.joined(separator: "\n\n")
        } else {
            page.body = blocks.first ?? ""
        }
        return .success(page)
    }

    // MARK: Metadata table

    /// Pairs header cells with data cells in order: the Cablegate layout (a row of `<th>` then a row of
    /// `<td>`) and the mirror layout (`<th>` and `<td>` side by side in each row) both come out right.
    private func readTable(_ range: Range<Int>, into page: inout WikiLeaksPage) {
        var headers: [String] = [], values: [String] = []
        var open: (header: Bool, start: Int)? = nil
        var i = range.lowerBound
        func close(at end: Int) {
            guard let o = open else { return }
            let text = cellText(o.start..<end)
            if o.header { headers.append(text) } else { values.append(text) }
            open = nil
        }
        while let tag = nextTag(from: i, to: range.upperBound) {
            i = tag.end
            guard tag.kind == .element else { continue }
            let cell = isName(tag, "th") || isName(tag, "td")
            guard cell || isName(tag, "tr") else { continue }
            close(at: tag.start)
            if cell, !tag.closing { open = (isName(tag, "th"), tag.end) }
        }
        close(at: range.upperBound)
        for (name, value) in zip(headers, values) where !value.isEmpty {
            switch Self.fieldKey(name) {
            case "reference id", "reference", "ref id", "id", "canonical id": page.id = value
            case "created", "date", "date created": page.created = value
            case "released", "release date", "date released": page.released = value
            case "classification": page.classification = value
            case "origin": page.origin = value
            default: break
            }
        }
    }

    /// A PlusD synopsis: the title in the first cell that spans columns, then each `s_key` element's text
    /// paired with the `s_val` element after it.
    private func readSynopsis(_ range: Range<Int>, into page: inout WikiLeaksPage) {
        var key: String? = nil
        var handling: String? = nil
        var i = range.lowerBound
        while let tag = nextTag(from: i, to: range.upperBound) {
            i = tag.end
            guard tag.kind == .element, !tag.closing else { continue }
            let isKey = hasClass(tag, "s_key"), isValue = hasClass(tag, "s_val")
            let maybeTitle = page.subject == nil && page.id == nil && key == nil && isName(tag, "td") && attribute(tag, "colspan") != nil
            guard isKey || isValue || maybeTitle else { continue }
            let close = closingTag(like: tag, from: tag.end)
            let end = min(close?.start ?? range.upperBound, range.upperBound)
            // a cell of the title row, not one holding a field
            let isTitle = maybeTitle && find("s_key", from: tag.end, to: end) == nil
            guard isKey || isValue || isTitle else { continue }
            let text = cellText(tag.end..<end)
            i = close?.end ?? range.upperBound
            if isTitle {
                if !text.isEmpty { page.subject = text }
            } else if isKey {
                key = text
            } else if let name = key {
                key = nil
                guard !text.isEmpty, !text.hasPrefix("--") else { continue }   // "-- N/A or Blank --"
                switch Self.fieldKey(name) {
                case "canonical id", "reference id", "id": page.id = PlusDSynopsis.canonicalID(text)
                case "date", "created": page.created = PlusDSynopsis.created(text) ?? text
                case "original classification", "classification": page.classification = text
                case "handling restrictions": handling = text
                case "from": page.from = text
                case "tags", "tag": page.tags = PlusDSynopsis.tags(text)
                default: break
                }
            }
        }
        if let handling, handling.uppercased().contains("NOFORN"), let c = page.classification, !c.uppercased().contains("NOFORN") {
            page.classification = c + "//NOFORN"
        }
    }

    private static func fieldKey(_ s: String) -> String {
        var key = s.lowercased()
        while key.hasSuffix(":") { key.removeLast() }
        return key
    }

    /// A table cell's text on one line: white space collapsed, trimmed.
    private func cellText(_ range: Range<Int>) -> String {
        var raw: [UInt8] = []
        appendText(range, into: &raw)
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var space = false
        for b in raw {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                space = !out.isEmpty
            } else {
                if space { out.append(0x20); space = false }
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Pre blocks

    /// A `<pre>` block's text: markup removed, `\r\n` → `\n`, leading blank lines, trailing white space
    /// and a trailing lone `>` line dropped.
    private func preText(_ range: Range<Int>) -> String {
        var raw: [UInt8] = []
        raw.reserveCapacity(range.count)
        appendText(range, into: &raw)
        return cleaned(raw)
    }

    /// The text of an element that is not a `<pre>` (a PlusD page's `tagged-text`): with `<br>` in it,
    /// the `<br>`s and the ends of `<p>` and `<div>` elements break lines and its own line breaks are white
    /// space; without, its own line breaks are kept. Then cleaned as a `<pre>` block is.
    private func flowText(_ range: Range<Int>) -> String {
        var raw: [UInt8] = []
        raw.reserveCapacity(range.count)
        guard find("<br", from: range.lowerBound, to: range.upperBound) != nil else {
            appendText(range, into: &raw)
            return cleaned(raw)
        }
        var i = range.lowerBound
        var run = i
        func flush(_ upTo: Int) {
            guard upTo > run else { return }
            for k in run..<upTo {
                let b = base[k]
                if b == 0x0A || b == 0x0D {
                    // a line break of the markup: after a <br> it is nothing, else a space
                    if raw.last != 0x0A, raw.last != 0x20 { raw.append(0x20) }
                } else {
                    raw.append(b)
                }
            }
        }
        while i < range.upperBound {
            if base[i] == UInt8(ascii: "<"), let tag = tag(at: i, limit: range.upperBound) {
                flush(i)
                if tag.kind == .element, isName(tag, "br") || tag.closing && (isName(tag, "p") || isName(tag, "div")) {
                    while raw.last == 0x20 { raw.removeLast() }
                    raw.append(0x0A)
                }
                i = tag.end; run = i
                continue
            }
            if base[i] == UInt8(ascii: "&") {
                flush(i)
                if let length = HTMLEntity.decode(base, at: i, end: range.upperBound, into: &raw) { i += length; run = i; continue }
                run = i
            }
            i += 1
        }
        flush(range.upperBound)
        return cleaned(raw)
    }

    /// `\r\n` → `\n`, trailing white space and a trailing lone `>` line dropped, leading blank lines dropped.
    private func cleaned(_ raw: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        for (k, b) in raw.enumerated() where !(b == 0x0D && k + 1 < raw.count && raw[k + 1] == 0x0A) {
            out.append(b)
        }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        func trimEnd() { while let last = out.last, isSpace(last) { out.removeLast() } }
        trimEnd()
        if out.last == UInt8(ascii: ">") {
            var k = out.count - 1
            while k > 0, out[k - 1] == 0x20 || out[k - 1] == 0x09 { k -= 1 }
            if k == 0 || out[k - 1] == 0x0A {
                out.removeSubrange(k...)
                trimEnd()
            }
        }
        // Leading blank lines (keep the indentation of the first line with text).
        var start = 0, lineStart = 0
        while start < out.count, isSpace(out[start]) {
            if out[start] == 0x0A { lineStart = start + 1 }
            start += 1
        }
        return String(decoding: out[(start == out.count ? out.count : lineStart)...], as: UTF8.self)
    }

    // MARK: Markup → text

    /// Appends the text of `range`: tags dropped (`<br>` → `\n`), entities decoded.
    func appendText(_ range: Range<Int>, into out: inout [UInt8]) {
        var i = range.lowerBound, run = i
        let end = range.upperBound
        func flush(_ upTo: Int) {
            if upTo > run { out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: upTo - run)) }
        }
        while i < end {
            let b = base[i]
            if b == UInt8(ascii: "<"), let tag = tag(at: i, limit: end) {
                flush(i)
                if tag.kind == .element, isName(tag, "br") { out.append(0x0A) }
                i = tag.end; run = i
                continue
            }
            if b == UInt8(ascii: "&") {
                flush(i)
                run = i
                if let length = HTMLEntity.decode(base, at: i, end: end, into: &out) {
                    i += length; run = i
                    continue
                }
            }
            i += 1
        }
        flush(end)
    }

    // MARK: Tags

    func nextTag(from start: Int, to limit: Int) -> HTMLTag? {
        var i = start
        while i < limit {
            while i < limit, base[i] != UInt8(ascii: "<") { i += 1 }
            guard i < limit else { return nil }
            if let tag = tag(at: i, limit: limit) { return tag }
            i += 1
        }
        return nil
    }

    /// The tag starting with the `<` at `lt`, or nil when that `<` is text.
    func tag(at lt: Int, limit: Int) -> HTMLTag? {
        var i = lt + 1
        guard i < limit else { return nil }
        let c = base[i]
        if c == UInt8(ascii: "!") || c == UInt8(ascii: "?") {
            if c == UInt8(ascii: "!"), i + 2 < limit, base[i + 1] == UInt8(ascii: "-"), base[i + 2] == UInt8(ascii: "-") {
                guard let close = find("-->", from: i + 3, to: limit) else { return nil }
                return HTMLTag(kind: .comment, start: lt, end: close + 3, closing: false, nameStart: i, nameEnd: i)
            }
            while i < limit, base[i] != UInt8(ascii: ">") { i += 1 }
            guard i < limit else { return nil }
            return HTMLTag(kind: .other, start: lt, end: i + 1, closing: false, nameStart: lt + 1, nameEnd: lt + 1)
        }
        var closing = false
        if c == UInt8(ascii: "/") { closing = true; i += 1 }
        guard i < limit, Self.isLetter(base[i]) else { return nil }
        let nameStart = i
        while i < limit, Self.isLetter(base[i]) || Self.isDigit(base[i]) || base[i] == UInt8(ascii: "-") || base[i] == UInt8(ascii: ":") {
            i += 1
        }
        let nameEnd = i
        var quote: UInt8 = 0
        while i < limit {
            let b = base[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return HTMLTag(kind: .element, start: lt, end: i + 1, closing: closing, nameStart: nameStart, nameEnd: nameEnd)
            }
            i += 1
        }
        return nil
    }

    /// The closing tag `</name>` after `start`; with `nested`, inner `<name>…</name>` pairs are skipped.
    func closingTag(_ name: StaticString, from start: Int, nested: Bool) -> HTMLTag? {
        var depth = 0
        var i = start
        while let tag = nextTag(from: i, to: count) {
            i = tag.end
            guard tag.kind == .element, isName(tag, name) else { continue }
            if !tag.closing {
                if nested { depth += 1 }
            } else if depth == 0 {
                return tag
            } else {
                depth -= 1
            }
        }
        return nil
    }

    /// The closing tag of `open` (same name), inner elements of that name skipped.
    func closingTag(like open: HTMLTag, from start: Int) -> HTMLTag? {
        let length = open.nameEnd - open.nameStart
        func sameName(_ t: HTMLTag) -> Bool {
            t.nameEnd - t.nameStart == length && (0..<length).allSatisfy { Self.lower(base[t.nameStart + $0]) == Self.lower(base[open.nameStart + $0]) }
        }
        var depth = 0
        var i = start
        while let tag = nextTag(from: i, to: count) {
            i = tag.end
            guard tag.kind == .element, sameName(tag) else { continue }
            if !tag.closing {
                depth += 1
            } else if depth == 0 {
                return tag
            } else {
                depth -= 1
            }
        }
        return nil
    }

    /// `true` when the tag's `id` attribute is `value`.
    func hasID(_ tag: HTMLTag, _ value: StaticString) -> Bool {
        guard let range = attribute(tag, "id"), range.count == value.utf8CodeUnitCount else { return false }
        return value.withUTF8Buffer { v in (0..<v.count).allSatisfy { base[range.lowerBound + $0] == v[$0] } }
    }

    func isName(_ tag: HTMLTag, _ name: StaticString) -> Bool {
        guard tag.nameEnd - tag.nameStart == name.utf8CodeUnitCount else { return false }
        return name.withUTF8Buffer { n in
            for k in 0..<n.count where Self.lower(base[tag.nameStart + k]) != n[k] { return false }
            return true
        }
    }

    /// `true` when the tag's `class` attribute lists `word`.
    func hasClass(_ tag: HTMLTag, _ word: String) -> Bool {
        guard let value = attribute(tag, "class") else { return false }
        let text = String(decoding: UnsafeBufferPointer(start: base + value.lowerBound, count: value.count), as: UTF8.self)
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains { $0 == word }
    }

    /// The value of the attribute `name` (lower-case), without its quotes.
    func attribute(_ tag: HTMLTag, _ name: StaticString) -> Range<Int>? {
        var i = tag.nameEnd
        let end = tag.end - 1
        while i < end {
            while i < end, base[i] == 0x20 || base[i] == 0x09 || base[i] == 0x0A || base[i] == 0x0D || base[i] == UInt8(ascii: "/") {
                i += 1
            }
            let nameStart = i
            while i < end, base[i] != UInt8(ascii: "="), base[i] > 0x20, base[i] != UInt8(ascii: "/") { i += 1 }
            let nameEnd = i
            guard nameEnd > nameStart else { i += 1; continue }
            while i < end, base[i] == 0x20 { i += 1 }
            var value = i..<i
            if i < end, base[i] == UInt8(ascii: "=") {
                i += 1
                while i < end, base[i] == 0x20 { i += 1 }
                if i < end, base[i] == UInt8(ascii: "'") || base[i] == UInt8(ascii: "\"") {
                    let q = base[i]
                    i += 1
                    let valueStart = i
                    while i < end, base[i] != q { i += 1 }
                    value = valueStart..<i
                    i += 1
                } else {
                    let valueStart = i
                    while i < end, base[i] > 0x20 { i += 1 }
                    value = valueStart..<i
                }
            }
            let matches = name.withUTF8Buffer { n in
                n.count == nameEnd - nameStart && (0..<n.count).allSatisfy { Self.lower(base[nameStart + $0]) == n[$0] }
            }
            if matches { return value }
        }
        return nil
    }

    // MARK: Bytes

    /// Offset of `needle` (ASCII; matched case-insensitively when written in lower case) in `from..<to`.
    func find(_ needle: StaticString, from start: Int, to limit: Int? = nil) -> Int? {
        let limit = limit ?? count
        return needle.withUTF8Buffer { n -> Int? in
            guard n.count > 0, limit - start >= n.count else { return nil }
            var i = start
            let first = n[0]
            let caseless = !(first >= 0x61 && first <= 0x7A)
            while i <= limit - n.count {
                if caseless {
                    // a first byte without case (`<`): jump to its next occurrence
                    guard let hit = memchr(base + i, Int32(first), limit - n.count + 1 - i) else { return nil }
                    i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                }
                if Self.lower(base[i]) == first {
                    var k = 1
                    while k < n.count, Self.lower(base[i + k]) == n[k] { k += 1 }
                    if k == n.count { return i }
                }
                i += 1
            }
            return nil
        }
    }

    func line(at offset: Int) -> Int {
        var n = 1
        for k in 0..<offset where base[k] == 0x0A { n += 1 }
        return n
    }

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
}

// MARK: - Entities

/// HTML character references: `&#8217;`, `&#x000A;`, `&amp;` and the names cables' pages use.
private enum HTMLEntity {
    /// Decodes the reference at `i` (an `&`) into `out`; returns its length, or nil when it is not a
    /// reference (the `&` is then text). The closing `;` is required.
    static func decode(_ base: UnsafePointer<UInt8>, at start: Int, end: Int, into out: inout [UInt8]) -> Int? {
        var i = start + 1
        guard i < end else { return nil }
        if base[i] == UInt8(ascii: "#") {
            i += 1
            var hex = false
            if i < end, base[i] | 0x20 == UInt8(ascii: "x") { hex = true; i += 1 }
            let digitsStart = i
            var value: UInt32 = 0
            while i < end, i - digitsStart < 8 {
                let b = base[i]
                let d: UInt32
                if b >= 0x30 && b <= 0x39 { d = UInt32(b - 0x30) }
                else if hex, (b | 0x20) >= 0x61, (b | 0x20) <= 0x66 { d = UInt32((b | 0x20) - 0x61 + 10) }
                else { break }
                value = value * (hex ? 16 : 10) + d
                i += 1
            }
            guard i > digitsStart, i < end, base[i] == UInt8(ascii: ";") else { return nil }
            append(numericScalar(value), to: &out)
            return i + 1 - start
        }
        let nameStart = i
        while i < end, i - nameStart <= 8, PageReader.isLetter(base[i]) || PageReader.isDigit(base[i]) { i += 1 }
        guard i > nameStart, i < end, base[i] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: UnsafeBufferPointer(start: base + nameStart, count: i - nameStart), as: UTF8.self)
        guard let scalar = named[name] else { return nil }
        append(scalar, to: &out)
        return i + 1 - start
    }

    /// What a numeric reference stands for, as HTML reads it: 0x80–0x9F as Windows-1252, nothing
    /// invalid (NUL, surrogates, beyond U+10FFFF → U+FFFD).
    static func numericScalar(_ value: UInt32) -> Unicode.Scalar {
        if value >= 0x80 && value <= 0x9F { return TextDecoding.windows1252Scalar(UInt8(value)) }
        if value == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(scalar) { out.append($0) }
    }

    /// Named references: the XML five, the HTML 4 Latin-1 set (U+00A0…U+00FF, in order) and common
    /// typographic names. `&nbsp;` is a plain space.
    static let named: [String: Unicode.Scalar] = {
        var table: [String: Unicode.Scalar] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
            "ndash": "\u{2013}", "mdash": "\u{2014}", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
            "sbquo": "\u{201A}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "bdquo": "\u{201E}",
            "hellip": "\u{2026}", "bull": "\u{2022}", "dagger": "\u{2020}", "Dagger": "\u{2021}",
            "permil": "\u{2030}", "lsaquo": "\u{2039}", "rsaquo": "\u{203A}", "euro": "\u{20AC}",
            "trade": "\u{2122}", "OElig": "\u{0152}", "oelig": "\u{0153}", "Scaron": "\u{0160}",
            "scaron": "\u{0161}", "Yuml": "\u{0178}", "fnof": "\u{0192}", "circ": "\u{02C6}",
            "tilde": "\u{02DC}", "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}",
            "prime": "\u{2032}", "Prime": "\u{2033}", "minus": "\u{2212}",
        ]
        let latin1 = """
            nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr \
            deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest \
            Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml \
            ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig \
            agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml \
            eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml
            """.split(separator: " ")
        for (k, name) in latin1.enumerated() { table[String(name)] = Unicode.Scalar(UInt8(0xA0 + k)) }
        table["nbsp"] = " "
        return table
    }()
}
