import Foundation

/// Waits between attempts. Injected so tests can check the waits without sleeping.
public protocol Sleeper: Sendable {
    /// Throws `CancellationError` at once when the task is cancelled.
    func sleep(seconds: Double) async throws
}

/// Real waiting on the task clock.
public struct TaskSleeper: Sleeper {
    public init() {}
    /// About 31 years: any longer wait would overflow the nanosecond count.
    static let longestWait: Double = 1e9

    public func sleep(seconds: Double) async throws {
        let bounded = seconds.isNaN ? 0 : min(max(0, seconds), Self.longestWait)
        try await Task.sleep(nanoseconds: UInt64(bounded * 1_000_000_000))
    }
}

/// When to try a call again.
///
/// 429 is retried for every method (the server did not act on it). 502/503/504 and dropped
/// connections are retried only for idempotent methods: a POST that may have reached Webex is
/// never sent twice, because that could create a code twice.
public struct RetryPolicy: Sendable, Hashable {
    public var maxRateLimitRetries: Int
    public var maxServerErrorRetries: Int
    /// Used when a 429 carries no usable `Retry-After`.
    public var defaultRetryAfterSeconds: Double
    public var minimumRetryAfterSeconds: Double
    /// A 429 asking for a longer wait is not retried: the error says how long Webex asked for.
    public var maximumRetryAfterSeconds: Double
    public var baseBackoffSeconds: Double

    public init(
        maxRateLimitRetries: Int = 4, maxServerErrorRetries: Int = 3,
        defaultRetryAfterSeconds: Double = 15, minimumRetryAfterSeconds: Double = 1,
        maximumRetryAfterSeconds: Double = 120, baseBackoffSeconds: Double = 0.5
    ) {
        self.maxRateLimitRetries = maxRateLimitRetries
        self.maxServerErrorRetries = maxServerErrorRetries
        self.defaultRetryAfterSeconds = defaultRetryAfterSeconds
        self.minimumRetryAfterSeconds = minimumRetryAfterSeconds
        self.maximumRetryAfterSeconds = maximumRetryAfterSeconds
        self.baseBackoffSeconds = baseBackoffSeconds
    }

    public static let standard = RetryPolicy()
    public static let none = RetryPolicy(maxRateLimitRetries: 0, maxServerErrorRetries: 0)

    /// Seconds to wait after a 429 whose header said `retryAfter`.
    public func rateLimitWait(retryAfter: String?) -> Double {
        guard let retryAfter, let seconds = Double(retryAfter.trimmingCharacters(in: .whitespaces)), seconds.isFinite else {
            return defaultRetryAfterSeconds
        }
        return max(minimumRetryAfterSeconds, seconds)
    }

    /// Exponential backoff for the n-th retry (0-based) after a 5xx or dropped connection.
    public func serverErrorWait(retry: Int) -> Double {
        baseBackoffSeconds * pow(2, Double(retry))
    }

    public static func isIdempotent(method: String) -> Bool {
        ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].contains(method.uppercased())
    }

    public static func isRetryableServerStatus(_ status: Int) -> Bool {
        status == 502 || status == 503 || status == 504
    }
}

/// Makes the `TrackingID` header for each request: `trackcodes_<session uuid>_<sequence>`, so a
/// user can quote it to Cisco support and find the same id in our API log.
public final class TrackingIDGenerator: Sendable {
    private let session: String
    private let counter = LockedCounter()

    public init(session: UUID = UUID()) {
        self.session = session.uuidString
    }

    public func next() -> String {
        "trackcodes_\(session)_\(counter.increment())"
    }
}

/// A counter safe to bump from any thread.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
