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
        try await withSession(invocation, on: connection) { try await write($0.writer) }
    }

    /// A core session for `connection` (journal in the state folder, or a temporary one for
    /// `--demo`), alive while `body` runs. The settings file is read, so a site listed under
    /// `readOnlySites` is refused with that reason.
    @MainActor
    static func withSession<T: Sendable>(
        _ invocation: CommandInvocation, on connection: Connection,
        _ body: @MainActor (Session) async throws -> T
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
        let settings: Settings
        do {
            settings = try Settings.load(from: paths.settingsFile)
        } catch {
            throw CLIFailure(error.errorDescription ?? "\(error)", exitCode: .usage)
        }
        let session = Session(
            client: connection.client, callLog: APICallLog(), paths: paths, settings: settings,
            readOnly: invocation.isReadOnly)
        // A command has no undo; the journal is what can restore.
        session.keepsUndoHistory = false
        return try await body(session)
    }
}
