import CSHA256

/// SHA-256 of a byte buffer (FIPS 180-4), hex-encoded. Used to fingerprint originals and imported files;
/// small so the cable domain needs no crypto package. Works on the caller's bytes in place (no copy): with
/// the processor's SHA instructions where it has them (a few lines of C, `CSHA256`), else in Swift.
public enum SHA256 {
    /// Whether this processor has the SHA instructions.
    static let hardwareAvailable = chancery_sha256_hardware_available() != 0

    /// The round constants, from `CSHA256`.
    private static let k: [UInt32] = withUnsafeBytes(of: chancery_sha256_k) { Array($0.bindMemory(to: UInt32.self)) }

    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        let digest = hash(bytes)
        let chars = Array("0123456789abcdef".utf8)
        var out = [UInt8](); out.reserveCapacity(64)
        for b in digest { out.append(chars[Int(b >> 4)]); out.append(chars[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    public static func hash(_ input: some Collection<UInt8>) -> [UInt8] {
        if let digest = input.withContiguousStorageIfAvailable({ hash(buffer: $0) }) { return digest }
        return Array(input).withUnsafeBufferPointer { hash(buffer: $0) }
    }

    /// The digest of `buffer`: its whole blocks straight from memory, then the padded tail.
    /// `hardware: false` forces the portable code (tests compare the two).
    static func hash(buffer: UnsafeBufferPointer<UInt8>, hardware: Bool = hardwareAvailable) -> [UInt8] {
        var state = State()
        let whole = buffer.count / 64 * 64
        if whole > 0 { state.compress(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<whole]), hardware: hardware) }
        var tail = [UInt8](UnsafeBufferPointer(rebasing: buffer[whole...]))
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(buffer.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBytes { state.compress($0, hardware: hardware) }
        var out = [UInt8](); out.reserveCapacity(32)
        for v in [state.h0, state.h1, state.h2, state.h3, state.h4, state.h5, state.h6, state.h7] {
            out += [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
        }
        return out
    }

    private struct State {
        var h0: UInt32 = 0x6a09e667, h1: UInt32 = 0xbb67ae85, h2: UInt32 = 0x3c6ef372, h3: UInt32 = 0xa54ff53a
        var h4: UInt32 = 0x510e527f, h5: UInt32 = 0x9b05688c, h6: UInt32 = 0x1f83d9ab, h7: UInt32 = 0x5be0cd19

        /// Compresses every 64-byte block of `m` (its length is a multiple of 64).
        mutating func compress(_ m: UnsafeRawBufferPointer, hardware: Bool) {
            if hardware, let base = m.baseAddress {
                var words = (h0, h1, h2, h3, h4, h5, h6, h7)
                withUnsafeMutableBytes(of: &words) { w in
                    chancery_sha256_hardware_blocks(w.baseAddress!.assumingMemoryBound(to: UInt32.self), base.assumingMemoryBound(to: UInt8.self), m.count / 64)
                }
                (h0, h1, h2, h3, h4, h5, h6, h7) = words
                return
            }
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                SHA256.k.withUnsafeBufferPointer { k in
                    var chunk = 0
                    while chunk < m.count {
                        for t in 0..<16 { w[t] = UInt32(bigEndian: m.loadUnaligned(fromByteOffset: chunk + t * 4, as: UInt32.self)) }
                        for t in 16..<64 {
                            let a = w[t - 15], b = w[t - 2]
                            let s0 = (a >> 7 | a << 25) ^ (a >> 18 | a << 14) ^ (a >> 3)
                            let s1 = (b >> 17 | b << 15) ^ (b >> 19 | b << 13) ^ (b >> 10)
                            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                        }
                        var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                        for t in 0..<64 {
                            let s1 = (e >> 6 | e << 26) ^ (e >> 11 | e << 21) ^ (e >> 25 | e << 7)
                            let ch = (e & f) ^ (~e & g)
                            let t1 = h &+ s1 &+ ch &+ k[t] &+ w[t]
                            let s0 = (a >> 2 | a << 30) ^ (a >> 13 | a << 19) ^ (a >> 22 | a << 10)
                            let maj = (a & b) ^ (a & c) ^ (b & c)
                            h = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ s0 &+ maj
                        }
                        h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
                        chunk += 64
                    }
                }
            }
        }
    }
}
