import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Creates the non-blocking listening socket for a host and port.
enum ListeningSocket {
    static func open(host: String, port: Int) throws(HTTPServerError) -> (fd: Int32, port: Int) {
        guard (0...65_535).contains(port) else { throw .invalidPort(port) }
        guard let address = SocketAddress(host: host, port: port) else {
            throw .invalidHost(host)
        }

        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let fd = socket(address.family, type, 0)
        guard fd >= 0 else { throw .socketFailure(operation: "socket", errno: errno) }
        var succeeded = false
        defer { if !succeeded { close(fd) } }

        // Lets a restarted server bind while old connections sit in TIME_WAIT.
        try setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1, name: "SO_REUSEADDR")
        if address.family == AF_INET6 {
            // Bind only the IPv6 address given, not its IPv4-mapped twin.
            try setOption(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, 1, name: "IPV6_V6ONLY")
        }

        let bound = address.withSockaddr { bind(fd, $0, $1) }
        if bound != 0 {
            let code = errno
            switch code {
            case EADDRINUSE: throw .portInUse(host: host, port: port)
            case EACCES, EPERM: throw .permissionDenied(host: host, port: port)
            case EADDRNOTAVAIL: throw .addressNotAvailable(host: host)
            default: throw .socketFailure(operation: "bind \(host):\(port)", errno: code)
            }
        }
        guard listen(fd, SOMAXCONN) == 0 else {
            throw .socketFailure(operation: "listen", errno: errno)
        }
        guard let boundPort = SocketAddress.boundPort(of: fd) else {
            throw .socketFailure(operation: "getsockname", errno: errno)
        }
        try makeNonBlocking(fd)

        succeeded = true
        return (fd, boundPort)
    }

    static func setOption(
        _ fd: Int32, _ level: Int32, _ option: Int32, _ value: Int32, name: String
    ) throws(HTTPServerError) {
        var value = value
        let result = setsockopt(fd, level, option, &value, socklen_t(MemoryLayout<Int32>.size))
        guard result == 0 else {
            throw .socketFailure(operation: "setsockopt \(name)", errno: errno)
        }
    }

    static func makeNonBlocking(_ fd: Int32) throws(HTTPServerError) {
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 else {
            throw .socketFailure(operation: "fcntl O_NONBLOCK", errno: errno)
        }
    }
}
