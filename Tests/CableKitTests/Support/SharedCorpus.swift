import Foundation

/// The shared sample data beside the repository (`<repo>/../shared`), or `$CHANCERY_SHARED`.
enum SharedCorpus {
    static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["CHANCERY_SHARED"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared").standardizedFileURL
    }()

    static var corpus: URL { root.appendingPathComponent("corpus") }
    static var cablegate: URL { corpus.appendingPathComponent("cablegate") }

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: corpus.appendingPathComponent(relative), encoding: .utf8)
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: corpus.appendingPathComponent(relative)))
    }

    /// WikiLeaks' metadata for the cablegate sample (`expected.json`).
    static func expected() throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: cablegate.appendingPathComponent("expected.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] ?? [:]
    }

    /// The repository root.
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
