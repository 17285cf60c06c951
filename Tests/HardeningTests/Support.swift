#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import Synchronization
import Testing

/// Where things are: the repository (found from this file), the shared corpus beside it.
enum Repo {
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .standardizedFileURL.path
    static var hostile: String { root + "/Tests/Hostile" }
    static var fuzz: String { root + "/Tests/Fuzz" }
    static var themes: String { root + "/Themes" }
    static var debugBinary: String { root + "/.build/debug/chancery" }
    static var shared: String {
        if let path = ProcessInfo.processInfo.environment["CHANCERY_SHARED"], !path.isEmpty { return path }
        return URL(fileURLWithPath: root + "/../shared").standardizedFileURL.path
    }
}

/// A fresh folder under the temporary directory, by its real path, removed by `remove()`.
struct TempDir {
    let path: String

    init(_ label: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-\(label)-\(UUID().uuidString.prefix(8))").path
        try! FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = URL(fileURLWithPath: base).resolvingSymlinksInPath().path
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Removes the folder when the test process exits (for one shared by several tests).
    func removeAtExit() {
        TempDir.pending.withLock { paths in
            if paths.isEmpty { atexit { TempDir.pending.withLock { for p in $0 { try? FileManager.default.removeItem(atPath: p) } } } }
            paths.append(path)
        }
    }

    private static let pending = Mutex<[String]>([])

    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String { try write(relative, Array(text.utf8)) }

    func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path + "/" + relative, withIntermediateDirectories: true)
    }

    func symlink(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path + "/" + relative, withDestinationPath: destination)
    }
}

/// Every entry under `root` (relative paths), without following symbolic links.
func listTree(_ root: String) -> [String] {
    var out: [String] = []
    func walk(_ relative: String) {
        let full = relative.isEmpty ? root : root + "/" + relative
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: full) else { return }
        for name in names.sorted() {
            let child = relative.isEmpty ? name : relative + "/" + name
            out.append(child)
            var info = stat()
            if lstat(root + "/" + child, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { walk(child) }
        }
    }
    walk("")
    return out
}

func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
}

func readBytes(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
}

/// Copies a folder (the theme into a test site).
func copyTree(_ from: String, to: String) throws {
    try? FileManager.default.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: from, toPath: to)
}

/// Runs a program to its end; returns its status and what it printed (both streams). A program still running
/// after `timeout` seconds is killed, and its output ends with a line saying so (its status is then SIGKILL's):
/// a hang fails the test that met it instead of stopping the suite.
@discardableResult
func runProcess(_ path: String, _ arguments: [String], directory: String? = nil, timeout: Double = 600) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let killed = Mutex(false)
    let pid = process.processIdentifier
    let watchdog = DispatchWorkItem {
        killed.withLock { $0 = true }
        kill(pid, SIGKILL)
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    var output = String(decoding: data, as: UTF8.self)
    if killed.withLock({ $0 }) {
        output += "\n[killed after \(Int(timeout)) s: \(([path] + arguments).joined(separator: " "))]\n"
    }
    return (process.terminationStatus, output)
}

/// The tests that load the machine (a server driven at a fixed rate, processes killed while they build, a
/// 50 MB cable): one at a time, so that none measures the others.
@Suite(.serialized) struct HeavyTests {}
