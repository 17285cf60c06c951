import Synchronization

/// The answers `PostDirectory.code(forWrittenName:)` already gave, by name: REF and classification lines
/// name the same few posts over and over (`STATE`, `SECSTATE`, the cable's own post), and each answer takes
/// some thousands of instructions to find (the name split into words, three tables, abbreviations tried
/// against every post). Shared by the threads that render cables; at most `limit` names are kept, so that
/// an archive of odd names cannot make it grow without end.
final class WrittenNameCache: Sendable {
    static let limit = 4096
    private let codes = Mutex<[String: String?]>([:])

    /// The code kept for `name`, else `find(name)`, kept.
    func code(_ name: String, _ find: (String) -> String?) -> String? {
        if let known = codes.withLock({ $0[name] }) { return known }
        let code = find(name)
        codes.withLock { if $0.count < Self.limit { $0[name] = code } }
        return code
    }
}
