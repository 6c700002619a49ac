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

    /// The heading over `compactText`: the services in the order of its slots.
    public static let compactHeading = "MC  EC  TC  SC"

    /// The types alone, one three-column slot per service under `compactHeading`:
    /// "req opt –   –", for narrow windows. A type Webex added after this program is shown
    /// whole, as `text` shows it, since three columns could not say what it is.
    public static func compactText(for code: TrackingCode) -> String {
        let normalized = TrackingCodeRules.normalizedScheduleStartCodes(code.scheduleStartCodes)
        let centers = normalized.filter { $0.service != .all }
        if centers.contains(where: { if case .unrecognized = $0.type { true } else { false } }) {
            return text(for: code)
        }
        let slots = centers.map { center in
            let label = center.type.shortLabel
            return label + String(repeating: " ", count: max(0, 3 - label.count))
        }
        var line = slots.joined(separator: " ")
        while line.last == " " { line.removeLast() }
        return line
    }
}
