import CableKit
@testable import SiteBuilder
import Testing

/// A cable file's body as the page and the search index read it: its own bytes when the file is plain UTF-8,
/// else its text as `TextDecoding` reads it.
@Suite struct CableBodyTests {
    static let front = Array("---\nid: \"08STATE37957\"\n---\n".utf8)

    @Test func plainUTF8IsTheFilesOwnBytes() throws {
        let file = Self.front + Array("¶1. Café — “quoted”.\n".utf8)
        let body = try CableBody.utf8(file)
        #expect(Array(body) == Array("¶1. Café — “quoted”.\n".utf8))
        #expect(body.startIndex == Self.front.count)   // a slice of the file, not a copy
    }

    @Test func otherEncodingsAreDecodedFirst() throws {
        // a byte-order mark, Windows-1252 (é, a smart quote), UTF-16 with and without its mark
        let bom = [0xEF, 0xBB, 0xBF] + Self.front + Array("Body\n".utf8)
        #expect(Array(try CableBody.utf8(bom)) == Array("Body\n".utf8))
        let windows = Self.front + Array("Caf".utf8) + [0xE9, 0x20, 0x93, 0x71, 0x94, 0x0A]
        #expect(String(decoding: Array(try CableBody.utf8(windows)), as: UTF8.self) == "Café “q”\n")
        let text = "---\nid: \"08STATE37957\"\n---\nBody in UTF-16\n"
        let le = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(String(decoding: Array(try CableBody.utf8([0xFF, 0xFE] + le)), as: UTF8.self) == "Body in UTF-16\n")
        #expect(String(decoding: Array(try CableBody.utf8(le)), as: UTF8.self) == "Body in UTF-16\n")
    }

    @Test func aFileWithoutFrontMatterIsAnErrorOnLineOne() {
        for file in ["no front matter\n", "---\nid: x\nnever closed\n"] {
            #expect(throws: FrontMatterParser.Failure.self) { try CableBody.utf8(Array(file.utf8)) }
            do { _ = try CableBody.utf8(Array(file.utf8)) } catch { #expect(error.line == 1) }
        }
    }
}
