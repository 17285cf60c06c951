import ServiceLifecycle

/// For the life of the server: feeds the watcher's changes to the rebuild coordinator and pings the open
/// pages. On graceful shutdown it stops rebuilding and ends the pages' event streams first, so open tabs
/// do not hold the HTTP server's own shutdown up.
struct WatchService: Service, CustomStringConvertible {
    /// The watcher's batches of changed paths (`FileWatcher.changes()`).
    let changes: AsyncStream<[String]>
    let coordinator: RebuildCoordinator
    let reload: LiveReload
    var pingInterval: Duration = .seconds(15)

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
        await coordinator.stop()
        await reload.close()
    }
}
