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

    /// The hash of `settings`, of the stamps of the cables and the originals beside them (as `listing`
    /// took them) and of the free pages.
    static func hash(root: String, settings: UInt64, listing: CableListing, pages: [String]) -> UInt64 {
        var h = FastHash(seed: settings)
        h.add(listing.entries.count)
        for entry in listing.entries {
            h.add(entry.path)
            add(entry.stamp, to: &h)
            h.add(entry.originalSuffix)
            if entry.originalSuffix != nil { add(entry.originalStamp, to: &h) }
        }
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
