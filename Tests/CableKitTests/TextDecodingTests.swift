import Testing
@testable import CableKit

@Suite struct TextDecodingTests {
    @Test func validUTF8IsKept() {
        let text = "TAGS: PREL — “Ankara” ¶1. 日本 🇺🇸"
        let (decoded, encoding) = TextDecoding.decode(Array(text.utf8))
        #expect(decoded == text)
        #expect(encoding == nil)
    }

    @Test func emptyInput() {
        let (decoded, encoding) = TextDecoding.decode([UInt8]())
        #expect(decoded == "")
        #expect(encoding == nil)
    }

    @Test func invalidUTF8FallsBackToWindows1252() {
        // "café – “x”" in Windows-1252.
        let bytes: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0x20, 0x96, 0x20, 0x93, 0x78, 0x94]
        let (decoded, encoding) = TextDecoding.decode(bytes)
        #expect(decoded == "café – “x”")
        #expect(encoding == "windows-1252")
    }

    @Test("a UTF-8 text with a few Windows-1252 bytes (a smart quote typed in Word) keeps its UTF-8; only those bytes are Windows-1252")
    func utf8WithStrayWindows1252() {
        let bytes = Array("¶1. (C) The Minister".utf8) + [0x92] + Array("s plan — “soon”; café ".utf8) + [0xE9, 0x96, 0x20]
        let (decoded, encoding) = TextDecoding.decode(bytes)
        #expect(decoded == "¶1. (C) The Minister’s plan — “soon”; café é– ")
        #expect(encoding == "utf-8+windows-1252", "a UTF-8 text, not a Windows-1252 one")
    }

    @Test("bytes read as Windows-1252 in a text with no UTF-8 beyond ASCII: a Windows-1252 text")
    func windows1252WithoutUTF8() {
        let bytes = Array("TAGS: PREL ¶".utf8)
        #expect(TextDecoding.decode(bytes).encoding == nil)
        #expect(TextDecoding.decode(Array("TAGS: PREL".utf8) + [0xB6, 0x31, 0x2E, 0x20, 0x92]).encoding == "windows-1252")
        #expect(TextDecoding.decode(Array("TAGS: PREL".utf8) + [0xB6, 0x31, 0x2E, 0x20, 0x92] + bytes).encoding == "utf-8+windows-1252")
    }

    @Test func windows1252HighControlsTable() {
        // Python: bytes(range(0x80, 0xA0)).decode("cp1252", errors="replace"); undefined bytes → U+FFFD.
        let expected = "\u{20AC}\u{FFFD}\u{201A}\u{192}\u{201E}\u{2026}\u{2020}\u{2021}\u{2C6}\u{2030}\u{160}\u{2039}"
            + "\u{152}\u{FFFD}\u{17D}\u{FFFD}\u{FFFD}\u{2018}\u{2019}\u{201C}\u{201D}\u{2022}\u{2013}\u{2014}"
            + "\u{2DC}\u{2122}\u{161}\u{203A}\u{153}\u{FFFD}\u{17E}\u{178}"
        let (decoded, encoding) = TextDecoding.decode(Array(UInt8(0x80)...UInt8(0x9F)))
        #expect(Array(decoded.unicodeScalars) == Array(expected.unicodeScalars))
        #expect(encoding == "windows-1252")
    }

    @Test func windows1252UpperHalfIsLatin1() {
        let bytes = Array(UInt8(0xA0)...UInt8(0xFF))
        let (decoded, encoding) = TextDecoding.decode(bytes)
        #expect(decoded.unicodeScalars.map(\.value) == bytes.map { UInt32($0) })
        #expect(encoding == "windows-1252")
    }

    @Test(arguments: [
        [0xC0, 0x80] as [UInt8],           // overlong NUL
        [0xE0, 0x80, 0x80],                // overlong
        [0xED, 0xA0, 0x80],                // surrogate
        [0xF4, 0x90, 0x80, 0x80],          // above U+10FFFF
        [0xF8, 0x88, 0x80, 0x80, 0x80],    // 5-byte form
        [0x41, 0xE2, 0x80],                // truncated at the end
        [0xE2, 0x41, 0x80],                // bad continuation
        [0x80],                            // lone continuation
    ])
    func malformedUTF8IsRejected(bytes: [UInt8]) {
        #expect(TextDecoding.decode(bytes).encoding == "windows-1252")
    }

    @Test func validatorAgreesWithStandardLibrary() {
        // Deterministic pseudo-random byte strings, biased towards UTF-8 lead and continuation bytes.
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed >> 33
        }
        let alphabet: [UInt8] = [0x41, 0x20, 0x0A, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF,
                                 0xE0, 0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF]
        var invalid = 0
        for _ in 0..<20_000 {
            let count = Int(next() % 24)
            let bytes = (0..<count).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
            // The standard library repairs invalid input, so a lossless round trip means valid.
            let valid = Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes
            let ours = bytes.withUnsafeBufferPointer { TextDecoding.isValidUTF8($0) }
            #expect(ours == valid, "\(bytes.map { String($0, radix: 16) })")
            if !valid { invalid += 1 }
        }
        #expect(invalid > 1_000 && invalid < 19_000)   // both kinds were exercised
    }

    @Test func longASCIIRunsWithAMultibyteTail() {
        // Exercises the eight-bytes-at-a-time path and the switch back to byte-wise checks.
        for padding in 0..<20 {
            let valid = String(repeating: "A", count: padding) + "é" + String(repeating: "B", count: padding)
            #expect(TextDecoding.decode(Array(valid.utf8)).encoding == nil)
            var broken = Array(valid.utf8)
            broken.removeLast(padding + 1)   // cut the "é" in half
            #expect(TextDecoding.decode(broken).encoding == "windows-1252")
        }
    }

    /// The ASCII fast paths (32 bytes at a time, then eight) stop at a non-ASCII byte wherever it falls in or
    /// after their words: one valid or broken sequence at every position of runs up to 80 bytes.
    @Test func asciiRunsOfEveryLengthAroundOneSequence() {
        let sequences: [[UInt8]] = [Array("é".utf8), Array("€".utf8), Array("𝄞".utf8), [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0x80], [0xFF]]
        for sequence in sequences {
            let validAlone = Array(String(decoding: sequence, as: UTF8.self).utf8) == sequence
            for before in 0..<80 {
                for after in [0, 1, 7, 8, 31, 32, 33] {
                    let bytes = [UInt8](repeating: 0x41, count: before) + sequence + [UInt8](repeating: 0x42, count: after)
                    #expect(bytes.withUnsafeBufferPointer { TextDecoding.isValidUTF8($0) } == validAlone, "\(sequence) after \(before)")
                }
            }
        }
    }

    @Test func nonContiguousCollections() {
        let bytes: [UInt8] = Array("Ñandú".utf8)
        let (decoded, encoding) = TextDecoding.decode(bytes.lazy.map { $0 })
        #expect(decoded == "Ñandú")
        #expect(encoding == nil)
    }
}
