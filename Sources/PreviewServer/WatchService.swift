import ServiceLifecycle

/// For the life of the server: feeds the watcher's changes to the rebuild coordinator and pings the open
/// pages. On graceful shutdown it stops rebuilding, lets a rebuild under way finish, and ends the pages'
/// event streams before the HTTP server's own shutdown, so open tabs do not hold it up.
struct WatchService: Service, CustomStringConvertible {
    /// The watcher's batches of changed paths (`FileWatcher.changes()`).
    let changes: AsyncStream<[String]>
    let coordinator: RebuildCoordinator
    let reload: LiveReload
    var pingInterval: Duration = .seconds(15)
    /// Called when shutdown has to wait for a rebuild under way.
    var finishing: @Sendable () -> Void = {}

    var description: String { "WatchService" }

    func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [changes, coordinator] in
                for await batch in changes {
                    await coordinator.changed(batch)
                }
            }
            group.addTask { [reload, pingInterval] in
                while true {
                    do { try await Task.sleep(for: pingInterval) } catch { return }
                    await reload.ping()
                }
            }
            // until SIGINT/SIGTERM (or cancellation)
            try? await gracefulShutdown()
            group.cancelAll()
        }
        await shutDown()
    }

    /// Stops rebuilding and ends the pages' event streams. A rebuild under way is let finish: stopped
    /// halfway, the process exiting under it, it left Public/ part old and part new (and the next start
    /// rendering every page again).
    func shutDown() async {
        await coordinator.stop()
        if await coordinator.isBuilding { finishing() }
        await coordinator.waitUntilIdle()
        await reload.close()
    }
}
