import Dispatch
import Synchronization

/// Work started on another thread now, its result collected later with `value()`: the build renders the next
/// batch of cable pages while it writes the batch before, so that neither waits for the other's slowest task.
public final class Pending<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            let value = work()
            self.result.withLock { $0 = value }
            self.done.signal()
        }
    }

    /// Waits for the work to finish and returns its result (once: the result is handed over, not kept).
    public func value() -> Value {
        done.wait()
        return result.withLock { taken in
            defer { taken = nil }
            return taken!
        }
    }
}
