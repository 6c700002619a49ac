import TrackingCodesCore
import WebexAPI

/// How tracking codes and user values read in the terminal.
enum TrackingCodeText {
    /// The code list: one row per code. The schedule column is the terminal UI's summary, so
    /// both read the same.
    static func table(_ codes: [TrackingCode]) -> TextTable {
        TextTable(
            columns: [
                .init(header: "ID", alignRight: true),
                .init(header: "NAME", maxWidth: 40),
                .init(header: "INPUT MODE"),
                .init(header: "OPTIONS", alignRight: true),
                .init(header: "DEFAULT", maxWidth: 30),
                .init(header: "HOST PROFILE"),
                .init(header: "SCHEDULE/START"),
            ],
            rows: codes.map { code in
                [
                    code.id, code.name, code.inputMode.rawValue, String(code.options.count),
                    code.defaultOption?.value ?? "", code.hostProfileCode.rawValue,
                    ScheduleSummary.text(for: code),
                ]
            })
    }

    /// Everything about one code, one field per line; every option and service listed.
    static func detail(_ code: TrackingCode, style: TextStyle) -> String {
        let fields = TextTable(
            columns: [.init(header: "FIELD"), .init(header: "VALUE")],
            rows: [
                ["id", code.id],
                ["name", code.name],
                ["site", code.siteUrl],
                ["input mode", code.inputMode.rawValue],
                ["host profile", code.hostProfileCode.rawValue],
                ["default", code.defaultOption?.value ?? "(none)"],
            ])
        var text = fields.render(style: style)

        text += "\n"
        if code.options.isEmpty {
            text += "No options.\n"
        } else {
            let options = TextTable(
                columns: [
                    .init(header: "#", alignRight: true), .init(header: "OPTION"),
                    .init(header: "DEFAULT"),
                ],
                rows: code.options.enumerated().map { index, option in
                    [String(index + 1), option.value, option.defaultValue ? "yes" : ""]
                })
            text += options.render(style: style)
        }

        text += "\n"
        let schedule = TextTable(
            columns: [.init(header: "SERVICE"), .init(header: "SCHEDULE/START")],
            rows: code.scheduleStartCodes.map { [$0.service.rawValue, $0.type.rawValue] })
        text += schedule.render(style: style)
        return text
    }

    /// A user's values on one site, headed by who and where.
    static func userValues(_ values: UserTrackingCodes, style: TextStyle) -> String {
        let who = values.email ?? values.personId ?? "user"
        var text = OutputEscaping.escapingControls("\(who) on \(values.siteUrl)") + "\n"
        if values.trackingCodes.isEmpty {
            return text + "No tracking code values.\n"
        }
        let table = TextTable(
            columns: [
                .init(header: "ID", alignRight: true), .init(header: "NAME"), .init(header: "VALUE"),
            ],
            rows: values.trackingCodes.map { [$0.id, $0.name, $0.value] })
        text += table.render(style: style)
        return text
    }
}
