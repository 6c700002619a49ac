/// Runs `count` jobs with at most `limit` in flight, on the main actor.
///
/// The jobs suspend while they wait for the API, which is where the concurrency comes from;
/// their bookkeeping runs on the main actor, so it needs no locks.
enum BoundedConcurrency {
    /// - Parameter shouldStart: asked before each new job; false stops starting new ones
    ///   (jobs in flight finish). Cancelling the calling task stops them too.
    @MainActor
    static func run(
        count: Int, limit: Int, shouldStart: @escaping @MainActor () -> Bool = { true },
        _ job: @escaping @MainActor (Int) async -> Void
    ) async {
        let limit = max(1, limit)
        var next = 0
        var inFlight = 0
        await withTaskGroup(of: Void.self) { group in
            repeat {
                while inFlight < limit, next < count, shouldStart(), !Task.isCancelled {
                    let index = next
                    next += 1
                    inFlight += 1
                    group.addTask { await job(index) }
                }
                guard inFlight > 0 else { return }
                _ = await group.next()
                inFlight -= 1
            } while true
        }
    }
}
