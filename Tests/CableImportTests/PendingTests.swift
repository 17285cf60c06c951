import Dispatch
import Testing
import ChanceryIO

/// `Pending` runs its work on another thread as soon as it is made, while the caller goes on, and hands over
/// the result when asked.
@Suite("Pending")
struct PendingTests {
    @Test("the work runs while the caller goes on, and its result is handed over")
    func runsAheadOfTheCaller() {
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let pending = Pending { () -> [Int] in
            started.signal()
            release.wait()
            return Array(0..<1000).map { $0 * 2 }
        }
        // the work began without `value()` being called; the caller is not held by it
        #expect(started.wait(timeout: .now() + 10) == .success)
        release.signal()
        #expect(pending.value() == Array(0..<1000).map { $0 * 2 })
    }

    @Test("batches rendered ahead come back in order, each the work it was made with")
    func chainOfBatches() {
        var ahead: Pending<[Int]>? = Pending { Array(0..<512) }
        var seen: [Int] = []
        for batch in 0..<20 {
            let values = ahead!.value()
            ahead = batch + 1 < 20 ? Pending { [next = batch + 1] in parallelMap(Array(next * 512..<(next + 1) * 512)) { $0 } } : nil
            seen += values
        }
        #expect(seen == Array(0..<(20 * 512)))
    }
}
