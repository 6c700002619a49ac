import Foundation
import WebexAPI
import WebexSandbox

/// Synthetic organisations of a chosen size, built the same way each run.
enum Fixtures {
    static let site = "bench.webex.com"

    static func codes(_ count: Int) -> [TrackingCode] {
        let words = ["Department", "Project", "Cost Center", "Region", "Campaign", "Client", "Office", "Team", "Budget", "Event"]
        return (0..<count).map { index in
            let mode: InputMode = [.text, .select, .editableSelect, .hostProfileSelect][index % 4]
            let options = mode == .text ? [] : (0..<(index % 7 + 1)).map {
                TrackingCodeOption(value: "Option \(index)-\($0)", defaultValue: $0 == 0)
            }
            return TrackingCode(
                id: String(index + 1), name: "\(words[index % words.count]) \(index)", siteUrl: site,
                options: options, inputMode: mode, hostProfileCode: .optional,
                scheduleStartCodes: TrackingCodeRules.normalizedScheduleStartCodes(
                    mode == .hostProfileSelect ? nil : [ScheduleStartCode(service: .all, type: .optional)]))
        }
    }

    static func dataset(codes count: Int, users userCount: Int = 0) -> SandboxDataset {
        let users = (0..<userCount).map { index in
            SandboxUser(personId: SandboxUser.personId(for: UUID()), email: "user\(index)@bench.example.com",
                        displayName: "User \(index)")
        }
        return SandboxDataset(
            admin: Person(id: "admin", emails: ["admin@bench.example.com"], displayName: "Bench Admin"),
            sites: [SandboxSite(siteUrl: site, isDefault: true)],
            codes: codes(count), users: users)
    }
}
