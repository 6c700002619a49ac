import TrackingCodesCore

/// The progress of a bulk delete, over the code list: a bar, the counts, and every code's
/// state, failures with Webex's reason. Esc stops starting new deletes while it runs; once
/// it has finished, Esc or Enter closes it.
@MainActor
struct BulkDeleteView {
    let job: BulkDeleteJob
    private var items = TextView(wraps: false)

    init(job: BulkDeleteJob) {
        self.job = job
    }

    /// True when the user asked to close it (only once the job has finished).
    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .escape where !job.isFinished:
            job.cancel()
            return false
        case .escape, .enter, .char("q"):
            return job.isFinished
        default:
            _ = items.handle(key)
            return false
        }
    }

    private func lines() -> [String] {
        // Failures first: they are what the user has to act on.
        let failed = job.items.compactMap { item -> String? in
            guard case .failed(let reason) = item.state else { return nil }
            return "✗ \(item.code.name) (id \(item.id)): \(reason)"
        }
        let others = job.items.compactMap { item -> String? in
            switch item.state {
            case .failed: return nil
            case .deleted: return "✓ \(item.code.name)"
            case .deleting: return "… \(item.code.name)"
            case .waiting: return "  \(item.code.name)"
            case .skipped: return "- \(item.code.name) (not started)"
            }
        }
        return failed + others
    }

    mutating func draw(into canvas: inout Canvas, in area: Rect, theme: Theme, tick: Int) {
        // Frame, blank, bar, counts, blank, the codes, blank, hint, frame.
        let box = area.centered(
            width: min(76, area.width - 2), height: min(area.height - 2, max(10, job.total + 8)))
        guard box.width > 8, box.height > 7 else { return }
        let title = job.isFinished ? "Delete finished" : "Deleting \(CountedNoun.text(job.total, "code"))"
        canvas.clearCutWords(beside: box, glyphs: theme.glyphs)
        canvas.withClip(box) { canvas in
            canvas.fill(box, style: theme.dialog)
            canvas.drawBox(box, style: theme.borderFocused, glyphs: theme.glyphs,
                           title: TerminalText(title), titleStyle: theme.dialogTitle)
            let inner = box.inset(dx: 2, dy: 1)
            ProgressBar(completed: job.doneCount + (job.isFinished ? job.skippedCount : 0),
                        total: job.total, label: job.isFinished ? "Done" : "Deleting")
                .draw(into: &canvas, in: Rect(x: inner.x, y: inner.y + 1, width: inner.width,
                                              height: 1), theme: theme)

            var counts = "\(job.deletedCount) deleted · \(job.failedCount) failed"
            if job.inFlightCount > 0 { counts += " · \(job.inFlightCount) in flight" }
            if job.skippedCount > 0 { counts += " · \(job.skippedCount) not started" }
            let countStyle = job.failedCount > 0 ? theme.errorText : theme.dialog
            canvas.write(counts, x: inner.x, y: inner.y + 2, style: countStyle)

            let listRect = Rect(x: inner.x, y: inner.y + 4, width: inner.width,
                                height: inner.height - 6)
            items.setLines(lines())
            items.draw(into: &canvas, in: listRect, theme: theme)

            let hint: String
            if job.isFinished {
                hint = "Enter or Esc closes · z undoes the delete"
            } else if job.isCancelled {
                hint = "Stopping: waiting for the deletes in flight " + theme.glyphs.spinner(tick)
            } else {
                hint = "Esc stops starting new deletes " + theme.glyphs.spinner(tick)
            }
            canvas.write(TerminalText(hint).truncated(toWidth: inner.width), x: inner.x,
                         y: inner.maxY - 1, style: theme.secondary)
        }
    }
}
