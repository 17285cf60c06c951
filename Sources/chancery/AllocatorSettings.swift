#if canImport(Glibc)
import Glibc
#endif

/// How the command line sets mimalloc (the process's allocator on Linux, `Package.swift`) for the work it does.
enum AllocatorSettings {
    /// Keeps memory freed inside the allocator's pages committed for a quarter of a second, where mimalloc 2.0
    /// returns it to the system after 25 ms. A build frees and allocates page-sized buffers continuously
    /// (rendered pages, read files, search documents): at 25 ms half its page faults, some 160,000 of 310,000 at
    /// 50,000 cables, were pages given back and touched again, each a fault, a zeroed page and, on a virtual
    /// machine whose free memory the host takes back, a fault in the host. At 250 ms: 150,000 faults, 25 MB more
    /// memory at the peak (README). Set once, at the start of every command (`Chancery.main`); a
    /// `MIMALLOC_RESET_DELAY`, `MIMALLOC_DECOMMIT_DELAY` or `MIMALLOC_PURGE_DELAY` the user set wins.
    static func apply() {
        #if os(Linux)
        guard getenv("MIMALLOC_RESET_DELAY") == nil, getenv("MIMALLOC_DECOMMIT_DELAY") == nil, getenv("MIMALLOC_PURGE_DELAY") == nil,
              let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mi_option_set") else { return }
        let set = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int) -> Void).self)
        set(decommitDelayOption, 250)
        #endif
    }

    /// `mi_option_decommit_delay` in the `mi_option_t` of mimalloc 2.0 (Debian's libmimalloc 2.0.9, which
    /// `make deps` installs).
    static let decommitDelayOption: Int32 = 15
}
