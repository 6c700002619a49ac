import Foundation
import TrackingCodesCore
import WebexAPI

/// `trackcodes codes export`: a site's codes as CSV or JSON on standard output.
enum CodesExportCommand {
    static let spec = CommandSpec(
        name: "export", summary: "Write a site's tracking codes as CSV or JSON to standard output",
        discussion: """
            CSV has one code per row: id, name, siteUrl, inputMode, hostProfileCode, options, and
            one column per service (All, MeetingCenter, EventCenter, TrainingCenter,
            SupportCenter) holding its schedule type. Options are one cell,
            Engineering|*Design|Sales, the default marked with *; a \\ makes the next |, * or \\
            part of the value.
            Cells that start with =, +, -, @ get a leading ' so a spreadsheet shows them as text;
            'codes import' takes it off again, so every value comes back exactly.
            JSON is Webex's own list object. Either format goes back in with 'codes import'.
            """,
        options: [CodeOptions.site.spec, ImportFiles.format.spec],
        action: run)

    static func run(_ invocation: CommandInvocation) async throws -> ExitCode {
        let parsed = invocation.parsed
        let client = try invocation.connect().client
        let codes = try await client.listTrackingCodes(siteUrl: parsed[CodeOptions.site])
        let json =
            parsed[ImportFiles.format] == "json"
            || (parsed[ImportFiles.format] == nil && invocation.wantsJSON)
        let text =
            json
            ? String(decoding: CodesFile.json(for: codes), as: UTF8.self) + "\n"
            : CodesFile.table(for: codes).rendered()
        ImportFiles.printFile(text, invocation: invocation)
        return .success
    }
}
