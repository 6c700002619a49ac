import TrackingCodesCore
import WebexAPI

/// Drawing: a title row, the current view, a message (or key hints) row and the status bar;
/// overlays on top.
extension TrackcodesScreen {
    var detailHasFocus: Bool { detailFocused && mode == .codes && pane == nil }

    /// Whether the detail opens beside the list without being asked: only when the list
    /// beside it keeps every label in full (`CodeListColumns.fullMinimumWidth`), which takes
    /// 152 columns. In narrower windows the detail would squeeze the list to short labels,
    /// and, redrawn for every row the cursor passes, cost more than the list itself over SSH.
    static func opensDetailByItself(_ layout: PaneLayout) -> Bool {
        layout.arrangement == .sideBySide && layout.list.width >= CodeListColumns.fullMinimumWidth
    }

    /// Whether the detail shows beside or under the list (in windows with room for both).
    var showsDetailBesideList: Bool {
        detailFocused || (detailChoice ?? Self.opensDetailByItself(codesLayout))
    }

    public func render(into canvas: inout Canvas, theme: Theme) {
        let (titleRow, rest) = canvas.bounds.splitTop(1)
        let message = messageLines(width: canvas.size.columns, theme: theme)
        let (body, bottom) = rest.splitBottom(message.lines.count + 1)
        drawTitle(into: &canvas, in: titleRow, theme: theme)

        if let pane {
            pane.render(into: &canvas, in: body, theme: theme)
        } else {
            switch mode {
            case .codes: drawCodes(into: &canvas, in: body, theme: theme)
            case .history:
                history.draw(into: &canvas, in: body, theme: theme, rows: session.history.rows,
                             clock: clock)
            case .log:
                callLog.draw(into: &canvas, in: body, theme: theme, records: logRows(), clock: clock)
            }
        }
        let (messageRows, statusRow) = bottom.splitBottom(1)
        canvas.fill(messageRows, style: theme.normal)
        for (index, line) in message.lines.enumerated() {
            canvas.write(line, x: messageRows.x + 1, y: messageRows.y + index, style: message.style)
        }
        statusBar().draw(into: &canvas, in: statusRow, theme: theme)

        if var picker = sitePicker {
            let box = canvas.bounds.centered(width: min(90, canvas.size.columns - 4),
                                             height: min(sites.rows.count + 2, canvas.size.rows - 4))
            picker.draw(into: &canvas, in: box, theme: theme)
            sitePicker = picker
        }
        if var confirmation = deleteConfirmation {
            confirmation.draw(into: &canvas, in: canvas.bounds, theme: theme)
            deleteConfirmation = confirmation
        }
        if var progress = bulkDelete {
            progress.draw(into: &canvas, in: canvas.bounds, theme: theme, tick: ticks)
            bulkDelete = progress
        }
        if let quitConfirmation {
            quitConfirmation.draw(into: &canvas, in: canvas.bounds, theme: theme)
            // The form's text cursor must not blink through the dialog.
            canvas.cursor = nil
        }
    }

    private var viewTitle: String {
        if let pane { return pane.title }
        switch mode {
        case .codes: return "Tracking codes"
        case .history: return "History of changes"
        case .log: return "API calls"
        }
    }

    /// The view's title, the site, `[read-only]` and the help hint. The title gives way first
    /// (see `TitleFitting`); the hint goes when the title would keep too little.
    private func drawTitle(into canvas: inout Canvas, in row: Rect, theme: Theme) {
        canvas.fill(row, style: theme.header)
        // The editor and user pane name the site in their titles already.
        let site = session.siteUrl.map { viewTitle.contains($0) ? "" : " · " + $0 } ?? ""
        let tag = TerminalText(readOnlyReason != nil ? "  [read-only]" : "")
        let hint = TerminalText(helpHint + " ")
        let fixed = 1 + TerminalText(site).width + tag.width
        let roomBesideHint = row.width - fixed - hint.width - 2
        let showsHint = roomBesideHint >= TitleFitting.shortestTitle
        let title = TitleFitting.fitted(
            viewTitle, toWidth: showsHint ? roomBesideHint : row.width - fixed,
            ellipsis: theme.glyphs.ellipsis)

        var x = canvas.write(" " + title, x: row.x, y: row.y, style: theme.title.adding(.bold))
        x = canvas.write(TerminalText(site), x: x, y: row.y, style: theme.header)
        canvas.write(tag, x: x, y: row.y, style: theme.errorText)
        if showsHint {
            canvas.write(hint, x: row.maxX - hint.width, y: row.y, style: theme.secondary)
        }
    }

    // MARK: - Code list and detail

    private func drawCodes(into canvas: inout Canvas, in area: Rect, theme: Theme) {
        var body = area
        if filterField != nil || !codes.filterText.isEmpty {
            let (row, rest) = body.splitTop(1)
            body = rest
            drawFilter(into: &canvas, in: row, theme: theme)
        }

        codesLayout = PaneLayout.listAndDetail(in: body, detailWidth: 36, detailPercent: 32)
        var listRect = body
        var detailRect: Rect?
        if codesLayout.arrangement == .listOnly {
            if detailFocused {
                detailRect = body
                listRect = .zero
            }
        } else if showsDetailBesideList {
            listRect = codesLayout.list
            detailRect = codesLayout.detail
        }

        let columns = CodeListColumns.forWidth(listRect.width)
        table.columns = columns.columns
        table.emptyMessage = emptyMessage
        table.setRowCount(codes.shownCount)
        table.select(row: codes.cursor)
        table.sortColumn = codes.sort.column.rawValue
        table.sortAscending = codes.sort.ascending
        let rows = codes.shownRows
        let marked = codes.markedIDs
        table.draw(
            into: &canvas, in: listRect, theme: theme, isFocused: !detailHasFocus,
            isMarked: { marked.contains(rows[$0].id) },
            cell: { row, column in columns.text(of: rows[row], column: column) })

        if let detailRect {
            drawDetail(into: &canvas, in: detailRect, theme: theme)
        }
    }

    private var emptyMessage: String {
        if session.siteUrl == nil, let error = sites.loadError {
            return Self.sitesFailureText(error)
        }
        if let error = codes.loadError {
            return "Could not load the codes: \(error.localizedDescription). Press r to retry."
        }
        if session.siteUrl == nil {
            return sites.isBusy ? "Loading the sites…" : "No site chosen. Press s to choose one."
        }
        if !codes.isLoaded { return "Loading the codes…" }
        if codes.totalCount == 0 { return "This site has no tracking codes. Press n to create one." }
        return "No code matches the filter '\(codes.filterText)'. Esc clears it."
    }

    /// What the empty list says when the sites could not be listed. A refused token gets what
    /// to do about it: the token is read once at start, so only a new start can use a new one.
    static func sitesFailureText(_ error: OperationError) -> String {
        guard case .unauthorized(let message, let trackingId)? = error.webexError else {
            return "Could not list the sites: \(error.localizedDescription). Press r to retry."
        }
        let quote = trackingId.isEmpty ? "" : " (trackingId \(trackingId))"
        return "Webex refused the access token (HTTP 401: \(message))\(quote). The token is "
            + "missing, wrong or expired. Quit with q, set WEBEX_API_KEY to a valid token (or "
            + "start with --token-file PATH), and start trackcodes again. r tries the same "
            + "token again."
    }

    private func drawFilter(into canvas: inout Canvas, in row: Rect, theme: Theme) {
        canvas.fill(row, style: theme.normal)
        let x = canvas.write(" Filter / ", x: row.x, y: row.y, style: theme.helpKey)
        let counts = TerminalText("  \(codes.shownCount) of \(codes.totalCount) ")
        let fieldRect = Rect(x: x, y: row.y, width: max(0, row.maxX - x - counts.width), height: 1)
        if var field = filterField {
            field.draw(into: &canvas, in: fieldRect, theme: theme)
            filterField = field
        } else {
            canvas.write(TerminalText(codes.filterText).truncated(toWidth: fieldRect.width),
                         x: x, y: row.y, style: theme.normal)
        }
        canvas.write(counts, x: row.maxX - counts.width, y: row.y, style: theme.secondary)
    }

    private func drawDetail(into canvas: inout Canvas, in rect: Rect, theme: Theme) {
        guard rect.width > 4, rect.height > 2 else { return }
        canvas.fill(rect, style: theme.normal)
        canvas.drawBox(rect, style: detailHasFocus ? theme.borderFocused : theme.border,
                       glyphs: theme.glyphs, title: "Detail", titleStyle: theme.title)
        if let code = codes.selectedCode {
            detail.setLines(CodeDetail.lines(for: code, readOnlyReason: readOnlyReason))
        } else {
            detail.setLines(["No code highlighted."])
        }
        if !detailHasFocus { detail.scrollToTop() }
        detail.draw(into: &canvas, in: rect.inset(dx: 2, dy: 1), theme: theme)
    }

    // MARK: - Bottom rows

    /// The most rows a long message may take from the view above it.
    static let maximumMessageRows = 3

    /// The rows above the status bar: the pane's state, else the last message (wrapped, so
    /// the end of a long one is not lost), else the key hints that fit.
    private func messageLines(width: Int, theme: Theme) -> (lines: [TerminalText], style: Style) {
        let textWidth = max(1, width - 2)
        if let paneText = pane?.statusText {
            return ([TerminalText(paneText).truncated(toWidth: textWidth)], theme.normal)
        }
        guard let status = session.status else {
            return ([KeyHints.fitting(keyHints, width: textWidth)], theme.secondary)
        }
        let style: Style = switch status.severity {
        case .error: theme.errorText
        case .warning: theme.marked
        case .success, .info: theme.normal
        }
        let lines = TerminalText(status.text).wrapped(
            toWidth: textWidth, maxLines: Self.maximumMessageRows, ellipsis: theme.glyphs.ellipsis)
        return (lines, style)
    }

    /// The key hints of the current view, most useful first: the ones that fit are shown.
    private var keyHints: [String] {
        if pane != nil { return ["Esc back", helpHint] }
        switch mode {
        case .codes:
            // A read-only site refuses these keys: no hint invites them.
            let changes = readOnlyReason == nil ? ["d delete", "n new", "e edit"] : []
            return ["/ filter", "Space mark"] + changes + ["i detail", "u user", "s site",
                    "z undo", helpHint, "q quit", "H history", "L log"]
        case .history, .log:
            return ["z undo", "Z redo", "Esc back", helpHint, "H history", "L log"]
        }
    }

    /// The key that opens the help: `?`, except while a text field has the keys and takes `?`
    /// as text; F1 is never text, so it works there too.
    private var helpHint: String {
        pane?.isEditingText == true || filterField != nil ? "F1 help" : "? help"
    }

    func statusBar() -> StatusBar {
        var left: [StatusBar.Segment] = [
            StatusBar.Segment(session.siteUrl ?? "no site", kind: .accent),
        ]
        if let reason = readOnlyReason {
            left.append(StatusBar.Segment("read-only: \(reason)", kind: .warning))
        } else {
            left.append(StatusBar.Segment("read-write"))
        }
        var right: [StatusBar.Segment] = []
        // The bulk delete's box and the panes say what Esc does there.
        if session.isBusy, pane == nil, bulkDelete == nil {
            right.append(StatusBar.Segment("Esc cancels"))
        }
        if codes.isLoaded { right.append(StatusBar.Segment(codes.countsText)) }
        if session.history.canUndo {
            right.append(StatusBar.Segment("undo: \(session.history.undoStack.count)"))
        }
        let isWorking = session.isBusy || work.isRunning
        return StatusBar(left: left, right: right, spinnerTick: isWorking ? ticks : nil)
    }

    func logRows() -> [APICallRecordRow] {
        session.callLog.records.map { record in
            APICallRecordRow(
                startedAt: record.startedAt, method: record.method, path: record.path,
                status: record.status.map(String.init) ?? (record.failure ?? "—"),
                milliseconds: String(Int((record.duration * 1000).rounded())),
                trackingId: record.trackingId)
        }
    }
}
