import Foundation
import Testing
@testable import PreviewServer

/// Gathers what a watcher reports, from a task of its own.
private actor Seen {
    var paths = Set<String>()
    var batches = 0
    func add(_ batch: [String]) { paths.formUnion(batch); batches += 1 }
    func contains(_ path: String) -> Bool { paths.contains(path) }
    func reset() { paths = [] }
}

private func watch(_ watcher: FileWatcher, into seen: Seen) -> Task<Void, Never> {
    let changes = watcher.changes()
    return Task {
        for await batch in changes { await seen.add(batch) }
    }
}

@Suite("file watcher")
struct FileWatcherTests {
    private func exercise(_ mode: FileWatcher.Mode) async throws {
        try await TempFolder.with { folder in
            try folder.write("Content/cables/2008/08STATE1.md", "one")
            try folder.write("Content/site.yml", "title: x")
            try folder.write("Themes/default/assets/style.css", "a {}")
            try folder.mkdir("Public")
            let seen = Seen()
            let task = watch(FileWatcher(root: folder.path, mode: mode), into: seen)
            defer { task.cancel() }

            // a file rewritten in place
            try folder.write("Content/cables/2008/08STATE1.md", "one, edited")
            #expect(await eventually { await seen.contains("Content/cables/2008/08STATE1.md") })

            // a new folder with a file written straight away (before any watch on it could exist)
            try folder.write("Content/cables/2009/09STATE2.md", "two")
            #expect(await eventually { await seen.contains("Content/cables/2009/09STATE2.md") })
            // and a file written in it later
            try await Task.sleep(for: .milliseconds(100))
            try folder.write("Content/cables/2009/09STATE3.md", "three")
            #expect(await eventually { await seen.contains("Content/cables/2009/09STATE3.md") })

            // an atomic replace (write a temporary file, rename it over)
            try folder.write("Themes/default/assets/.style.css.tmp-1", "b {}")
            _ = rename(folder.path + "/Themes/default/assets/.style.css.tmp-1", folder.path + "/Themes/default/assets/style.css")
            #expect(await eventually { await seen.contains("Themes/default/assets/style.css") })

            // a deletion
            try FileManager.default.removeItem(atPath: folder.path + "/Content/site.yml")
            #expect(await eventually { await seen.contains("Content/site.yml") })

            // Public/ is not watched
            await seen.reset()
            try folder.write("Public/index.html", "built")
            try folder.write("Content/pages/about.md", "about")
            #expect(await eventually { await seen.contains("Content/pages/about.md") })
            #expect(await seen.paths.allSatisfy { !$0.hasPrefix("Public") })
        }
    }

    #if os(Linux)
    @Test("inotify: edits, new folders, atomic replaces and deletions are reported; Public/ is not watched")
    func inotify() async throws {
        try await exercise(.automatic)
    }

    @Test("inotify: Content/ removed and recreated is watched again")
    func recreated() async throws {
        try await TempFolder.with { folder in
            try folder.write("Content/pages/a.md", "a")
            try folder.mkdir("Themes")
            let seen = Seen()
            let task = watch(FileWatcher(root: folder.path), into: seen)
            defer { task.cancel() }
            try FileManager.default.removeItem(atPath: folder.path + "/Content")
            #expect(await eventually { await seen.contains("Content") })
            try folder.write("Content/pages/b.md", "b")
            #expect(await eventually { await seen.contains("Content/pages/b.md") })
            try await Task.sleep(for: .milliseconds(100))
            try folder.write("Content/pages/c.md", "c")
            #expect(await eventually { await seen.contains("Content/pages/c.md") })
        }
    }
    #endif

    @Test("polling: the same changes are seen by comparing snapshots")
    func polling() async throws {
        try await exercise(.polling(interval: .milliseconds(50)))
    }

    @Test("the watching thread stops when the stream ends")
    func stops() async throws {
        try await TempFolder.with { folder in
            try folder.mkdir("Content")
            let seen = Seen()
            let task = watch(FileWatcher(root: folder.path, mode: .polling(interval: .milliseconds(20))), into: seen)
            task.cancel()
            await task.value
            try await Task.sleep(for: .milliseconds(100))
            try folder.write("Content/a.md", "a")
            try await Task.sleep(for: .milliseconds(100))
            #expect(await seen.paths.isEmpty)
        }
    }
}
