/// What the app shows instead of its screens when the terminal is smaller than they need.
/// It fits whatever space there is: at 20×5 a short notice, at 1×1 a single "!".
public struct TooSmallNotice: Hashable, Sendable {
    public var minimum: TerminalSize

    public init(minimum: TerminalSize) {
        self.minimum = minimum
    }

    public func draw(into canvas: inout Canvas, theme: Theme) {
        let area = canvas.bounds
        guard !area.isEmpty else { return }
        canvas.fill(area, style: theme.normal)

        let message = [
            "Terminal too small",
            "Need \(minimum.columns)×\(minimum.rows), have \(area.width)×\(area.height).",
            "Enlarge the window, or press q to quit.",
        ]
        let lines = message.flatMap { TerminalText($0).wrapped(toWidth: area.width) }
        guard lines.count <= area.height, let widest = lines.map(\.width).max() else {
            // Not even the wrapped notice fits: say as much as one line can.
            let short = TerminalText(area.width >= 9 ? "Too small" : "!")
            canvas.write(
                short.truncated(toWidth: area.width, ellipsis: .empty), x: 0, y: area.height / 2,
                style: theme.errorText)
            return
        }

        let box = area.centered(width: widest, height: lines.count)
        for (index, line) in lines.enumerated() {
            let centered = line.padded(toWidth: box.width, alignment: .center)
            canvas.write(
                centered, x: box.x, y: box.y + index,
                style: index == 0 ? theme.errorText : theme.normal)
        }
    }
}
