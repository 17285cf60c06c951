/// The headers a printer put on each page of a telegram: the printout's (`Mon Sep 24 09:54:47 2001 [Islamabad
/// 5337] SA COPY 9 OF 12 Page 2 OF 3`), the telegram's own page header (`PAGE 02 LONDON 20903 072352Z`, OCR'd
/// `c AGE G1 LONDON 63364 6117592`) and its tail on a line of its own (`USNATO 05622 171649Z`).
enum PrintoutHeader {
    /// Any of the headers.
    static func isFurniture(_ t: ArraySlice<UInt8>) -> Bool {
        guard t.count <= 100 else { return false }
        return isPrintoutHeader(t) || pageHeader(t) != nil || isStampedSerial(t)
    }

    /// A printout's page header: `Mon Sep 24 09:54:47 2001 [Islamabad 5337] SA COPY 9 OF 12 Page 2 OF 3` (also with
    /// a stamp's fragment before it, `MENT OF Mon Sep 24 …`), `[STATE 245206] D COPY 2 OF 11 Page l OF 3`.
    static func isPrintoutHeader(_ t: ArraySlice<UInt8>) -> Bool {
        guard FOIAPageFurniture.contains(t, "PAGE") || t.contains(ASCII.colon) else { return false }
        if hasClockTime(t), t.firstWord(caseInsensitive: "PAGE") != nil || hasDayName(t) { return true }
        return t.count <= 80 && t.firstWord(caseInsensitive: "PAGE") != nil && hasCopyCount(t)
    }

    /// `COPY 9 OF 12` (also OCR'd `COPY 6 OP 9`).
    private static func hasCopyCount(_ t: ArraySlice<UInt8>) -> Bool {
        let tokens = t.split(separator: ASCII.space)
        for k in tokens.indices where k + 3 < tokens.count && tokens[k].elementsEqual("COPY".utf8) {
            if tokens[k + 1].allSatisfy(ASCII.isDigit), tokens[k + 2].count == 2, tokens[k + 2].first == UInt8(ascii: "O") { return true }
        }
        return false
    }

    /// `09:54:47`.
    private static func hasClockTime(_ t: ArraySlice<UInt8>) -> Bool {
        var i = t.startIndex
        while i + 7 <= t.endIndex {
            if ASCII.isDigit(t[i]), ASCII.isDigit(t[i + 1]), t[i + 2] == ASCII.colon, ASCII.isDigit(t[i + 3]),
               ASCII.isDigit(t[i + 4]), t[i + 5] == ASCII.colon, ASCII.isDigit(t[i + 6]) { return true }
            i += 1
        }
        return false
    }

    /// `Mon`, `WED`: a printout's weekday.
    private static func hasDayName(_ t: ArraySlice<UInt8>) -> Bool {
        let days = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]
        for word in t.split(whereSeparator: { !ASCII.isLetter($0) }) where word.count == 3 {
            let u = word.map(ASCII.upper)
            if days.contains(where: { u.elementsEqual($0.utf8) }) { return true }
        }
        return false
    }

    /// A telegram page header, `PAGE 01 LONDON 03364 011759Z`, also OCR'd (`c AGE G1 LONDON 63364 6117592`,
    /// `PAGE: 81 MADRID. 1429 1812412 Pr`, `*9.17,Escki PAGE 01 STATE 245206 272022Z`) or alone (`PAGE 02`):
    /// the post and serial it names, when it names them.
    static func pageHeader(_ t: ArraySlice<UInt8>) -> (post: String?, serial: [UInt8]?, stamp: ArraySlice<UInt8>?)? {
        guard FOIAPageFurniture.contains(t.prefix(20), "AGE") else { return nil }
        let tokens = t.split(separator: ASCII.space)
        guard tokens.count <= 12 else { return nil }
        var p: Int?
        for k in 0..<min(2, tokens.count) {
            let letters = tokens[k].filter(ASCII.isLetter).map(ASCII.upper)
            if letters.elementsEqual("PAGE".utf8) || k > 0 && tokens[k - 1].count <= 2 && letters.elementsEqual("AGE".utf8) { p = k; break }
        }
        guard let p, p + 1 < tokens.count, tokens[p + 1].count <= 3, !tokens[p + 1].elementsEqual("NO.".utf8) else {
            return nil
        }
        var k = p + 2
        if k == tokens.count { return (nil, nil, nil) }
        var postWords: [String] = []
        while k < tokens.count, postWords.count < 3 {
            let w = tokens[k].filter { $0 != ASCII.period }
            guard !w.isEmpty, w.allSatisfy({ ASCII.isUpper($0) }) || w.elementsEqual("-".utf8) else { break }
            guard !["OF", "THE"].contains(w.string) else { return nil }
            if !w.elementsEqual("-".utf8) { postWords.append(w.string) }
            k += 1
        }
        guard k < tokens.count, tokens[k].count >= 4 else { return nil }
        // the serial, or a routing indicator and serial run together (`RUEHFRA2440`)
        let token = tokens[k].filter { $0 != ASCII.period }
        let letters = token.prefix(while: ASCII.isUpper)
        let serialPart = letters.count >= 4 && token.count - letters.count >= 3 ? token[letters.endIndex...] : token[...]
        guard let serial = OCRConfusion.number(serialPart, realDigits: 3) else { return nil }
        let stamp = k + 1 < tokens.count ? tokens[k + 1] : nil
        return (postWords.isEmpty ? nil : postWords.joined(separator: " "), serial, stamp)
    }

    /// The tail of a page header on a line of its own: `USNATO 05622 171649Z`, `Sy~IPS @ ~ STATE 236019 131741Z`.
    static func isStampedSerial(_ t: ArraySlice<UInt8>) -> Bool {
        guard t.last == UInt8(ascii: "Z") else { return false }
        let tokens = t.split(separator: ASCII.space)
        guard tokens.count >= 3, tokens.count <= 8, let stamp = tokens.last, stamp.count == 7, stamp.last == UInt8(ascii: "Z"),
              stamp.dropLast().allSatisfy(ASCII.isDigit) else { return false }
        let serial = tokens[tokens.count - 2]
        let post = tokens[tokens.count - 3]
        return serial.count >= 4 && serial.allSatisfy(ASCII.isDigit) && post.count >= 2 && post.allSatisfy(ASCII.isUpper)
    }
}
