import WebexAPI

/// The short text of the code list's "Schedule/start" column.
///
/// One type for every service reads "All: required"; mixed types read
/// "MC req · EC opt · TC – · SC –" (– means not used). Gaps are filled the way Webex fills
/// them (rules 5 and 6), so the summary says what Webex will do.
public enum ScheduleSummary {
    public static func text(for code: TrackingCode) -> String {
        text(for: code.scheduleStartCodes)
    }

    public static func text(for codes: [ScheduleStartCode]?) -> String {
        let normalized = TrackingCodeRules.normalizedScheduleStartCodes(codes)
        let centers = normalized.filter { $0.service != .all }
        if let first = centers.first, centers.allSatisfy({ $0.type == first.type }) {
            return "All: \(first.type.label.lowercased())"
        }
        return centers.map { "\($0.service.shortLabel) \($0.type.shortLabel)" }.joined(separator: " · ")
    }
}
