import TrackingCodesCore
import WebexAPI

/// One user's tracking code values, over `UserCodesPane`: look a user up by email or personId,
/// see every site code with the user's value beside it, change values, save the full list.
///
/// Made for support staff with an address in hand: the query field has the focus when the pane
/// opens, Enter looks the user up, and `/` (or `f`) goes back to the query for the next one.
/// In the table Enter edits the highlighted value: a list of the code's options for select and
/// host profile select codes, a text field for text codes, both for editable select codes.
/// Edited values are marked `*` until saved; Ctrl-S (or F2) sends the user's full list.
@MainActor
public final class UserCodesView: PaneView {
    enum Focus: Hashable {
        case query
        case table
    }

    /// A value being picked from a code's options.
    struct ValuePicker {
        var codeID: String
        var picker: ListPicker
        /// True when the last item is "type another value" (editable select codes).
        var offersTyping: Bool
    }

    /// A value being typed.
    struct ValueEdit {
        var codeID: String
        var codeName: String
        var field: TextField
    }

    /// What the open confirmation dialog will do when confirmed.
    enum PendingDiscard {
        case close
        case lookUp(String)
    }

    public let pane: UserCodesPane
    var focus: Focus = .query
    var queryField = TextField(hint: "email address or personId, then Enter")
    var table = TableView(
        columns: [
            TableColumn("Code", width: .flexible(minimum: 12, weight: 3)),
            TableColumn("Mode", width: .fixed(8)),
            TableColumn("Value", width: .flexible(minimum: 10, weight: 3)),
            TableColumn("Problem", width: .flexible(minimum: 8, weight: 2)),
        ],
        emptyMessage: "Type an email address or personId above and press Enter.")
    var valuePicker: ValuePicker?
    var valueEdit: ValueEdit?
    var dialog: Dialog?
    var pendingDiscard: PendingDiscard?
    /// The lookup or save in flight, if any; tests await it.
    private(set) var runningWork: Task<Void, Never>?

    public init(pane: UserCodesPane) {
        self.pane = pane
        if pane.user != nil {
            focus = .table
            queryField.setText(pane.query)
        }
    }

    // MARK: - PaneView

    public var title: String {
        let site = pane.session.siteUrl ?? "no site"
        guard let who = pane.userTitle, pane.user != nil else {
            return "User's tracking codes on \(site)"
        }
        return "Tracking codes of \(who) on \(site)"
    }

    public var keyMaps: [KeyMap] { UserCodesKeyMaps.all }

    public var statusText: String? {
        if pane.isBusy { return pane.user == nil || focus == .query ? "looking up…" : "saving…" }
        let problems = pane.problems.count
        if problems > 0 { return problems == 1 ? "1 problem" : "\(problems) problems" }
        let edited = pane.rows.filter(\.isEdited).count
        return edited > 0 ? "\(edited) edited" : nil
    }

    public var isEditingText: Bool {
        guard dialog == nil, valuePicker == nil else { return false }
        return focus == .query || valueEdit != nil
    }

    // MARK: - Keys

    public func handle(key: Key) -> PaneOutcome {
        if dialog != nil { return handleDialog(key) }
        if valuePicker != nil { return handlePicker(key) }
        if valueEdit != nil { return handleValueEdit(key) }

        if key == .ctrl("s") || key == .function(2) {
            if !refuseIfReadOnly() { save() }
            return .handled
        }
        switch focus {
        case .query: return handleQuery(key)
        case .table: return handleTable(key)
        }
    }

    private func handleQuery(_ key: Key) -> PaneOutcome {
        switch key {
        case .escape:
            if pane.isBusy {
                pane.cancel()
                return .handled
            }
            guard pane.user != nil else { return .close }
            focus = .table
            return .handled
        case .tab, .down:
            if pane.user != nil { focus = .table }
            return .handled
        case .enter:
            lookUp(queryField.text)
            return .handled
        default:
            switch queryField.handle(key) {
            case .edited, .moved, .submitted, .cancelled:
                return .handled
            case .ignored:
                if case .char = key { return .handled }
                return .ignored
            }
        }
    }

    private func handleTable(_ key: Key) -> PaneOutcome {
        switch key {
        case .escape:
            return leave()
        case .char("/"), .char("f"), .tab, .backTab:
            focus = .query
            queryField.setText("")
        case .enter, .char("e"):
            if !refuseIfReadOnly() { beginEditing() }
        case .char("x"):
            if let row = pane.selectedRow { pane.revert(codeID: row.id) }
        case .char("r"):
            if let user = pane.user { lookUp(user.description) }
        default:
            table.setRowCount(pane.rows.count)
            table.select(row: pane.cursor)
            guard table.handle(key), let selected = table.selectedRow else { return .ignored }
            pane.moveCursor(by: selected - pane.cursor)
        }
        return .handled
    }

    private func leave() -> PaneOutcome {
        if pane.isBusy {
            pane.cancel()
            return .handled
        }
        guard pane.hasEdits else { return .close }
        confirmDiscard(.close)
        return .handled
    }

    private func confirmDiscard(_ purpose: PendingDiscard) {
        let count = pane.rows.filter(\.isEdited).count
        let edits = CountedNoun.text(count, "unsaved edit")
        let then: String
        switch purpose {
        case .close: then = "Leave and drop"
        case .lookUp(let query): then = "Look up '\(query)' and drop"
        }
        pendingDiscard = purpose
        dialog = .confirmation(
            title: "Unsaved changes",
            message: "\(then) \(edits) of \(pane.userTitle ?? "this user")? "
                + UnsavedChangesNote.text(afterSave: pane.saveError),
            confirmTitle: "Drop", confirmKey: "y")
    }

    private func handleDialog(_ key: Key) -> PaneOutcome {
        guard var open = dialog else { return .handled }
        let outcome = open.handle(key)
        dialog = open
        guard case .chose(let id) = outcome else { return .handled }
        dialog = nil
        let purpose = pendingDiscard
        pendingDiscard = nil
        guard id == "confirm" else { return .handled }
        switch purpose {
        case .close?:
            return .close
        case .lookUp(let query)?:
            pane.revertAll()
            lookUp(query)
            return .handled
        case nil:
            return .handled
        }
    }

    // MARK: - Lookup

    private func lookUp(_ text: String) {
        guard !pane.isBusy else { return }
        if pane.hasEdits {
            confirmDiscard(.lookUp(text))
            return
        }
        runningWork = Task { [weak self, pane] in
            let found = await pane.find(text)
            guard let self else { return }
            if found {
                focus = .table
                table.setRowCount(pane.rows.count)
                table.select(row: pane.cursor)
            }
            // The model already signalled; the focus moved after that, so signal again.
            pane.session.noteChange()
        }
    }

    // MARK: - Editing values

    /// True when the site cannot be changed; says so briefly, since the pane shows the reason.
    private func refuseIfReadOnly() -> Bool {
        guard pane.readOnlyReason != nil else { return false }
        let site = pane.session.siteUrl ?? "This site"
        pane.session.report("\(site) is read-only: values cannot be changed.", severity: .warning)
        return true
    }

    private func beginEditing() {
        guard let row = pane.selectedRow else { return }
        switch row.input {
        case .freeText:
            startTyping(row)
        case .pick(let values):
            openPicker(for: row, values: values, offersTyping: false)
        case .pickOrType(let values):
            openPicker(for: row, values: values, offersTyping: true)
        }
    }

    private func startTyping(_ row: UserCodesPane.Row) {
        valueEdit = ValueEdit(
            codeID: row.id, codeName: row.name,
            field: TextField(text: row.value ?? "", hint: "the value for this user"))
    }

    static let typeAnotherValue = "Type another value…"

    private func openPicker(for row: UserCodesPane.Row, values: [String], offersTyping: Bool) {
        let items = values + (offersTyping ? [Self.typeAnotherValue] : [])
        let selected = row.value.flatMap { values.firstIndex(of: $0) } ?? 0
        valuePicker = ValuePicker(
            codeID: row.id,
            picker: ListPicker(title: row.name, items: items, selected: selected),
            offersTyping: offersTyping)
    }

    private func handlePicker(_ key: Key) -> PaneOutcome {
        guard var open = valuePicker else { return .handled }
        switch open.picker.handle(key) {
        case .chosen(let index):
            valuePicker = nil
            if open.offersTyping, index == open.picker.items.count - 1 {
                if let row = pane.rows.first(where: { $0.id == open.codeID }) { startTyping(row) }
            } else {
                pane.setValue(open.picker.items[index], forCodeID: open.codeID)
            }
        case .cancelled:
            valuePicker = nil
        case .moved, .ignored:
            valuePicker = open
        }
        return .handled
    }

    private func handleValueEdit(_ key: Key) -> PaneOutcome {
        guard var edit = valueEdit else { return .handled }
        switch edit.field.handle(key) {
        case .submitted:
            valueEdit = nil
            pane.setValue(edit.field.text, forCodeID: edit.codeID)
        case .cancelled:
            valueEdit = nil
        case .edited, .moved, .ignored:
            valueEdit = edit
        }
        return .handled
    }

    // MARK: - Saving

    private func save() {
        guard !pane.isBusy, pane.user != nil else { return }
        runningWork = Task { [pane] in
            await pane.save()
        }
    }
}
