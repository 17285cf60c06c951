import CableKit

/// What the build cache keeps of a cable's original (`Content/cables/…/<ID>.txt` or `.html`) to tell whether
/// it changed: the first 64 bits of its SHA-256.
///
/// A cable new to the cache takes the SHA-256 its front matter records for the original (`source.sha256`, which
/// the import wrote) instead of reading the file and hashing it: half the bytes a first build would read only for
/// this. The record can be stale (an original edited by hand after the import); that costs work, never a wrong
/// page: while the original's stamp is the same, nothing it holds is used (the page links to the file itself),
/// and once its stamp changes its bytes are hashed, and a hash unlike the recorded one re-renders the page and
/// publishes the original again.
struct OriginalHash: Equatable {
    let value: UInt64

    /// The hash of the original's bytes.
    init(of bytes: [UInt8]) {
        value = OriginalHash.prefix(SHA256.hash(bytes))
    }

    /// The hash of a SHA-256 written in hexadecimal (64 digits, either case); nil for anything else.
    init?(sha256 hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8)
        for i in stride(from: 0, to: 64, by: 2) {
            guard let high = OriginalHash.digit(digits[i]), let low = OriginalHash.digit(digits[i + 1]) else { return nil }
            if bytes.count < 8 { bytes.append(high << 4 | low) }
        }
        value = OriginalHash.prefix(bytes)
    }

    /// The first eight bytes of a digest, the first highest.
    private static func prefix(_ digest: [UInt8]) -> UInt64 {
        digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    private static func digit(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x61...0x66: c - 0x61 + 10
        case 0x41...0x46: c - 0x41 + 10
        default: nil
        }
    }
}
