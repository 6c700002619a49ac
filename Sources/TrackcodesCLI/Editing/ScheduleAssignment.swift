import WebexAPI

/// `--schedule SERVICE=TYPE` edits, and how they combine with the code's current list so the
/// result still obeys Webex's rule that a concrete `All` type binds every listed service.
struct ScheduleAssignment: Sendable, Hashable {
    var service: MeetingService
    var type: ScheduleStartType

    /// Reads `MeetingCenter=required`; names match ignoring case.
    init(parsing text: String) throws(UsageError) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        let services = MeetingService.documentedCases.map(\.rawValue).joined(separator: ", ")
        let types = ScheduleStartType.documentedCases.map(\.rawValue).joined(separator: ", ")
        guard parts.count == 2 else {
            throw UsageError("'--schedule \(text)' should be SERVICE=TYPE, e.g. MeetingCenter=required")
        }
        guard let service = Self.documented(MeetingService.self, named: parts[0]) else {
            throw UsageError(
                "'--schedule \(text)': unknown service '\(parts[0])'; expected one of \(services)")
        }
        guard let type = Self.documented(ScheduleStartType.self, named: parts[1]) else {
            throw UsageError(
                "'--schedule \(text)': unknown type '\(parts[1])'; expected one of \(types)")
        }
        self.service = service
        self.type = type
    }

    private static func documented<E: TolerantEnum>(_ type: E.Type, named name: String) -> E? {
        E.documentedCases.first(where: { $0.rawValue.lowercased() == name.lowercased() })
    }

    init(service: MeetingService, type: ScheduleStartType) {
        self.service = service
        self.type = type
    }

    /// `current` with `assignments` applied, in Webex's service order.
    ///
    /// - A concrete `All` type (not notApplicable) is copied to every service not assigned too,
    ///   since Webex requires listed services to match it.
    /// - A service set to a type that differs from a concrete `All` left unassigned turns `All`
    ///   into notApplicable; the services it covered keep its type, written out.
    static func apply(
        _ assignments: [ScheduleAssignment], to current: [ScheduleStartCode]?
    ) -> [ScheduleStartCode]? {
        guard !assignments.isEmpty else { return current }
        var types: [MeetingService: ScheduleStartType] = [:]
        var order: [MeetingService] = []
        for code in current ?? [] where types[code.service] == nil {
            types[code.service] = code.type
            order.append(code.service)
        }
        func set(_ service: MeetingService, _ type: ScheduleStartType) {
            if types[service] == nil { order.append(service) }
            types[service] = type
        }

        let assigned = Dictionary(
            assignments.map { ($0.service, $0.type) }, uniquingKeysWith: { _, last in last })
        let explicitAll = assigned[.all]
        let currentAll = types[.all]

        if let explicitAll, explicitAll != .notApplicable {
            for service in MeetingService.centers
            where assigned[service] == nil && types[service] != nil {
                types[service] = explicitAll
            }
        } else if explicitAll == nil, let currentAll, currentAll != .notApplicable,
                  assigned.contains(where: { $0.key != .all && $0.value != currentAll }) {
            for service in MeetingService.centers where types[service] == nil {
                set(service, currentAll)
            }
            types[.all] = .notApplicable
        }
        for assignment in assignments {
            set(assignment.service, assignment.type)
        }

        let known = MeetingService.documentedCases.filter { types[$0] != nil }
        let others = order.filter { !$0.isDocumented }
        return (known + others).compactMap { service in
            types[service].map { ScheduleStartCode(service: service, type: $0) }
        }
    }
}
