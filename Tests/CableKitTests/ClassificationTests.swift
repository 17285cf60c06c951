import Testing
@testable import CableKit

/// The order of classifications, lowest first, as lists and sorts use it.
struct ClassificationTests {
    @Test func rankIsThePositionInAllCases() {
        #expect(Classification.allCases.map(\.rank) == Array(0..<Classification.allCases.count))
    }

    @Test func sortsFromLowestToHighest() {
        #expect(Classification.unclassified < .unclassifiedFOUO && Classification.confidential < .secret && Classification.secret < .topSecret)
        #expect(!(Classification.secret < .secret))
        #expect(Classification.allCases.reversed().sorted() == Classification.allCases)
    }
}
