/// What a key did to the help overlay.
public enum HelpOverlayOutcome: Hashable, Sendable {
    case scrolled
    case closed
    case ignored
}

/// The `?` screen: every key binding of the given key maps, by section, in a framed box over
/// the current screen. Scrolls when it does not fit; Esc, `q` or `?` close it.
public struct HelpOverlay: Sendable {
    public var title: String
    public var keyMaps: [KeyMap]
    /// The first line shown, and what the last draw learnt about the space.
    private var firstLine = 0
    private var visibleHeight = 10
    private var lineCount = 0

    public init(title: String = "Keys", keyMaps: [KeyMap]) {
        self.title = title
        self.keyMaps = keyMaps
    }

    public mutating func handle(_ key: Key, keyMap: KeyMap = .listNavigation)
        -> HelpOverlayOutcome
    {
        switch key {
        case .escape, .char("q"), .char("?"), .function(1), .enter:
            return .closed
        default:
            guard let action = keyMap.action(for: key) else { return .ignored }
            let target: Int
            switch action {
            case .moveDown: target = firstLine + 1
            case .moveUp: target = firstLine - 1
            case .pageDown: target = firstLine + visibleHeight
            case .pageUp: target = firstLine - visibleHeight
            case .halfPageDown: target = firstLine + max(1, visibleHeight / 2)
            case .halfPageUp: target = firstLine - max(1, visibleHeight / 2)
            case .top: target = 0
            case .bottom: target = lineCount
            default: return .ignored
            }
            let before = firstLine
            firstLine = clampedFirstLine(target)
            return firstLine == before ? .ignored : .scrolled
        }
    }

    private func clampedFirstLine(_ line: Int) -> Int {
        min(max(0, line), max(0, lineCount - visibleHeight))
    }

    /// The overlay's lines: section titles, then "keys  help" rows with the keys aligned.
    func lines() -> [(keys: TerminalText, help: TerminalText, isTitle: Bool)] {
        let keyWidth = keyMaps.flatMap(\.bindings).map { TerminalText($0.keyLabel).width }.max()
            ?? 0
        var lines: [(TerminalText, TerminalText, Bool)] = []
        for (index, map) in keyMaps.enumerated() {
            if index > 0 {
                lines.append((.empty, .empty, false))
            }
            lines.append((TerminalText(map.title), .empty, true))
            for binding in map.bindings {
                lines.append((
                    TerminalText(binding.keyLabel).padded(toWidth: keyWidth),
                    TerminalText(binding.help), false
                ))
            }
        }
        return lines
    }

    /// Draws the overlay centred in `area`, as large as its content or the area allows.
    public mutating func draw(into canvas: inout Canvas, in area: Rect, theme: Theme) {
        let lines = lines()
        let contentWidth = lines.map { $0.keys.width + 2 + $0.help.width }.max() ?? 0
        let box = area.centered(width: contentWidth + 6, height: lines.count + 2)
        guard !box.isEmpty else { return }
        canvas.clearCutWords(beside: box, glyphs: theme.glyphs)
        let inner = box.inset(dx: 2, dy: 1)

        lineCount = lines.count
        visibleHeight = max(1, inner.height)
        firstLine = clampedFirstLine(firstLine)
        let first = firstLine

        canvas.withClip(box) { canvas in
            canvas.fill(box, style: theme.dialog)
            canvas.drawBox(
                box, style: theme.borderFocused, glyphs: theme.glyphs, title: TerminalText(title),
                titleStyle: theme.dialogTitle)
            for (row, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
                let y = inner.y + row
                if line.isTitle {
                    canvas.write(line.keys, x: inner.x, y: y, style: theme.title)
                    continue
                }
                let x = canvas.write(line.keys, x: inner.x, y: y, style: theme.helpKey)
                let help = line.help.truncated(
                    toWidth: inner.maxX - x - 2, ellipsis: theme.glyphs.ellipsis)
                canvas.write(help, x: x + 2, y: y, style: theme.dialog)
            }
            if lines.count > inner.height {
                let more = TerminalText(" \(first + 1)-\(min(lines.count, first + inner.height))"
                    + "/\(lines.count) ")
                canvas.write(
                    more, x: box.maxX - 2 - more.width, y: box.maxY - 1, style: theme.secondary)
            }
        }
    }
}
