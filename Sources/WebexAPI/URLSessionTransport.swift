import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The production transport.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession

    public init(timeout: TimeInterval = 30) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 4
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        urlRequest.httpBody = request.body

        do {
            let (data, response) = try await session.data(for: urlRequest)
            guard let http = response as? HTTPURLResponse else {
                throw TransportFailure.other("the server's answer was not HTTP")
            }
            var headers: [String: String] = [:]
            for (key, value) in http.allHeaderFields {
                headers[String(describing: key)] = String(describing: value)
            }
            return HTTPResponse(status: http.statusCode, headers: headers, body: data)
        } catch let error as URLError {
            throw Self.failure(for: error, host: request.url.host ?? "?")
        }
    }

    static func failure(for error: URLError, host: String) -> any Error {
        switch error.code {
        case .cancelled: return CancellationError()
        case .cannotConnectToHost: return TransportFailure.connectionRefused(host: host)
        case .timedOut: return TransportFailure.timedOut
        case .cannotFindHost, .dnsLookupFailed: return TransportFailure.cannotResolveHost(host)
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return TransportFailure.tls(error.localizedDescription)
        case .networkConnectionLost: return TransportFailure.connectionLost
        case .notConnectedToInternet: return TransportFailure.other("no network connection")
        default: return TransportFailure.other(error.localizedDescription)
        }
    }
}
