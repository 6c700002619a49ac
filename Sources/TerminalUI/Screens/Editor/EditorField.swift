import TrackingCodesCore
import WebexAPI

/// A stop of the code editor's focus, top to bottom: the fields of a tracking code in the order
/// the form shows them. The options list is one stop with a cursor of its own.
enum EditorField: Hashable, Sendable {
    case name
    case inputMode
    case hostProfile
    case schedule(MeetingService)
    case options

    /// Every stop, in form order.
    static let all: [EditorField] = [.name, .inputMode, .hostProfile]
        + MeetingService.documentedCases.map { .schedule($0) } + [.options]

    /// The field's label in the form's left column.
    var label: String {
        switch self {
        case .name: "Name"
        case .inputMode: "Input mode"
        case .hostProfile: "Host profile"
        case .schedule(let service): "  " + service.label
        case .options: "Options"
        }
    }

    /// Which of the model's fields the rule messages shown beside this stop concern.
    var ruleField: TrackingCodeField {
        switch self {
        case .name: .name
        case .inputMode: .inputMode
        case .hostProfile: .hostProfileCode
        case .schedule(let service): .scheduleStartCode(service)
        case .options: .options
        }
    }

    /// True for the fields whose value is one of a few choices (cycled with Left/Right).
    var isChoice: Bool {
        switch self {
        case .inputMode, .hostProfile, .schedule: true
        case .name, .options: false
        }
    }

    /// The stop `offset` places further down (negative: up), clamped to the form.
    func moved(by offset: Int) -> EditorField {
        let index = Self.all.firstIndex(of: self) ?? 0
        return Self.all[min(max(0, index + offset), Self.all.count - 1)]
    }

    /// The next stop for Tab (or the previous for Shift-Tab), wrapping around.
    func cycled(by offset: Int) -> EditorField {
        let index = Self.all.firstIndex(of: self) ?? 0
        let count = Self.all.count
        return Self.all[((index + offset) % count + count) % count]
    }
}
