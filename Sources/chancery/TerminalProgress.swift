#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A one-line progress bar on standard error, redrawn at most ten times a second; silent when standard
/// error is not a terminal (CI), where only the summary and the errors are printed.
final class TerminalProgress: Sendable {
    private let label: String
    private let enabled: Bool
    private let state = Mutex<(lastDraw: UInt64, drawn: Bool)>((0, false))
    private let started = clockNanos()

    init(label: String) {
        self.label = label
        self.enabled = isatty(2) != 0 && getenv("CHANCERY_NO_PROGRESS") == nil
    }

    /// `done` of `total` items (`512/3000  305/s`), or of `total` bytes with `inBytes` (`41%`: a CSV's cables
    /// are not known until it is read).
    func update(_ done: Int, _ total: Int, inBytes: Bool = false) {
        guard enabled else { return }
        let now = clockNanos()
        let draw = state.withLock { s -> Bool in
            guard now - s.lastDraw > 100_000_000 || done == total else { return false }
            s.lastDraw = now; s.drawn = true
            return true
        }
        guard draw else { return }
        let width = 30
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let elapsed = Double(now - started) / 1e9
        let rate = elapsed > 0 && !inBytes ? "  \(Int(Double(done) / elapsed))/s" : ""
        let counts = inBytes ? "\(Int(fraction * 100))%" : "\(done)/\(total)"
        let line = "\r\(label) \(bar) \(counts)\(rate)\u{1B}[K"
        writeStandardError(line)
    }

    /// Clears the bar before the summary is printed.
    func finish() {
        guard enabled, state.withLock({ $0.drawn }) else { return }
        writeStandardError("\r\u{1B}[K")
    }
}

func clockNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Writes a line to standard error.
func printError(_ line: String) {
    writeStandardError(line + "\n")
}

func writeStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress! + done, $0.count - done) }
        if n <= 0 { return }
        done += n
    }
}
