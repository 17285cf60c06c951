import Dispatch
import Foundation

/// Seconds spent in each phase of a build, printed to standard error when `CHANCERY_TIMINGS` is set
/// (for profiling builds; nothing is printed otherwise): wall time, in brackets the CPU time of all the
/// process's threads, which stays meaningful on a busy machine, and the peak memory reached by the phase's end
/// (`512M`), which shows the phase that raised it.
struct PhaseTimer {
    static let isEnabled = getenv("CHANCERY_TIMINGS") != nil
    private var last = DispatchTime.now().uptimeNanoseconds
    private var lastCPU = PhaseTimer.cpuNanoseconds()
    private var phases: [(String, Double, Double, Int)] = []

    /// Ends the current phase under `name`.
    mutating func mark(_ name: String) {
        guard PhaseTimer.isEnabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds, cpu = PhaseTimer.cpuNanoseconds()
        phases.append((name, Double(now - last) / 1e9, Double(cpu - lastCPU) / 1e9, PhaseTimer.peakMegabytes()))
        last = now
        lastCPU = cpu
    }

    func print() {
        guard PhaseTimer.isEnabled else { return }
        let line = phases.map { String(format: "%@ %.3f (%.3f) %dM", $0.0, $0.1, $0.2, $0.3) }.joined(separator: " | ")
        FileHandle.standardError.write(Data(("timings: " + line + "\n").utf8))
    }

    /// The process's peak resident memory so far, in MB (`ru_maxrss` is in KB on Linux, in bytes on Darwin).
    private static func peakMegabytes() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss / (1024 * 1024)
        #endif
    }

    private static func cpuNanoseconds() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }
}
