import Foundation
import Testing
import ChanceryIO

@Suite("DiskIO.read")
struct DiskIOReadTests {
    @Test("a file is read whole: empty, one byte, exactly a probe's size, and larger")
    func sizes() throws {
        try Scratch.with { s in
            for size in [0, 1, 16383, 16384, 16385, 100_000] {
                let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
                let path = try s.write(bytes, "f\(size).bin")
                #expect(try DiskIO.read(path) == bytes, "size \(size)")
            }
            #expect(try DiskIO.read(s.input + "/absent") == nil)
            #expect(throws: DiskIO.Failure.self) { try DiskIO.read(s.input) }
        }
    }

    #if os(Linux)
    @Test("a file whose size is not known beforehand (/proc) is read to its end")
    func unknownSize() throws {
        #expect(DiskIO.size("/proc/self/status") == 0)
        let bytes = try #require(try DiskIO.read("/proc/self/status"))
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("Name:"))
        #expect(bytes.last == UInt8(ascii: "\n"))
    }
    #endif
}
