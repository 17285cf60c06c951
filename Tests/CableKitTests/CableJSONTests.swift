@testable import CableKit
import Foundation
import Testing

/// JSON string literals (`/data/cables.json`, `chancery inspect --json`, each page's JSON-LD): RFC 8259's
/// escapes and `&`, `<`, `>` as `\u` escapes, whatever falls on the edges of the sixteen-byte blocks the plain
/// runs are found in.
@Suite struct CableJSONTests {
    /// The literal a byte-by-byte reading gives.
    func reference(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "&", "<", ">": out += "\\u00" + String(scalar.value, radix: 16)
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test func everyByteIsEscapedAsRFC8259AndHTMLAsk() {
        #expect(CableJSON.string("") == "\"\"")
        #expect(CableJSON.string("A \"Q\" <b> & \\ \n") == "\"A \\\"Q\\\" \\u003cb\\u003e \\u0026 \\\\ \\n\"")
        for value in 0..<0x80 {
            let c = String(UnicodeScalar(UInt8(value)))
            for place in [0, 1, 15, 16, 17, 31, 32, 40] {
                let s = String(repeating: "a", count: place) + c + String(repeating: "é", count: 5) + "z"
                #expect(CableJSON.string(s) == reference(s), "byte \(value) at \(place)")
            }
        }
        let long = String(repeating: "SUBJECT: “PLAIN” TEXT — ", count: 20)
        #expect(CableJSON.string(long) == reference(long))
    }

    /// The object's nested values (release, source, repairs) are written as bytes: every key is there with its
    /// value, escaped, and the whole parses as JSON — with and without the optional parts.
    @Test func objectWritesNestedValuesAsJSON() throws {
        let full = Cable(id: "62BRUSSELS250", title: "A \"QUOTED\" <TITLE>", origin: "Embassy Brussels", tags: ["PREL", "BE"],
                         release: Release(status: "RELEASED IN FULL", exemptions: ["B1", "1.4(D)"], reviewer: "J. DOE", reviewDate: "2005-01-02", caseID: "M-2005"),
                         source: SourceInfo(format: .foia, file: "62BRUSSELS250.txt", sha256: "ab12", encoding: "windows-1252"),
                         repairs: [Repair(kind: "ocr", original: "0FFICE", replacement: "OFFICE", line: 7), Repair(kind: "join", original: "a\tb", replacement: "ab")])
        let text = CableJSON.object(full, indent: " ", extra: [("url", CableJSON.string("https://example.org/x?a=1&b=2"))])
        #expect(String(decoding: CableJSON.objectBytes(full, indent: " ", extra: [("url", Array(CableJSON.string("https://example.org/x?a=1&b=2").utf8))]), as: UTF8.self) == text)
        #expect(text.contains("\"source\": {\"format\": \"foia\", \"file\": \"62BRUSSELS250.txt\", \"sha256\": \"ab12\", \"encoding\": \"windows-1252\"}"))
        #expect(text.contains("\"release\": {\"status\": \"RELEASED IN FULL\", \"exemptions\": [\"B1\", \"1.4(D)\"], \"reviewer\": \"J. DOE\", \"review_date\": \"2005-01-02\", \"case\": \"M-2005\"}"))
        #expect(text.contains("\"repairs\": [{\"kind\": \"ocr\", \"line\": 7, \"original\": \"0FFICE\", \"replacement\": \"OFFICE\"}, {\"kind\": \"join\", \"line\": null, \"original\": \"a\\tb\", \"replacement\": \"ab\"}]"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["title"] as? String == "A \"QUOTED\" <TITLE>")
        #expect(object["url"] as? String == "https://example.org/x?a=1&b=2")
        #expect((object["source"] as? [String: Any])?["encoding"] as? String == "windows-1252")

        let bare = CableJSON.object(Cable(id: "08STATE1"))
        #expect(bare.contains("\"release\": null") && bare.contains("\"repairs\": []"))
        #expect(bare.contains("\"source\": {\"format\": null, \"file\": null, \"sha256\": null}"), "no encoding key without an encoding")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bare.utf8)) as? [String: Any])
        #expect(parsed["id"] as? String == "08STATE1")
    }
}
