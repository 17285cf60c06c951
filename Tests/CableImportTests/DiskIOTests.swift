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
    @Test("reading a file of one's own, by its path or in an open folder, leaves its access time as it was")
    func readsWithoutTouchingTheAccessTime() throws {
        try Scratch.with { s in
            let path = try s.write(Array("text".utf8), "fresh.md")
            // an access time before the change time: the first read would set it under relatime (or strictatime)
            var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_100, tv_nsec: 0)]
            try #require(utimensat(AT_FDCWD, path, &times, 0) == 0)
            func accessTime() -> Int { var st = stat(); return stat(path, &st) == 0 ? st.st_atim.tv_sec : -1 }
            #expect(try DiskIO.read(path) == Array("text".utf8))
            let folder = try #require(OpenFolder(s.input))
            #expect(try folder.read("fresh.md") == Array("text".utf8))
            #expect(accessTime() == 1_000_000_000)
        }
    }

    @Test("a file whose size is not known beforehand (/proc) is read to its end")
    func unknownSize() throws {
        #expect(DiskIO.size("/proc/self/status") == 0)
        let bytes = try #require(try DiskIO.read("/proc/self/status"))
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("Name:"))
        #expect(bytes.last == UInt8(ascii: "\n"))
    }
    #endif
}
