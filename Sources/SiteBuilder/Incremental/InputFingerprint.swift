import ChanceryIO
import Foundation

/// One hash of the stamps (size, modification time) of every input of a build — the cables, their
/// originals, the free pages — and of the build's settings (tool, site.yml, theme, output folder).
/// After a build without errors it is saved in `.chancery/inputs` with the counts the summary gives; the
/// next build that finds the same fingerprint, and its output still in place, has nothing to do and stops
/// after the stamps, without loading the build cache.
struct InputFingerprint: Equatable {
    var value: UInt64
    var cables: Int
    var outputs: Int

    static func file(root: String) -> String { BuildCache.folder(root: root) + "/inputs" }

    /// The hash of `settings` and of the stamps of the cables (`files`, in listing order), the originals
    /// beside them and the free pages; stats in parallel.
    static func hash(root: String, settings: UInt64, files: [String], originals: Set<String>, pages: [String]) -> UInt64 {
        let chunk = 2048
        let starts = Array(stride(from: 0, to: files.count, by: chunk))
        let parts = parallelMap(starts) { start -> UInt64 in
            var h = FastHash()
            for path in files[start..<min(files.count, start + chunk)] {
                h.add(path)
                add(DiskIO.stamp(root + "/" + path), to: &h)
                let base = path.dropLast(3)
                if let original = ContentLoader.originalSuffix(of: base, in: originals) {
                    h.add(original)
                    add(DiskIO.stamp(root + "/" + base + original), to: &h)
                } else {
                    h.add(0)
                }
            }
            return h.value
        }
        var h = FastHash(seed: settings)
        h.add(files.count)
        for part in parts { h.add(part) }
        for page in pages { h.add(page); add(DiskIO.stamp(root + "/" + page), to: &h) }
        return h.value
    }

    private static func add(_ stamp: DiskIO.Stamp?, to h: inout FastHash) {
        if let stamp { h.add(stamp.size); h.add(UInt64(bitPattern: stamp.modified)) } else { h.add(-1) }
    }

    static func load(root: String) -> InputFingerprint? {
        guard let bytes = try? DiskIO.read(file(root: root)) else { return nil }
        let fields = String(decoding: bytes, as: UTF8.self).split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard fields.count == 3, let value = UInt64(fields[0], radix: 16), let cables = Int(fields[1]), let outputs = Int(fields[2]) else { return nil }
        return InputFingerprint(value: value, cables: cables, outputs: outputs)
    }

    func save(root: String) {
        try? DiskIO.write(Array("\(String(value, radix: 16)) \(cables) \(outputs)\n".utf8), to: InputFingerprint.file(root: root))
    }

    static func remove(root: String) { DiskIO.remove(file(root: root)) }
}
