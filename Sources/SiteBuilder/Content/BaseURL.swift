/// The rule for the address a site is published at — `base_url` of site.yml and `--base-url` of
/// `chancery build`: an absolute `http` or `https` URL with a host, an optional port and an optional path,
/// and nothing else. Every link, feed, sitemap and export is made by appending a path to it, so a query
/// (`?x=1`), a fragment (`#top`) or a user name (`user@`) would end up in the middle of every URL. The path
/// is used as it goes on the wire: a space, a non-ASCII letter or another character a URI may not hold is
/// percent-encoded, as a browser does (`/my archive` → `/my%20archive`, `/archív` → `/arch%C3%ADv`; an
/// escape already there stays), so that no link holds a raw space. The scheme and host are lower-cased and
/// trailing slashes dropped.
enum BaseURL {
    /// The URL as the site uses it (`https://example.org/archive`), or why it cannot be used: a phrase that
    /// follows the name of the setting (`'base_url' must …`, `--base-url must …`).
    static func check(_ text: String) -> Result<String, Problem> {
        let lowered = text.lowercased()
        guard let scheme = ["http://", "https://"].first(where: { lowered.hasPrefix($0) }) else { return .failure(.noScheme) }
        if text.contains("#") { return .failure(.other("must not have a fragment (#…): every link of the site is made by appending a path to it")) }
        if text.contains("?") { return .failure(.other("must not have a query (?…): every link of the site is made by appending a path to it")) }
        let rest = text.dropFirst(scheme.count)
        let authority = rest.prefix { $0 != "/" }
        var path = String(rest.dropFirst(authority.count))
        if authority.contains("@") { return .failure(.other("must not hold a user name or password (…@): write only the scheme, host and path")) }
        guard let host = host(authority) else {
            return .failure(.other(authority.isEmpty ? "names no host: write one, as in https://example.org/archive" : "has an invalid host or port '\(authority)'"))
        }
        while path.hasSuffix("/") { path.removeLast() }
        if path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return .failure(.other("must not hold a control character"))
        }
        if !validEscapes(path) { return .failure(.other("has a '%' in its path not followed by two hexadecimal digits (a '%' itself is %25)")) }
        path = Sitemap.uri(path)
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            return .failure(.other("must not have an empty, '.' or '..' segment in its path"))
        }
        return .success(scheme + host + path)
    }

    /// Why a base URL cannot be used.
    enum Problem: Error, Equatable {
        /// Not an absolute http or https URL (the usual mistake: `example.org/archive`).
        case noScheme
        case other(String)

        var phrase: String {
            switch self {
            case .noScheme: "must be an absolute URL starting with http:// or https://"
            case .other(let phrase): phrase
            }
        }
    }

    /// The host and port, lower-cased (`example.org`, `example.org:8080`, `[::1]:8080`), or nil when they are
    /// not a host name or IP address and a port from 1 to 65535.
    private static func host(_ authority: Substring) -> String? {
        var name = authority
        var port: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            name = authority[...close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty { guard after.hasPrefix(":") else { return nil }; port = after.dropFirst() }
            guard name.dropFirst().dropLast().allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }), name.count > 2 else { return nil }
        } else {
            if let colon = authority.lastIndex(of: ":") { name = authority[..<colon]; port = authority[authority.index(after: colon)...] }
            let labels = name.split(separator: ".", omittingEmptySubsequences: false)
            guard !name.isEmpty, labels.allSatisfy({ label in
                !label.isEmpty && label.first != "-" && label.last != "-" && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }) else { return nil }
        }
        if let port {
            guard !port.isEmpty, port.count <= 5, port.allSatisfy(\.isASCII), let n = Int(port), (1...65535).contains(n) else { return nil }
        }
        return authority.lowercased()
    }

    private static func validEscapes(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, Character(Unicode.Scalar(bytes[i + 1])).isHexDigit, Character(Unicode.Scalar(bytes[i + 2])).isHexDigit else { return false }
                i += 3
            } else { i += 1 }
        }
        return true
    }
}
