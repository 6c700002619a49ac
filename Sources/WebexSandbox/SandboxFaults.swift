import Foundation

/// Trouble the sandbox can make on purpose, for tests and benchmarks.
public struct SandboxFaults: Codable, Hashable, Sendable {
    /// Added to every response.
    public var latencyMs: Int
    /// Share of requests (0...1) answered 429 with `Retry-After`.
    public var rateLimitShare: Double
    /// Seconds in the 429's `Retry-After`; nil sends a 429 without the header.
    public var retryAfterSeconds: Int?
    /// Share of requests (0...1) answered with `serverErrorStatus`.
    public var serverErrorShare: Double
    public var serverErrorStatus: Int
    /// Requests that name one of these tracking-code ids (path or body) fail with `failingStatus`.
    public var failingIds: Set<String>
    public var failingStatus: Int
    /// Seed for the random draws, so a run can be repeated.
    public var seed: UInt64

    public init(
        latencyMs: Int = 0, rateLimitShare: Double = 0, retryAfterSeconds: Int? = 1,
        serverErrorShare: Double = 0, serverErrorStatus: Int = 503,
        failingIds: Set<String> = [], failingStatus: Int = 500, seed: UInt64 = 1
    ) {
        self.latencyMs = latencyMs
        self.rateLimitShare = rateLimitShare
        self.retryAfterSeconds = retryAfterSeconds
        self.serverErrorShare = serverErrorShare
        self.serverErrorStatus = serverErrorStatus
        self.failingIds = failingIds
        self.failingStatus = failingStatus
        self.seed = seed
    }

    public static let none = SandboxFaults()

    enum CodingKeys: String, CodingKey {
        case latencyMs, rateLimitShare, retryAfterSeconds, serverErrorShare, serverErrorStatus
        case failingIds, failingStatus, seed
    }

    /// Every key is optional, so `{"latencyMs": 40}` is a whole fault setting.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SandboxFaults()
        latencyMs = try c.decodeIfPresent(Int.self, forKey: .latencyMs) ?? defaults.latencyMs
        rateLimitShare = try c.decodeIfPresent(Double.self, forKey: .rateLimitShare) ?? defaults.rateLimitShare
        retryAfterSeconds = c.contains(.retryAfterSeconds)
            ? try c.decodeIfPresent(Int.self, forKey: .retryAfterSeconds) : defaults.retryAfterSeconds
        serverErrorShare = try c.decodeIfPresent(Double.self, forKey: .serverErrorShare) ?? defaults.serverErrorShare
        serverErrorStatus = try c.decodeIfPresent(Int.self, forKey: .serverErrorStatus) ?? defaults.serverErrorStatus
        failingIds = try c.decodeIfPresent(Set<String>.self, forKey: .failingIds) ?? defaults.failingIds
        failingStatus = try c.decodeIfPresent(Int.self, forKey: .failingStatus) ?? defaults.failingStatus
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? defaults.seed
    }

    public var isNone: Bool { self == .none }
}

/// A small, fast, seedable generator (SplitMix64), so fault draws repeat run to run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
