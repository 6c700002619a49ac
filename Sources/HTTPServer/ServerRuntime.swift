import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of a server, from `start()` to `stop()`: the listening socket, the accept thread and
/// the registry of live connections that `stop()` uses to wind them down.
///
/// Concurrency model: one accept thread plus one thread per connection, at most
/// `maxConnections` of them. The handler is async but our work per request is blocking socket
/// I/O with deadlines; a thread per connection keeps that code straight-line and lets a slow
/// or stalled client hold only its own thread. With the small limit (64 by default, loopback
/// clients that keep connections alive) thread cost is negligible, and a poll loop would buy
/// nothing but a state machine.
final class ServerRuntime: @unchecked Sendable {
    let limits: HTTPServerLimits
    let handler: HTTPServer.Handler
    let rejectionResponder: HTTPServer.RejectionResponder?
    let port: Int

    /// Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var connections: [Int: ConnectionSlot] = [:]
    private var nextConnectionID = 0
    private var stopping = false

    private let acceptLoop: AcceptLoop
    private let acceptLoopFinished = DispatchSemaphore(value: 0)

    private struct ConnectionSlot {
        let fd: Int32
        /// Waiting for or reading a request, or draining before close: safe to cut off.
        var isInterruptible = true
    }

    enum Admission {
        case admitted
        case overCapacity
        case stopping
    }

    /// Binds, listens and starts the accept thread.
    init(
        host: String,
        port: Int,
        limits: HTTPServerLimits,
        rejectionResponder: HTTPServer.RejectionResponder?,
        handler: @escaping HTTPServer.Handler
    ) throws(HTTPServerError) {
        let listener = try ListeningSocket.open(host: host, port: port)
        self.limits = limits
        self.handler = handler
        self.rejectionResponder = rejectionResponder
        self.port = listener.port
        do {
            acceptLoop = try AcceptLoop(
                listener: listener.fd, limits: limits, rejectionResponder: rejectionResponder)
        } catch {
            close(listener.fd)
            throw error
        }

        let started = DetachedThread.start(stackSize: 256 * 1024) { [self] in
            acceptLoop.run(admitting: admit)
            acceptLoopFinished.signal()
        }
        guard started else {
            acceptLoop.closeDescriptors()
            throw .socketFailure(operation: "starting the accept thread", errno: EAGAIN)
        }
    }

    /// Called by the accept thread for each new connection: registers it and starts its thread.
    private func admit(_ fd: Int32, remoteAddress: String) -> Admission {
        condition.lock()
        if stopping {
            condition.unlock()
            return .stopping
        }
        if connections.count >= limits.maxConnections {
            condition.unlock()
            return .overCapacity
        }
        let id = nextConnectionID
        nextConnectionID += 1
        connections[id] = ConnectionSlot(fd: fd)
        condition.unlock()

        let connection = Connection(fd: fd, id: id, remoteAddress: remoteAddress, runtime: self)
        let started = DetachedThread.start(stackSize: 512 * 1024) {
            connection.run()
        }
        guard started else {
            unregister(id)
            return .overCapacity
        }
        return .admitted
    }

    var isStopping: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopping
    }

    /// Marks a connection as waiting on its client, where `stop()` may cut it off.
    /// - Returns: false when the server is stopping; the connection should close instead.
    func enterInterruptiblePhase(_ id: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else { return false }
        connections[id]?.isInterruptible = true
        return true
    }

    /// Marks a connection as serving a request, which `stop()` lets finish for a grace period.
    /// - Returns: false when `stop()` came first and has already shut the socket; the request
    ///   must then not be handled, since its answer could not be delivered.
    func enterBusyPhase(_ id: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else { return false }
        connections[id]?.isInterruptible = false
        return true
    }

    /// Closes the connection's socket and forgets it. Called once, by the connection's thread.
    func finish(_ id: Int, fd: Int32) {
        condition.lock()
        // Removing and closing under the lock means `stop()` never shuts down a descriptor
        // number that was already reused for something else.
        connections[id] = nil
        close(fd)
        condition.broadcast()
        condition.unlock()
    }

    private func unregister(_ id: Int) {
        condition.lock()
        connections[id] = nil
        condition.broadcast()
        condition.unlock()
    }

    /// Stops accepting, cuts off connections that are waiting on their client, lets requests
    /// in progress finish for up to `gracePeriod` seconds, then cuts those off as well.
    func stop(gracePeriod: Double) {
        condition.lock()
        stopping = true
        for slot in connections.values where slot.isInterruptible {
            shutdown(slot.fd, Int32(SHUT_RDWR))
        }
        condition.unlock()

        acceptLoop.wake()
        acceptLoopFinished.wait()

        condition.lock()
        let deadline = Date(timeIntervalSinceNow: gracePeriod)
        while !connections.isEmpty && condition.wait(until: deadline) {}
        // Handlers still running after the grace period find their socket shut when they
        // answer; their threads then close it and leave.
        for slot in connections.values {
            shutdown(slot.fd, Int32(SHUT_RDWR))
        }
        condition.unlock()
    }
}
