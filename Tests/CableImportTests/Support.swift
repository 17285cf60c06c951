import Foundation
import Testing
@testable import CableImport
import CableKit

/// Shared test data: `$CHANCERY_SHARED`, or `<repo>/../shared` found from this file.
enum Shared {
    static let path: String = {
        if let env = ProcessInfo.processInfo.environment["CHANCERY_SHARED"], !env.isEmpty { return env }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // CableImportTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repository root
            .appendingPathComponent("../shared")
            .standardizedFileURL.path
    }()
    static var cablegate: String { path + "/corpus/cablegate" }
    static var seeds: String { path + "/corpus/seeds" }
    static var genCorpus: String { path + "/bench/gen-corpus.py" }

    static func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }
}

/// A fresh temporary folder for one test: inputs go under `in/`, the site is `site/`.
struct Scratch {
    let path: String
    var root: String { path + "/site" }
    var content: String { root + "/Content/cables" }
    var input: String { path + "/in" }

    /// Runs `body` with a new scratch folder and removes it afterwards, whatever happens.
    static func with<T>(_ body: (Scratch) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/in", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(Scratch(path: path))
    }

    /// Writes `bytes` to `in/<relative>` (creating folders) and returns the full path.
    @discardableResult
    func write(_ bytes: [UInt8], _ relative: String) throws -> String {
        let full = input + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func write(_ text: String, _ relative: String) throws -> String { try write(Array(text.utf8), relative) }

    /// Copies a file of the shared corpus to `in/<relative>`.
    @discardableResult
    func copy(_ source: String, to relative: String) throws -> String { try write(Shared.bytes(source), relative) }

    /// A file of `size` bytes made by extending an empty file (sparse; reads as NUL bytes).
    @discardableResult
    func sparse(size: UInt64, _ relative: String) throws -> String {
        let full = try write([UInt8](), relative)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: full))
        try handle.truncate(atOffset: size)
        try handle.close()
        return full
    }

    func importer(force: Bool = false, maximumSize: Int = CableReader.defaultMaximumSize) -> Importer {
        Importer(options: .init(root: root, force: force, maximumSize: maximumSize))
    }

    /// `Content/cables/<year>/<id>.md` for every Markdown file written, by id.
    func markdownFiles() -> [String: String] {
        var out: [String: String] = [:]
        for relative in Files.all(under: content) where relative.hasSuffix(".md") {
            let name = (relative as NSString).lastPathComponent
            out[String(name.dropLast(3))] = content + "/" + relative
        }
        return out
    }

    /// Runs `gen-corpus.py N DIR [--csv]` into `in/<folder>` and returns that folder.
    func generate(_ count: Int, csv: Bool, folder: String = "gen") throws -> String {
        let out = input + "/" + folder
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Shared.genCorpus, String(count), out] + (csv ? ["--csv"] : [])
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "gen-corpus.py failed")
        return out
    }

    /// What must hold after any import: no temporary file anywhere, nothing outside `site/Content/cables`
    /// (and inside it only `<YYYY>/<ID>.md` and originals) but the import record, the inputs untouched.
    func checkNothingStray(inputsBefore: [String: FileState]? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        for problem in strayProblems(inputsBefore: inputsBefore) { Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation) }
    }

    /// What `checkNothingStray` finds wrong, one line each.
    func strayProblems(inputsBefore: [String: FileState]? = nil) -> [String] {
        var problems: [String] = []
        let leftovers = Files.all(under: path).filter { Files.isTemporary($0) }
        if !leftovers.isEmpty { problems.append("temporary files left: \(leftovers)") }
        let top = (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? []
        if top != ["in", "site"] && top != ["in"] { problems.append("written outside the site: \(top)") }
        if FileManager.default.fileExists(atPath: root) {
            let inRoot = (try? FileManager.default.contentsOfDirectory(atPath: root).sorted()) ?? []
            // an import that stored nothing leaves at most its lock
            if inRoot != ["Content"] && inRoot != [".chancery", "Content"] && inRoot != [".chancery"] { problems.append("written outside Content: \(inRoot)") }
            let inCache = (try? FileManager.default.contentsOfDirectory(atPath: root + "/.chancery").sorted()) ?? []
            // `tool`: the hash of the executable, remembered in the site of the first import of the process
            if !Set(inCache).isSubset(of: ["import-lock", "import-record", "tool"]) {
                problems.append("written in .chancery besides the import record, the lock and the tool's hash: \(inCache)")
            }
            let inContent = (try? FileManager.default.contentsOfDirectory(atPath: root + "/Content").sorted()) ?? ["cables"]
            if inContent != ["cables"] { problems.append("written outside Content/cables: \(inContent)") }
            for relative in Files.all(under: content) {
                let parts = relative.split(separator: "/")
                let ok = parts.count == 2 && parts[0].count == 4 && parts[0].allSatisfy(\.isNumber)
                    && [".md", ".txt", ".html"].contains { parts[1].hasSuffix($0) }
                    && ReferenceID.isValid(String(parts[1].prefix { $0 != "." }))
                if !ok { problems.append("unexpected file in Content/cables: \(relative)") }
            }
        }
        if let inputsBefore, Files.snapshot(input) != inputsBefore { problems.append("an input changed") }
        return problems
    }
}

/// Identity and contents of a file: an atomic rewrite changes the inode even when the bytes are the same.
struct FileState: Equatable {
    var inode: UInt64
    var modified: Date
    var bytes: Data
}

enum Files {
    /// Relative paths of every regular file under `dir` (hidden ones too), sorted.
    static func all(under dir: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        var out: [String] = []
        while let relative = e.nextObject() as? String {
            if e.fileAttributes?[.type] as? FileAttributeType == .typeRegular { out.append(relative) }
        }
        return out.sorted()
    }

    static func isTemporary(_ relative: String) -> Bool {
        let name = (relative as NSString).lastPathComponent
        return name.hasPrefix(".") && name.contains(".tmp-")
    }

    /// Every file under `dir` but the import record, which each import rewrites (a cache, not an output).
    static func snapshot(_ dir: String) -> [String: FileState] {
        var out: [String: FileState] = [:]
        for relative in all(under: dir) where !relative.hasPrefix(".chancery/") {
            let full = dir + "/" + relative
            let attributes = (try? FileManager.default.attributesOfItem(atPath: full)) ?? [:]
            out[relative] = FileState(
                inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0,
                modified: attributes[.modificationDate] as? Date ?? .distantPast,
                bytes: (try? Data(contentsOf: URL(fileURLWithPath: full))) ?? Data())
        }
        return out
    }

    static func text(_ path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(String(data: data, encoding: .utf8), "not UTF-8: \(path)")
    }

    static func cable(_ path: String) throws -> Cable { try CableFile.read(text(path)) }
}

extension String {
    func replacing(_ target: String, with replacement: String) -> String {
        replacingOccurrences(of: target, with: replacement)
    }
}

/// One CSV row in the Cablegate layout (every field quoted, `\` escapes quotes and backslashes).
func csvRow(_ number: Int, created: String, id: String, origin: String = "Secretary of State",
            classification: String = "CONFIDENTIAL", header: String = "", body: String) -> String {
    func q(_ s: String) -> String { "\"" + s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\"" }
    return [q(String(number)), q(created), q(id), q(origin), q(classification), q(""), q(header), q(body)].joined(separator: ",") + "\n"
}

/// A minimal telegram body for CSV rows.
func telegramBody(_ serial: String, subject: String) -> String {
    "C O N F I D E N T I A L STATE \(serial)\n\nSUBJECT: \(subject)\n\n1. (C) A short paragraph about \(subject.lowercased()).\n"
}

@Suite("test support")
struct SupportTests {
    @Test("the stray-file check sees hidden temporary files and files outside Content")
    func strayCheckSeesLeftovers() throws {
        try Scratch.with { s in
            try FileManager.default.createDirectory(atPath: s.content + "/2009", withIntermediateDirectories: true)
            try Data().write(to: URL(fileURLWithPath: s.content + "/2009/.09STATE40423.md.tmp-42-7"))
            try Data().write(to: URL(fileURLWithPath: s.root + "/stray.md"))
            #expect(Files.all(under: s.path).filter { Files.isTemporary($0) } == ["site/Content/cables/2009/.09STATE40423.md.tmp-42-7"])
            #expect(s.strayProblems() == [
                "temporary files left: [\"site/Content/cables/2009/.09STATE40423.md.tmp-42-7\"]",
                "written outside Content: [\"Content\", \"stray.md\"]",
                "unexpected file in Content/cables: 2009/.09STATE40423.md.tmp-42-7",
            ])
        }
    }
}
