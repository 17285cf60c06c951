import CableKit

/// A compact binary encoding for the build cache: varints and length-prefixed UTF-8 strings. Fast to write
/// and read for hundreds of thousands of records, and it never depends on dictionary order. Written into a
/// `ByteWriter` (a cable's entry is some forty small appends).
struct BinaryWriter: ~Copyable {
    private var out: ByteWriter

    init(capacity: Int = 1 << 16) { out = ByteWriter(capacity: capacity) }

    /// How many bytes were written.
    var count: Int { out.count }
    /// The bytes written, as an array.
    var bytes: [UInt8] { out.withBytes { Array($0) } }
    /// The bytes written, read in place.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { out.withBytes(body) }
    /// The bytes written, handed over.
    consuming func finish() -> [UInt8] { out.finish() }

    mutating func int(_ n: Int) { uint(UInt64(bitPattern: Int64(n))) }
    mutating func uint(_ n: UInt64) {
        // ten bytes at most
        out.write(upTo: 10) { to in
            var v = n, k = 0
            while v >= 0x80 { to[k] = UInt8(truncatingIfNeeded: v) | 0x80; v >>= 7; k += 1 }
            to[k] = UInt8(truncatingIfNeeded: v)
            return k + 1
        }
    }
    mutating func bool(_ b: Bool) { out.append(b ? 1 : 0) }
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            uint(UInt64(utf8.count))
            out.append(utf8)
        }
    }
    mutating func optional(_ s: String?) {
        if let s { out.append(1); string(s) } else { out.append(0) }
    }
    mutating func strings(_ list: [String]) { uint(UInt64(list.count)); for s in list { string(s) } }
    /// Bytes another writer wrote.
    mutating func raw(_ other: [UInt8]) { out.append(other) }
}

/// Reads what `BinaryWriter` wrote; every read checks its bounds and a malformed cache simply fails to load.
struct BinaryReader {
    let bytes: [UInt8]
    var position = 0
    /// Reads stop here (the end of the bytes, or of the part being read).
    let end: Int
    struct Malformed: Error {}

    init(_ bytes: [UInt8]) { self.bytes = bytes; end = bytes.count }

    /// A reader of `bytes[from..<to]` only.
    init(_ bytes: [UInt8], from: Int, to: Int) {
        self.bytes = bytes; position = from; end = min(to, bytes.count)
    }

    var atEnd: Bool { position >= end }

    /// Skips `count` bytes.
    mutating func skip(_ count: Int) throws(Malformed) {
        guard count >= 0, count <= end - position else { throw Malformed() }
        position += count
    }

    mutating func uint() throws(Malformed) -> UInt64 {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end, shift < 64 else { throw Malformed() }
            let b = bytes[position]; position += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
    }
    mutating func int() throws(Malformed) -> Int { Int(Int64(bitPattern: try uint())) }
    mutating func bool() throws(Malformed) -> Bool {
        guard position < end else { throw Malformed() }
        defer { position += 1 }
        return bytes[position] != 0
    }
    mutating func string() throws(Malformed) -> String {
        let n = Int(try uint())
        guard n >= 0, n <= end - position else { throw Malformed() }
        defer { position += n }
        return String(decoding: bytes[position..<(position + n)], as: UTF8.self)
    }
    mutating func optional() throws(Malformed) -> String? { try bool() ? try string() : nil }
    mutating func skipString() throws(Malformed) { try skip(Int(truncatingIfNeeded: try uint())) }
    mutating func skipOptional() throws(Malformed) { if try bool() { try skipString() } }
    mutating func skipStrings() throws(Malformed) {
        let n = Int(truncatingIfNeeded: try uint())
        guard n >= 0, n <= end - position else { throw Malformed() }
        for _ in 0..<n { try skipString() }
    }
    mutating func strings() throws(Malformed) -> [String] {
        let n = Int(try uint())
        guard n >= 0, n <= end - position else { throw Malformed() }
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }
}

extension BinaryWriter {
    /// A cable's front matter (the body is not stored).
    mutating func cable(_ c: Cable) {
        optional(c.id); optional(c.title); optional(c.date?.written); bool(c.dateEstimated); optional(c.origin)
        optional(c.classification?.rawValue); strings(c.caveats); optional(c.precedence); strings(c.to); strings(c.info)
        strings(c.tags); strings(c.references); optional(c.referenceLine); optional(c.classifiedBy); strings(c.reasons); optional(c.declassifyOn)
        optional(c.signedBy); optional(c.summary); bool(c.partial)
        bool(c.release != nil)
        if let r = c.release { optional(r.status); strings(r.exemptions); optional(r.reviewer); optional(r.reviewDate); optional(r.caseID) }
        optional(c.source.format?.rawValue); optional(c.source.file); optional(c.source.sha256); optional(c.source.encoding); optional(c.source.checksum)
        uint(UInt64(c.repairs.count))
        for r in c.repairs { string(r.kind); string(r.original); string(r.replacement); int(r.line ?? -1) }
    }
}

extension BinaryReader {
    /// What `BinaryWriter.cable` wrote, decoding only the fields listings show and skipping the rest.
    mutating func cableListing() throws(Malformed) -> CableRecord.Listing {
        var l = CableRecord.Listing()
        l.id = try optional(); l.title = try optional(); l.date = try optional().flatMap { CableDate(iso: $0) }
        l.dateEstimated = try bool(); l.origin = try optional()
        l.classification = try optional().flatMap { Classification(rawValue: $0) }
        l.caveats = try strings()
        try skipOptional(); try skipStrings(); try skipStrings()          // precedence, to, info
        l.tags = try strings(); l.references = try strings()
        try skipOptional(); try skipOptional(); try skipStrings(); try skipOptional(); try skipOptional()   // reference line, classified by, reasons, declassify on, signed by
        l.summary = try optional(); l.partial = try bool()
        if try bool() { try skipOptional(); try skipStrings(); try skipOptional(); try skipOptional(); try skipOptional() }  // release
        for _ in 0..<5 { try skipOptional() }                              // source
        let repairs = Int(truncatingIfNeeded: try uint())
        guard repairs >= 0, repairs < 100_000 else { throw Malformed() }
        for _ in 0..<repairs { try skipString(); try skipString(); try skipString(); _ = try uint() }
        return l
    }

    mutating func cable() throws(Malformed) -> Cable {
        var c = Cable()
        c.id = try optional(); c.title = try optional(); c.date = try optional().flatMap { CableDate(iso: $0) }
        c.dateEstimated = try bool(); c.origin = try optional()
        c.classification = try optional().flatMap { Classification(rawValue: $0) }
        c.caveats = try strings(); c.precedence = try optional(); c.to = try strings(); c.info = try strings()
        c.tags = try strings(); c.references = try strings(); c.referenceLine = try optional(); c.classifiedBy = try optional(); c.reasons = try strings()
        c.declassifyOn = try optional(); c.signedBy = try optional(); c.summary = try optional(); c.partial = try bool()
        if try bool() {
            c.release = Release(status: try optional(), exemptions: try strings(), reviewer: try optional(),
                                reviewDate: try optional(), caseID: try optional())
        }
        c.source = SourceInfo(format: try optional().flatMap { SourceFormat(rawValue: $0) }, file: try optional(),
                              sha256: try optional(), encoding: try optional(), checksum: try optional())
        let repairs = Int(try uint())
        guard repairs >= 0, repairs < 100_000 else { throw Malformed() }
        for _ in 0..<repairs {
            let kind = try string(), original = try string(), replacement = try string(), line = try int()
            c.repairs.append(Repair(kind: kind, original: original, replacement: replacement, line: line >= 0 ? line : nil))
        }
        return c
    }
}
