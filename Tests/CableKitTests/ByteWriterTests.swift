@testable import CableKit
import Testing

/// The writer the JSON, CSV and build-cache encoders append to: every kind of append lands in order, across
/// the buffer's growth, and `finish` hands over exactly what was written.
@Suite struct ByteWriterTests {
    @Test func appendsInOrderAcrossGrowth() {
        var w = ByteWriter(capacity: 1)
        var expected: [UInt8] = []
        for k in 0..<500 {
            switch k % 5 {
            case 0: w.append(UInt8(k & 0x7F)); expected.append(UInt8(k & 0x7F))
            case 1: w.append("literal é"); expected += Array("literal é".utf8)
            case 2: let s = "string \(k) " + String(repeating: "x", count: k % 40); w.append(s); expected += Array(s.utf8)
            case 3: let a = [UInt8](repeating: UInt8(k & 0xFF), count: k % 70); w.append(a); expected += a
            default:
                w.write(upTo: 8) { to in to[0] = 0xAA; to[1] = 0xBB; return 2 }
                expected += [0xAA, 0xBB]
            }
            #expect(w.count == expected.count)
        }
        #expect(w.withBytes { Array($0) } == expected)
        #expect(w.finish() == expected)
    }

    @Test func anEmptyWriterGivesNoBytes() {
        var w = ByteWriter()
        w.append("")
        w.append([UInt8]())
        #expect(w.count == 0)
        #expect(w.finish().isEmpty)
    }

    /// A cable's object written into a writer is the object `CableJSON.object` gives.
    @Test func objectBytesAreTheObjectsUTF8() {
        let cable = Cable(id: "08STATE1", title: "A <B> & \"C\"", tags: ["PREL", "US"])
        var w = ByteWriter(capacity: 4)
        CableJSON.write(cable, indent: " ", to: &w)
        #expect(String(decoding: w.finish(), as: UTF8.self) == CableJSON.object(cable, indent: " "))
    }
}
