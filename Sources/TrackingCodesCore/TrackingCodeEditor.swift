import Foundation
import WebexAPI

/// The form to create a tracking code or edit one: every field, live rule checks, and save.
///
/// Rules come from `TrackingCodeRules` (the same ones the sandbox enforces), shown beside the
/// field they concern; `save()` refuses to send while any is broken. Advisories warn about what
/// only the server can refuse (a name another code has: 409) or what is legal but likely a
/// mistake (the same option twice); they do not block saving.
///
/// The schedule fields follow Webex's rules so the form cannot drift into a state Webex reads
/// differently from what it shows:
/// - Setting "All" to a type sets every service to it; setting one service to another type
///   turns "All" into "differs per service" (notApplicable).
/// - Switching host-profile use to adminSet turns optional/required services into adminSet, and
///   back to optional when leaving adminSet (rule 4).
/// - With input mode hostProfileSelect every service is "not used" and locked (rule 2); the
///   previous choices come back when another mode is chosen.
///
/// A refused save keeps every field as typed and exposes the error (`saveError`: HTTP status,
/// Webex's message and descriptions, trackingId).
@MainActor
public final class TrackingCodeEditor {
    public enum Mode: Hashable, Sendable {
        case create
        /// Editing `original`, the code as last loaded or saved.
        case edit(original: TrackingCode)
    }

    /// A schedule/start row of the form.
    public struct ScheduleField: Hashable, Sendable {
        public var service: MeetingService
        public var type: ScheduleStartType
        /// False when the input mode locks the schedule (hostProfileSelect).
        public var isEditable: Bool
        /// The types this row may take now, in the order to offer them.
        public var choices: [ScheduleStartType]
    }

    /// A rule message or advisory for one field.
    public struct FieldMessage: Hashable, Sendable {
        public var text: String
        /// True for a broken rule (save refused), false for an advisory.
        public var blocksSaving: Bool
    }

    public let session: Session
    public let siteUrl: String
    public private(set) var mode: Mode
    public var name: String { didSet { changed() } }
    public private(set) var inputMode: InputMode
    public private(set) var options: [TrackingCodeOption]
    public private(set) var hostProfileCode: HostProfileCode
    private var scheduleTypes: [MeetingService: ScheduleStartType]
    /// The schedule as it was before hostProfileSelect locked it.
    private var scheduleBeforeLock: [MeetingService: ScheduleStartType]?
    private var otherCodes: [TrackingCode]
    private var savedDraft: TrackingCodeDraft?
    /// Why the last save was refused; nil after a successful one.
    public private(set) var saveError: OperationError?
    /// What Webex returned from the last successful save.
    public private(set) var lastSaved: TrackingCode?
    public private(set) var revision = 0

    public static let inputModeChoices = InputMode.documentedCases
    public static let hostProfileChoices = HostProfileCode.documentedCases

    /// A form for a new code on `siteUrl`. `siteCodes` are the site's codes, for the name check.
    public init(session: Session, creatingOn siteUrl: String, siteCodes: [TrackingCode] = []) {
        self.session = session
        self.siteUrl = siteUrl
        mode = .create
        name = ""
        inputMode = .select
        options = []
        hostProfileCode = .optional
        scheduleTypes = Dictionary(
            uniqueKeysWithValues: MeetingService.documentedCases.map { ($0, .optional) })
        otherCodes = siteCodes
        savedDraft = nil
    }

    /// A form showing `code`. `siteCodes` are the site's codes, for the name check.
    public init(session: Session, editing code: TrackingCode, siteCodes: [TrackingCode] = []) {
        self.session = session
        siteUrl = code.siteUrl
        mode = .edit(original: code)
        name = code.name
        inputMode = code.inputMode
        options = code.options
        hostProfileCode = code.hostProfileCode
        scheduleTypes = [:]
        otherCodes = siteCodes.filter { $0.id != code.id }
        load(code)
    }

    private func load(_ code: TrackingCode) {
        mode = .edit(original: code)
        name = code.name
        inputMode = code.inputMode
        options = code.options
        hostProfileCode = code.hostProfileCode
        let normalized = TrackingCodeRules.normalizedScheduleStartCodes(code.scheduleStartCodes)
        scheduleTypes = Dictionary(normalized.map { ($0.service, $0.type) }) { first, _ in first }
        scheduleBeforeLock = nil
        savedDraft = draft
    }

    // MARK: - What the screen reads

    public var isCreating: Bool { mode == .create }
    public var original: TrackingCode? {
        if case .edit(let original) = mode { return original }
        return nil
    }
    public var isBusy: Bool { session.activity.isBusy(self) }
    /// Why saving will be refused before anything is sent, or nil.
    public var readOnlyReason: String? { session.readOnlyReason(for: siteUrl) }
    /// True when the form differs from what was loaded or last saved (any input, for a new code).
    public var hasChanges: Bool { savedDraft.map { $0 != draft } ?? true }

    public func scheduleType(for service: MeetingService) -> ScheduleStartType {
        scheduleTypes[service] ?? .notUsed
    }

    /// hostProfileSelect codes are not asked for on schedule or start pages (rule 2).
    public var isScheduleEditable: Bool { inputMode != .hostProfileSelect }

    /// The five schedule rows: All, then the four services.
    public var scheduleFields: [ScheduleField] {
        MeetingService.documentedCases.map { service in
            var choices: [ScheduleStartType] = hostProfileCode == .adminSet
                ? [.adminSet, .notUsed]
                : [.optional, .required, .notUsed]
            if service == .all { choices.append(.notApplicable) }
            let type = scheduleType(for: service)
            if !choices.contains(type) { choices.append(type) }
            return ScheduleField(
                service: service, type: type, isEditable: isScheduleEditable, choices: choices)
        }
    }

    /// The body `save()` would send. Leading and trailing spaces of the name and the option
    /// values are dropped; the fields keep them as typed.
    public var draft: TrackingCodeDraft {
        TrackingCodeDraft(
            name: name.trimmingCharacters(in: .whitespaces),
            siteUrl: siteUrl,
            options: options.map {
                TrackingCodeOption(
                    value: $0.value.trimmingCharacters(in: .whitespaces), defaultValue: $0.defaultValue)
            },
            inputMode: inputMode,
            hostProfileCode: hostProfileCode,
            scheduleStartCodes: MeetingService.documentedCases.map {
                ScheduleStartCode(service: $0, type: scheduleType(for: $0))
            })
    }

    /// Every broken rule; saving is refused while there is one.
    public var violations: [RuleViolation] {
        TrackingCodeRules.violations(of: draft, management: session.management(of: siteUrl))
    }

    /// Warnings that do not block saving.
    public var advisories: [RuleViolation] {
        var found: [RuleViolation] = []
        let trimmedName = name.trimmingCharacters(in: .whitespaces)
        let clash = otherCodes.first { $0.name.caseInsensitiveCompare(trimmedName) == .orderedSame }
        if !trimmedName.isEmpty, let clash {
            found.append(RuleViolation(
                field: .name,
                message: "Another code on \(siteUrl) is already named '\(clash.name)' (id \(clash.id)); "
                    + "Webex will refuse the save (409)"))
        }
        var firstIndex: [String: Int] = [:]
        for (index, option) in options.enumerated() {
            let key = option.value.trimmingCharacters(in: .whitespaces).lowercased()
            guard !key.isEmpty else { continue }
            if let earlier = firstIndex[key] {
                found.append(RuleViolation(
                    field: .option(index: index),
                    message: "Option \(index + 1) '\(option.value)' repeats option \(earlier + 1); "
                        + "users could not tell them apart"))
            } else {
                firstIndex[key] = index
            }
        }
        return found
    }

    /// The rule messages and advisories for `field`, rules first.
    public func messages(for field: TrackingCodeField) -> [FieldMessage] {
        let rules = violations.filter { $0.field == field }
        let warnings = advisories.filter { $0.field == field }
        return rules.map { FieldMessage(text: $0.message, blocksSaving: true) }
            + warnings.map { FieldMessage(text: $0.message, blocksSaving: false) }
    }

    public var canSave: Bool { violations.isEmpty && readOnlyReason == nil && !isBusy }

    // MARK: - Editing

    /// Tells the form about the site's codes again (after a refresh), for the name check.
    public func updateSiteCodes(_ codes: [TrackingCode]) {
        otherCodes = codes.filter { $0.id != original?.id }
        changed()
    }

    public func setInputMode(_ newMode: InputMode) {
        guard newMode != inputMode else { return }
        if newMode == .hostProfileSelect {
            scheduleBeforeLock = scheduleTypes
            for service in MeetingService.documentedCases { scheduleTypes[service] = .notUsed }
        } else if inputMode == .hostProfileSelect, let previous = scheduleBeforeLock {
            scheduleTypes = previous
            scheduleBeforeLock = nil
        }
        inputMode = newMode
        changed()
    }

    /// Sets host-profile use, converting the schedule to and from adminSet (rule 4). Returns the
    /// services whose shown type changed with it, in form order, so the form can say so.
    @discardableResult
    public func setHostProfileCode(_ code: HostProfileCode) -> [MeetingService] {
        guard code != hostProfileCode else { return [] }
        var converted: [MeetingService] = []
        if code == .adminSet {
            converted = convertSchedule(from: [.optional, .required], to: .adminSet)
        } else if hostProfileCode == .adminSet {
            converted = convertSchedule(from: [.adminSet], to: .optional)
        }
        hostProfileCode = code
        changed()
        return converted
    }

    /// Returns the shown services converted; the schedule hidden by a lock converts silently
    /// and shows again only when the lock goes.
    private func convertSchedule(from old: [ScheduleStartType], to new: ScheduleStartType)
        -> [MeetingService]
    {
        let converted = MeetingService.documentedCases.filter {
            scheduleTypes[$0].map(old.contains) ?? false
        }
        for service in converted { scheduleTypes[service] = new }
        if var saved = scheduleBeforeLock {
            for (service, type) in saved where old.contains(type) { saved[service] = new }
            scheduleBeforeLock = saved
        }
        return converted
    }

    /// Sets how the code is used on `service`, keeping "All" consistent (see the type's notes).
    /// Ignored while the schedule is locked by hostProfileSelect.
    public func setScheduleType(_ type: ScheduleStartType, for service: MeetingService) {
        guard isScheduleEditable else { return }
        if service == .all {
            scheduleTypes[.all] = type
            if type != .notApplicable {
                for center in MeetingService.centers { scheduleTypes[center] = type }
            }
        } else {
            if let all = scheduleTypes[.all], all != .notApplicable, all != type {
                scheduleTypes[.all] = .notApplicable
            }
            scheduleTypes[service] = type
        }
        changed()
    }

    /// Appends an option and returns its index.
    @discardableResult
    public func addOption(_ value: String = "") -> Int {
        options.append(TrackingCodeOption(value: value))
        changed()
        return options.count - 1
    }

    public func removeOption(at index: Int) {
        guard options.indices.contains(index) else { return }
        options.remove(at: index)
        changed()
    }

    public func setOptionValue(_ value: String, at index: Int) {
        guard options.indices.contains(index) else { return }
        options[index].value = value
        changed()
    }

    /// Moves option `index` one up; returns its new index.
    @discardableResult
    public func moveOptionUp(at index: Int) -> Int {
        guard options.indices.contains(index), index > 0 else { return index }
        options.swapAt(index, index - 1)
        changed()
        return index - 1
    }

    /// Moves option `index` one down; returns its new index.
    @discardableResult
    public func moveOptionDown(at index: Int) -> Int {
        guard options.indices.contains(index), index < options.count - 1 else { return index }
        options.swapAt(index, index + 1)
        changed()
        return index + 1
    }

    /// Makes option `index` the only default.
    public func setDefaultOption(at index: Int) {
        guard options.indices.contains(index) else { return }
        for other in options.indices { options[other].defaultValue = other == index }
        changed()
    }

    public func clearDefaultOption() {
        for index in options.indices { options[index].defaultValue = false }
        changed()
    }

    // MARK: - Saving

    /// Creates or updates the code. Returns true when Webex accepted it; otherwise `saveError`
    /// says why and every field stays as typed.
    @discardableResult
    public func save() async -> Bool {
        let broken = violations
        guard broken.isEmpty else {
            saveError = .invalid(broken)
            session.report(.invalid(broken), doing: "Not saved")
            changed()
            return false
        }
        let draft = draft
        let mode = mode
        typealias Outcome = Result<TrackingCode, OperationError>
        let result: Outcome = await session.activity.run(for: self) { [session] in
            do throws(OperationError) {
                switch mode {
                case .create:
                    let code = try await session.writer.create(draft)
                    session.history.record(.created(code), siteUrl: code.siteUrl)
                    return .success(code)
                case .edit(let original):
                    let id = session.history.currentID(of: original.id, siteUrl: original.siteUrl)
                    let code = try await session.writer.update(id: id, before: original, to: draft)
                    session.history.record(.updated(before: original, after: code), siteUrl: code.siteUrl)
                    return .success(code)
                }
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let code):
            saveError = nil
            lastSaved = code
            load(code)
            otherCodes.removeAll { $0.id == code.id }
            let text = mode == .create ? "Created '\(code.name)' (id \(code.id))." : "Saved '\(code.name)'."
            session.report(text, severity: .success)
            changed()
            return true
        case .failure(let error):
            saveError = error
            session.report(error, doing: "Could not save '\(draft.name)'")
            changed()
            return false
        }
    }

    /// Stops a save in flight (Esc). Webex may or may not have received it; the journal knows.
    public func cancel() {
        session.activity.cancel(for: self)
    }

    private func changed() {
        revision &+= 1
        session.noteChange()
    }
}
