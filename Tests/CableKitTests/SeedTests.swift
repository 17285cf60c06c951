import Testing
import Foundation
@testable import CableKit

/// The two documents the project was created from must import perfectly.
@Suite struct SeedTests {
    @Test func telegramSeedHasExactMetadata() throws {
        let bytes = try SharedCorpus.bytes("seeds/004_3cf85b5abb626903.txt")
        let c = try CableReader.read(bytes, fileName: "004_3cf85b5abb626903.txt")
        #expect(c.source.format == .telegram)
        #expect(c.id == "08STATE37957")
        #expect(c.date?.iso8601 == "2008-04-10T22:26:00Z")
        #expect(c.dateEstimated == false)
        #expect(c.classification == .secret)
        #expect(c.origin == "Secretary of State")
        #expect(c.to == ["AMEMBASSY ISLAMABAD"])
        #expect(c.precedence == "IMMEDIATE")
        #expect(c.tags == ["KNNP", "MNUC", "PARM", "PK", "PREL"])
        #expect(c.title == "POSSIBLE RELEASE OF A.Q. KHAN")
        #expect(c.classifiedBy == "Richard A. Boucher")
        #expect(c.reasons == ["1.4(b)", "1.4(c)", "1.4(d)"])
        #expect(c.declassifyOn == "2018-04-10")
        #expect(c.signedBy == "RICE")
        #expect(c.caveats.contains("SIPDIS"))
        #expect(c.partial == false)
        #expect(c.source.sha256 == SHA256.hex(bytes))
    }

    @Test func telegramSeedBodyKeepsParagraphsAndMarkings() throws {
        let c = try CableReader.read(try SharedCorpus.bytes("seeds/004_3cf85b5abb626903.txt"), fileName: "004.txt")
        for n in 1...6 { #expect(c.body.contains("¶\(n). ("), "paragraph \(n) keeps its number and marking") }
        #expect(c.body.contains("¶2. (S/NF) Post should achieve"))
        #expect(c.body.contains("¶4. (S/Rel Pakistan) Begin Talking Points"))
        #expect(!c.body.contains("14. (S"), "OCR'd 14. is repaired to ¶4.")
        #expect(c.repairs.map(\.replacement) == ["¶4.", "¶5.", "¶6."])
        #expect(c.body.contains("\n- Pakistan has taken positive steps"), "-- bullets become a list")
        #expect(c.body.contains("## BACKGROUND"))
        #expect(c.body.hasSuffix("RICE\n"), "the signature stands on its own line")
        #expect(!c.body.contains("E.O. 12958"), "header fields leave the body")
    }

    @Test func foiaSeedHasExactMetadata() throws {
        let c = try CableReader.read(try SharedCorpus.bytes("seeds/000_2e2985dcc75cd613.txt"), fileName: "000_2e2985dcc75cd613.txt")
        #expect(c.source.format == .foia)
        #expect(c.id == "01ISLAMABAD5337")
        #expect(c.date?.iso8601 == "2001-09-24T13:00:00Z")
        #expect(c.classification == .secret)
        #expect(c.caveats.contains("NODIS"))
        #expect(c.origin == "Embassy Islamabad")
        #expect(c.precedence == "IMMEDIATE")
        #expect(c.tags == ["PREL", "PTER", "PK", "AF"])
        #expect(c.title == "MAHMUD PLANS 2ND MISSION TO AFGHANISTAN")
        #expect(c.reasons == ["1.5(b)", "1.5(d)"])
        #expect(c.declassifyOn == "2011-09-23")
        #expect(c.signedBy == "CHAMBERLIN")
        #expect(c.release?.status == "RELEASED IN FULL")
        #expect(c.release?.reviewer == "FRANK E SCHMELZER")
        #expect(c.release?.reviewDate == "2004-10-08")
        #expect(c.release?.caseID == "200401242")
    }

    @Test func foiaSeedBodyHasNoFurnitureNorDoubling() throws {
        let c = try CableReader.read(try SharedCorpus.bytes("seeds/000_2e2985dcc75cd613.txt"), fileName: "000.txt")
        for furniture in ["RELEASED IN FULL", "REVIEW AUTHORITY", "Page 2 OF 3", "Page 3 OF 3", "SA COPY", "MENT OF", "SECTION 02", "UNCLASSIFIED"] {
            #expect(!c.body.contains(furniture), "page furniture '\(furniture)' left the body")
        }
        for doubling in ["reiterated this commitment. She noted that reiterated this commitment.",
                         "understood and accepted this understood and accepted this", "affirmatively. affirmatively."] {
            #expect(!c.body.contains(doubling), "OCR doubling '\(doubling)' repaired")
        }
        #expect(c.repairs.contains { $0.kind == "doubling" })
        #expect(c.body.contains("Pakistan clearly fears the elimination of the Taliban"), "the sentence split by the page break is joined")
    }
}

/// SHA-256 against the FIPS 180-4 examples, including inputs that end at and across a block boundary.
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func knownDigests(_ input: String, _ digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }
}

/// The SHA instructions and the portable code give the same digest for every length around the block
/// boundaries and for real cables (on a processor without the instructions both runs are the portable code).
@Suite struct SHA256HardwareTests {
    @Test func hardwareAndPortableAgree() throws {
        var bytes: [UInt8] = []
        var x: UInt32 = 2463534242
        for length in 0..<300 {
            let digests = bytes.withUnsafeBufferPointer { (SHA256.hash(buffer: $0, hardware: SHA256.hardwareAvailable), SHA256.hash(buffer: $0, hardware: false)) }
            #expect(digests.0 == digests.1, "length \(length)")
            x ^= x << 13; x ^= x >> 17; x ^= x << 5
            bytes.append(UInt8(truncatingIfNeeded: x))
        }
        let folder = SharedCorpus.cablegate
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().prefix(40) {
            let file = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            let digests = file.withUnsafeBufferPointer { (SHA256.hash(buffer: $0, hardware: SHA256.hardwareAvailable), SHA256.hash(buffer: $0, hardware: false)) }
            #expect(digests.0 == digests.1, "\(name)")
        }
    }
}
