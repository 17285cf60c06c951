/// A fast, deterministic 64-bit hash for change detection (not for security): the same input gives the
/// same value on every run and machine, unlike Swift's seeded `Hasher`. Word-at-a-time multiply–xor.
@frozen public struct FastHash: Sendable {
    @usableFromInline var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    /// The hash of everything added so far.
    @inlinable public var value: UInt64 { state }

    @inlinable public init() {}
    @inlinable public init(seed: UInt64) { state = seed ^ 0x9E37_79B9_7F4A_7C15 }

    @inlinable @inline(__always) mutating func mix(_ x: UInt64) {
        state = (state ^ x) &* 0xBF58_476D_1CE4_E5B9
        state ^= state >> 31
    }

    @inlinable public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        let n = bytes.count
        while i + 8 <= n { mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)); i += 8 }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
        mix(tail ^ UInt64(n) << 56)
    }

    @inlinable public mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }
    @inlinable public mutating func add(_ s: String) { var s = s; s.withUTF8 { add(UnsafeRawBufferPointer($0)) } }
    @inlinable public mutating func add(_ s: String?) { if let s { mix(1); add(s) } else { mix(0) } }
    @inlinable public mutating func add(_ list: [String]) { mix(UInt64(list.count)); for s in list { add(s) } }
    @inlinable public mutating func add(_ n: Int) { mix(UInt64(bitPattern: Int64(n))) }
    @inlinable public mutating func add(_ n: UInt64) { mix(n) }
    @inlinable public mutating func add(_ b: Bool) { mix(b ? 1 : 2) }

    @inlinable public static func of(_ bytes: [UInt8]) -> UInt64 { var h = FastHash(); h.add(bytes); return h.value }
    @inlinable public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 { var h = FastHash(); h.add(bytes); return h.value }

    /// The hash of a file's bytes, for telling whether it changed: four lanes, 32 bytes at a time, so that each
    /// multiplication does not wait for the one before it (`add` makes one chain of them: some four times
    /// slower on a page of tens of kilobytes). Not the same values as `of`, which names and URLs are made from.
    @inlinable public static func ofContents(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var lanes = (FastHash(seed: 1), FastHash(seed: 2), FastHash(seed: 3), FastHash(seed: 4))
        var i = 0
        let n = bytes.count
        while i + 32 <= n {
            lanes.0.mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            lanes.1.mix(bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            lanes.2.mix(bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            lanes.3.mix(bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
        }
        var h = FastHash()
        h.mix(lanes.0.state); h.mix(lanes.1.state); h.mix(lanes.2.state); h.mix(lanes.3.state)
        h.mix(UInt64(n))
        h.add(UnsafeRawBufferPointer(rebasing: bytes[i...]))
        return h.value
    }

    @inlinable public static func ofContents(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { ofContents($0) } }
}
