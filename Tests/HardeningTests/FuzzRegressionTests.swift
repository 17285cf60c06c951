import FuzzEntries
import Foundation
import Testing

/// Every input that once made a fuzz target crash, hang or break an invariant (`Tests/Fuzz/Regressions/<target>/`),
/// and the hand-made seeds (`Tests/Fuzz/Seeds/<target>/`), replayed through the same entry as the fuzzer.
@Suite struct FuzzRegressionTests {
    static let inputs: [String] = {
        var out: [String] = []
        for folder in ["Regressions", "Seeds"] {
            for target in FuzzEntry.allCases {
                let dir = Repo.fuzz + "/\(folder)/\(target.rawValue)"
                for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() where !name.hasPrefix(".") {
                    out.append("\(folder)/\(target.rawValue)/\(name)")
                }
            }
        }
        return out
    }()

    @Test("the saved fuzz inputs run cleanly and fast", arguments: inputs)
    func replay(input: String) throws {
        let target = try #require(FuzzEntry(target: String(input.split(separator: "/")[1])))
        let bytes = try #require(readBytes(Repo.fuzz + "/" + input))
        let clock = ContinuousClock()
        var violation: FuzzEntry.Violation?
        let elapsed = clock.measure {
            do throws(FuzzEntry.Violation) { try target.run(bytes) } catch { violation = error }
        }
        #expect(violation == nil, "\(violation?.description ?? "")")
        // the fuzzer's limit is 1 s in an optimised build; a debug build is several times slower
        #expect(elapsed < .seconds(5), "\(input) took \(elapsed)")
    }

    @Test("every fuzz target has saved inputs to replay")
    func inputsExist() {
        #expect(Self.inputs.count >= 5)
    }
}
