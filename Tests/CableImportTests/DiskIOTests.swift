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

/// A path's folder, found in its UTF-8 bytes: the same split as by characters for names in any script, and the
/// file system's own split (at the byte `/`) where a combining mark follows a slash (by characters, the two
/// make one character that is not `/`).
@Suite struct DiskIOPathTests {
    @Test func parentIsEverythingBeforeTheLastSlash() {
        #expect(DiskIO.parent("cable/2008/04/08BEIJING1454/index.html") == "cable/2008/04/08BEIJING1454")
        #expect(DiskIO.parent("Content/cables/2008/08STATE37957.md") == "Content/cables/2008")
        #expect(DiskIO.parent("index.html") == ".")
        #expect(DiskIO.parent("/index.html") == "/")
        #expect(DiskIO.parent("/") == "/")
        #expect(DiskIO.parent("a/") == "a")
    }

    @Test func nonASCIINamesSplitWhereCharactersDo() {
        // é as one scalar and as e + a combining acute, Greek, Cyrillic, CJK, emoji
        let paths = ["café/é/x.md", "cafe\u{301}/e\u{301}/x", "Αθήνα/Москва/東京.md", "🇺🇸/👩‍👩‍👧/z"]
        for path in paths {
            let byCharacters = path.lastIndex(of: "/")
            #expect(DiskIO.lastSlash(path) == byCharacters, "\(path)")
            let folder = String(path[..<byCharacters!])
            #expect(DiskIO.parent(path) == folder, "\(path)")
            let substring = path.dropFirst()
            #expect(DiskIO.lastSlash(substring) == substring.lastIndex(of: "/"), "\(path)")
        }
        // a combining acute right after the last slash: the folder is still everything before that slash
        #expect(DiskIO.parent("dir/sub/\u{301}e.md") == "dir/sub")
        #expect("dir/sub/\u{301}e.md".lastIndex(of: "/").map { String("dir/sub/\u{301}e.md"[..<$0]) } == "dir")
        #expect(DiskIO.lastSlash("no slash here: ŝ") == nil)
        #expect(DiskIO.lastSlash("") == nil)
    }
}
