import TrackingCodesCore
import WebexAPI

/// Drawing the import pane: the path, a line about the file (or why it cannot be used), the
/// read-only reason, the summary or progress bar, the table of rows, then the highlighted
/// row's detail in full and the key hints.
extension ImportView {
    public func render(into canvas: inout Canvas, in rect: Rect, theme: Theme) {
        canvas.fill(rect, style: theme.normal)
        let area = rect.inset(dx: 1, dy: 0)
        guard area.width >= 20, area.height >= 6 else { return }

        var (line, rest) = area.splitTop(1)
        drawPath(into: &canvas, in: line, theme: theme)
        // Sentences wrap to at most three rows: a problem or a question must be read whole.
        // Tab's candidates do not, so the spaces between names stay as they are.
        for (text, style, wraps) in headLines(theme: theme) {
            let pieces =
                wraps
                ? TerminalText(text).wrapped(toWidth: max(1, area.width - 1)).prefix(3)
                : [TerminalText(text).truncated(
                    toWidth: area.width, ellipsis: theme.glyphs.ellipsis)].prefix(1)
            for piece in pieces {
                (line, rest) = rest.splitTop(1)
                canvas.write(piece, x: line.x, y: line.y, style: style)
            }
        }
        guard stage != .choosingFile, stage != .choosingKind else {
            drawHints(into: &canvas, in: rest.splitBottom(1).bottom, theme: theme)
            return
        }

        (line, rest) = rest.splitTop(1)
        if let extra = drawSummary(into: &canvas, in: line, theme: theme) {
            (line, rest) = rest.splitTop(1)
            canvas.write(extra.text, x: line.x, y: line.y, style: extra.style)
        }
        if let (text, style) = reportLine(theme: theme), stage == .report {
            (line, rest) = rest.splitTop(1)
            canvas.write(
                TerminalText(text).truncated(toWidth: line.width, ellipsis: theme.glyphs.ellipsis),
                x: line.x, y: line.y, style: style)
        }

        let (tableRect, bottom) = rest.splitBottom(3)
        let rows = rows
        table.columns[1].title = kind == .users ? "User" : "Code"
        // As wide as the longest name or address, within bounds: the detail gets the rest.
        let widest = rows.map { TerminalText($0.subject).width }.max() ?? 0
        table.columns[1].width = .fixed(min(40, max(12, widest)))
        table.emptyMessage =
            stage == .previewing || stage == .applying ? "Reading…" : "The file has no rows."
        table.setRowCount(rows.count)
        table.draw(
            into: &canvas, in: tableRect, theme: theme,
            cell: { row, column in
                let item = rows[row]
                return [item.line, item.subject, item.status, item.detail][column]
            })

        // The highlighted row's detail in full (two rows at most): the table cuts it short.
        let (detailRows, hintRow) = bottom.splitBottom(1)
        if let selected = table.selectedRow, rows.indices.contains(selected) {
            let row = rows[selected]
            let text = row.detail.isEmpty ? "" : "Line \(row.line): \(row.detail)"
            var pieces = TerminalText(text).wrapped(toWidth: max(1, detailRows.width))
            if pieces.count > 2 {
                let room = detailRows.width - theme.glyphs.ellipsis.width
                pieces = [pieces[0], pieces[1].prefix(fitting: room) + theme.glyphs.ellipsis]
            }
            for (offset, piece) in pieces.enumerated() {
                canvas.write(
                    piece, x: detailRows.x, y: detailRows.y + offset,
                    style: row.isProblem ? theme.ruleMessage : theme.secondary)
            }
        }
        drawHints(into: &canvas, in: hintRow, theme: theme)
    }

    private func reportLine(theme: Theme) -> (String, Style)? {
        switch reportOutcome {
        case .success(let path)?: ("Report (status and detail per row): " + path, theme.normal)
        case .failure(let problem)?:
            ("Could not write the report: " + (problem.errorDescription ?? ""), theme.errorText)
        case nil: nil
        }
    }

    private func drawPath(into canvas: inout Canvas, in row: Rect, theme: Theme) {
        let editing = stage == .choosingFile
        let labelStyle = editing ? theme.selection : theme.normal
        let x = canvas.write("File ", x: row.x, y: row.y, style: labelStyle) + 1
        let fieldRect = Rect(x: x, y: row.y, width: row.maxX - x, height: 1)
        if editing {
            pathField.draw(into: &canvas, in: fieldRect, theme: theme, isFocused: true)
        } else {
            canvas.write(
                TerminalText(pathField.text).truncated(
                    toWidth: fieldRect.width, ellipsis: theme.glyphs.ellipsis),
                x: x, y: row.y, style: theme.normal)
        }
    }

    /// The lines under the path: why the file cannot be used, Tab's candidates, the question
    /// of which import, what the file holds; then the read-only reason.
    private func headLines(theme: Theme) -> [(text: String, style: Style, wraps: Bool)] {
        var lines: [(text: String, style: Style, wraps: Bool)] = []
        if let fileProblem {
            lines.append((theme.ruleGlyph + " " + fileProblem, theme.ruleMessage, true))
        } else if !completions.isEmpty {
            lines.append((completions.joined(separator: "  "), theme.secondary, false))
        }
        switch stage {
        case .choosingFile:
            break
        case .choosingKind:
            lines.append((
                "The header has a name column and a user column: c imports tracking codes, "
                    + "u imports users' values.", theme.advisoryMessage, true))
        case .previewing, .preview, .applying, .report:
            lines.append((fileLine, theme.secondary, true))
        }
        if let reason = readOnlyReason, stage != .choosingFile {
            lines.append((
                "Read-only: \(reason). The preview sends nothing; y is refused.",
                theme.advisoryMessage, true))
        }
        return lines
    }

    /// "4 rows of users' values; codes Department, Cost Center; ignored: Note".
    private var fileLine: String {
        switch job {
        case .codes(let codes)?:
            var text = CountedNoun.text(codes.rows.count, "row") + " of tracking codes"
            text += prune ? "; prune on: codes not in the file are deleted" : ""
            return text
        case .users(let preview, _)?:
            var text = CountedNoun.text(preview.table.records.count, "row") + " of users' values"
            let names = preview.layout?.codeColumns.map(\.code.name) ?? []
            if !names.isEmpty { text += "; codes " + names.joined(separator: ", ") }
            if preview.layout != nil, names.isEmpty {
                text += "; no column names a tracking code of the site"
            }
            if !preview.ignoredColumns.isEmpty {
                text += "; ignored: " + preview.ignoredColumns.joined(separator: ", ")
            }
            return text
        case nil:
            return ""
        }
    }

    /// Draws the progress bar or the summary; returns the summary's second row when it wraps.
    private func drawSummary(
        into canvas: inout Canvas, in row: Rect, theme: Theme
    ) -> (text: TerminalText, style: Style)? {
        let text: String
        var style = theme.normal
        switch (stage, job) {
        case (.previewing, .users(let preview, _)?) where preview.phase == .running:
            progressBar(
                done: preview.finishedCount, total: preview.rows.count, label: "Reading users"
            ).draw(into: &canvas, in: row, theme: theme)
            return nil
        case (.applying, .codes(let codes)?):
            progressBar(
                done: codes.doneCount + codes.failedCount + codes.skippedCount,
                total: codes.changeCount, label: "Importing"
            ).draw(into: &canvas, in: row, theme: theme)
            return nil
        case (.applying, .users(_, let run?)?):
            progressBar(done: run.finishedCount, total: run.rows.count, label: "Importing")
                .draw(into: &canvas, in: row, theme: theme)
            return nil
        case (.previewing, _), (.applying, _):
            text = "Reading the site's codes…"
        case (.preview, .codes(let codes)?):
            text = Self.planSummary(codes, prune: prune)
            style = codes.invalidCount > 0 ? theme.advisoryMessage : theme.normal
        case (.preview, .users(let preview, _)?):
            text = preview.summary
            style = preview.errorRows.isEmpty ? theme.normal : theme.advisoryMessage
        case (.report, .codes(let codes)?):
            text = codes.failure?.localizedDescription ?? codes.resultSummary
            style = codes.failedCount > 0 || codes.failure != nil ? theme.errorText : theme.normal
        case (.report, .users(let preview, let run)?):
            let shown = run ?? preview
            text = shown.failure?.localizedDescription ?? shown.summary
            style = shown.errorRows.isEmpty && shown.failure == nil ? theme.normal : theme.errorText
        default:
            text = ""
        }
        let pieces = TerminalText(text).wrapped(toWidth: max(1, row.width))
        canvas.write(pieces.first ?? .empty, x: row.x, y: row.y, style: style.adding(.bold))
        guard pieces.count > 1 else { return nil }
        let second = TerminalText(pieces.dropFirst().map(\.description).joined(separator: " "))
        return (second.truncated(toWidth: row.width, ellipsis: theme.glyphs.ellipsis),
                style.adding(.bold))
    }

    private func progressBar(done: Int, total: Int, label: String) -> ProgressBar {
        ProgressBar(completed: done, total: total, label: label)
    }

    /// The plan in counts, with what `p` would do about the codes the file leaves out.
    static func planSummary(_ codes: CodesImport, prune: Bool) -> String {
        var parts: [String] = []
        if codes.createCount > 0 { parts.append("\(codes.createCount) to create") }
        if codes.updateCount > 0 { parts.append("\(codes.updateCount) to change") }
        if codes.deleteCount > 0 { parts.append("\(codes.deleteCount) to delete") }
        if parts.isEmpty { parts.append("nothing to change") }
        parts.append("\(codes.unchangedCount) unchanged")
        if codes.invalidCount > 0 { parts.append("\(codes.invalidCount) invalid (not sent)") }
        var text = parts.joined(separator: ", ")
        if !codes.keptCodes.isEmpty {
            let kept = codes.keptCodes.count
            text += "; \(CountedNoun.text(kept, "site code")) not in the file "
                + (kept == 1 ? "stays" : "stay") + " (p deletes \(CountedNoun.pronoun(kept)))"
        }
        return text
    }

    private func drawHints(into canvas: inout Canvas, in row: Rect, theme: Theme) {
        canvas.write(
            TerminalText(hints).truncated(toWidth: row.width, ellipsis: theme.glyphs.ellipsis),
            x: row.x, y: row.y, style: theme.secondary)
    }

    private var hints: String {
        switch stage {
        case .choosingFile: return "Enter read the file · Tab complete · Esc back"
        case .choosingKind: return "c tracking codes · u users' values · Esc back to the path"
        case .previewing: return "Esc cancel the preview"
        case .preview:
            let prune = kind == .codes ? " · p prune \(self.prune ? "off" : "on")" : ""
            return "y apply\(prune) · f other file · Esc cancel (nothing is sent)"
        case .applying: return "Esc start no more rows (those in flight finish)"
        case .report: return "Enter back to the list · z there undoes the whole import"
        }
    }
}
