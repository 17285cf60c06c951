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

    @Test func aFullTableOfManyNamesFindsThemAll() {
        let names = (0..<500).map { "name\($0)" } + (0..<100).map { String(repeating: "a", count: $0 + 1) }
        let table = NameTable(names.enumerated().map { ($1, $0) })
        for (k, name) in names.enumerated() { #expect(table.value(name) == k) }
        #expect(table.value("name500") == nil && table.value(String(repeating: "a", count: 101)) == nil)
    }
}
