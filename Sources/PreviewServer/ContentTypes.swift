/// The `Content-Type` of a file served from `Public/`, by extension.
public enum ContentTypes {
    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml",
        "json": "application/json",
        "xml": "application/xml",
        "txt": "text/plain; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "webmanifest": "application/manifest+json",
        "pdf": "application/pdf",
        "map": "application/json",
        "wasm": "application/wasm",
    ]

    /// `application/octet-stream` when the extension is unknown.
    public static let fallback = "application/octet-stream"

    /// The content type for a file name (`index.html` → `text/html; charset=utf-8`).
    public static func forFile(_ name: String) -> String {
        let last = name.split(separator: "/").last ?? Substring(name)
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return fallback }
        return byExtension[last[last.index(after: dot)...].lowercased()] ?? fallback
    }

    /// Whether the type is HTML (the live-reload tags are injected into it).
    public static func isHTML(_ type: String) -> Bool { type.hasPrefix("text/html") }
}
