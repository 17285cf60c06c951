import ChanceryIO
import Testing

/// `concatenated(separator:)` gives what `joined(separator:)` gives.
struct ConcatenatedTests {
    @Test func agreesWithJoined() {
        let lists: [[String]] = [
            [], [""], ["PREL"], ["PREL", "PGOV"], ["", ""], ["a", "", "b"],
            ["Embassy Paris", "naïve café", "日本", "e\u{301}", "\r", "\n"], (0..<100).map { "part \($0)" },
            [String(repeating: "long ", count: 1_000), "x"],
        ]
        for list in lists {
            for separator in ["", ";", ", ", "//", " — ", ",\n"] {
                #expect(list.concatenated(separator: separator) == list.joined(separator: separator), "\(list.prefix(3)) with \(separator.debugDescription)")
            }
            #expect(list.concatenated() == list.joined())
        }
    }

    @Test func substringsAndBridgedTextAreCopiedWhole() {
        let line = "SECRET//NOFORN//ORCON"
        let parts = line.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        #expect(parts.concatenated(separator: "//") == line)
    }
}
