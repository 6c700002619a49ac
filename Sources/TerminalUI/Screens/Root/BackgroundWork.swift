/// The view-model intents the root screen has started and not yet seen finish.
///
/// Each runs as its own main-actor task, so a key press never waits for the network; the
/// model reports progress through `session.onChange`. `settle()` lets tests (and the quit
/// path) wait for everything started so far instead of sleeping.
@MainActor
final class BackgroundWork {
    private var tasks: [Int: Task<Void, Never>] = [:]
    private var nextKey = 0

    var isRunning: Bool { !tasks.isEmpty }

    func start(_ operation: @escaping @MainActor () async -> Void) {
        let key = nextKey
        nextKey += 1
        tasks[key] = Task { @MainActor [weak self] in
            await operation()
            self?.tasks[key] = nil
        }
    }

    /// Returns once every task started before or during the wait has finished.
    func settle() async {
        while let task = tasks.values.first {
            await task.value
        }
    }
}
