import Foundation
import Testing
import ChanceryIO

/// Files handed to `WriteBehind` stay whole, at most `depth` of them are held open, and every one is closed by
/// `finish`, which reports a file that could not be closed.
@Suite("WriteBehind")
struct WriteBehindTests {
    /// The inode open as `fd`, nil when `fd` is not open.
    private func inode(_ fd: Int32) -> UInt64? {
        var st = stat()
        return fstat(fd, &st) == 0 ? UInt64(st.st_ino) : nil
    }

    @Test("files written through OpenFolder and handed over are whole on disk, before finish and after it dropped them")
    func handsAndCloses() throws {
        try Scratch.with { s in
            let folder = try #require(OpenFolder(s.input))
            let behind = WriteBehind(depth: 4)
            var expected: [String: [UInt8]] = [:]
            for n in 0..<10 {
                let name = "page\(n).html"
                let bytes = Array(repeating: UInt8(ascii: "a") + UInt8(n), count: 5_000 + n * 3_000)
                try folder.writeUnpublished(bytes, named: name, behind: behind)
                expected[name] = bytes
                #expect(DiskIO.stamp(s.input + "/" + name)?.size == bytes.count, "whole as soon as it is handed over")
            }
            for (name, bytes) in expected { #expect(try DiskIO.read(s.input + "/" + name) == bytes, "\(name)") }
            #expect(behind.finish().isEmpty)
            // and again after the pages were dropped from the cache: read back from the disk, the same bytes
            for (name, bytes) in expected { #expect(try DiskIO.read(s.input + "/" + name) == bytes, "\(name) after finish") }
        }
    }

    @Test("at most depth files are held open: each new one closes the oldest, finish closes all")
    func holdsAtMostDepth() throws {
        try Scratch.with { s in
            let behind = WriteBehind(depth: 3)
            var handed: [(fd: Int32, inode: UInt64)] = []
            for n in 0..<7 {
                let fd = open(s.input + "/f\(n)", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                try #require(fd >= 0)
                #expect(write(fd, "file \(n)", 6) == 6)
                handed.append((fd, try #require(inode(fd))))
                behind.hand(fd, folder: s.input, name: "f\(n)")
            }
            // a closed descriptor may be reused by another test's file at once, so each is checked by its inode
            for (n, file) in handed.enumerated() {
                let stillOpen = inode(file.fd) == file.inode
                #expect(stillOpen == (n >= 4), "file \(n)")
            }
            #expect(behind.finish().isEmpty)
            for (n, file) in handed.enumerated() { #expect(inode(file.fd) != file.inode, "file \(n) closed by finish") }
            for n in 0..<7 { #expect(try DiskIO.read(s.input + "/f\(n)") == Array("file \(n)".utf8)) }
        }
    }

    @Test("a stream written behind, piece by piece, is whole once committed, its early pieces dropped from the cache")
    func streamWrittenBehind() throws {
        try Scratch.with { s in
            let path = s.input + "/data/cables.json"
            let stream = try StreamFile(path: path, writesBehind: true)
            var expected: [UInt8] = []
            // 24 pieces of about a third of a megabyte: several flushes, the first ones dropped
            for n in 0..<24 {
                let piece = (0..<350_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ n) }
                stream.append(piece)
                expected += piece
            }
            #expect(try stream.commit())
            #expect(try DiskIO.read(path) == expected)
        }
    }

    @Test("a file whose closing fails is reported by finish, named by its folder and name")
    func closingFailureIsReported() {
        let behind = WriteBehind(depth: 2)
        // not an open descriptor: close fails (EBADF), as a file system reporting a late write error would make it
        behind.hand(-1, folder: "/site/.Public.staging-1/cable", name: "index.html")
        let failures = behind.finish()
        #expect(failures.map(\.path) == ["/site/.Public.staging-1/cable/index.html"])
        #expect(failures.first?.message.hasPrefix("cannot write: ") == true)
        #expect(behind.finish().isEmpty, "reported once")
    }
}
