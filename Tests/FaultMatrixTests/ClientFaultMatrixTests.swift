import Foundation
import Testing
import WebexAPI

/// The layer under every surface: what `WebexClient` makes of each fault, and how often it
/// tries before giving up.
@Suite("Fault matrix: API client", .serialized)
struct ClientFaultMatrixTests {
    @Test("API client", arguments: Fault.allCases, [FaultTarget.read, .write])
    func client(fault: Fault, target: FaultTarget) async throws {
        let environment = try FaultEnvironment(fault, target: target)
        let client = environment.makeClient()
        let department = try #require(environment.department)

        let result: Result<TrackingCode?, WebexError>
        do throws(WebexError) {
            switch target {
            case .read:
                let codes = try await client.listTrackingCodes(siteUrl: FaultEnvironment.site)
                result = .success(codes.first { $0.id == department.id })
            case .write:
                var draft = department.draft
                draft.name = "Department (renamed)"
                result = .success(try await client.updateTrackingCode(id: department.id, draft))
            }
        } catch {
            result = .failure(error)
        }

        switch result {
        case .success(let code):
            #expect(fault.succeeds, "\(fault) should have failed")
            if fault == .unknownEnumValues {
                #expect(code?.inputMode == .unrecognized("multiSelect"))
                #expect(code?.hostProfileCode == .unrecognized("inheritedFromSite"))
                #expect(
                    code?.scheduleType(for: .unrecognized("WebinarCenter"))
                        == .unrecognized("recommended"))
            }
            if fault == .extraFields { #expect(code?.inputMode == .select) }
        case .failure(let error):
            #expect(!fault.succeeds, "\(fault) should have been read: \(error)")
            #expect(Self.kind(of: error, fits: fault), "\(fault) came back as \(error)")
            FaultExpectations.expectReported(fault, in: error.errorDescription ?? "")
        }
        #expect(environment.sleeper.waits == fault.expectedWaits)
    }

    /// Whether the error is the kind the fault is: Webex's status, a network failure of the
    /// right sort, or an answer that could not be read.
    static func kind(of error: WebexError, fits fault: Fault) -> Bool {
        switch error {
        case .api(let status, _, _, _):
            return status == fault.errorStatus && status != 401 && status != 429
        case .unauthorized:
            return fault == .status401
        case .rateLimited(let seconds, _):
            switch fault {
            case .status429WithRetryAfter: return seconds == Fault.retryAfterSeconds
            case .status429WithoutRetryAfter: return seconds == nil
            case .status429LongRetryAfter: return seconds == Fault.longRetryAfterSeconds
            default: return false
            }
        case .network(let failure, _):
            switch fault {
            case .timeout: return failure == .timedOut
            case .connectionRefused: return failure == .connectionRefused(host: "127.0.0.1")
            case .resetMidBody, .closedMidBody: return failure == .connectionLost
            default: return false
            }
        case .badResponse(let status, _, _):
            switch fault {
            case .malformedJSON, .truncatedJSON, .hugeJSON: return status == 200
            case .htmlErrorPage: return status == 502
            default: return false
            }
        case .cancelled:
            return false
        }
    }
}
