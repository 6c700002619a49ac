import Foundation

/// A sandbox's users, decoded only when a request first needs them.
///
/// The demo organisation's 241 users take longer to decode than everything else the terminal UI
/// does before its first frame, and most sessions never look a user up.
public struct DeferredUsers: Sendable {
    public let load: @Sendable () throws -> [SandboxUser]

    public init(_ load: @escaping @Sendable () throws -> [SandboxUser]) {
        self.load = load
    }
}
