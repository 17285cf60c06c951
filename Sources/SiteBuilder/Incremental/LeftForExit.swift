/// Keeps a one-shot build's large structures (the build cache, the records, the index model) alive until
/// the process exits instead of freeing them object by object when the build returns: at 50,000 cables that
/// takes half a second of a small incremental build, and the system reclaims the memory at exit anyway.
/// Used only when `SiteBuilder.Options.freesMemory` is false (the `chancery build` command); a long-running
/// process (the preview server, the tests) frees as usual.
enum LeftForExit {
    private final class Box {
        let value: Any
        init(_ value: Any) { self.value = value }
    }

    static func keep(_ value: Any) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
