@testable import CableKit
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
}
