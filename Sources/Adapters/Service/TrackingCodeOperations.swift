import Foundation
import WebexAPI

/// What both adapters do with a call: refuse what the TUI's editor would refuse, then hand the
/// call to the service. Writes are refused as a whole when the adapters run read-only.
///
/// The rules come from `TrackingCodeRules`, the same source the editor and the sandbox use, so
/// nothing reaches Webex through an adapter that the TUI would not send.
public struct TrackingCodeOperations: Sendable {
    public let service: any TrackingCodeService
    public let isReadOnly: Bool
    private let client: WebexClient

    /// - Parameters:
    ///   - service: where calls go; the journaled service in the program.
    ///   - client: the service's client; it builds the requests dry runs show, and sends the
    ///     reads whose answers pass through byte for byte.
    ///   - readOnly: refuse every write with `AdapterFailure.readOnly`.
    public init(service: any TrackingCodeService, client: WebexClient, readOnly: Bool = false) {
        self.service = service
        self.isReadOnly = readOnly
        self.client = client
    }

    // MARK: - Reads

    /// Webex's answer to a read, as Webex sent it, for the REST adapter: fields and values
    /// this version of trackcodes does not know pass through untouched, but a body that does
    /// not read as the documented model is an error, not a success to pass on. Writes are
    /// refused here; they go through the service.
    public func webexAnswer(to read: WebexEndpoint) async throws(AdapterFailure) -> HTTPResponse {
        guard !read.isWrite else { throw .invalid("\(read.method) is not a read") }
        if case .getTrackingCode(let id, _) = read { try Self.requireID(id) }
        do throws(WebexError) {
            return try await client.sendCheckingBody(read)
        } catch {
            throw .webex(error)
        }
    }

    public func list(siteUrl: String?) async throws(AdapterFailure) -> [TrackingCode] {
        try await service.listTrackingCodes(siteUrl: Self.nonEmpty(siteUrl))
    }

    public func get(id: String, siteUrl: String?) async throws(AdapterFailure) -> TrackingCode {
        try Self.requireID(id)
        return try await service.trackingCode(id: id, siteUrl: Self.nonEmpty(siteUrl))
    }

    /// A user's values. `personId` wins when both are given, as Webex documents.
    public func userCodes(
        personId: String?, email: String?, siteUrl: String?
    ) async throws(AdapterFailure) -> UserTrackingCodes {
        let user = try Self.userReference(personId: personId, email: email)
        return try await service.userTrackingCodes(for: user, siteUrl: Self.nonEmpty(siteUrl))
    }

    // MARK: - Writes

    public func create(_ draft: TrackingCodeDraft) async throws(AdapterFailure) -> TrackingCode {
        try await check(.createTrackingCode(draft))
        return try await service.createTrackingCode(draft)
    }

    public func update(id: String, _ draft: TrackingCodeDraft) async throws(AdapterFailure) -> TrackingCode {
        try await check(.updateTrackingCode(id: id, draft))
        return try await service.updateTrackingCode(id: id, draft)
    }

    public func delete(id: String, siteUrl: String) async throws(AdapterFailure) {
        try await check(.deleteTrackingCode(id: id, siteUrl: siteUrl))
        try await service.deleteTrackingCode(id: id, siteUrl: siteUrl)
    }

    /// Sets a user's values, after checking each against the site's codes as the editor does:
    /// the code must exist, and a `select` code takes only one of its options.
    public func updateUserCodes(
        _ update: UserTrackingCodesUpdate
    ) async throws(AdapterFailure) -> UserTrackingCodes {
        try await check(.updateUserTrackingCodes(update))
        let codes = try await service.listTrackingCodes(siteUrl: update.siteUrl)
        try Self.checkValues(update.trackingCodes, against: codes)
        return try await service.updateUserTrackingCodes(update)
    }

    // MARK: - Checks and dry runs

    /// Refuses a write that breaks a rule needing no server state, and any write when the
    /// adapters or the site are read-only. Reads pass.
    public func check(_ endpoint: WebexEndpoint) async throws(AdapterFailure) {
        guard endpoint.isWrite else { return }
        if isReadOnly {
            throw .readOnly("trackcodes runs with --read-only, so it changes nothing at Webex.")
        }
        if let siteUrl = Self.site(of: endpoint), let reason = await service.writeRefusal(for: siteUrl) {
            throw .readOnly(reason)
        }
        let problems: [String]
        switch endpoint {
        case .createTrackingCode(let draft):
            problems = await draftProblems(draft)
        case .updateTrackingCode(let id, let draft):
            problems = Self.idProblems(id) + (await draftProblems(draft))
        case .deleteTrackingCode(let id, let siteUrl):
            problems = Self.idProblems(id) + Self.siteProblems(siteUrl)
        case .updateUserTrackingCodes(let update):
            problems = Self.userUpdateProblems(update)
        default:
            problems = []
        }
        if !problems.isEmpty { throw .invalid(problems) }
    }

    /// The request `endpoint` would send, after the same checks as the real call, without
    /// sending anything. Checks that need the site's current codes are not made.
    public func preview(_ endpoint: WebexEndpoint) async throws(AdapterFailure) -> DryRunRequest {
        try await check(endpoint)
        do throws(WebexError) {
            return DryRunRequest(try client.makeRequest(for: endpoint))
        } catch {
            throw .webex(error)
        }
    }

    // MARK: - Rules

    private static func site(of write: WebexEndpoint) -> String? {
        switch write {
        case .createTrackingCode(let draft), .updateTrackingCode(_, let draft): draft.siteUrl
        case .deleteTrackingCode(_, let siteUrl): siteUrl
        case .updateUserTrackingCodes(let update): update.siteUrl
        default: nil
        }
    }

    /// The editor's rules for `draft`, with the site's management when it is known locally.
    private func draftProblems(_ draft: TrackingCodeDraft) async -> [String] {
        let management = await service.management(of: draft.siteUrl)
        return TrackingCodeRules.violations(of: draft, management: management).map(\.message)
    }

    static func requireID(_ id: String) throws(AdapterFailure) {
        let problems = idProblems(id)
        if !problems.isEmpty { throw .invalid(problems) }
    }

    static func userReference(personId: String?, email: String?) throws(AdapterFailure) -> UserReference {
        if let personId = nonEmpty(personId) { return .personId(personId) }
        if let email = nonEmpty(email) { return .email(email) }
        throw .invalid("'personId' or 'email' is required")
    }

    private static func idProblems(_ id: String) -> [String] {
        id.trimmingCharacters(in: .whitespaces).isEmpty ? ["'trackingCodeId' cannot be empty"] : []
    }

    private static func siteProblems(_ siteUrl: String) -> [String] {
        siteUrl.trimmingCharacters(in: .whitespaces).isEmpty ? ["'siteUrl' cannot be empty"] : []
    }

    private static func userUpdateProblems(_ update: UserTrackingCodesUpdate) -> [String] {
        var problems = siteProblems(update.siteUrl)
        if nonEmpty(update.personId) == nil, nonEmpty(update.email) == nil {
            problems.append("'personId' or 'email' is required")
        }
        var seen: Set<String> = []
        for (index, item) in update.trackingCodes.enumerated() {
            let path = "trackingCodes[\(index)]"
            if item.name.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append("'\(path).name' cannot be empty")
            } else if item.name.count > TrackingCodeRules.maxNameLength {
                problems.append(
                    "'\(path).name' cannot be longer than \(TrackingCodeRules.maxNameLength) characters")
            } else if !seen.insert(item.name).inserted {
                problems.append("'\(path).name' names '\(item.name)' a second time; give each code once")
            }
            if item.value.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append("'\(path).value' cannot be empty")
            } else if item.value.count > TrackingCodeRules.maxValueLength {
                problems.append(
                    "'\(path).value' cannot be longer than \(TrackingCodeRules.maxValueLength) characters")
            }
        }
        return problems
    }

    private static func checkValues(
        _ assignments: [UserTrackingCodeAssignment], against codes: [TrackingCode]
    ) throws(AdapterFailure) {
        var problems: [String] = []
        for item in assignments {
            guard let code = codes.first(where: { $0.name == item.name }) else {
                problems.append("Tracking code of '\(item.name)' is not found. \(knownNames(codes))")
                continue
            }
            if let violation = TrackingCodeRules.userValueViolation(item.value, for: code) {
                problems.append(violation)
            }
        }
        if !problems.isEmpty { throw .invalid(problems) }
    }

    /// The site's code names, for a refusal a model can correct from; long lists are cut.
    private static func knownNames(_ codes: [TrackingCode]) -> String {
        let shown = 20
        guard !codes.isEmpty else { return "The site has no tracking codes." }
        var names = codes.prefix(shown).map { "'\($0.name)'" }.joined(separator: ", ")
        if codes.count > shown { names += " and \(codes.count - shown) more" }
        return "The site's codes are: \(names)"
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return text
    }
}
