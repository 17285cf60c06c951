import Testing
@testable import CableKit

/// The classifying official's name from a `Classified By:` line: titles and offices dropped, spelling kept.
@Suite("ClassifiedBy")
struct ClassifiedByTests {
    @Test("titles before the name are dropped, with a straight or a typographic apostrophe", arguments: [
        ("SCA Richard A. Boucher, Reasons: 1.4 B C AND D", "Richard A. Boucher"),
        ("Charge d'Affaires J. Robert Manzanares, ", "J. Robert Manzanares"),
        ("Charge d’Affaires Arnold A. Chacon for reasons 1.4 (b) a nd (d)", "Arnold A. Chacon"),
        ("Charge d’Affaires Peter Burleigh for Reasons 1.4 (B) and (D)", "Peter Burleigh"),
        ("Charge d'Affaires, a.i., Arnold A. Chacon. Reasons 1.4 (b) and (d)", "Arnold A. Chacon"),
        ("Ambassador Ramin Asgard, Director, Iran Regional Presence Office", "Ramin Asgard"),
    ])
    func name(line: String, expected: String) {
        #expect(ClassifiedBy.name(in: line) == expected)
    }
}
