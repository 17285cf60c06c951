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
}
