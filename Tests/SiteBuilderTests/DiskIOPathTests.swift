import ChanceryIO
import Foundation
import Testing

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
