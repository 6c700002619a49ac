/// The bounds that keep one client from exhausting the server. Times are in seconds.
public struct HTTPServerLimits: Sendable {
    /// Largest request line plus header fields; more is answered 431 (414 when the request line
    /// alone is too long) and the connection is closed.
    public var maxHeaderBytes = 16 * 1024
    /// Largest `Content-Length` accepted; more is answered 413 without reading the body.
    public var maxBodyBytes = 1 * 1024 * 1024
    /// Time to receive a whole header block, counted from its first byte (from the accept for a
    /// connection's first request). A partial header then gets 408; nothing at all, a silent close.
    public var headerReadTimeout: Double = 10
    /// Time to receive a whole body once the header block is in; then 408 and close.
    public var bodyReadTimeout: Double = 30
    /// How long a kept-alive connection may wait for its next request before it is closed.
    public var idleKeepAliveTimeout: Double = 15
    /// Connections served at once. Further clients are accepted, answered 503 and closed, so
    /// they learn why instead of hanging in the listen queue.
    public var maxConnections = 64
    /// Time to hand a whole response to the kernel; a client that stops reading is dropped.
    public var writeTimeout: Double = 30
    /// After an error response the server stops writing and discards what the client still
    /// sends for at most this long, so the client reads the response instead of a reset.
    public var lingerTimeout: Double = 2

    public init() {}
}
