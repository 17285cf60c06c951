import Testing
@testable import PreviewServer

/// Records the builds a coordinator asks for (a fake build function).
private actor BuildLog {
    var builds: [ChangeSet] = []
    var running = 0
    var overlapped = false

    func started(_ changes: ChangeSet) {
        builds.append(changes)
        running += 1
        if running > 1 { overlapped = true }
    }

    func finished() { running -= 1 }

    var count: Int { builds.count }
}

@Suite("rebuild coordinator")
struct RebuildCoordinatorTests {
    private func coordinator(_ log: BuildLog, buildTime: Duration, debounce: Duration = .milliseconds(100),
                             maximumDelay: Duration = .milliseconds(500)) -> RebuildCoordinator {
        RebuildCoordinator(debounce: debounce, maximumDelay: maximumDelay) { changes in
            await log.started(changes)
            try? await Task.sleep(for: buildTime)
            await log.finished()
        }
    }

    @Test("a burst of 20 change events becomes at most 2 builds, and every path reaches one")
    func burst() async {
        let log = BuildLog()
        // a debounce far above the gaps between the events, which a loaded test machine stretches
        let coordinator = coordinator(log, buildTime: .milliseconds(50), debounce: .seconds(1), maximumDelay: .seconds(10))
        let paths = (1...20).map { "Content/cables/2008/08STATE\($0).md" }
        for path in paths {
            await coordinator.changed([path])
        }
        await coordinator.waitUntilIdle()
        let builds = await log.builds
        #expect((1...2).contains(builds.count))
        #expect(builds.reduce(into: Set<String>()) { $0.formUnion($1.paths) } == Set(paths))
        #expect(await log.overlapped == false)
    }

    @Test("a burst spread over a few milliseconds (an editor saving, git checkout) is still one build")
    func spreadBurst() async throws {
        let log = BuildLog()
        // gaps well under the debounce (a loaded test machine stretches them; the cap on waiting is lifted)
        let coordinator = coordinator(log, buildTime: .milliseconds(10), debounce: .seconds(2), maximumDelay: .seconds(10))
        for k in 0..<20 {
            await coordinator.changed(["Content/pages/p\(k).md", "Themes/default/assets/style.css"])
            try await Task.sleep(for: .milliseconds(3))
        }
        await coordinator.waitUntilIdle()
        let builds = await log.builds.map { $0.paths.count }
        #expect(builds.count <= 2, "\(builds)")
        let kinds = await log.builds.reduce(into: Set<ChangeKind>()) { $0.formUnion($1.kinds) }
        #expect(kinds == [.content, .theme])
    }

    @Test("changes during a build queue exactly one more build; builds never overlap")
    func queued() async throws {
        let log = BuildLog()
        let coordinator = coordinator(log, buildTime: .milliseconds(300), debounce: .milliseconds(20))
        await coordinator.changed(["Content/a.md"])
        #expect(await eventually { await log.count == 1 })
        for k in 0..<10 { await coordinator.changed(["Content/b\(k).md"]) }  // while the first build runs
        await coordinator.waitUntilIdle()
        let builds = await log.builds
        #expect(builds.count == 2)
        #expect(builds.last?.paths.count == 10)
        #expect(await log.overlapped == false)
    }

    @Test("ignored paths do not build")
    func ignored() async throws {
        let log = BuildLog()
        let coordinator = coordinator(log, buildTime: .zero, debounce: .milliseconds(10))
        await coordinator.changed(["Public/index.html", "Content/.a.md.swp", "Content/a.md~", "Content/cables/.x.md.tmp-1-2", "README.md"])
        await coordinator.waitUntilIdle()
        try await Task.sleep(for: .milliseconds(50))
        #expect(await log.count == 0)
        await coordinator.changed(["Content/site.yml"])
        await coordinator.waitUntilIdle()
        #expect(await log.builds.map(\.kinds) == [[.config]])
    }

    @Test("after stop, changes are dropped")
    func stop() async throws {
        let log = BuildLog()
        let coordinator = coordinator(log, buildTime: .zero, debounce: .milliseconds(10))
        await coordinator.stop()
        await coordinator.changed(["Content/a.md"])
        await coordinator.waitUntilIdle()
        #expect(await log.count == 0)
    }

    /// Ctrl-C while a rebuild writes the pages: the server waits for it (saying so) before it stops. It used to
    /// stop at once and the process exited under the build, leaving Public/ part old and part new.
    @Test("shutdown lets the rebuild under way finish")
    func shutdownWaitsForTheRebuild() async throws {
        let log = BuildLog()
        let coordinator = coordinator(log, buildTime: .milliseconds(400), debounce: .milliseconds(10))
        let told = Told()
        let watch = WatchService(changes: AsyncStream { $0.finish() }, coordinator: coordinator, reload: LiveReload(),
                                 finishing: { Task { await told.note() } })
        await coordinator.changed(["Content/a.md"])
        #expect(await eventually { await log.running == 1 })
        await watch.shutDown()
        #expect(await log.count == 1)
        #expect(await log.running == 0, "the rebuild was still running when shutdown returned")
        #expect(await eventually { await told.count == 1 })
        // with nothing running, nothing to wait for and nothing said
        await watch.shutDown()
        try await Task.sleep(for: .milliseconds(50))
        #expect(await told.count == 1)
    }
}

/// Counts calls of a callback.
private actor Told {
    var count = 0
    func note() { count += 1 }
}
