import Dispatch
import Foundation

/// Seconds spent in each phase of a build, printed to standard error when `CHANCERY_TIMINGS` is set
/// (for profiling builds; nothing is printed otherwise).
struct PhaseTimer {
    static let isEnabled = getenv("CHANCERY_TIMINGS") != nil
    private var last = DispatchTime.now().uptimeNanoseconds
    private var phases: [(String, Double)] = []

    /// Ends the current phase under `name`.
    mutating func mark(_ name: String) {
        guard PhaseTimer.isEnabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append((name, Double(now - last) / 1e9))
        last = now
    }

    func print() {
        guard PhaseTimer.isEnabled else { return }
        let line = phases.map { String(format: "%@ %.3f", $0.0, $0.1) }.joined(separator: " | ")
        FileHandle.standardError.write(Data(("timings: " + line + "\n").utf8))
    }
}
