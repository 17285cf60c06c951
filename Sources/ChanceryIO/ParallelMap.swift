import Dispatch
import Foundation
import Synchronization

/// Runs `transform` over `items` on every core and returns the results in order. Each task writes only
/// its own slots of the result buffer, so no locking is needed.
public func parallelMap<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
    if items.count < 2 { return items.map(transform) }
    let results = Results<T, U>(items)
    // each worker takes the next item as it becomes free, so no core idles at the end of a batch while
    // another still has a queue of its own (renders vary from a fraction of a millisecond to many)
    DispatchQueue.concurrentPerform(iterations: min(items.count, max(1, ProcessInfoCores.count))) { _ in results.work(transform) }
    return results.taken()
}

/// `parallelMap` on `threads` threads of its own (the caller's among them) rather than one per core: for work
/// that mostly waits on the disk (reading files not in the page cache), where more reads in flight keep the
/// device's queue full while the cores are idle. With `threads` at most the cores, the same as `parallelMap`.
public func parallelMap<T: Sendable, U: Sendable>(_ items: [T], threads: Int, _ transform: @escaping @Sendable (T) -> U) -> [U] {
    let threads = min(threads, items.count)
    if threads <= ProcessInfoCores.count { return parallelMap(items, transform) }
    let results = Results<T, U>(items)
    // each thread signals once it has taken its last item; none touches the results after that
    let done = DispatchSemaphore(value: 0)
    for _ in 1..<threads { Thread { results.work(transform); done.signal() }.start() }
    results.work(transform)
    for _ in 1..<threads { done.wait() }
    return results.taken()
}

/// The results of a `parallelMap` while workers fill them: each worker takes the next item until none is left
/// and writes only its own slot.
private final class Results<T: Sendable, U: Sendable>: @unchecked Sendable {
    let items: [T]
    private let slots: UnsafeMutableBufferPointer<U>
    private let next = Atomic<Int>(0)

    init(_ items: [T]) {
        self.items = items
        slots = .allocate(capacity: items.count)
    }

    deinit { slots.deallocate() }

    func work(_ transform: (T) -> U) {
        while true {
            let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
            if i >= items.count { break }
            (slots.baseAddress! + i).initialize(to: transform(items[i]))
        }
    }

    /// The results, moved out; call once, after every worker has finished.
    func taken() -> [U] {
        let result = Array(slots)
        _ = slots.deinitialize()
        return result
    }
}

/// The number of cores to use (honours `CHANCERY_JOBS`), and this process's id.
public enum ProcessInfoCores {
    public static let processID = Int(getpid())
    public static let count: Int = {
        if let value = getenvString("CHANCERY_JOBS"), let n = Int(value), n > 0 { return n }
        return max(1, sysconfCores())
    }()
}

#if canImport(Glibc)
import Glibc
private func sysconfCores() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
#elseif canImport(Darwin)
import Darwin
private func sysconfCores() -> Int { Int(sysconf(_SC_NPROCESSORS_ONLN)) }
#endif

private func getenvString(_ name: String) -> String? {
    guard let p = getenv(name) else { return nil }
    return String(cString: p)
}
