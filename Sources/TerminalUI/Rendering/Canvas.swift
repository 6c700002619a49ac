/// A grid of cells that widgets draw into and drivers flush to the terminal.
///
/// All drawing is clipped to `clip` (the whole canvas unless narrowed with `withClip`), so
/// widgets can be handed any rect, however small, without checks of their own. The grid
/// keeps wide characters whole: overwriting either half of one blanks the other half, and a
/// wide character that would stick out of the clip is drawn as a space.
public struct Canvas: Hashable, Sendable {
    public let size: TerminalSize
    private var cells: [Cell]
    /// The rect drawing is limited to.
    public private(set) var clip: Rect
    /// Where the terminal cursor should show (a text field's caret), or nil to hide it.
    public var cursor: Point?
    /// Added to the style of placeholder glyphs (see `TerminalText`); set from the theme.
    public var placeholderAttributes: TextAttributes = .underline

    public init(size: TerminalSize, style: Style = .plain) {
        self.size = size
        self.cells = Array(repeating: .blank(style), count: size.columns * size.rows)
        self.clip = Rect(size: size)
    }

    public var bounds: Rect { Rect(size: size) }

    /// The cell at a position; a blank cell outside the canvas.
    public subscript(x: Int, y: Int) -> Cell {
        guard bounds.contains(x: x, y: y) else { return .blank() }
        return cells[y * size.columns + x]
    }

    /// Runs `body` with drawing limited to `rect` (within the current clip).
    @discardableResult
    public mutating func withClip<Result>(
        _ rect: Rect,
        _ body: (inout Canvas) throws -> Result
    ) rethrows -> Result {
        let saved = clip
        clip = clip.intersection(rect)
        defer { clip = saved }
        return try body(&self)
    }

    // MARK: - Drawing

    /// Fills a rect with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(clip)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                put(text: " ", width: 1, x: x, y: y, style: style)
            }
        }
    }

    /// Blanks the words an overlay drawn over `box` would touch: on each of the box's rows, the
    /// non-blank cells running on from either side of it, up to the first blank. The overlay
    /// then stands apart from what lies under it, a blank column on each side, never beside
    /// the end of a word it cut ("│t" of a hidden "opt").
    ///
    /// A run made only of `glyphs`' frame characters is the edge of a pane under the overlay,
    /// not a word, and stays: blanking it would take a pane's whole top or bottom edge. A
    /// blanked cell keeps its colours and reverse video (underline goes, as it would show on a
    /// space), so a status bar or the cursor's highlight stays one band up to the overlay.
    public mutating func clearCutWords(beside box: Rect, glyphs: GlyphSet) {
        guard !box.isEmpty else { return }
        let frame: Set<String> = [
            glyphs.horizontal, glyphs.vertical,
            glyphs.topLeft, glyphs.topRight, glyphs.bottomLeft, glyphs.bottomRight,
        ]
        for y in max(box.y, clip.y)..<min(box.maxY, clip.maxY) {
            for (start, step) in [(box.maxX, 1), (box.x - 1, -1)] {
                let run = nonBlankRun(from: start, step: step, y: y)
                guard !run.allSatisfy({ frame.contains(self[$0, y].text) }) else { continue }
                for x in run {
                    var style = self[x, y].style
                    style.attributes.remove(.underline)
                    put(text: " ", width: 1, x: x, y: y, style: style)
                }
            }
        }
    }

    /// The columns of the non-blank cells from `x` on, one `step` at a time, up to the first
    /// blank or the edge of the clip. Measured before anything is blanked, because blanking
    /// half of a wide character blanks its other half too, which would end the run early.
    private func nonBlankRun(from x: Int, step: Int, y: Int) -> [Int] {
        var run: [Int] = []
        var column = x
        while column >= clip.x, column < clip.maxX, self[column, y].text != " " {
            run.append(column)
            column += step
        }
        return run
    }

    /// Draws text from (x, y) rightwards, clipped. Returns the column after the last glyph.
    @discardableResult
    public mutating func write(_ text: TerminalText, x: Int, y: Int, style: Style) -> Int {
        var column = x
        for glyph in text.glyphs {
            guard column < clip.maxX else { break }
            let glyphStyle = glyph.isPlaceholder ? style.adding(placeholderAttributes) : style
            put(text: glyph.text, width: glyph.width, x: column, y: y, style: glyphStyle)
            column += glyph.width
        }
        return column
    }

    /// Sanitises `string` (see `TerminalText`) and draws it.
    @discardableResult
    public mutating func write(_ string: String, x: Int, y: Int, style: Style) -> Int {
        write(TerminalText(string), x: x, y: y, style: style)
    }

    /// Draws `glyph` (one column wide) `count` times from (x, y) rightwards.
    public mutating func drawHorizontalLine(
        x: Int, y: Int, width: Int, glyph: String, style: Style
    ) {
        for column in x..<(x + max(0, width)) {
            put(text: glyph, width: 1, x: column, y: y, style: style)
        }
    }

    /// Draws `glyph` (one column wide) `height` times from (x, y) downwards.
    public mutating func drawVerticalLine(
        x: Int, y: Int, height: Int, glyph: String, style: Style
    ) {
        for row in y..<(y + max(0, height)) {
            put(text: glyph, width: 1, x: x, y: row, style: style)
        }
    }

    /// Draws a frame along the edge of `rect`, with an optional title in the top edge.
    public mutating func drawBox(
        _ rect: Rect,
        style: Style,
        glyphs: GlyphSet,
        title: TerminalText? = nil,
        titleStyle: Style? = nil
    ) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1

        drawHorizontalLine(
            x: rect.x + 1, y: rect.y, width: rect.width - 2, glyph: glyphs.horizontal, style: style)
        drawHorizontalLine(
            x: rect.x + 1, y: bottom, width: rect.width - 2, glyph: glyphs.horizontal, style: style)
        drawVerticalLine(
            x: rect.x, y: rect.y + 1, height: rect.height - 2, glyph: glyphs.vertical, style: style)
        drawVerticalLine(
            x: right, y: rect.y + 1, height: rect.height - 2, glyph: glyphs.vertical, style: style)
        put(text: glyphs.topLeft, width: 1, x: rect.x, y: rect.y, style: style)
        put(text: glyphs.topRight, width: 1, x: right, y: rect.y, style: style)
        put(text: glyphs.bottomLeft, width: 1, x: rect.x, y: bottom, style: style)
        put(text: glyphs.bottomRight, width: 1, x: right, y: bottom, style: style)

        guard let title, !title.isEmpty, rect.width >= 6 else { return }
        let fitted = (" " + title.truncated(toWidth: rect.width - 6, ellipsis: glyphs.ellipsis)
            + " ")
        write(fitted, x: rect.x + 2, y: rect.y, style: titleStyle ?? style)
    }

    // MARK: - Reading back

    /// The text of one row, continuation cells skipped, trailing spaces kept.
    public func row(_ y: Int) -> String {
        guard y >= 0, y < size.rows else { return "" }
        var line = ""
        for x in 0..<size.columns {
            let cell = self[x, y]
            if !cell.isContinuation {
                line += cell.text
            }
        }
        return line
    }

    /// The whole canvas as text, one line per row with trailing spaces trimmed: what golden
    /// screen tests compare.
    public func snapshot() -> String {
        (0..<size.rows).map { y in
            var line = row(y)
            while line.last == " " {
                line.removeLast()
            }
            return line
        }.joined(separator: "\n")
    }

    // MARK: - Cell bookkeeping

    private mutating func put(text: String, width: Int, x: Int, y: Int, style: Style) {
        guard clip.contains(x: x, y: y) else { return }
        guard width == 1 || clip.contains(x: x + 1, y: y) else {
            // Half a wide character would stick out of the clip: show a space instead.
            put(text: " ", width: 1, x: x, y: y, style: style)
            return
        }

        breakWideCharacter(at: x, y: y)
        if width == 2 {
            breakWideCharacter(at: x + 1, y: y)
        }
        cells[y * size.columns + x] = Cell(text: text, width: width, style: style)
        if width == 2 {
            cells[y * size.columns + x + 1] = Cell(text: "", width: 0, style: style)
        }
    }

    /// Before a cell is overwritten, blanks the other half of a wide character it belongs to.
    private mutating func breakWideCharacter(at x: Int, y: Int) {
        let index = y * size.columns + x
        let cell = cells[index]
        if cell.isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        } else if cell.width == 2, x + 1 < size.columns {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
    }
}
