import Foundation
import WebexAPI

/// What a codes import does with one code: a row of the file, or a site code the file leaves out.
public struct CodesImportItem: Identifiable, Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        case create(TrackingCodeDraft)
        /// `changedFields` names what differs: name, inputMode, hostProfileCode, options, schedule.
        case update(before: TrackingCode, after: TrackingCodeDraft, changedFields: [String])
        case unchanged(TrackingCode)
        /// Only with `--prune`: a site code no row stands for.
        case delete(TrackingCode)
        /// The row cannot be applied; one sentence per problem. Nothing is sent for it.
        case invalid([String])
    }

    public enum State: Hashable, Sendable {
        case planned
        case running
        case done
        case failed(String)
        /// Not started because the import was cancelled.
        case skipped
    }

    /// Position in the plan.
    public let id: Int
    /// The file's line (or JSON item number); nil for a delete.
    public var line: Int?
    public var name: String
    public var action: Action
    /// Things worth knowing that do not stop the row ("matched by name: id 12 is gone").
    public var notes: [String]
    public var state: State = .planned
    public var error: OperationError?
    /// Webex's copy after a create or update.
    public var result: TrackingCode?

    /// True when applying sends a request for this item.
    public var needsRequest: Bool {
        switch action {
        case .create, .update, .delete: true
        case .unchanged, .invalid: false
        }
    }

    public var isInvalid: Bool {
        if case .invalid = action { return true }
        return false
    }

    /// One word for a plan listing: create, change, unchanged, delete, error.
    public var verb: String {
        switch action {
        case .create: "create"
        case .update: "change"
        case .unchanged: "unchanged"
        case .delete: "delete"
        case .invalid: "error"
        }
    }

    /// What the listing shows after the name: the changed fields, or the problems.
    public var detail: String {
        switch action {
        case .update(_, _, let fields): (fields + notes).joined(separator: "; ")
        case .invalid(let problems): (problems + notes).joined(separator: "; ")
        case .create, .unchanged, .delete: notes.joined(separator: "; ")
        }
    }
}

/// The pure diff of a codes import: which rows create, change or leave codes alone, and which
/// site codes `--prune` deletes.
///
/// Rows match codes by id when the row has one and comes from the same site (or names no
/// site); otherwise by name, ignoring case. A row whose id is gone falls back to its name, and
/// creates the code when no name matches, so an export edited later still applies.
///
/// A row is refused (and nothing sent for it) when its name is empty or repeats another row's,
/// when two rows stand for one code, when it would take the name of a code the import keeps
/// (Webex allows a name once per site), or when the result breaks `TrackingCodeRules`.
public enum CodesImportPlanner {
    public static func plan(
        rows: [CodesFileRow], current: [TrackingCode], siteUrl: String, prune: Bool,
        management: SiteManagement? = nil
    ) -> (items: [CodesImportItem], keptCodes: [TrackingCode]) {
        let byID = Dictionary(current.map { ($0.id, $0) }) { first, _ in first }
        var matches: [TrackingCode?] = []
        var problems: [[String]] = []
        var notes: [[String]] = []
        var lineOfCode: [String: Int] = [:]
        var lineOfName: [String: Int] = [:]

        for row in rows {
            var rowProblems: [String] = []
            var rowNotes: [String] = []
            var match: TrackingCode?
            let sameSite =
                row.siteUrl.map { $0.caseInsensitiveCompare(siteUrl) == .orderedSame } ?? true
            if let id = row.id, sameSite {
                match = byID[id]
                if match == nil {
                    rowNotes.append("no code has id \(id) on \(siteUrl) now; matched by name")
                }
            } else if let id = row.id, let from = row.siteUrl {
                rowNotes.append("id \(id) is from \(from); matched by name")
            }
            if match == nil {
                match = current.first { $0.name.caseInsensitiveCompare(row.name) == .orderedSame }
            }

            if let problem = row.readingProblem {
                rowProblems.append(problem)
            }
            if row.name.trimmingCharacters(in: .whitespaces).isEmpty {
                rowProblems.append("the name is empty")
            } else if let first = lineOfName[row.name.lowercased()] {
                rowProblems.append("line \(first) has the same name; a site has each name once")
            } else {
                lineOfName[row.name.lowercased()] = row.line
            }
            if let code = match {
                if let first = lineOfCode[code.id] {
                    rowProblems.append(
                        "line \(first) already stands for '\(code.name)' (id \(code.id)); "
                            + "keep one row")
                } else {
                    lineOfCode[code.id] = row.line
                }
            }
            matches.append(match)
            problems.append(rowProblems)
            notes.append(rowNotes)
        }

        let matchedIDs = Set(matches.compactMap { $0?.id })
        let unmatched = current.filter { !matchedIDs.contains($0.id) }
        let deletedIDs = prune ? Set(unmatched.map(\.id)) : []

        var items: [CodesImportItem] = []
        for (index, row) in rows.enumerated() {
            var rowProblems = problems[index]
            let match = matches[index]
            let draft = draft(for: row, base: match, siteUrl: siteUrl)
            if rowProblems.isEmpty,
                let holder = current.first(where: {
                    $0.id != match?.id && !deletedIDs.contains($0.id)
                        && $0.name.caseInsensitiveCompare(draft.name) == .orderedSame
                })
            {
                rowProblems.append(
                    "'\(holder.name)' is the name of code \(holder.id), which this import keeps; "
                        + "rename that code first, or remove it with --prune")
            }

            let action: CodesImportItem.Action
            if !rowProblems.isEmpty {
                action = .invalid(rowProblems)
            } else if let match {
                let fields = changedFields(from: match, to: draft)
                if fields.isEmpty {
                    action = .unchanged(match)
                } else {
                    let violations = TrackingCodeRules.violations(of: draft, management: management)
                    action =
                        violations.isEmpty
                        ? .update(before: match, after: draft, changedFields: fields)
                        : .invalid(violations.map(\.message))
                }
            } else {
                let violations = TrackingCodeRules.violations(of: draft, management: management)
                action = violations.isEmpty ? .create(draft) : .invalid(violations.map(\.message))
            }
            items.append(
                CodesImportItem(
                    id: items.count, line: row.line, name: row.name, action: action,
                    notes: notes[index]))
        }
        if prune {
            for code in unmatched {
                items.append(
                    CodesImportItem(
                        id: items.count, line: nil, name: code.name, action: .delete(code),
                        notes: []))
            }
        }
        return (items, prune ? [] : unmatched)
    }

    /// The body to send for `row`: `base`'s fields (or the defaults for a new code) with the
    /// row's filled cells on top.
    static func draft(
        for row: CodesFileRow, base: TrackingCode?, siteUrl: String
    ) -> TrackingCodeDraft {
        var draft = base?.draft ?? TrackingCodeDraft(name: row.name, siteUrl: siteUrl)
        draft.name = row.name
        draft.siteUrl = siteUrl
        if let inputMode = row.inputMode { draft.inputMode = inputMode }
        if let hostProfileCode = row.hostProfileCode { draft.hostProfileCode = hostProfileCode }
        if let options = row.options { draft.options = options }
        if !row.schedule.isEmpty {
            draft.scheduleStartCodes = schedule(row.schedule, over: draft.scheduleStartCodes)
        } else if base == nil, draft.inputMode == .hostProfileSelect {
            // Webex wants no schedule use for host-profile-only codes; null says so.
            draft.scheduleStartCodes = nil
        }
        return draft
    }

    /// The five schedule entries after the row's cells are applied to `base`.
    ///
    /// A concrete `All` type fills the services the row leaves empty (Webex's rule 5); a service
    /// set apart from `All` without an `All` cell turns `All` into notApplicable, as the editor
    /// does, so "MeetingCenter=required" alone means just that.
    static func schedule(
        _ cells: [MeetingService: ScheduleStartType], over base: [ScheduleStartCode]?
    ) -> [ScheduleStartCode] {
        var types: [MeetingService: ScheduleStartType] = [:]
        for entry in TrackingCodeRules.normalizedScheduleStartCodes(base) {
            types[entry.service] = entry.type
        }
        if let all = cells[.all] {
            types[.all] = all
            if all != .notApplicable {
                for service in MeetingService.centers where cells[service] == nil {
                    types[service] = all
                }
            }
        }
        for service in MeetingService.centers {
            if let type = cells[service] { types[service] = type }
        }
        if cells[.all] == nil, types[.all] != .notApplicable,
            MeetingService.centers.contains(where: { types[$0] != types[.all] })
        {
            types[.all] = .notApplicable
        }
        var result = MeetingService.documentedCases.compactMap { service in
            types[service].map { ScheduleStartCode(service: service, type: $0) }
        }
        // Services Webex may add later keep what the row says.
        for (service, type) in cells.sorted(by: { $0.key.rawValue < $1.key.rawValue })
        where !service.isDocumented {
            result.append(ScheduleStartCode(service: service, type: type))
        }
        return result
    }

    /// The fields of `code` that `draft` would change, in column order.
    static func changedFields(from code: TrackingCode, to draft: TrackingCodeDraft) -> [String] {
        var fields: [String] = []
        if code.name != draft.name { fields.append("name") }
        if code.inputMode != draft.inputMode { fields.append("inputMode") }
        if code.hostProfileCode != draft.hostProfileCode { fields.append("hostProfileCode") }
        if code.options != draft.options { fields.append("options") }
        if TrackingCodeRules.normalizedScheduleStartCodes(code.scheduleStartCodes)
            != TrackingCodeRules.normalizedScheduleStartCodes(draft.scheduleStartCodes)
        {
            fields.append("schedule")
        }
        return fields
    }
}
