#if canImport(Glibc)
import Glibc
#endif

/// Starts a detached POSIX thread. Unlike `Foundation.Thread`, a failure to create one (the
/// process is out of threads) is reported to the caller, who can then refuse the connection.
enum DetachedThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// - Returns: false when the system would not create the thread; `body` then never runs.
    static func start(stackSize: Int, _ body: @escaping @Sendable () -> Void) -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        pthread_attr_setstacksize(&attributes, stackSize)

        let context = Unmanaged.passRetained(Body(body))
        var thread = pthread_t()
        let result = pthread_create(&thread, &attributes, { context in
            // The pointer is the retained Body passed below; pthread hands it back unchanged.
            guard let context else { return nil }
            Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, context.toOpaque())
        if result != 0 {
            context.release()
            return false
        }
        return true
    }
}
