extension SourceFormat {
    /// Guesses the format of a file from its name and first bytes: WikiLeaks pages by their markup, the
    /// bulk CSV by its first row, FOIA releases by their release banners and review stamps, else telegram text.
    /// Bytes that open with a byte order mark, or are UTF-16 without one, are looked at as the UTF-8 they stand for.
    public static func detect(_ prefix: some Collection<UInt8>, fileName: String) -> SourceFormat {
        let lower = fileName.lowercased()
        let head = ByteOrderMark.unicodeBytes(Array(prefix)).bytes
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || WikiLeaksPage.looksLikeWikiLeaksPage(head) { return .wikileaks }
        if looksLikeCSV(head) { return .csv }
        // telegram text as WikiLeaks and the archives publish it opens with its routing header or WikiLeaks'
        // partial-extract notice; anything else may be a release: its stamps stand in the first 6 KB
        if !opensLikeTelegram(head), FOIAReader.looksLikeFOIA(ArraySlice(head.prefix(6144))) { return .foia }
        return .telegram
    }

    /// The first line is `VZCZC…` or `This record is a partial extract…`.
    static func opensLikeTelegram(_ head: [UInt8]) -> Bool {
        var i = 0
        while i < head.count, ASCII.isSpace(head[i]) || head[i] == ASCII.newline { i += 1 }
        let first = ArraySlice(head[i...].prefix(80))
        return first.hasPrefix(caseInsensitive: "VZCZC") || first.hasPrefix(caseInsensitive: "THIS RECORD IS A PARTIAL EXTRACT")
    }

    /// `"1","12/28/1966 18:48","66BUENOSAIRES2481",` — the first row of the Cablegate CSV, after a UTF-8
    /// byte order mark if there is one.
    static func looksLikeCSV(_ head: [UInt8]) -> Bool {
        let start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard head.count > start, head[start] == UInt8(ascii: "\"") else { return false }
        var i = start + 1
        while i < head.count, ASCII.isDigit(head[i]) { i += 1 }
        return i > start + 1 && i + 2 < head.count && head[i] == UInt8(ascii: "\"") && head[i + 1] == ASCII.comma && head[i + 2] == UInt8(ascii: "\"")
    }
}
