import Foundation
import SiteBuilder
import Testing

/// Where the repository is, found from this file (`Tests/SiteBuilderTests/SiteFixture.swift`).
enum Repo {
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // SiteBuilderTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .standardizedFileURL.path
    static var themes: String { root + "/Themes" }
    static var content: String { root + "/Content" }
    /// The command-line tool as `swift build` / `swift build --build-tests` leaves it.
    static var debugBinary: String { root + "/.build/debug/chancery" }
    static var screenshotScript: String { root + "/Tests/Tools/screenshots.sh" }
}

/// Fresh folders under the temporary directory.
enum Temp {
    static func directory(_ label: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-\(label)-\(UUID().uuidString.prefix(8))").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Removes `path` when the test process exits (for folders shared by several tests).
    static func removeAtExit(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        if atExit.isEmpty { atexit { Temp.removeAll() } }
        atExit.append(path)
    }

    private static func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        for path in atExit { try? FileManager.default.removeItem(atPath: path) }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var atExit: [String] = []
}

/// A whole site written from one inline text, in the style of Hugo's integration tests (txtar):
///
///     -- Content/site.yml --
///     title: Test
///     -- Content/cables/2008/08STATE37957.md --
///     ---
///     id: "08STATE37957"
///     …
///
/// The themes of the repository are copied in first (`themes: .repository`), so a fixture may override
/// single templates by naming them; with `themes: .inline` the fixture brings its whole theme.
/// The site is built in-process with `SiteBuilder(options:).build()` into `<root>/Public`.
final class SiteFixture: @unchecked Sendable {  // a shared fixture is only read once built
    enum Themes { case repository, inline }

    let root: String
    let baseURL: String?
    /// The report of the last build (nil before the first).
    private(set) var report: BuildReport!

    var output: String { root + "/Public" }

    /// The inline reading room (`ReadingRoom.site`), built once and shared by the tests that only read it.
    static let readingRoom: SiteFixture = {
        let site = try! SiteFixture(ReadingRoom.site)
        site.keep = true
        Temp.removeAtExit(site.root)
        return site
    }()

    /// Kept when the fixture goes (a shared fixture is removed when the process exits).
    private var keep = false

    init(_ text: String, themes: Themes = .repository, baseURL: String? = nil, build: Bool = true) throws {
        root = Temp.directory("site")
        self.baseURL = baseURL
        if themes == .repository { try FileManager.default.copyItem(atPath: Repo.themes, toPath: root + "/Themes") }
        for (path, body) in SiteFixture.files(text) { try write(body, to: path) }
        if build { self.build() }
    }

    deinit { if !keep { try? FileManager.default.removeItem(atPath: root) } }

    /// The files of an inline site: `-- path --` lines open a file, which runs to the next such line.
    static func files(_ text: String) -> [(path: String, body: String)] {
        var files: [(String, String)] = []
        var current: String?
        var body = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                if let current { files.append((current, body)) }
                current = String(line.dropFirst(3).dropLast(3)).trimmingCharacters(in: .whitespaces)
                body = ""
            } else if current != nil {
                body += line + "\n"
            }
        }
        if let current { files.append((current, body)) }
        return files
    }

    func write(_ text: String, to relative: String) throws {
        let full = root + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    @discardableResult
    func build() -> BuildReport {
        report = SiteBuilder(options: .init(root: root, output: nil, baseURL: baseURL)).build()
        return report
    }

    /// How the output differs from a clean build of a copy of the site's content and themes (empty when
    /// they are byte for byte the same).
    func differencesFromCleanBuild() throws -> [String] {
        let reference = Temp.directory("clean")
        defer { try? FileManager.default.removeItem(atPath: reference) }
        try FileManager.default.copyItem(atPath: root + "/Content", toPath: reference + "/Content")
        try FileManager.default.copyItem(atPath: root + "/Themes", toPath: reference + "/Themes")
        let clean = SiteBuilder(options: .init(root: reference, output: reference + "/Public", baseURL: baseURL)).build()
        if clean.failed { return ["the clean build failed: \(clean.errors.prefix(5))"] }
        return Tree.differences(output, reference + "/Public")
    }

    /// The error lines the command line would print (`path:line: error: message`).
    var errorLines: [String] { report?.errors.map(\.description) ?? [] }

    // MARK: reading the output

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: output + "/" + path) }

    func text(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: output + "/" + path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    func data(_ path: String) -> Data? { FileManager.default.contents(atPath: output + "/" + path) }

    /// Expects the built file at `path` (under Public/) to contain every string of `contains`, and none of `notContains`.
    func assertFileContent(_ path: String, contains: [String], notContains: [String] = [],
                           sourceLocation: SourceLocation = #_sourceLocation) {
        guard let text = text(path) else {
            Issue.record("\(path) was not built; errors: \(errorLines)", sourceLocation: sourceLocation)
            return
        }
        for needle in contains where !text.contains(needle) {
            Issue.record("\(path) does not contain \(needle.debugDescription)", sourceLocation: sourceLocation)
        }
        for needle in notContains where text.contains(needle) {
            Issue.record("\(path) contains \(needle.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    /// Expects the strings to appear in this order in the file.
    func assertOrder(_ path: String, _ needles: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        guard let text = text(path) else {
            Issue.record("\(path) was not built; errors: \(errorLines)", sourceLocation: sourceLocation)
            return
        }
        var from = text.startIndex
        for needle in needles {
            guard let range = text.range(of: needle, range: from..<text.endIndex) else {
                Issue.record("\(path): \(needle.debugDescription) is missing or out of order (expected order: \(needles))", sourceLocation: sourceLocation)
                return
            }
            from = range.upperBound
        }
    }

    func assertExists(_ paths: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for path in paths where !exists(path) {
            Issue.record("\(path) was not built; errors: \(errorLines)", sourceLocation: sourceLocation)
        }
    }

    func assertMissing(_ paths: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for path in paths where exists(path) {
            Issue.record("\(path) should not have been built", sourceLocation: sourceLocation)
        }
    }

    /// Every file under Public/, relative, sorted.
    func allFiles() -> [String] { Tree.files(output) }
}

/// File trees: listings, byte comparison, modification times.
enum Tree {
    /// Every regular file under `directory` (relative paths, sorted; hidden entries included).
    static func files(_ directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var out: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out.append(path)
            }
        }
        return out.sorted()
    }

    /// The differences between two trees (missing files, extra files, files whose bytes differ).
    static func differences(_ a: String, _ b: String) -> [String] {
        let left = files(a), right = files(b)
        var out: [String] = []
        let leftSet = Set(left), rightSet = Set(right)
        for path in left where !rightSet.contains(path) { out.append("only in the first: \(path)") }
        for path in right where !leftSet.contains(path) { out.append("only in the second: \(path)") }
        for path in left where rightSet.contains(path) {
            if FileManager.default.contents(atPath: a + "/" + path) != FileManager.default.contents(atPath: b + "/" + path) {
                out.append("bytes differ: \(path)")
            }
        }
        return out
    }

    /// Modification times (seconds and nanoseconds) of every file.
    static func modificationTimes(_ directory: String) -> [String: timespec] {
        var out: [String: timespec] = [:]
        for path in files(directory) {
            var st = stat()
            if lstat(directory + "/" + path, &st) == 0 { out[path] = st.st_mtim }
        }
        return out
    }

    static func copy(_ source: String, to target: String) throws {
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: target)
    }
}

/// The sample reading room of the repository (Content/ and Themes/), copied once per test run into a
/// temporary site folder (so edits made to the repository during the run cannot change it between two
/// builds) and built once into `<copy>/Public`, shared by the tests that read it.
enum SampleSite {
    struct Built: Sendable {
        /// The site folder (a copy of the repository's Content/ and Themes/).
        let root: String
        /// The built site.
        let output: String
        let errors: [String]
        let cables: Int
    }

    /// The copy, made on first use.
    static let root: String = {
        let root = Temp.directory("sample")
        try! FileManager.default.copyItem(atPath: Repo.content, toPath: root + "/Content")
        try! FileManager.default.copyItem(atPath: Repo.themes, toPath: root + "/Themes")
        Temp.removeAtExit(root)
        return root
    }()

    /// The copy, built once (in-process).
    static let built: Built = {
        let output = root + "/Public"
        let report = SiteBuilder(options: .init(root: root, output: output)).build()
        return Built(root: root, output: output, errors: report.errors.map(\.description), cables: report.cables)
    }()

    /// A build of the snapshot into a new folder (`<new temporary folder>/Public`); the caller removes that
    /// folder. (Builds of the snapshot wait for each other: see `copy(label:)`.)
    static func buildFresh(label: String) -> (output: String, report: BuildReport) {
        let output = Temp.directory(label) + "/Public"
        let report = SiteBuilder(options: .init(root: root, output: output)).build()
        return (output, report)
    }

    /// A new copy of the snapshot (Content/, Themes/) in a folder of its own, for tests that build it
    /// several times: builds of one site folder wait for each other (a lock in `.chancery/`) and share its
    /// build cache, so tests that each have their own copy neither queue nor disturb one another.
    /// The caller removes it.
    static func copy(label: String) throws -> String {
        let copy = Temp.directory(label)
        try FileManager.default.copyItem(atPath: root + "/Content", toPath: copy + "/Content")
        try FileManager.default.copyItem(atPath: root + "/Themes", toPath: copy + "/Themes")
        return copy
    }

}

/// Runs a program and collects what it prints.
struct Run {
    var status: Int32
    var output: String
    var error: String
    var seconds: Double

    /// `executable` is looked up on PATH when it has no slash.
    static func command(_ executable: String, _ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws -> Run {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let start = Date()
        try process.run()
        // read both pipes while the process runs, so a chatty process cannot fill a pipe and block
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return Run(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                   error: String(decoding: errData, as: UTF8.self), seconds: Date().timeIntervalSince(start))
    }

    /// The full path of a program on PATH, if any.
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = dir + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
