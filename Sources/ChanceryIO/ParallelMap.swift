import Dispatch
import Foundation
import Synchronization

/// Runs `transform` over `items` on every core and returns the results in order. Each task writes only
/// its own slots of the result buffer, so no locking is needed.
public func parallelMap<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
    let count = items.count
    if count < 2 { return items.map(transform) }
    let buffer = UnsafeMutableBufferPointer<U>.allocate(capacity: count)
    defer { buffer.deallocate() }
    nonisolated(unsafe) let slots = buffer
    // each worker takes the next item as it becomes free, so no core idles at the end of a batch while
    // another still has a queue of its own (renders vary from a fraction of a millisecond to many)
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: min(count, max(1, ProcessInfoCores.count))) { _ in
        while true {
            let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
            if i >= count { break }
            (slots.baseAddress! + i).initialize(to: transform(items[i]))
        }
    }
    let result = Array(buffer)
    _ = buffer.deinitialize()
    return result
}

/// `parallelMap` on `threads` threads of its own (the caller's among them) rather than one per core: for work
/// that mostly waits on the disk (reading files not in the page cache), where more reads in flight keep the
/// device's queue full while the cores are idle. With `threads` at most the cores, the same as `parallelMap`.
public func parallelMap<T: Sendable, U: Sendable>(_ items: [T], threads: Int, _ transform: @escaping @Sendable (T) -> U) -> [U] {
    let count = items.count
    let threads = min(threads, count)
    if threads <= ProcessInfoCores.count { return parallelMap(items, transform) }
    let buffer = UnsafeMutableBufferPointer<U>.allocate(capacity: count)
    defer { buffer.deallocate() }
    nonisolated(unsafe) let slots = buffer
    let next = NextIndex()
    let work: @Sendable () -> Void = {
        while true {
            let i = next.value.wrappingAdd(1, ordering: .relaxed).oldValue
            if i >= count { break }
            (slots.baseAddress! + i).initialize(to: transform(items[i]))
        }
    }
    // each thread signals once it has taken its last item; none touches the buffer after that
    let done = DispatchSemaphore(value: 0)
    for _ in 1..<threads { Thread { work(); done.signal() }.start() }
    work()
    for _ in 1..<threads { done.wait() }
    let result = Array(buffer)
    _ = buffer.deinitialize()
    return result
}

/// The next item to take, shared by threads of their own.
private final class NextIndex: Sendable {
    let value = Atomic<Int>(0)
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
