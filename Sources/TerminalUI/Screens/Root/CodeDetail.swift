import TrackingCodesCore
import WebexAPI

/// The detail pane's text for one code: every field, the options with the default flagged,
/// and the schedule type per service.
enum CodeDetail {
    static func lines(for code: TrackingCode, readOnlyReason: String?) -> [String] {
        var lines = [
            code.name,
            "id \(code.id) on \(code.siteUrl)",
            "",
            "Input mode    \(code.inputMode.label)",
            "Host profile  \(code.hostProfileCode.label)",
            "Default       \(code.defaultOption?.value ?? "(none)")",
            "",
            "Schedule/start",
        ]
        let schedule = TrackingCodeRules.normalizedScheduleStartCodes(code.scheduleStartCodes)
        for entry in schedule where entry.service != .all {
            lines.append("  \(entry.service.label): \(entry.type.label)")
        }
        lines.append("")
        lines.append(code.options.isEmpty ? "No options" : "Options (\(code.options.count))")
        for option in code.options {
            lines.append((option.defaultValue ? "* " : "  ") + option.value)
        }
        if let readOnlyReason {
            lines.append("")
            lines.append("Read-only: \(readOnlyReason).")
        }
        return lines
    }
}
