import Foundation
import Testing
@testable import CableKit

/// The same cable read the same way whatever shape its file arrived in: the fixtures re-encoded, their line
/// ends changed, paged and re-wrapped as archivists' copies are, and compared with the fixture's own reading.
@Suite struct FileShapeTests {
    /// The cable a file reads as, without what names the file itself (`source`).
    static func reading(_ bytes: [UInt8], _ name: String) throws -> Cable {
        var cable = try CableReader.read(bytes, fileName: name, requireID: false)
        cable.source = SourceInfo()
        return cable
    }

    static func fixture(_ relative: String) throws -> (bytes: [UInt8], name: String) {
        (try SharedCorpus.bytes(relative), String(relative.split(separator: "/").last!))
    }

    /// A sample of every kind: telegram text with and without a routing header, a seed, OCR'd releases.
    static let sample = ["cablegate/08LONDON1837.txt", "cablegate/09STATE100153.txt", "cablegate/04OTTAWA3115.txt",
                         "cablegate/09BELGRADE841.txt", "seeds/000_2e2985dcc75cd613.txt", "foia/12.txt", "foia/30.txt"]

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("lone CR line ends (classic Mac OS) read as line ends", arguments: sample)
    func loneCarriageReturns(_ relative: String) throws {
        let (bytes, name) = try Self.fixture(relative)
        let cr = Array(Self.text(bytes).replacing("\n", with: "\r").utf8)
        #expect(try Self.reading(cr, name) == Self.reading(bytes, name))
    }

}
