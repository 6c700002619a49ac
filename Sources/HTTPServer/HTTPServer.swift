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
    /// Shapes the answers the server gives on its own (400, 408, 411, 413, 414, 431, 503, 505):
    /// gets the status and a sentence saying why, returns the response to send. The status of
    /// the response is forced back to the one given, and the connection is closed after it.
    public typealias RejectionResponder = @Sendable (_ status: Int, _ message: String) -> HTTPServerResponse

    public let host: String
    public let limits: HTTPServerLimits
    private let requestedPort: Int
    private let handler: Handler
    private let rejectionResponder: RejectionResponder?
    private let runtime = LockedRuntime()

    /// - Parameters:
    ///   - port: 0 lets the system choose a free port; `start()` returns it.
    ///   - rejectionResponder: the body of the server's own error answers, in the protocol the
    ///     handler speaks (a JSON error, say); nil sends the sentence as plain text.
    ///   - handler: called once per request, possibly for several connections at once.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        limits: HTTPServerLimits = .init(),
        rejectionResponder: RejectionResponder? = nil,
        handler: @escaping Handler
    ) {
        self.host = host
        self.requestedPort = port
        self.limits = limits
        self.rejectionResponder = rejectionResponder
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
                host: host, port: requestedPort, limits: limits,
                rejectionResponder: rejectionResponder, handler: handler
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
