/// The rule for site.yml's `language`, written into every page's `<html lang>` and each feed's `xml:lang`:
/// a BCP 47 language tag as people write them — a primary language subtag of 2 or 3 letters (`en`, `fr`,
/// `haw`), then any subtags of 1 to 8 letters or digits, each after a hyphen (`pt-BR`, `zh-Hant-TW`,
/// `sr-Latn`, `es-419`). A language's name (`english`) is not a tag.
enum LanguageTag {
    static func isValid(_ tag: String) -> Bool {
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first, (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return subtags.dropFirst().allSatisfy { subtag in
            (1...8).contains(subtag.count) && subtag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
