import ChanceryIO
import Foundation
import Testing

/// `FastHash.ofContents` tells changed files apart: every byte, in every lane and in the tail, and the length.
@Suite struct FastHashTests {
    @Test func everyByteOfTheLanesAndTheTailCounts() {
        let bytes = (0..<101).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let hash = FastHash.ofContents(bytes)
        #expect(FastHash.ofContents(Array(bytes)) == hash)
        var seen: Set<UInt64> = [hash]
        for i in bytes.indices {
            var changed = bytes
            changed[i] ^= 0x20
            seen.insert(FastHash.ofContents(changed))
        }
        #expect(seen.count == bytes.count + 1)
    }

    @Test func trailingZerosChangeTheHash() {
        let lengths = [0, 1, 8, 31, 32, 33, 64, 65]
        let hashes = Set(lengths.map { FastHash.ofContents([UInt8](repeating: 0, count: $0)) })
        #expect(hashes.count == lengths.count)
    }

    @Test func swappedLanesChangeTheHash() {
        let a = [UInt8](repeating: 1, count: 8) + [UInt8](repeating: 2, count: 8) + [UInt8](repeating: 3, count: 16)
        let b = [UInt8](repeating: 2, count: 8) + [UInt8](repeating: 1, count: 8) + [UInt8](repeating: 3, count: 16)
        #expect(FastHash.ofContents(a) != FastHash.ofContents(b))
    }

    @Test func aStreamedFilesFingerprintFollowsItsBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fasthash-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func fingerprint(_ pieces: [String]) throws -> UInt64 {
            let file = try StreamFile(path: folder + "/export.csv")
            for piece in pieces { file.append(piece) }
            try file.commit()
            return file.fingerprint
        }
        let rows = (0..<80_000).map { "row \($0),value\n" }
        let same = try fingerprint(rows)
        #expect(try fingerprint(rows) == same)
        var edited = rows
        edited[79_000] = "row 79000,valuf\n"   // in the second megabyte written
        #expect(try fingerprint(edited) != same)
    }
}
