import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why the server could not start, in words a person can act on.
public enum HTTPServerError: Error, Equatable, Sendable, LocalizedError {
    /// The host is not a numeric IPv4/IPv6 address or `localhost`.
    case invalidHost(String)
    case invalidPort(Int)
    case portInUse(host: String, port: Int)
    case permissionDenied(host: String, port: Int)
    /// The address does not belong to this machine.
    case addressNotAvailable(host: String)
    case alreadyRunning
    /// A system call failed for a reason not listed above.
    case socketFailure(operation: String, errno: Int32)

    public var errorDescription: String? {
        switch self {
        case .invalidHost(let host):
            "cannot listen on \"\(host)\": give a numeric IPv4 or IPv6 address or localhost"
        case .invalidPort(let port):
            "port \(port) is out of range: use 0 (any free port) to 65535"
        case .portInUse(let host, let port):
            "port \(port) is in use on \(host): stop the other program or choose another port"
        case .permissionDenied(let host, let port):
            "not allowed to listen on \(host) port \(port): ports below 1024 need privileges"
        case .addressNotAvailable(let host):
            "cannot listen on \(host): that address does not belong to this machine"
        case .alreadyRunning:
            "the server is already running: stop it before starting it again"
        case .socketFailure(let operation, let code):
            "\(operation) failed: \(String(cString: strerror(code)))"
        }
    }
}
