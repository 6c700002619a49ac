import Foundation
import TrackingCodesCore
import WebexAPI
import WebexSandbox

/// A site whose codes carry everything that could move a terminal's cursor, recolour it, ring
/// it, reverse text or break columns: ESC and OSC sequences, BEL, NUL, a C1 CSI, bidi controls,
/// and a 120-character CJK name (240 columns). Every code is the same apart from its name, so
/// the rows of a list must be the same from the second column on.
enum HostileData {
    static let site = "acme.webex.com"
    static let cjkName = String(repeating: "部署コード", count: 24)
    static let names = [
        "Plain",
        "Evil\u{1B}[31mRed\u{1B}[0m",
        "Title\u{1B}]0;pwned\u{07}",
        "Bell\u{07}Ring",
        "Nul\u{0}Byte",
        "C1\u{9B}2J",
        "\u{202E}exe.txt",
        "Iso\u{2066}late\u{2069}",
        cjkName,
    ]
    /// An option value as hostile as the names.
    static let hostileOption = "Opt\u{1B}[2J\u{202E}\u{07}"

    static func dataset() -> SandboxDataset {
        let schedule = TrackingCodeRules.normalizedScheduleStartCodes([
            .init(service: .all, type: .optional)
        ])
        let codes = names.enumerated().map { index, name in
            TrackingCode(
                id: String(index + 1), name: name, siteUrl: site,
                options: [
                    TrackingCodeOption(value: "Alpha", defaultValue: true),
                    TrackingCodeOption(value: hostileOption),
                ],
                inputMode: .select, hostProfileCode: .optional, scheduleStartCodes: schedule)
        }
        return SandboxDataset(
            admin: Person(
                id: "admin", emails: ["admin@example.com"], displayName: "Admin\u{1B}[5m"),
            sites: [SandboxSite(siteUrl: site, isDefault: true)], codes: codes,
            users: [
                SandboxUser(
                    personId: "UEVPUExFL2V2ZQ", email: "eve@example.com",
                    displayName: "Eve\u{1B}]0;owned\u{07}\u{202E}",
                    values: [site: ["1": hostileOption]])
            ])
    }

    /// A session on an in-process sandbox holding the hostile site.
    @MainActor
    static func session(paths: Paths) -> (Session, Sandbox) {
        let sandbox = Sandbox(dataset: dataset())
        let session = Session(
            token: AccessToken(Sandbox.demoToken), transport: SandboxTransport(sandbox),
            baseURL: Sandbox.inProcessBaseURL, retryPolicy: .none, paths: paths,
            clock: { Date(timeIntervalSince1970: 1_750_000_000) })
        return (session, sandbox)
    }

    /// Whether `scalar` could act on a terminal rather than be shown: C0 and C1 controls, DEL,
    /// and the bidi embedding, override and isolate controls.
    static func isActive(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
