/// Where an OCR'd telegram names its post and serial, besides its classification line: the printout's id
/// (`TEXT OF TELEGRAM 86USNAT0005622`: year, six letters of post, six digits), a page header (`PAGE 01 STATE
/// 245206 272022Z`, `USNATO 05622 171649Z`), a printout header (`[STATE 245206] D COPY 2 OF 11`), or the
/// classification line with the classification lost (`T STATE 236019`).
enum FOIAIdentity {
    /// The printout id after `TEXT OF TELEGRAM`: year (full), post as written and serial.
    static func printoutID(_ t: ArraySlice<UInt8>) -> (year: Int, post: String, serial: Int)? {
        guard t.hasPrefix(caseInsensitive: "TEXT OF TELEGRAM") else { return nil }
        let token = Array(t.dropFirst(16).trimmed.prefix(while: { $0 != ASCII.space }))
        guard token.count == 14 else { return nil }
        guard let y0 = OCRConfusion.digit(token[0]), let y1 = OCRConfusion.digit(token[1]) else { return nil }
        var post: [UInt8] = []
        for b in token[2..<8] {
            guard let l = OCRConfusion.letter(b) else { return nil }
            post.append(l)
        }
        guard let serialDigits = OCRConfusion.number(token[8..<14], realDigits: 4), let serial = Int(serialDigits.string), serial > 0 else { return nil }
        return (DateTimeGroup.fullYear(Int(y0 - 48) * 10 + Int(y1 - 48)), post.string, serial)
    }

    /// The post as written and the serial a header line names.
    static func postAndSerial(_ t: ArraySlice<UInt8>) -> (post: String, serial: Int)? {
        if let header = PrintoutHeader.pageHeader(t), let post = header.post, let digits = header.serial, let serial = Int(digits.string) {
            return (post, serial)
        }
        // "[STATE 245206] D COPY 2 OF 11 Page l OF 3", "(STATE 236019]"
        if let open = t.firstIndex(where: { $0 == UInt8(ascii: "[") || $0 == ASCII.openParen }),
           let close = t[open...].firstIndex(of: UInt8(ascii: "]")), PrintoutHeader.isPrintoutHeader(t),
           let found = postSerial(t[(open + 1)..<close].split(separator: ASCII.space)[...]) {
            return found
        }
        var tokens = t.split(separator: ASCII.space)[...]
        // "USNATO 05622 171649Z", "Sy~IPS @ ~ STATE 236019 131741Z"
        if PrintoutHeader.isStampedSerial(t) { return postSerial(tokens.dropLast().suffix(2)) }
        // "STATE 245206", "T STATE 236019"
        while let first = tokens.first, first.count == 1 { tokens = tokens.dropFirst() }
        return tokens.count == 2 ? postSerial(tokens) : nil
    }

    private static func postSerial(_ tokens: ArraySlice<ArraySlice<UInt8>>) -> (post: String, serial: Int)? {
        guard tokens.count == 2, let post = tokens.first, let digits = tokens.last, post.count >= 2, post.allSatisfy(ASCII.isUpper),
              digits.count >= 3, digits.allSatisfy(ASCII.isDigit), let serial = Int(digits.string), serial > 0 else { return nil }
        return (post.string, serial)
    }
}
