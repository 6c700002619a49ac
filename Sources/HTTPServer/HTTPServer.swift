import Foundation

/// A small HTTP/1.1 server: keep-alive, pipelining, `Content-Length` bodies, size limits and
/// timeouts. It serves the Webex sandbox, the REST adapter and the MCP HTTP endpoint.
///
/// It binds exactly the host it is given (127.0.0.1 unless told otherwise); whether a
/// non-loopback address is acceptable is the caller's decision (see `isLoopback(_:)`).
/// Each connection is served on its own thread (at most `maxConnections`); the async handler
/// runs on Swift's cooperative pool.
///
/// ```swift
/// let server = HTTPServer { request in .text(200, "hello \(request.path)") }
/// let port = try server.start()
/// defer { server.stop() }
/// ```
public final class HTTPServer: Sendable {
    public typealias Handler = @Sendable (HTTPServerRequest) async -> HTTPServerResponse

    public let host: String
    public let limits: HTTPServerLimits
    private let requestedPort: Int
    private let handler: Handler
    private let runtime = LockedRuntime()

    /// - Parameters:
    ///   - port: 0 lets the system choose a free port; `start()` returns it.
    ///   - handler: called once per request, possibly for several connections at once.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        limits: HTTPServerLimits = .init(),
        handler: @escaping Handler
    ) {
        self.host = host
        self.requestedPort = port
        self.limits = limits
        self.handler = handler
    }

    deinit {
        stop(gracePeriod: 0)
    }

    /// Binds, listens and starts serving.
    /// - Returns: the bound port (the system's choice when the server was created with port 0).
    /// - Throws: `HTTPServerError`, e.g. `.portInUse` with a message naming the port.
    @discardableResult
    public func start() throws -> Int {
        try runtime.withLock { current throws(HTTPServerError) in
            guard current == nil else { throw .alreadyRunning }
            let started = try ServerRuntime(
                host: host, port: requestedPort, limits: limits, handler: handler
            )
            current = started
            return started.port
        }
    }

    /// The bound port while the server runs, nil before `start()` and after `stop()`.
    public var port: Int? {
        runtime.withLock { $0?.port }
    }

    /// Stops accepting, closes the listener and idle connections, and gives requests in
    /// progress up to two seconds to finish. Blocks until then; the server can be started again.
    ///
    /// Do not call this from the handler itself: its own request is one of those waited for.
    public func stop() {
        stop(gracePeriod: 2)
    }

    /// `stop()` with a chosen grace period, in seconds, for requests in progress.
    public func stop(gracePeriod: Double) {
        let running = runtime.withLock { current in
            defer { current = nil }
            return current
        }
        running?.stop(gracePeriod: gracePeriod)
    }

    /// Whether `host` is a loopback address: 127.0.0.0/8, `::1` (with or without brackets),
    /// an IPv4-mapped 127.x address, or `localhost`. Other names are not resolved and count as
    /// not loopback.
    public static func isLoopback(_ host: String) -> Bool {
        SocketAddress.isLoopback(host)
    }
}

/// The running `ServerRuntime`, if any, behind a lock.
private final class LockedRuntime: @unchecked Sendable {
    private let lock = NSLock()
    private var current: ServerRuntime?

    func withLock<Result, Failure: Error>(
        _ body: (inout ServerRuntime?) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&current)
    }
}
