import WebexAPI

// Words for the API's enum values, as screens and messages show them. Unknown values that a
// newer Webex may send are shown as they came, so nothing is hidden from the admin.

extension InputMode {
    public var label: String {
        switch self {
        case .text: "Text"
        case .select: "Select"
        case .editableSelect: "Editable select"
        case .hostProfileSelect: "Host profile select"
        case .unrecognized(let raw): raw
        }
    }

    /// At most 8 columns, for narrow tables (the code list at 80 columns, the user pane).
    public var shortLabel: String {
        switch self {
        case .text: "Text"
        case .select: "Select"
        case .editableSelect: "Editable"
        case .hostProfileSelect: "Host sel"
        case .unrecognized(let raw): raw
        }
    }
}

extension HostProfileCode {
    public var label: String {
        switch self {
        case .optional: "Optional"
        case .required: "Required"
        case .adminSet: "Admin set"
        case .notUsed: "Not used"
        case .unrecognized(let raw): raw
        }
    }

    /// A few characters for narrow tables, the same as `ScheduleStartType.shortLabel`.
    public var shortLabel: String {
        switch self {
        case .optional: "opt"
        case .required: "req"
        case .adminSet: "adm"
        case .notUsed: "–"
        case .unrecognized(let raw): raw
        }
    }
}

extension ScheduleStartType {
    public var label: String {
        switch self {
        case .optional: "Optional"
        case .required: "Required"
        case .adminSet: "Admin set"
        case .notUsed: "Not used"
        case .notApplicable: "Differs per service"
        case .unrecognized(let raw): raw
        }
    }

    /// A few characters for the code list's schedule column.
    public var shortLabel: String {
        switch self {
        case .optional: "opt"
        case .required: "req"
        case .adminSet: "adm"
        case .notUsed: "–"
        case .notApplicable: "n/a"
        case .unrecognized(let raw): raw
        }
    }
}

extension MeetingService {
    public var label: String {
        switch self {
        case .all: "All services"
        case .meetingCenter: "Meeting Center"
        case .eventCenter: "Event Center"
        case .trainingCenter: "Training Center"
        case .supportCenter: "Support Center"
        case .unrecognized(let raw): raw
        }
    }

    /// Two letters, as Webex admins abbreviate the centers.
    public var shortLabel: String {
        switch self {
        case .all: "All"
        case .meetingCenter: "MC"
        case .eventCenter: "EC"
        case .trainingCenter: "TC"
        case .supportCenter: "SC"
        case .unrecognized(let raw): raw
        }
    }
}
