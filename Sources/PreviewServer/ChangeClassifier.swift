import ChanceryIO

/// What a changed file means for the preview.
public enum ChangeKind: String, Sendable, Hashable, CaseIterable {
    /// A cable, a free page or anything else under `Content/` (except `site.yml`).
    case content
    /// A template or an asset under `Themes/`.
    case theme
    /// `Content/site.yml`.
    case config
    /// Nothing the build reads: editor swap and backup files, the builder's own temporary files, hidden
    /// files, anything under `Public/` or outside `Content/` and `Themes/`.
    case ignored
}

/// Classifies a changed path, relative to the site root (`Content/cables/2008/08STATE37957.md`). Pure.
public enum ChangeClassifier {
    /// Classifies `path`, relative to the site root; an absolute path is made relative to `root` first.
    public static func classify(_ path: String, root: String? = nil) -> ChangeKind {
        var relative = Substring(path)
        if let root, !root.isEmpty {
            var prefix = root
            while prefix.count > 1, prefix.hasSuffix("/") { prefix.removeLast() }
            if relative == prefix { return .ignored }
            if prefix == "/" ? relative.hasPrefix("/") : relative.hasPrefix(prefix + "/") {
                relative = relative.dropFirst(prefix == "/" ? 1 : prefix.count + 1)
            } else if relative.hasPrefix("/") {
                return .ignored  // outside the site
            }
        }
        var parts = relative.split(separator: "/", omittingEmptySubsequences: true)
        while parts.first == "." { parts.removeFirst() }
        guard let top = parts.first, let name = parts.last else { return .ignored }
        if parts.contains(where: { $0.hasPrefix(".") || $0 == ".." }) { return .ignored }  // .DS_Store, .x.tmp-1, .git, vim's .x.swp
        if EditorLitter.matches(name) { return .ignored }
        switch top {
        case "Content": return parts.count == 2 && name == "site.yml" ? .config : .content
        case "Themes": return .theme
        default: return .ignored  // Public/ and everything else
        }
    }
}
