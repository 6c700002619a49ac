/// The one-row bar at the bottom of a screen: messages on the left, position and state on
/// the right, and a spinner while work is in flight.
public struct StatusBar: Hashable, Sendable {
    /// A piece of status text and how it should stand out.
    public struct Segment: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            case normal
            case accent
            case success
            case warning
            case error
        }

        public var text: String
        public var kind: Kind

        public init(_ text: String, kind: Kind = .normal) {
            self.text = text
            self.kind = kind
        }
    }

    public var left: [Segment]
    public var right: [Segment]
    /// The spinner's tick count while busy; nil hides the spinner.
    public var spinnerTick: Int?

    public init(left: [Segment] = [], right: [Segment] = [], spinnerTick: Int? = nil) {
        self.left = left
        self.right = right
        self.spinnerTick = spinnerTick
    }

    /// Draws into the first row of `rect`. Right segments win when space is short: they hold
    /// the position and state, which the user needs at a glance; the left side is cut first.
    public func draw(into canvas: inout Canvas, in rect: Rect, theme: Theme) {
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: min(1, rect.height))
        guard !row.isEmpty else { return }

        var rightSegments = right
        if let spinnerTick {
            rightSegments.insert(Segment(theme.glyphs.spinner(spinnerTick)), at: 0)
        }
        let rightTexts = rightSegments.map { TerminalText($0.text) }
        let rightWidth = rightTexts.reduce(0) { $0 + $1.width + 1 } + (rightTexts.isEmpty ? 0 : 1)

        canvas.withClip(row) { canvas in
            canvas.fill(row, style: theme.statusBar)

            var x = row.x + 1
            let leftLimit = row.maxX - min(rightWidth, row.width)
            for (index, segment) in left.enumerated() where x < leftLimit {
                let whole = TerminalText(segment.text)
                let room = leftLimit - x - 1
                // A later segment cut inside its first word (`re…`) says nothing: it shows at
                // least that word, or not at all. The first (the site) is worth a cut.
                let firstWord = TerminalText(String(segment.text.prefix { $0 != " " }))
                let keepsFirstWord = firstWord.width + theme.glyphs.ellipsis.width <= room
                guard index == 0 || whole.width <= room || keepsFirstWord else { break }
                let text = whole.truncated(toWidth: room, ellipsis: theme.glyphs.ellipsis)
                x = canvas.write(text, x: x, y: row.y, style: style(for: segment.kind, theme))
                if index < left.count - 1 {
                    x = canvas.write("  ", x: x, y: row.y, style: theme.statusBar)
                }
            }

            x = max(row.x, row.maxX - rightWidth + 1)
            for (segment, text) in zip(rightSegments, rightTexts) {
                let shown = text.truncated(
                    toWidth: max(0, row.maxX - x - 1), ellipsis: theme.glyphs.ellipsis)
                x = canvas.write(shown, x: x, y: row.y, style: style(for: segment.kind, theme)) + 1
            }
        }
    }

    private func style(for kind: Segment.Kind, _ theme: Theme) -> Style {
        switch kind {
        case .normal: return theme.statusBar
        case .accent: return theme.statusAccent
        case .success: return theme.statusSuccess
        case .warning: return theme.statusWarning
        case .error: return theme.statusError
        }
    }
}
