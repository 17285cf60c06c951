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
        value = SHA256.Digest(SHA256.hash(bytes)).words.0
    }

    /// The hash of a SHA-256 written in hexadecimal (64 digits; the import writes them lower-case, a hand may
    /// not); nil for anything else.
    init?(sha256 hex: String) {
        guard let digest = SHA256.Digest(hex: hex) ?? SHA256.Digest(hex: hex.lowercased()) else { return nil }
        value = digest.words.0
    }
}
