import TrackingCodesCore
import WebexAPI

/// Keys: the open overlay (dialog, progress, site picker, filter) or pane gets them first,
/// then the current view.
extension TrackcodesScreen {
    public func handle(key: Key) -> ScreenOutcome<Never> {
        // A warning or error stays until the user's next key; news fades by itself (`tick`).
        session.acknowledgeStatus()
        if quitConfirmation != nil { return handleQuitConfirmation(key) }
        if let pane {
            switch pane.handle(key: key) {
            case .handled: return .handled
            case .close:
                self.pane = nil
                return .handled
            case .ignored:
                // A text field keeps stray letters from acting as commands; a function key is
                // never text, so F1 still opens the help.
                if case .function = key { return .ignored }
                return pane.isEditingText ? .handled : .ignored
            }
        }
        if bulkDelete != nil { return handleBulkDelete(key) }
        if deleteConfirmation != nil { return handleDeleteConfirmation(key) }
        if sitePicker != nil { return handleSitePicker(key) }
        if filterField != nil { return handleFilter(key) }

        // Esc cancels a slow call in every view; the view changes with the next Esc.
        if key == .escape, session.isBusy {
            session.cancelRunningWork()
            return .handled
        }
        if let outcome = handleChangeKeys(key) { return outcome }
        switch mode {
        case .codes: return handleCodes(key)
        case .history:
            if key == .escape { mode = .codes; return .handled }
            return history.handle(key) ? .handled : .ignored
        case .log:
            if key == .escape { mode = .codes; return .handled }
            return callLog.handle(key) ? .handled : .ignored
        }
    }

    private func handleQuitConfirmation(_ key: Key) -> ScreenOutcome<Never> {
        guard let wantsQuit = quitConfirmation?.handle(key) else { return .handled }
        quitConfirmation = nil
        return wantsQuit ? .quit : .handled
    }

    /// Undo, redo and the views: the same in every view.
    private func handleChangeKeys(_ key: Key) -> ScreenOutcome<Never>? {
        switch RootKeyMaps.changes.action(for: key) {
        // No check of the site on screen: the change may be on another site, and the history
        // refuses (naming that site) when the change's own site is read-only.
        case .undo?:
            let history = session.history
            run { await history.undo() }
        case .redo?:
            let history = session.history
            run { await history.redo() }
        case .showHistory?:
            mode = mode == .history ? .codes : .history
        case .showLog?:
            mode = mode == .log ? .codes : .log
        default:
            return nil
        }
        return .handled
    }

    // MARK: - Code list

    private func handleCodes(_ key: Key) -> ScreenOutcome<Never> {
        if detailHasFocus, detail.handle(key) { return .handled }
        if let action = KeyMap.listNavigation.action(for: key) {
            moveCursor(action)
            return .handled
        }
        if let column = CodeColumnKeys.column(for: key) {
            codes.sort(by: column)
            return .handled
        }
        if key == .escape || key == .tab || key == .backTab {
            return handleBack(key)
        }
        if key == .char("/") {
            filterField = TextField(text: codes.filterText, hint: "name or option value")
            return .handled
        }
        // Where nothing can be edited, Enter shows the code instead of refusing to edit it.
        if key == .enter, readOnlyReason != nil {
            showDetail()
            return .handled
        }
        let action = RootKeyMaps.codes.action(for: key) ?? RootKeyMaps.marks.action(for: key)
        switch action {
        case .toggleMark?:
            codes.toggleMark()
            codes.moveCursor(by: 1)
        case .markRange?: codes.markRangeToCursor()
        case .markAllShown?: codes.markAllShown()
        case .clearMarks?: codes.clearMarks()
        case .sortNext?:
            let next = CodeColumn(rawValue: (codes.sort.column.rawValue + 1) % CodeColumn.allCases.count)
            codes.setSort(CodeSort(column: next ?? .name))
        case .sortReverse?:
            codes.setSort(CodeSort(column: codes.sort.column, ascending: !codes.sort.ascending))
        case .refresh?:
            let (sites, codes) = (sites, codes)
            // Without a site there is nothing to reload yet: list the sites again first, as
            // at the start (after a refused token or a network failure, say).
            let listsSites = session.siteUrl == nil
            run {
                if listsSites {
                    guard await sites.load() else { return }
                }
                await codes.refresh()
            }
        case .toggleDetail?:
            toggleDetail()
        case .pickSite?:
            openSitePicker()
        case .deleteCodes?:
            askToDelete()
        case .newCode?:
            openEditor(creating: true)
        case .editCode?:
            openEditor(creating: false)
        case .userCodes?:
            pane = UserCodesView(pane: UserCodesPane(session: session))
        case .importFile?:
            guard let siteUrl = session.siteUrl else { return .handled }
            pane = ImportView(session: session, siteUrl: siteUrl)
        default:
            return .ignored
        }
        return .handled
    }

    private func moveCursor(_ action: Action) {
        // The table knows the page height it was last drawn with.
        table.setRowCount(codes.shownCount)
        table.select(row: codes.cursor)
        _ = table.scroll.perform(action)
        codes.moveCursor(to: table.scroll.selection)
    }

    /// `i`: beside or under the list, shows or hides the detail (the choice holds until the
    /// next `i`); with no room for both, shows it instead of the list, or the list again.
    private func toggleDetail() {
        guard codesLayout.arrangement != .listOnly else {
            detailFocused.toggle()
            return
        }
        let shows = !showsDetailBesideList
        detailChoice = shows
        if !shows { detailFocused = false }
    }

    /// Shows the detail of the highlighted code, as `i` does when it is hidden.
    private func showDetail() {
        if codesLayout.arrangement == .listOnly {
            detailFocused = true
        } else {
            detailChoice = true
        }
    }

    /// Esc: leave the detail, else clear the filter. Tab moves between the list and the
    /// detail, opening the detail when it is hidden.
    private func handleBack(_ key: Key) -> ScreenOutcome<Never> {
        guard key == .escape else {
            detailFocused.toggle()
            if detailFocused, codesLayout.arrangement != .listOnly { detailChoice = true }
            return .handled
        }
        if detailFocused {
            detailFocused = false
        } else if !codes.filterText.isEmpty {
            codes.setFilter("")
            session.report("Filter cleared.")
        } else {
            return .ignored
        }
        return .handled
    }

    private func handleFilter(_ key: Key) -> ScreenOutcome<Never> {
        guard var field = filterField else { return .ignored }
        switch field.handle(key) {
        case .submitted:
            filterField = nil
        case .cancelled:
            filterField = nil
            codes.setFilter("")
        case .edited:
            filterField = field
            codes.setFilter(field.text)
        case .moved:
            filterField = field
        case .ignored:
            // F1 opens the help over the filter, as everywhere.
            if case .function = key { return .ignored }
            // Up and down still move through the matches while typing.
            if let action = KeyMap.listNavigation.action(for: key),
               key == .up || key == .down || key == .pageUp || key == .pageDown {
                moveCursor(action)
            }
        }
        return .handled
    }

    // MARK: - Sites

    func openSitePicker() {
        let rows = sites.rows
        guard !rows.isEmpty else {
            let sites = sites
            run { await sites.load() }
            return
        }
        let labels = rows.map { row in
            var label = row.siteUrl
            if row.isDefault { label += "  (preferred)" }
            if row.isCurrent { label += "  (current)" }
            if let reason = row.readOnlyReason { label += "  read-only: \(reason)" }
            return label
        }
        sitePicker = ListPicker(title: "Sites", items: labels, selected: sites.cursor)
    }

    private func handleSitePicker(_ key: Key) -> ScreenOutcome<Never> {
        guard var picker = sitePicker else { return .ignored }
        switch picker.handle(key) {
        case .chosen(let index):
            sitePicker = nil
            sites.moveCursor(to: index)
            if let site = sites.chooseHighlighted() {
                session.report("Site \(site.siteUrl).")
                let codes = codes
                run { await codes.refresh() }
            }
        case .cancelled:
            sitePicker = nil
        case .moved, .ignored:
            sitePicker = picker
        }
        return .handled
    }

    // MARK: - Delete

    private func askToDelete() {
        guard let siteUrl = session.siteUrl, !refuseIfReadOnly("delete codes") else { return }
        let marked = codes.markedCodes
        let chosen = marked.isEmpty ? codes.selectedCode.map { [$0] } ?? [] : marked
        guard !chosen.isEmpty else {
            session.report("Nothing to delete: mark codes with Space, or highlight one.")
            return
        }
        deleteConfirmation = DeleteConfirmation(
            codes: chosen, siteUrl: siteUrl, hiddenCount: marked.isEmpty ? 0 : codes.hiddenMarkedCount)
    }

    private func handleDeleteConfirmation(_ key: Key) -> ScreenOutcome<Never> {
        guard var confirmation = deleteConfirmation else { return .ignored }
        switch confirmation.handle(key) {
        case .handled:
            deleteConfirmation = confirmation
        case .cancelled:
            deleteConfirmation = nil
            session.report("Delete cancelled; nothing was deleted.")
        case .confirmed:
            deleteConfirmation = nil
            let job = BulkDeleteJob(session: session, codes: confirmation.codes)
            bulkDelete = BulkDeleteView(job: job)
            let codes = codes
            run {
                await job.run()
                codes.clearMarks()
            }
        }
        return .handled
    }

    private func handleBulkDelete(_ key: Key) -> ScreenOutcome<Never> {
        guard var view = bulkDelete else { return .ignored }
        // The finished box offers `z`: close it and undo the delete in one step.
        if view.job.isFinished, RootKeyMaps.changes.action(for: key) == .undo {
            bulkDelete = nil
            return handleChangeKeys(key) ?? .handled
        }
        if view.handle(key) {
            bulkDelete = nil
        } else {
            bulkDelete = view
        }
        return .handled
    }

    // MARK: - Panes

    private func openEditor(creating: Bool) {
        guard let siteUrl = session.siteUrl else { return }
        if creating {
            guard !refuseIfReadOnly("create a code") else { return }
            pane = CodeEditorView(
                editor: TrackingCodeEditor(session: session, creatingOn: siteUrl, siteCodes: codes.allCodes))
            return
        }
        guard let code = codes.selectedCode else {
            session.report("No code highlighted to edit.")
            return
        }
        guard !refuseIfReadOnly("edit '\(code.name)'") else { return }
        pane = CodeEditorView(editor: TrackingCodeEditor(session: session, editing: code, siteCodes: codes.allCodes))
    }
}
