@testable import CableKit
import Testing

/// Index building decodes only a cable file's front matter (`FrontMatterParser.frontMatterEnd`): the same
/// metadata as from the whole file, whatever the body holds.
@Suite struct FrontMatterEndTests {
    @Test func theEndIsAfterTheClosingLine() {
        #expect(FrontMatterParser.frontMatterEnd(Array("---\nid: X\n---\nbody\n".utf8)) == 14)
        #expect(FrontMatterParser.frontMatterEnd(Array("---\r\nid: X\r\n...\r\nbody".utf8)) == 17)
        #expect(FrontMatterParser.frontMatterEnd(Array("---\nid: X\n---".utf8)) == 13)
        // not opened or not closed: the caller decodes the whole file and the parser reports it
        #expect(FrontMatterParser.frontMatterEnd(Array("---\nid: X\nbody".utf8)) == nil)
        #expect(FrontMatterParser.frontMatterEnd(Array("--- x\nid: X\n---\n".utf8)) == nil)
        #expect(FrontMatterParser.frontMatterEnd(Array("\u{FEFF}---\nid: X\n---\n".utf8)) == nil)
        #expect(FrontMatterParser.frontMatterEnd(Array("...\nid: X\n---\n".utf8)) == nil)
    }

    /// Windows-1252 and stray bytes in the front matter or the body: the front matter reads the same alone.
    @Test func theFrontMatterDecodesAloneAsInTheWholeFile() throws {
        let heads: [[UInt8]] = [Array("---\nid: 08PARIS1\ntitle: \"PR\u{C9}SIDENT\"\n---\n".utf8),
                                Array("---\nid: 08PARIS1\ntitle: PR".utf8) + [0xC9] + Array("SIDENT \u{2019}A\u{2019}\n---\n".utf8)]
        let bodies: [[UInt8]] = [Array("plain\n".utf8), [0x93, 0x41, 0x94, 0x0A], Array("caf\u{E9} \u{B6}4\n".utf8) + [0xE9]]
        for head in heads {
            for body in bodies {
                let file = head + body
                let end = try #require(FrontMatterParser.frontMatterEnd(file))
                #expect(end == head.count)
                let whole = try CableFile.read(TextDecoding.decode(file).text, includeBody: false)
                let alone = try CableFile.read(TextDecoding.decode(file[..<end]).text, includeBody: false)
                #expect(alone == whole, "\(head) + \(body)")
            }
        }
    }
}
