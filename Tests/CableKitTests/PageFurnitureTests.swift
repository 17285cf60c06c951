import Testing
@testable import CableKit

/// Page furniture of telegram texts, recognised line by line.
@Suite struct PageFurnitureTests {
    private func isMarker(_ s: String) -> Bool { PageFurniture.isContinuationMarker(ArraySlice(Array(s.utf8))) }

    /// WikiLeaks redacts the post and serial of a continuation marker as one run of X; the marker is still furniture.
    @Test func redactedContinuationMarkersAreFurniture() throws {
        #expect(isMarker("BEIJING 00000207  002 OF 002"))
        #expect(isMarker("XXXXXXXXXXXX  002 OF 002"))
        #expect(isMarker("XXXXXXXXXXXX 001.2 OF 004"))
        #expect(!isMarker("XXXXXXXXXXXX said 2 OF 3"))
        #expect(!isMarker("XXXXXXXXXXXX 1 OF 2"))

        let text = """
        SECRET SECTION 01 OF 02 BEIJING 000207

        E.O. 12958: DECL: 01/26/2030
        TAGS: ECON, CH
        SUBJECT: GOOGLE UPDATE

        1. (S) The contact said the operations were directed

        XXXXXXXXXXXX  002 OF 002

        at the top.
        """
        let cable = try CableReader.read(Array(text.utf8), fileName: "10BEIJING207.txt")
        #expect(!cable.body.contains("002 OF 002"))
    }
}
