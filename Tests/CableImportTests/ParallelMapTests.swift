import Foundation
import Synchronization
import Testing
import ChanceryIO

/// `parallelMap` gives each item's result in the items' order, each item transformed once; with `threads`
/// above the cores, that many transforms wait at once (files read from a cold disk).
@Suite("parallelMap")
struct ParallelMapTests {
    final class Counters: Sendable {
        let calls = Atomic<Int>(0)
        let inFlight = Atomic<Int>(0)
        let most = Atomic<Int>(0)
    }

    @Test("results come in the items' order, each item transformed once, on the cores and on threads of its own", arguments: [nil, 3, 8])
    func order(threads: Int?) {
        let items = Array(0..<10_000)
        let counters = Counters()
        let square: @Sendable (Int) -> Int = { i in counters.calls.add(1, ordering: .relaxed); return i * i }
        let out = threads.map { parallelMap(items, threads: $0, square) } ?? parallelMap(items, square)
        #expect(out == items.map { $0 * $0 })
        #expect(counters.calls.load(ordering: .relaxed) == items.count)
    }

    @Test("with more threads than cores, that many transforms wait at once")
    func threadsWaitTogether() {
        let threads = ProcessInfoCores.count + 4
        let counters = Counters()
        let out = parallelMap(Array(0..<(threads * 2)), threads: threads) { i -> Int in
            let now = counters.inFlight.add(1, ordering: .relaxed).newValue
            var most = counters.most.load(ordering: .relaxed)
            while now > most, !counters.most.compareExchange(expected: most, desired: now, ordering: .relaxed).exchanged {
                most = counters.most.load(ordering: .relaxed)
            }
            usleep(50_000)   // a read waiting on the disk
            counters.inFlight.subtract(1, ordering: .relaxed)
            return i
        }
        #expect(out == Array(0..<(threads * 2)))
        #expect(counters.most.load(ordering: .relaxed) > ProcessInfoCores.count)
    }

    @Test("an empty list and a list of one")
    func small() {
        #expect(parallelMap([Int](), threads: 8) { $0 }.isEmpty)
        #expect(parallelMap([7], threads: 8) { $0 + 1 } == [8])
    }
}
