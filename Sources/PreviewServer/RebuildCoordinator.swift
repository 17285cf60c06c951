/// The changes gathered for one rebuild.
public struct ChangeSet: Sendable, Equatable {
    /// Changed paths, relative to the site root.
    public var paths: Set<String> = []
    /// Their kinds (never `.ignored`).
    public var kinds: Set<ChangeKind> = []

    public init(paths: Set<String> = [], kinds: Set<ChangeKind> = []) {
        self.paths = paths
        self.kinds = kinds
    }

    public var isEmpty: Bool { paths.isEmpty }
}

/// Coalesces change events into rebuilds: at most one build runs at a time and at most one more is queued.
///
/// A change starts a short debounce; the build begins once no change has arrived for `debounce` (but no
/// later than `maximumDelay` after the first one, so a steady trickle cannot starve it). Changes arriving
/// while a build runs are gathered into the single queued build that follows it.
public actor RebuildCoordinator {
    /// Runs one build for the changes gathered since the previous one.
    public typealias Build = @Sendable (ChangeSet) async -> Void

    private let debounce: Duration
    private let maximumDelay: Duration
    private let build: Build
    private var queued = ChangeSet()
    private var lastChange = ContinuousClock.now
    private var draining = false
    private var stopped = false
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []
    /// Builds started so far.
    public private(set) var builds = 0

    public init(debounce: Duration = .milliseconds(100), maximumDelay: Duration = .milliseconds(500), build: @escaping Build) {
        self.debounce = debounce
        self.maximumDelay = maximumDelay
        self.build = build
    }

    /// Notes changed paths (relative to the site root); ignored ones are dropped.
    public func changed(_ paths: some Sequence<String>) {
        guard !stopped else { return }
        var any = false
        for path in paths {
            let kind = ChangeClassifier.classify(path)
            guard kind != .ignored else { continue }
            queued.paths.insert(path)
            queued.kinds.insert(kind)
            any = true
        }
        guard any else { return }
        lastChange = .now
        if !draining {
            draining = true
            Task { await self.drain() }
        }
    }

    /// Asks for a rebuild without a particular file (after an inotify queue overflow, say).
    public func changedEverything() {
        changed(["Content", "Themes"])
    }

    /// A build is running now.
    public private(set) var isBuilding = false

    /// Returns once no build is running or queued.
    public func waitUntilIdle() async {
        guard draining else { return }
        await withCheckedContinuation { idleWaiters.append($0) }
    }

    /// Drops queued changes and refuses new ones (a running build finishes).
    public func stop() {
        stopped = true
        queued = ChangeSet()
    }

    private func drain() async {
        while !queued.isEmpty && !stopped {
            let first = ContinuousClock.now
            while true {
                let quiet = lastChange + debounce
                let latest = first + maximumDelay
                let now = ContinuousClock.now
                if now >= quiet || now >= latest { break }
                try? await Task.sleep(until: min(quiet, latest), clock: .continuous)
            }
            guard !stopped else { break }
            let changes = queued
            queued = ChangeSet()
            builds += 1
            isBuilding = true
            await build(changes)
            isBuilding = false
        }
        draining = false
        let waiters = idleWaiters
        idleWaiters = []
        for waiter in waiters { waiter.resume() }
    }
}
