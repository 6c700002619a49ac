import Foundation
import TrackingCodesCore
import WebexAPI

/// Sends the command line's changes through the core's `JournaledWriter`, like every other part
/// of trackcodes: the intent (with the whole object a delete removes) is flushed to the journal
/// before the request, so `trackcodes journal` can bring back what a command deleted.
///
/// `--demo` journals into a temporary folder that goes away with the command: sandbox changes
/// must never be offered for restoring against a real Webex site.
enum JournaledWrites {
    @MainActor
    static func perform<T: Sendable>(
        _ invocation: CommandInvocation, on connection: Connection,
        _ write: @MainActor (JournaledWriter) async throws -> T
    ) async throws -> T {
        let temporary = connection.isDemo
            ? FileManager.default.temporaryDirectory
                .appendingPathComponent("trackcodes-demo-\(UUID().uuidString)", isDirectory: true)
            : nil
        defer {
            if let temporary {
                try? FileManager.default.removeItem(at: temporary)
            }
        }
        let paths = temporary.map { Paths(configDirectory: $0, stateDirectory: $0) }
            ?? Paths.standard(environment: invocation.context.environment)
        let session = Session(
            client: connection.client, callLog: APICallLog(), paths: paths,
            readOnly: invocation.isReadOnly)
        return try await write(session.writer)
    }
}
