import ChanceryIO
import Templates

/// A theme: the Mustache templates and the assets of `Themes/<name>/`, layered over `Themes/default/` so
/// a site theme overrides only the files it provides. Template errors name the template file and line.
///
/// The templates are read and rendered by Chancery's own renderer (`Templates`), by the rules of
/// swift-mustache — which the tests keep as the reference: generated templates render alike and broken
/// ones are refused alike, on the same line.
struct Theme: Sendable {
    let library: TemplateLibrary
    /// Asset files: path under `assets/` → absolute source path (theme files win over default ones).
    let assets: [(name: String, source: String)]
    /// Template names available.
    let templates: Set<String>
    /// (file, hash of its bytes) for every template and asset, to notice theme changes.
    let fingerprints: [(String, UInt64)]
    /// Each template's hash and the partials and parents it names, for `key(of:)`.
    let dependencies: [String: (hash: UInt64, partials: [String])]

    /// The hash of the templates `roots` and of every template they name as a partial or a parent, all the
    /// way down: what a page rendered from those templates depends on in the theme. A change to any other
    /// template or to an asset leaves it alone.
    func key(of roots: [String]) -> UInt64 {
        var seen = Set<String>()
        var pending = roots
        while let name = pending.popLast() {
            guard seen.insert(name).inserted, let template = dependencies[name] else { continue }
            pending += template.partials
        }
        var h = FastHash()
        for name in seen.sorted() { h.add(name); h.add(dependencies[name]?.hash ?? 0) }
        return h.value
    }

    static let required = ["layout", "header", "footer", "rows", "row", "cable-link", "tag-link", "pagination", "cable", "list",
                           "home", "dates", "year", "tags", "origins", "classifications", "page", "404"]

    /// The default theme a site is built with: its own `Themes/default/`, else the one installed with the
    /// tool (`make install`: `<prefix>/share/chancery/Themes/default`); nil when there is neither.
    static func defaultFolder(root: String, installed: String? = InstalledFiles.shareFolder()) -> String? {
        let own = root + "/Themes/default"
        if DiskIO.isDirectory(own + "/templates") { return own }
        guard let installed = installed.map({ $0 + "/Themes/default" }), DiskIO.isDirectory(installed + "/templates") else { return nil }
        return installed
    }

    static func load(root: String, name: String, line: Int? = nil, installed: String? = InstalledFiles.shareFolder()) throws(BuildError) -> Theme {
        var folders: [String] = []
        if name != "default" {
            let own = root + "/Themes/" + name
            guard DiskIO.isDirectory(own) else {
                throw BuildError(path: "Content/site.yml", line: line, message: "theme '\(name)' not found: there is no folder Themes/\(name)")
            }
            folders.append(own)
        }
        guard let base = defaultFolder(root: root, installed: installed) else {
            throw BuildError(path: "Themes/default/templates", message: "the default theme is missing: a site needs Themes/default/ beside Content/, "
                             + "or chancery installed with its theme (`make install`; copy Themes/default from the Chancery repository to change it: a theme of your own then overrides only the files it provides)")
        }
        folders.insert(base, at: 0)
        /// A theme folder as errors name it: relative to the site (`Themes/default`), or where it is installed.
        func shown(_ folder: String) -> String { folder.hasPrefix(root + "/") ? String(folder.dropFirst(root.count + 1)) : folder }
        var sources: [String: (text: String, path: String)] = [:]
        var assets: [String: String] = [:]
        for folder in folders {
            let relativeFolder = shown(folder)
            for entry in DiskIO.list(folder + "/templates") ?? [] where entry.name.hasSuffix(".mustache") && !entry.isDirectory {
                let path = folder + "/templates/" + entry.name
                let bytes: [UInt8]?
                do { bytes = try DiskIO.read(path) } catch { throw BuildError(path: relativeFolder + "/templates/" + entry.name, message: error.message) }
                guard let bytes else { continue }
                sources[String(entry.name.dropLast(9))] = (String(decoding: unixLineEnds(bytes), as: UTF8.self), relativeFolder + "/templates/" + entry.name)
            }
            collectAssets(folder + "/assets", prefix: "", into: &assets)
        }
        var library = TemplateLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(source.text, named: name)
            } catch {
                // what an inheriting partial may not hold is noticed at the partial's end: the piece is found here
                if error.problem == .illegalTokenInsideInheritSection, let at = TemplateTags.firstNonBlockInInheritance(of: source.text) {
                    throw BuildError(path: source.path, line: at.line, message: "template error: \(error.what) (column \(at.column): \(at.text))")
                }
                throw BuildError(path: source.path, line: error.line,
                                 message: "template error: \(error.what) (column \(error.column): \(error.lineText.trimmingSpaces))")
            }
        }
        // each template's bytes hashed and its partials read once, for the checks and keys below
        let scanned = sources.mapValues { (hash: FastHash.of(Array($0.text.utf8)), partials: TemplateTags.partials(in: $0.text)) }
        // every partial a template names must exist
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            // a dynamic partial (`{{>*name}}`) is named by the data, when rendering
            for (partial, line) in scanned[name]!.partials where !partial.hasPrefix("*") && sources[partial] == nil {
                throw BuildError(path: source.path, line: line, message: "template error: partial '\(partial)' not found in the theme")
            }
        }
        // a partial that includes itself, directly or through others, makes a page that never ends: Chancery's
        // values hold nothing that could stop it (a name found once is found again, deeper)
        if let cycle = partialCycle(scanned.mapValues { $0.partials }) {
            let first = scanned[cycle[0]]!.partials.first { $0.0 == cycle[1] }!
            throw BuildError(path: sources[cycle[0]]!.path, line: first.1,
                             message: "template error: partial '\(cycle[1])' includes itself (\(cycle.joined(separator: " → "))): the page would never end")
        }
        for name in required where sources[name] == nil {
            throw BuildError(path: shown(folders.last!) + "/templates", message: "template '\(name).mustache' is missing")
        }
        var fingerprints = sources.sorted { $0.key < $1.key }.map { ($0.value.path, scanned[$0.key]!.hash) }
        for (name, source) in assets.sorted(by: { $0.key < $1.key }) {
            fingerprints.append(("assets/" + name, DiskIO.stamp(source).map { UInt64($0.size) &* 31 &+ UInt64(bitPattern: $0.modified) } ?? 0))
        }
        var dependencies: [String: (hash: UInt64, partials: [String])] = [:]
        for (name, template) in scanned {
            var named = template.partials.map(\.0)
            // a dynamic partial may be any template: the template depends on them all
            if named.contains(where: { $0.hasPrefix("*") }) { named = sources.keys.filter { $0 != name }.sorted() }
            dependencies[name] = (template.hash, named)
        }
        return Theme(library: library, assets: assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, templates: Set(sources.keys),
                     fingerprints: fingerprints, dependencies: dependencies)
    }

    /// A page: `template` rendered with the page's context, as UTF-8.
    func render(_ template: String, _ context: PageContext, capacity: Int) -> [UInt8] {
        library.render(template, context, capacity: capacity)
    }

    /// A fragment template rendered with one item as its whole context.
    func renderFragment(_ template: String, _ item: any TemplateValue) -> String {
        String(decoding: library.render(template, item), as: UTF8.self)
    }

    /// The first chain of templates naming each other as partials or parents that comes back to where it
    /// started (`cable → notes → cable`), if any; dynamic partials (`{{>*name}}`) are named by data and left out.
    static func partialCycle(_ partials: [String: [(String, Int)]]) -> [String]? {
        var done = Set<String>()
        var path: [String] = []
        func visit(_ name: String) -> [String]? {
            if let start = path.firstIndex(of: name) { return Array(path[start...]) + [name] }
            guard !done.contains(name), let named = partials[name] else { return nil }
            path.append(name)
            for (partial, _) in named where !partial.hasPrefix("*") {
                if let cycle = visit(partial) { return cycle }
            }
            path.removeLast()
            done.insert(name)
            return nil
        }
        for name in partials.keys.sorted() {
            if let cycle = visit(name) { return cycle }
        }
        return nil
    }

    /// `bytes` with each CRLF as LF: a template saved on Windows parses as one saved elsewhere, and its errors
    /// name the line and column and quote one line (in a Swift string "\r\n" is one Character, which neither
    /// swift-mustache's line search nor ours reads as a line end).
    static func unixLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x0D) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (k, byte) in bytes.enumerated() where !(byte == 0x0D && k + 1 < bytes.count && bytes[k + 1] == 0x0A) { out.append(byte) }
        return out
    }

    /// The theme's assets by their path under `assets/`; hidden files and editors' litter (`style.css~`,
    /// `Thumbs.db`) are not published.
    private static func collectAssets(_ folder: String, prefix: String, into assets: inout [String: String]) {
        for entry in DiskIO.list(folder) ?? [] where !entry.name.hasPrefix(".") && !EditorLitter.matches(entry.name) {
            if entry.isDirectory { collectAssets(folder + "/" + entry.name, prefix: prefix + entry.name + "/", into: &assets) }
            else { assets[prefix + entry.name] = folder + "/" + entry.name }
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
