import Foundation
import Testing
@testable import ChanceryIO

/// The identity of the running tool keys the build cache and the import record: the same bytes must give
/// the same identity whatever the file's time (a CI job compiles the tool again from a fresh checkout),
/// other bytes another one, and the remembered hash must spare reading the executable while it is unchanged.
@Suite("ToolIdentity")
struct ToolIdentityTests {
    @Test("the same bytes with a new file time keep their identity; other bytes change it")
    func identityFollowsTheBytes() throws {
        try Scratch.with { s in
            let executable = try s.write(Array(repeating: 0x7F, count: 100_003), "chancery")
            let remembered = s.path + "/site/.chancery/tool"
            let first = try #require(ToolIdentity.executableHash(remembering: remembered, executable: executable))
            #expect(first.count == 16 && first.allSatisfy(\.isHexDigit))
            let stamp = try #require(DiskIO.stamp(executable))
            #expect(try String(contentsOfFile: remembered, encoding: .utf8) == "\(stamp.size) \(stamp.modified) \(first)\n")

            // compiled again: the same bytes, a new time
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: executable)
            #expect(ToolIdentity.executableHash(remembering: remembered, executable: executable) == first)
            #expect(ToolIdentity.executableHash(remembering: nil, executable: executable) == first)
            let restamped = try #require(DiskIO.stamp(executable))
            #expect(restamped != stamp)
            #expect(try String(contentsOfFile: remembered, encoding: .utf8).hasPrefix("\(restamped.size) \(restamped.modified) "), "the new time is remembered")

            // another build: other bytes
            try s.write(Array(repeating: 0x7E, count: 100_003), "chancery")
            let other = try #require(ToolIdentity.executableHash(remembering: remembered, executable: executable))
            #expect(other != first)
        }
    }

    @Test("while the executable's size and time stay, the remembered hash is used; a damaged one is not")
    func rememberedHashSparesTheRead() throws {
        try Scratch.with { s in
            let executable = try s.write(Array(repeating: 0x41, count: 4096), "chancery")
            let remembered = s.path + "/tool"
            let stamp = try #require(DiskIO.stamp(executable))
            try Data("\(stamp.size) \(stamp.modified) 0123456789abcdef\n".utf8).write(to: URL(fileURLWithPath: remembered))
            #expect(ToolIdentity.executableHash(remembering: remembered, executable: executable) == "0123456789abcdef")

            let real = try #require(ToolIdentity.executableHash(remembering: nil, executable: executable))
            for damaged in ["\(stamp.size) \(stamp.modified) 0123", "\(stamp.size) \(stamp.modified) zzzzzzzzzzzzzzzz", "", "garbage"] {
                try Data(damaged.utf8).write(to: URL(fileURLWithPath: remembered))
                #expect(ToolIdentity.executableHash(remembering: remembered, executable: executable) == real, "\(damaged)")
            }
        }
    }

    @Test("the running tool has an identity naming its version")
    func current() throws {
        let identity = try #require(ToolIdentity.current())
        #expect(identity.hasPrefix(ToolIdentity.version + " ") && identity.count == ToolIdentity.version.count + 17)
    }
}
