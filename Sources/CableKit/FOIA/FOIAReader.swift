/// Reads telegrams released under FOIA and OCR'd from PDF scans: strips page furniture, reads the release
/// stamps into metadata, then parses the telegram.
public enum FOIAReader {
    public static func parse(_ text: String, options: TelegramParser.Options) -> Cable {
        TelegramParser.parse(text, options: options)
    }

    /// Release banners and review stamps near the top: `RELEASED IN FULL`, `RELEASE IN PART`, `REVIEW AUTHORITY`.
    public static func looksLikeFOIA(_ head: ArraySlice<UInt8>) -> Bool {
        head.firstWord(caseInsensitive: "RELEASED IN") != nil || head.firstWord(caseInsensitive: "RELEASE IN") != nil
            || head.firstWord(caseInsensitive: "REVIEW AUTHORITY") != nil || head.firstWord(caseInsensitive: "DECLASSIFIED") != nil
            && head.firstWord(caseInsensitive: "AUTHORITY") != nil
    }
}
