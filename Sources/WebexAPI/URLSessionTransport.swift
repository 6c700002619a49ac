import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The production transport.
///
/// Bodies are collected as they arrive and given up on once they pass `maxResponseBytes`, so a
/// server that answers with hundreds of megabytes costs at most that much memory. A connection
/// that drops after the answer started is reported as `.connectionLost`, however URLSession
/// words it.
public final class URLSessionTransport: HTTPTransport {
    /// 32 MB: a site's codes at Webex's limits (500 options of 120 characters each) take well
    /// under a megabyte per code, so only a broken or hostile server sends more.
    public static let defaultMaxResponseBytes = 32 * 1024 * 1024

    public let maxResponseBytes: Int
    private let session: URLSession
    private let collector: ResponseCollector

    /// - Parameters:
    ///   - timeout: seconds to wait for each part of an answer; a whole answer may take four
    ///     times as long. Whole seconds, at least one: Linux's URLSession drops the fraction,
    ///     and 0.5 would become 0, which times out every request at once.
    ///   - maxResponseBytes: the largest body read; a larger one fails with `ResponseTooLarge`.
    public init(
        timeout: TimeInterval = 30, maxResponseBytes: Int = URLSessionTransport.defaultMaxResponseBytes
    ) {
        let seconds = max(1, timeout.rounded(.up))
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = seconds
        configuration.timeoutIntervalForResource = seconds * 4
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        // The default of 6 connections per host would quietly cap bulk work below its in-flight
        // limit (8 by default, up to 32 in the settings).
        configuration.httpMaximumConnectionsPerHost = 32
        self.maxResponseBytes = maxResponseBytes
        collector = ResponseCollector(maxBodyBytes: maxResponseBytes)
        session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
    }

    deinit {
        // The session holds its delegate until invalidated; without this both would leak.
        session.finishTasksAndInvalidate()
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        urlRequest.httpBody = request.body

        try Task.checkCancellation()
        let task = session.dataTask(with: urlRequest)
        let host = request.url.host ?? "?"
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                collector.start(task, host: host, continuation: continuation)
            }
        } onCancel: {
            task.cancel()
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

/// The session's delegate: gathers each task's head and body, stops a body past the limit, and
/// resumes the waiting `send` when the task ends.
private final class ResponseCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked: `transfers` is only touched under `lock`.
    private struct Transfer {
        let continuation: CheckedContinuation<HTTPResponse, any Error>
        let host: String
        var response: HTTPURLResponse?
        var body = Data()
        var isTooLarge = false
    }

    private let maxBodyBytes: Int
    private let lock = NSLock()
    private var transfers: [Int: Transfer] = [:]

    init(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
    }

    func start(
        _ task: URLSessionDataTask, host: String,
        continuation: CheckedContinuation<HTTPResponse, any Error>
    ) {
        withTransfers { $0[task.taskIdentifier] = Transfer(continuation: continuation, host: host) }
        task.resume()
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let announcedTooLarge = response.expectedContentLength > Int64(maxBodyBytes)
        let announced = Int(clamping: response.expectedContentLength)
        withTransfers { transfers in
            transfers[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse
            if announcedTooLarge {
                transfers[dataTask.taskIdentifier]?.isTooLarge = true
            } else if announced > 0 {
                // One buffer of the announced size: growing by doubling held up to 1.5 times a
                // large list at once, and left freed blocks behind.
                // (`Data(capacity:)`: `reserveCapacity` on an empty Data still grew per chunk.)
                transfers[dataTask.taskIdentifier]?.body = Data(capacity: announced)
            }
        }
        if announcedTooLarge { dataTask.cancel() }
        completionHandler(announcedTooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let overLimit = withTransfers { transfers -> Bool in
            let id = dataTask.taskIdentifier
            // No copy of the transfer is taken: holding one would make the body's buffer shared,
            // and the append below would copy all of it.
            guard let size = transfers[id]?.body.count, transfers[id]?.isTooLarge == false else {
                return false
            }
            if size + data.count > maxBodyBytes {
                transfers[id]?.isTooLarge = true
                transfers[id]?.body = Data()
                return true
            }
            // In place: appending to a copy taken out of the dictionary copied the whole body
            // on every chunk (a 5 MB list: 316 chunks, 13 MB at the peak).
            transfers[id]?.body.append(data)
            return false
        }
        if overLimit { dataTask.cancel() }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?
    ) {
        let finished = withTransfers { $0.removeValue(forKey: task.taskIdentifier) }
        guard let transfer = finished else { return }
        let response = transfer.response ?? task.response as? HTTPURLResponse
        transfer.continuation.resume(
            with: Self.outcome(of: transfer, response: response, error: error, limit: maxBodyBytes))
    }

    private static func outcome(
        of transfer: Transfer, response: HTTPURLResponse?, error: (any Error)?, limit: Int
    ) -> Result<HTTPResponse, any Error> {
        if transfer.isTooLarge {
            return .failure(ResponseTooLarge(
                status: response?.statusCode ?? 0, limit: limit,
                trackingId: response?.value(forHTTPHeaderField: "TrackingID")))
        }
        if let error {
            guard let urlError = error as? URLError else {
                return .failure(TransportFailure.other("\(error)"))
            }
            // The head arrived and then the connection went: the body was cut short, whether
            // by a reset or by a close before the announced length.
            if response != nil, urlError.code != .cancelled, urlError.code != .timedOut {
                return .failure(TransportFailure.connectionLost)
            }
            return .failure(URLSessionTransport.failure(for: urlError, host: transfer.host))
        }
        guard let response else {
            return .failure(TransportFailure.other("the server's answer was not HTTP"))
        }
        var headers: [String: String] = [:]
        for (key, value) in response.allHeaderFields {
            headers[String(describing: key)] = String(describing: value)
        }
        return .success(
            HTTPResponse(status: response.statusCode, headers: headers, body: transfer.body))
    }

    private func withTransfers<Result>(_ body: (inout [Int: Transfer]) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&transfers)
    }
}
