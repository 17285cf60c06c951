#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CableKit
import Foundation
import Testing


extension HeavyTests {
    /// `chancery import` and `chancery build` killed (SIGKILL) at random points, several times each, on ~2,000
    /// cables — a first build (staged beside `Public/`) and an incremental one rewriting every page in place: no
    /// truncated Markdown file, original or page is ever left, and the next run completes with output
    /// byte-identical to a clean run's.
    @Suite struct CrashSafetyTests {
        static let cables = 2000
        static let kills = 3

        /// Starts the debug binary and kills it after `delay` seconds (unless it ended first); true if killed.
        static func runAndKill(_ arguments: [String], after delay: Double) throws -> Bool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Repo.debugBinary)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(delay)
            while process.isRunning, Date() < deadline { usleep(5_000) }
            let killed = process.isRunning
            if killed { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return killed
        }

        /// Every regular file under `root`, relative path → bytes.
        static func snapshot(_ root: String) -> [String: [UInt8]] {
            var out: [String: [UInt8]] = [:]
            for path in listTree(root) where isRegularFile(root + "/" + path) { out[path] = readBytes(root + "/" + path) ?? [] }
            return out
        }

        static func differences(_ a: [String: [UInt8]], _ b: [String: [UInt8]]) -> [String] {
            var out: [String] = []
            for key in Set(a.keys).union(b.keys).sorted() where a[key] != b[key] {
                out.append(a[key] == nil ? "missing after the crashes: \(key)" : b[key] == nil ? "only in the crashed run's tree: \(key)" : "differs: \(key)")
            }
            return out
        }

        static func makeSite(_ dir: TempDir, _ name: String) throws -> String {
            let root = dir.path + "/" + name
            try copyTree(Repo.themes, to: root + "/Themes")
            try dir.write(name + "/Content/site.yml", "title: Crash safety\nbase_url: https://example.org/archive\n")
            return root
        }

        @Test("import and build killed at random points leave no truncated file, and the next run equals a clean run")
        func killedAtRandom() throws {
            let generator = Repo.shared + "/bench/gen-corpus.py"
            try #require(FileManager.default.fileExists(atPath: generator), "the shared corpus is needed: \(generator)")
            try #require(FileManager.default.isExecutableFile(atPath: Repo.debugBinary), "build first: \(Repo.debugBinary)")
            let dir = TempDir("crash")
            defer { dir.remove() }
            let (status, output) = try runProcess("/usr/bin/env", ["python3", generator, String(Self.cables), dir.path + "/in"])
            try #require(status == 0, "\(output)")
            let inputs = Self.snapshot(dir.path + "/in")
            var originals: [String: [UInt8]] = [:]  // by file name: 08STATE37957.txt
            for (path, bytes) in inputs { originals[String(path.split(separator: "/").last!)] = bytes }

            let crashed = try Self.makeSite(dir, "crashed")
            let clean = try Self.makeSite(dir, "clean")
            var rng = SystemRandomNumberGenerator()
            var log: [String] = []

            // the clean runs, timed: the kills fall anywhere inside them
            var started = Date()
            try #require(try runProcess(Repo.debugBinary, ["import", dir.path + "/in", "--root", clean]).status == 0)
            let importTime = Date().timeIntervalSince(started)
            started = Date()
            try #require(try runProcess(Repo.debugBinary, ["build", "--root", clean]).status == 0)
            let buildTime = Date().timeIntervalSince(started)

            // import, killed
            for round in 1...Self.kills {
                let delay = Double.random(in: 0.05...(importTime * 0.9), using: &rng)
                let killed = try Self.runAndKill(["import", dir.path + "/in", "--root", crashed], after: delay)
                log.append("import killed after \(String(format: "%.2f", delay)) s: \(killed)")
                var markdown = 0
                for (path, bytes) in Self.snapshot(crashed + "/Content/cables") {
                    let name = String(path.split(separator: "/").last!)
                    if name.hasSuffix(".md") {
                        markdown += 1
                        let text = String(decoding: bytes, as: UTF8.self)
                        #expect(Checksum.isIntact(text), "round \(round): \(path) is not intact (\(bytes.count) bytes)")
                        #expect(throws: Never.self, "round \(round): \(path) does not read") { try CableFile.read(text) }
                    } else if let original = originals[name] {
                        #expect(bytes == original, "round \(round): the original \(path) is truncated (\(bytes.count) of \(original.count) bytes)")
                    } else {
                        log.append("round \(round): a work file is left: Content/cables/\(path)")
                    }
                }
                log.append("  \(markdown) Markdown files")
            }
            let finished = try runProcess(Repo.debugBinary, ["import", dir.path + "/in", "--root", crashed])
            #expect(finished.status == 0, "\(finished.output.suffix(2000))")
            let importDiff = Self.differences(Self.snapshot(crashed + "/Content/cables"), Self.snapshot(clean + "/Content/cables"))
            #expect(importDiff.isEmpty, "Content/cables after the kills differs from a clean import: \(importDiff.prefix(20))")

            // build, killed
            for round in 1...Self.kills {
                let delay = Double.random(in: 0.05...(buildTime * 0.9), using: &rng)
                let killed = try Self.runAndKill(["build", "--root", crashed], after: delay)
                log.append("build killed after \(String(format: "%.2f", delay)) s: \(killed)")
                var pages = 0
                for path in listTree(crashed + "/Public") where path.hasSuffix(".html") && isRegularFile(crashed + "/Public/" + path) {
                    pages += 1
                    let bytes = readBytes(crashed + "/Public/" + path) ?? []
                    #expect(bytes.suffix(8) == Array("</html>\n".utf8), "round \(round): Public/\(path) is truncated (\(bytes.count) bytes)")
                }
                log.append("  \(pages) pages")
            }
            let built = try runProcess(Repo.debugBinary, ["build", "--root", crashed])
            #expect(built.status == 0, "\(built.output.suffix(2000))")
            let buildDiff = Self.differences(Self.snapshot(crashed + "/Public"), Self.snapshot(clean + "/Public"))
            let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: crashed)) ?? []).filter { $0.contains(".staging-") }
            #expect(leftovers.isEmpty, "a killed build's staging folder is still there after the next build: \(leftovers)")
            #expect(buildDiff.isEmpty, "Public/ after the kills differs from a clean build: \(buildDiff.prefix(20))")
            // the Markdown is still the clean import's after the builds
            #expect(Self.differences(Self.snapshot(crashed + "/Content/cables"), Self.snapshot(clean + "/Content/cables")).isEmpty)

            // an incremental build that rewrites every page in place (the footer template changed), killed:
            // each page is the old one or the new one, whole, never a mix or a part
            let revised = "<p>Revised edition.</p>"
            for site in [clean, crashed] {
                let footer = site + "/Themes/default/templates/footer.mustache"
                let text = try String(contentsOfFile: footer, encoding: .utf8)
                try text.replacingOccurrences(of: "</footer>", with: revised + "\n</footer>").write(toFile: footer, atomically: true, encoding: .utf8)
            }
            started = Date()
            try #require(try runProcess(Repo.debugBinary, ["build", "--root", clean]).status == 0)
            let rebuildTime = Date().timeIntervalSince(started)
            for round in 1...Self.kills {
                let delay = Double.random(in: 0.05...(rebuildTime * 0.9), using: &rng)
                let killed = try Self.runAndKill(["build", "--root", crashed], after: delay)
                var pages = 0, new = 0
                for path in listTree(crashed + "/Public") where path.hasSuffix(".html") && isRegularFile(crashed + "/Public/" + path) {
                    pages += 1
                    let bytes = readBytes(crashed + "/Public/" + path) ?? []
                    #expect(bytes.suffix(8) == Array("</html>\n".utf8), "rebuild round \(round): Public/\(path) is truncated (\(bytes.count) bytes)")
                    if String(decoding: bytes, as: UTF8.self).contains(revised) { new += 1 }
                }
                log.append("rebuild killed after \(String(format: "%.2f", delay)) s: \(killed)\n  \(pages) pages, \(new) of them revised")
            }
            let rebuilt = try runProcess(Repo.debugBinary, ["build", "--root", crashed])
            #expect(rebuilt.status == 0, "\(rebuilt.output.suffix(2000))")
            let rebuildDiff = Self.differences(Self.snapshot(crashed + "/Public"), Self.snapshot(clean + "/Public"))
            #expect(rebuildDiff.isEmpty, "Public/ after the killed rebuilds differs from the clean site's: \(rebuildDiff.prefix(20))")
            print("crash safety (import \(String(format: "%.1f", importTime)) s, build \(String(format: "%.1f", buildTime)) s, rebuild \(String(format: "%.1f", rebuildTime)) s):\n" + log.joined(separator: "\n"))
        }
    }
}
