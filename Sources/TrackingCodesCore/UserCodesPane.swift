import Foundation
import WebexAPI

/// One user's tracking code values on the current site: find the user, edit values, save.
///
/// Every site code is listed, with the user's value beside it (empty when the user has none).
/// Saving sends the user's full list (values kept plus values edited), which is right whether
/// Webex merges or replaces. Webex has no call to remove a value, so a value cannot be emptied.
@MainActor
public final class UserCodesPane {
    /// How a value is entered for a code, from its input mode.
    public enum ValueInput: Hashable, Sendable {
        /// One of these options (select, hostProfileSelect).
        case pick([String])
        /// Any text (text).
        case freeText
        /// One of these options or any text (editableSelect).
        case pickOrType([String])
    }

    /// One site code and the user's value for it.
    public struct Row: Identifiable, Hashable, Sendable {
        public var code: TrackingCode
        /// The value Webex holds for the user, or nil when there is none.
        public var savedValue: String?
        /// The value typed or picked and not saved yet.
        public var editedValue: String?
        /// Why the value cannot be sent, or nil.
        public var problem: String?

        public var id: String { code.id }
        public var name: String { code.name }
        /// What to show: the edit if any, else the saved value, else nothing.
        public var value: String? { editedValue ?? savedValue }
        public var isEdited: Bool { editedValue != nil }

        public var input: ValueInput {
            let values = code.options.map(\.value)
            switch code.inputMode {
            case .select, .hostProfileSelect: return .pick(values)
            case .editableSelect: return .pickOrType(values)
            case .text: return .freeText
            case .unrecognized: return values.isEmpty ? .freeText : .pickOrType(values)
            }
        }
    }

    public let session: Session
    /// What the user typed to look someone up.
    public private(set) var query = ""
    /// Who is shown (nil before a successful lookup).
    public private(set) var user: UserReference?
    /// Webex's answer for the user, as last loaded or saved.
    public private(set) var userCodes: UserTrackingCodes?
    public private(set) var rows: [Row] = []
    public private(set) var cursor = 0
    public private(set) var lookupError: OperationError?
    public private(set) var saveError: OperationError?
    public private(set) var revision = 0

    public init(session: Session) {
        self.session = session
        session.observeSiteChanges { [weak self] _ in self?.forgetUser() }
    }

    /// An email when `text` contains "@", otherwise a personId; nil for blank text.
    nonisolated public static func userReference(from text: String) -> UserReference? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        return trimmed.contains("@") ? .email(trimmed) : .personId(trimmed)
    }

    public var isBusy: Bool { session.activity.isBusy(self) }
    /// Why the current site's values cannot be changed, or nil.
    public var readOnlyReason: String? {
        guard let siteUrl = session.siteUrl else {
            return session.startedReadOnly ? "trackcodes was started with --read-only" : nil
        }
        return session.readOnlyReason(for: siteUrl)
    }
    public var hasEdits: Bool { rows.contains(where: \.isEdited) }
    public var selectedRow: Row? { rows.indices.contains(cursor) ? rows[cursor] : nil }
    /// Names of the user's email or id as Webex returned them, for a title.
    public var userTitle: String? {
        guard let userCodes else { return user?.description }
        return userCodes.email ?? userCodes.personId ?? user?.description
    }

    // MARK: - Lookup

    /// Looks up the user `text` names on the current site. Unsaved edits are dropped.
    @discardableResult
    public func find(_ text: String) async -> Bool {
        query = text
        guard let reference = Self.userReference(from: text) else {
            lookupError = nil
            session.report("Type an email address or a personId.", severity: .warning)
            changed()
            return false
        }
        guard let site = session.siteUrl else {
            lookupError = .noSiteSelected
            changed()
            return false
        }
        let result: Result<(UserTrackingCodes, [TrackingCode]), WebexError> =
            await session.activity.run(for: self) { [session] in
                do throws(WebexError) {
                    let values = try await session.client.userTrackingCodes(for: reference, siteUrl: site)
                    let codes = try await session.client.listTrackingCodes(siteUrl: site)
                    return .success((values, codes))
                } catch {
                    return .failure(error)
                }
            }
        guard site == session.siteUrl else { return false }

        switch result {
        case .success(let (values, codes)):
            user = reference
            lookupError = nil
            saveError = nil
            show(values, codes: codes)
            cursor = 0
            let who = values.email ?? reference.description
            session.report("\(who): \(CountedNoun.text(values.trackingCodes.count, "value")) set.")
            changed()
            return true
        case .failure(let error):
            lookupError = .webex(error)
            if error.status == 404 {
                session.report("No user '\(reference)' on \(site). Check the address or personId.",
                               severity: .error)
            } else {
                session.report(.webex(error), doing: "Could not look up '\(reference)'")
            }
            changed()
            return false
        }
    }

    private func show(_ values: UserTrackingCodes, codes: [TrackingCode]) {
        userCodes = values
        rows = codes.map { code in
            Row(code: code, savedValue: values.value(named: code.name), editedValue: nil, problem: nil)
        }
        recheck()
    }

    private func forgetUser() {
        user = nil
        userCodes = nil
        rows = []
        cursor = 0
        lookupError = nil
        saveError = nil
        changed()
    }

    // MARK: - Editing

    public func moveCursor(by offset: Int) {
        guard !rows.isEmpty else { return }
        cursor = min(max(0, cursor + offset), rows.count - 1)
        changed()
    }

    /// Sets the value for code `codeID` (not sent until `save()`).
    public func setValue(_ value: String, forCodeID codeID: String) {
        guard let index = rows.firstIndex(where: { $0.id == codeID }) else { return }
        rows[index].editedValue = value == rows[index].savedValue ? nil : value
        recheck()
        changed()
    }

    /// Drops the unsaved edit of code `codeID`.
    public func revert(codeID: String) {
        guard let index = rows.firstIndex(where: { $0.id == codeID }) else { return }
        rows[index].editedValue = nil
        recheck()
        changed()
    }

    public func revertAll() {
        for index in rows.indices { rows[index].editedValue = nil }
        recheck()
        changed()
    }

    /// Checks every value that would be sent, kept ones too: one stale value (an option since
    /// removed) would make Webex refuse the whole list.
    private func recheck() {
        for index in rows.indices {
            let row = rows[index]
            guard let value = row.value else {
                rows[index].problem = nil
                continue
            }
            let problem = TrackingCodeRules.userValueViolation(value, for: row.code)
            rows[index].problem = problem.map { row.isEdited ? $0 : "Current value: \($0); pick another" }
        }
    }

    public var problems: [String] { rows.compactMap(\.problem) }

    /// The full list `save()` sends: every value the user has or will have, in site order.
    public var assignments: [UserTrackingCodeAssignment] {
        rows.compactMap { row in row.value.map { UserTrackingCodeAssignment(name: row.name, value: $0) } }
    }

    // MARK: - Saving

    /// Sends the user's full list of values. Returns true when Webex accepted it.
    @discardableResult
    public func save() async -> Bool {
        guard let user, let userCodes else { return false }
        guard hasEdits else {
            session.report("No changes to save.")
            return false
        }
        let problems = problems
        guard problems.isEmpty else {
            saveError = .invalidUserValues(problems)
            session.report(.invalidUserValues(problems), doing: "Not saved")
            changed()
            return false
        }
        let before = rows.compactMap { row in
            row.savedValue.map { UserTrackingCodeAssignment(name: row.name, value: $0) }
        }
        let after = assignments
        let update = UserTrackingCodesUpdate(siteUrl: userCodes.siteUrl, user: user, trackingCodes: after)
        let codes = rows.map(\.code)

        typealias Outcome = Result<UserTrackingCodes, OperationError>
        let result: Outcome = await session.activity.run(for: self) { [session] in
            do throws(OperationError) {
                let saved = try await session.writer.updateUserValues(update, before: userCodes)
                session.history.record(.userValuesChanged(user: user, before: before, after: after),
                                       siteUrl: userCodes.siteUrl)
                return .success(saved)
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let saved):
            saveError = nil
            show(saved, codes: codes)
            session.report("Saved the values of \(userTitle ?? user.description).", severity: .success)
            changed()
            return true
        case .failure(let error):
            saveError = error
            session.report(error, doing: "Could not save the values of \(user)")
            changed()
            return false
        }
    }

    /// Stops a lookup or save in flight (Esc).
    public func cancel() {
        session.activity.cancel(for: self)
    }

    private func changed() {
        revision &+= 1
        session.noteChange()
    }
}
