#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import Testing


extension HeavyTests {
    /// `chancery serve` on the sample reading room, driven at a fixed rate over loopback keep-alive connections:
    /// no error, the rate held, flat memory. Bounded: 5 s of warm-up and 30 s measured.
    @Suite struct LoadTests {
        static let rate = 500.0
        static let warmUp = 5.0
        static let measured = 30.0
        static let connections = 8

        final class Tally: @unchecked Sendable {
            let lock = NSLock()
            var ok = 0, bad = 0, socketErrors = 0, late = 0, unsent = 0
            var statuses: [Int: Int] = [:]
            var latencies: [Double] = []
            var firstError: String?
            func record(_ body: (Tally) -> Void) { lock.lock(); body(self); lock.unlock() }
        }

        final class Samples: @unchecked Sendable {
            private let lock = NSLock()
            private var values: [(Double, Int)] = []
            func add(_ t: Double, _ kib: Int) { lock.lock(); values.append((t, kib)); lock.unlock() }
            var all: [(Double, Int)] { lock.lock(); defer { lock.unlock() }; return values }
        }

        @Test("500 requests/s for 30 s: no error, the rate held, flat memory")
        func load() throws {
            let dir = TempDir("serve-load")
            defer { dir.remove() }
            try copyTree(Repo.root + "/Content", to: dir.path + "/site/Content")
            try copyTree(Repo.themes, to: dir.path + "/site/Themes")
            let server = try ServeProcess(root: dir.path + "/site", timeout: 300)
            defer { server.stop() }
            let port = server.port

            // what to ask for: every kind of page and asset the site has
            let published = listTree(dir.path + "/site/Public").filter { isRegularFile(dir.path + "/site/Public/" + $0) }
            var targets = published.filter { $0.hasSuffix("index.html") }.map { "/" + $0.dropLast("index.html".count) }
            targets += published.filter { $0.hasPrefix("assets/") || $0.hasSuffix(".xml") || $0.hasSuffix(".txt") }.map { "/" + $0 }
            targets = targets.filter { !$0.contains("search-index") }.sorted()
            let picked = stride(from: 0, to: targets.count, by: max(1, targets.count / 200)).map { targets[$0] }
            #expect(picked.count >= 50)

            let tally = Tally()
            let total = Int((Self.warmUp + Self.measured) * Self.rate)
            let warmUpCount = Int(Self.warmUp * Self.rate)
            let start = Date().addingTimeInterval(0.2)
            // a server that stops answering costs each request the client's timeout: past this, the workers
            // stop sending (and the test fails) instead of waiting out the rest of the schedule that way
            let giveUp = start.addingTimeInterval(Self.warmUp + Self.measured + 30)
            let samples = Samples()
            let done = DispatchGroup()

            // the memory sampler: the server's resident size every second
            let sampler = Thread {
                var next = start
                while Date() < start.addingTimeInterval(Self.warmUp + Self.measured) {
                    Thread.sleep(until: next)
                    if let kib = server.residentKiB {
                        samples.add(Date().timeIntervalSince(start), kib)
                    }
                    next = next.addingTimeInterval(1)
                }
            }
            sampler.start()

            for worker in 0..<Self.connections {
                done.enter()
                let thread = Thread {
                    defer { done.leave() }
                    var connection = HTTPConnection(port: port, timeout: 5)
                    var i = worker
                    while i < total {
                        if Date() > giveUp {
                            let left = (total - i + Self.connections - 1) / Self.connections
                            tally.record { $0.unsent += left }
                            break
                        }
                        let due = start.addingTimeInterval(Double(i) / Self.rate)
                        let wait = due.timeIntervalSinceNow
                        if wait > 0 { Thread.sleep(forTimeInterval: wait) } else if wait < -0.25 { tally.record { $0.late += 1 } }
                        let target = picked[(i * 7919) % picked.count]
                        let sent = Date()
                        if connection == nil { connection = HTTPConnection(port: port, timeout: 5) }
                        let reply: HTTPConnection.Reply?
                        if let c = connection, c.send("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept-Encoding: identity\r\n\r\n") {
                            reply = c.readReply()
                        } else {
                            reply = nil
                        }
                        let measuredRequest = i >= warmUpCount
                        if let reply {
                            let latency = Date().timeIntervalSince(sent)
                            tally.record {
                                $0.statuses[reply.status, default: 0] += 1
                                if (200..<400).contains(reply.status) { $0.ok += 1 } else { $0.bad += 1; $0.firstError = $0.firstError ?? "\(reply.status) for \(target)" }
                                if measuredRequest { $0.latencies.append(latency) }
                            }
                            if reply.headers["connection"]?.lowercased() == "close" { connection = nil }
                        } else {
                            tally.record { $0.socketErrors += 1; $0.firstError = $0.firstError ?? "no reply for \(target) (errno \(errno))" }
                            connection = nil
                        }
                        i += Self.connections
                    }
                }
                thread.start()
            }
            done.wait()
            let elapsed = Date().timeIntervalSince(start)
            while sampler.isExecuting { Thread.sleep(forTimeInterval: 0.05) }
            let memory = samples.all

            #expect(tally.bad == 0 && tally.socketErrors == 0, "\(tally.bad) bad replies, \(tally.socketErrors) socket errors; first: \(tally.firstError ?? "-")")
            #expect(tally.unsent == 0, "\(tally.unsent) requests not sent: the server stopped answering in time")
            #expect(tally.ok == total)
            // the rate held: everything sent within half a second of the schedule's end
            #expect(elapsed < Self.warmUp + Self.measured + 0.5, "\(total) requests took \(elapsed) s")
            let sorted = tally.latencies.sorted()
            let p99 = sorted.isEmpty ? 0 : sorted[sorted.count * 99 / 100]
            #expect(p99 < 0.25, "p99 latency \(p99) s")

            // flat memory: the last 10 s of the measured window within 10% of its first 10 s
            let window = memory.filter { $0.0 >= Self.warmUp }.map(\.1)
            #expect(window.count >= 25, "\(window.count) memory samples")
            if window.count >= 25 {
                let first = Double(window.prefix(10).reduce(0, +)) / 10
                let last = Double(window.suffix(10).reduce(0, +)) / 10
                #expect(last <= first * 1.10, "resident memory grew from \(Int(first)) KiB to \(Int(last)) KiB")
            }
            print("load: \(tally.ok) replies in \(String(format: "%.1f", elapsed)) s (\(Int(Double(total) / elapsed))/s), p99 \(Int(p99 * 1000)) ms, late \(tally.late), statuses \(tally.statuses), memory (KiB) \(memory.map(\.1))")
        }
    }
}
