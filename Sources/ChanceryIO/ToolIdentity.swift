import Synchronization

/// Which build of chancery is running: its version and a hash of its executable's bytes. What a run leaves
/// for the next one (the build cache's settings, the import record) is keyed on it, so that a new build of
/// the tool, whose parser or templates may differ, never trusts what an older one wrote — while the same
/// build compiled again is still trusted: a CI job compiles the tool from a fresh checkout (every source
/// file's time is new, so every file is compiled again) into the same bytes with a new file time, and its
/// site rebuild stays incremental.
public enum ToolIdentity {
    /// The released version.
    public static let version = "chancery 0.1"

    /// Where the running executable is read; Linux's (elsewhere there is no identity: nothing is trusted).
    static let executablePath = "/proc/self/exe"

    /// `chancery 0.1 9f3c0a1e2b7d4c55`: the version and the hash of the executable's bytes; nil where the
    /// executable cannot be read. Hashing it takes a few tens of milliseconds, so the site folder `site` keeps
    /// the hash in `.chancery/tool` with the executable's size and time: the bytes are read again only when
    /// those change. Computed once per process.
    public static func current(site: String? = nil) -> String? {
        known.withLock { known in
            if let known { return known }
            guard let hash = executableHash(remembering: site.map { $0 + "/.chancery/tool" }) else { return nil }
            known = version + " " + hash
            return known
        }
    }

    private static let known = Mutex<String?>(nil)

    /// The executable's hash (16 hex digits), from `file` when its size and time match those it was taken at.
    static func executableHash(remembering file: String?, executable: String = executablePath) -> String? {
        guard let stamp = DiskIO.stamp(executable) else { return nil }
        let prefix = "\(stamp.size) \(stamp.modified) "
        if let file, let bytes = try? DiskIO.read(file) {
            let line = String(decoding: bytes, as: UTF8.self)
            if line.hasPrefix(prefix) {
                let hash = line.dropFirst(prefix.count).prefix { $0 != "\n" }
                if hash.count == 16, hash.allSatisfy(\.isHexDigit) { return String(hash) }
            }
        }
        // read a megabyte at a time (the release executable is some 55 MB)
        guard let reader = ChunkedFile(path: executable, chunkSize: 1 << 20) else { return nil }
        var hasher = FastHash()
        while let chunk = reader.next() { hasher.add(FastHash.ofContents(chunk)) }
        guard reader.error == nil else { return nil }
        let hex = String(hasher.value, radix: 16)
        let hash = String(repeating: "0", count: 16 - hex.count) + hex
        if let file { try? DiskIO.write(Array((prefix + hash + "\n").utf8), to: file) }
        return hash
    }
}
