import Testing
@testable import Templates

/// A view's names are found by their bytes: every name of the table, names that differ from one by a byte, a
/// length or a case, long names, non-ASCII names, and none past the table's.
@Suite struct NameTableTests {
    static let names = ["id", "title", "hasTitle", "date", "dateISO", "dateEstimated", "classification", "to", "info", "tags",
                        "unletteredReferencesHTML", "letteredReferences", "referencedByAll", "référence", "名前", ""]

    @Test func everyNameIsFoundWithItsValueAndNoOther() {
        let table = NameTable(Self.names.enumerated().map { ($1, $0) })
        for (k, name) in Self.names.enumerated() { #expect(table.value(name) == k, "\(name)") }
        for other in ["Id", "i", "idd", "titles", "date ", "dateIso", "tag", "reference", "référenceS", "名", "unletteredReferencesHTm",
                      "letteredReferencesX", "x", "TO"] {
            #expect(table.value(other) == nil, "\(other)")
        }
    }

    /// A name of up to 15 bytes is compared by the two words of its `String`: one made at run time (from bytes,
    /// by interpolation, as a template's names are) is the same as the literal, short or long, ASCII or not.
    @Test func namesMadeAtRunTimeAreFoundAsLiteralsAre() {
        let table = NameTable(Self.names.enumerated().map { ($1, $0) })
        for (k, name) in Self.names.enumerated() {
            let fromBytes = String(decoding: Array(name.utf8), as: UTF8.self)
            let interpolated = "\(name.prefix(1))\(name.dropFirst())"
            #expect(table.value(fromBytes) == k && table.value(interpolated) == k, "\(name)")
        }
        #expect(table.value(String(decoding: Array("titlex".utf8.dropLast()), as: UTF8.self)) == 1)
    }

    @Test func aFullTableOfManyNamesFindsThemAll() {
        let names = (0..<500).map { "name\($0)" } + (0..<100).map { String(repeating: "a", count: $0 + 1) }
        let table = NameTable(names.enumerated().map { ($1, $0) })
        for (k, name) in names.enumerated() { #expect(table.value(name) == k) }
        #expect(table.value("name500") == nil && table.value(String(repeating: "a", count: 101)) == nil)
    }
}
