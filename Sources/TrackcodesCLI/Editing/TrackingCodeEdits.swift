import WebexAPI

/// The field flags of `codes create` and `codes update`, read and checked, ready to apply.
struct TrackingCodeEdits: Sendable, Equatable {
    var name: String?
    var inputMode: InputMode?
    /// Empty means "keep the options"; otherwise the new list, in order.
    var options: [String] = []
    var defaultOption: String?
    var hostProfileCode: HostProfileCode?
    var schedule: [ScheduleAssignment] = []

    init(
        name: String? = nil, inputMode: InputMode? = nil, options: [String] = [],
        defaultOption: String? = nil, hostProfileCode: HostProfileCode? = nil,
        schedule: [ScheduleAssignment] = []
    ) {
        self.name = name
        self.inputMode = inputMode
        self.options = options
        self.defaultOption = defaultOption
        self.hostProfileCode = hostProfileCode
        self.schedule = schedule
    }

    init(_ parsed: ParsedCommand) throws(UsageError) {
        name = parsed[CodeOptions.name]
        // The parser has already matched these to a documented value.
        inputMode = parsed[CodeOptions.inputMode].map(InputMode.init(rawValue:))
        options = parsed[CodeOptions.option]
        defaultOption = parsed[CodeOptions.defaultOption]
        hostProfileCode = parsed[CodeOptions.hostProfile].map(HostProfileCode.init(rawValue:))
        var schedule: [ScheduleAssignment] = []
        for text in parsed[CodeOptions.schedule] {
            do {
                schedule.append(try ScheduleAssignment(parsing: text))
            } catch {
                throw UsageError(error.message, helpPath: parsed.path)
            }
        }
        self.schedule = schedule
    }

    var isEmpty: Bool { self == TrackingCodeEdits() }

    /// `draft` with these edits applied.
    ///
    /// New options keep the old default when its value is still among them. A default option
    /// that is not among the options is refused rather than added, since a typo would otherwise
    /// create a new option.
    func applied(to draft: TrackingCodeDraft) throws(UsageError) -> TrackingCodeDraft {
        var result = draft
        if let name { result.name = name }
        if let inputMode { result.inputMode = inputMode }
        if let hostProfileCode { result.hostProfileCode = hostProfileCode }
        if !options.isEmpty {
            let oldDefault = draft.options.first(where: \.defaultValue)?.value
            result.options = options.map {
                TrackingCodeOption(value: $0, defaultValue: $0 == oldDefault)
            }
        }
        if let defaultOption {
            guard result.options.contains(where: { $0.value == defaultOption }) else {
                let values = result.options.map { "'\($0.value)'" }.joined(separator: ", ")
                throw UsageError(
                    "'--default-option \(defaultOption)' is not one of the options"
                        + (values.isEmpty ? " (the code has none)" : " (\(values))"))
            }
            // Only the first match: two options with the same value must not both become default.
            var marked = false
            for index in result.options.indices {
                let isDefault = !marked && result.options[index].value == defaultOption
                result.options[index].defaultValue = isDefault
                marked = marked || isDefault
            }
        }
        result.scheduleStartCodes = ScheduleAssignment.apply(schedule, to: result.scheduleStartCodes)
        return result
    }
}
