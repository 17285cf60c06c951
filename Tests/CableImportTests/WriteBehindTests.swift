import Foundation
import Testing
import ChanceryIO

/// Files handed to `WriteBehind` stay whole, are closed a batch at a time (by its thread, or by the caller when
/// the thread is behind) and at the latest by `finish`, which reports a file that could not be closed.
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
            let behind = WriteBehind(batch: 4)
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

    /// Opens a scratch file holding "file `n`" and returns it with its inode.
    private func scratchFile(_ folder: String, _ n: Int) throws -> (fd: Int32, inode: UInt64) {
        let fd = open(folder + "/f\(n)", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(fd >= 0)
        let text = Array("file \(n)".utf8)
        #expect(write(fd, text, text.count) == text.count)
        return (fd, try #require(inode(fd)))
    }

    @Test("files are held until their batch is full; a full batch is written back and closed, finish closes the rest")
    func closesByBatches() throws {
        try Scratch.with { s in
            let behind = WriteBehind(batch: 3)
            var handed: [(fd: Int32, inode: UInt64)] = []
            for n in 0..<7 {
                let file = try scratchFile(s.input, n)
                handed.append(file)
                behind.hand(file.fd, folder: s.input, name: "f\(n)")
                if n == 1 {
                    // a closed descriptor may be reused by another test's file at once, so each is checked by its inode
                    #expect(handed.allSatisfy { inode($0.fd) == $0.inode }, "the first batch is not full yet")
                }
            }
            // the two full batches are the thread's; the seventh file waits for its batch
            #expect(inode(handed[6].fd) == handed[6].inode, "held until its batch is full")
            #expect(behind.finish().isEmpty)
            for (n, file) in handed.enumerated() { #expect(inode(file.fd) != file.inode, "file \(n) closed by finish") }
            for n in 0..<7 { #expect(try DiskIO.read(s.input + "/f\(n)") == Array("file \(n)".utf8)) }
        }
    }

    @Test("with no batch allowed to wait for the thread, every file is still closed whole, by the thread or by its caller")
    func closesWhenTheThreadIsBehind() throws {
        try Scratch.with { s in
            // no batch may wait for the thread: a batch filled while it writes one back is closed by the caller
            // (which batches that is depends on the disk's speed; each way, the files are closed and whole)
            let behind = WriteBehind(batch: 2, queued: 0)
            var handed: [(fd: Int32, inode: UInt64)] = []
            for n in 0..<40 {
                let file = try scratchFile(s.input, n)
                handed.append(file)
                behind.hand(file.fd, folder: s.input, name: "f\(n)")
            }
            #expect(behind.finish().isEmpty)
            for (n, file) in handed.enumerated() { #expect(inode(file.fd) != file.inode, "file \(n) closed") }
            for n in 0..<40 { #expect(try DiskIO.read(s.input + "/f\(n)") == Array("file \(n)".utf8)) }
        }
    }

    @Test("a stream written piece by piece (several flushes) is whole once committed")
    func streamWrittenBehind() throws {
        try Scratch.with { s in
            let path = s.input + "/data/cables.json"
            let stream = try StreamFile(path: path)
            var expected: [UInt8] = []
            // 24 pieces of about a third of a megabyte: several flushes
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
        let behind = WriteBehind(batch: 2)
        // not open descriptors: close fails (EBADF), as a file system reporting a late write error would make it;
        // the first two make a batch closed on the thread, the third is closed by finish
        for name in ["a.html", "b.html", "index.html"] { behind.hand(-1, folder: "/site/.Public.staging-1/cable", name: name) }
        let failures = behind.finish()
        #expect(failures.map(\.path).sorted() == ["a.html", "b.html", "index.html"].map { "/site/.Public.staging-1/cable/" + $0 })
        #expect(failures.first?.message.hasPrefix("cannot write: ") == true)
        #expect(behind.finish().isEmpty, "reported once")
    }
}
