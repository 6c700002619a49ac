/// A scrolling view of text lines, such as the in-app log of API calls. Lines are data and
/// go through `TerminalText`. Long lines are cut with an ellipsis, or wrapped when `wraps`.
/// While the view is scrolled to the bottom, appended lines keep it there ("follow").
public struct TextView: Sendable {
    public private(set) var lines: [String]
    public var wraps: Bool
    /// Oldest lines are dropped beyond this many; nil keeps all.
    public var maximumLines: Int?
    /// The first display line shown (a wrapped line counts as several).
    public private(set) var firstLine = 0
    /// True while the view shows the last line: appending then scrolls along.
    public private(set) var isFollowing = true
    private var visibleHeight = 10
    private var displayLineCount = 0

    /// - Parameter startsAtTop: show the first lines rather than the tail (a document rather
    ///   than a log); the view then follows only once scrolled to the bottom.
    public init(
        lines: [String] = [], wraps: Bool = false, maximumLines: Int? = nil,
        startsAtTop: Bool = false
    ) {
        self.lines = lines
        self.wraps = wraps
        self.maximumLines = maximumLines
        self.isFollowing = !startsAtTop
        trim()
    }

    public mutating func append(_ line: String) {
        lines.append(line)
        trim()
    }

    public mutating func setLines(_ newLines: [String]) {
        lines = newLines
        trim()
    }

    /// Scrolls for navigation keys; returns false when the key is not one.
    public mutating func handle(_ key: Key, keyMap: KeyMap = .listNavigation) -> Bool {
        guard let action = keyMap.action(for: key) else { return false }
        let half = max(1, visibleHeight / 2)
        let target: Int
        switch action {
        case .moveDown: target = firstLine + 1
        case .moveUp: target = firstLine - 1
        case .pageDown: target = firstLine + visibleHeight
        case .pageUp: target = firstLine - visibleHeight
        case .halfPageDown: target = firstLine + half
        case .halfPageUp: target = firstLine - half
        case .top: target = 0
        case .bottom: target = displayLineCount
        default: return false
        }
        firstLine = clamped(target)
        isFollowing = firstLine >= lastFirstLine
        return true
    }

    /// Shows the first line and stops following the tail, however many lines come next.
    /// (`.home` through `handle` judges following by the lines of the last draw, so a view
    /// given longer lines after it would still jump to their end on the next draw.)
    public mutating func scrollToTop() {
        firstLine = 0
        isFollowing = false
    }

    public mutating func draw(into canvas: inout Canvas, in rect: Rect, theme: Theme) {
        guard !rect.isEmpty else { return }
        let display = lines.flatMap { line -> [TerminalText] in
            let text = TerminalText(line)
            guard wraps else {
                return [text.truncated(toWidth: rect.width, ellipsis: theme.glyphs.ellipsis)]
            }
            return text.wrapped(toWidth: rect.width)
        }
        displayLineCount = display.count
        visibleHeight = rect.height
        firstLine = isFollowing ? lastFirstLine : clamped(firstLine)

        canvas.withClip(rect) { canvas in
            canvas.fill(rect, style: theme.normal)
            for (row, line) in display.dropFirst(firstLine).prefix(rect.height).enumerated() {
                canvas.write(line, x: rect.x, y: rect.y + row, style: theme.normal)
            }
        }
    }

    private var lastFirstLine: Int { max(0, displayLineCount - visibleHeight) }

    private func clamped(_ line: Int) -> Int {
        min(max(0, line), lastFirstLine)
    }

    private mutating func trim() {
        if let maximumLines, lines.count > maximumLines {
            lines.removeFirst(lines.count - maximumLines)
        }
    }
}
