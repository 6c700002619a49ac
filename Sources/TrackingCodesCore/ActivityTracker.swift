import Foundation

/// Knows which work is in flight, for whom, and can cancel it.
///
/// Every intent of a view model runs through `run(for:_:)`: the work becomes its own task, so
/// Esc can cancel it (`cancel(for:)` or `cancelAll()`) even though the caller only awaited an
/// async method; cancelling the caller's task cancels it too. `isBusy` is the idle signal that
/// end-to-end tests wait on instead of sleeping.
@MainActor
public final class ActivityTracker {
    private struct Running {
        let owner: ObjectIdentifier
        let cancel: @Sendable () -> Void
    }

    private var running: [UInt64: Running] = [:]
    private var nextKey: UInt64 = 0
    /// Called whenever work starts or ends.
    var onChange: (@MainActor () -> Void)?

    public init() {}

    /// How many operations are in flight.
    public var inFlightCount: Int { running.count }
    public var isBusy: Bool { !running.isEmpty }

    /// True while `owner` has work in flight.
    public func isBusy(_ owner: AnyObject) -> Bool {
        let id = ObjectIdentifier(owner)
        return running.values.contains { $0.owner == id }
    }

    /// Runs `operation` as a cancellable task on behalf of `owner` and returns its result.
    public func run<T: Sendable>(
        for owner: AnyObject, _ operation: @escaping @MainActor () async -> T
    ) async -> T {
        let key = nextKey
        nextKey += 1
        let task = Task { @MainActor in await operation() }
        running[key] = Running(owner: ObjectIdentifier(owner), cancel: { task.cancel() })
        onChange?()

        let value = await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }

        running[key] = nil
        onChange?()
        return value
    }

    /// Cancels the work of `owner` (the Esc key on that screen).
    public func cancel(for owner: AnyObject) {
        let id = ObjectIdentifier(owner)
        for item in running.values where item.owner == id { item.cancel() }
    }

    public func cancelAll() {
        for item in running.values { item.cancel() }
    }
}
