/// What a key did to a list picker.
public enum ListPickerOutcome: Hashable, Sendable {
    case moved
    /// Enter was pressed on this item.
    case chosen(Int)
    /// Esc was pressed.
    case cancelled
    case ignored
}

/// A framed, scrolling list to pick one item from, such as a site out of hundreds.
public struct ListPicker: Sendable {
    public var title: String
    public private(set) var items: [String]
    public var scroll: ScrollState

    public init(title: String, items: [String], selected: Int = 0) {
        self.title = title
        self.items = items
        self.scroll = ScrollState(count: items.count, selection: selected)
    }

    public var selectedIndex: Int? { scroll.selectedIndex }

    /// Replaces the items, keeping the selected index where possible.
    public mutating func setItems(_ newItems: [String]) {
        items = newItems
        scroll.setCount(newItems.count)
    }

    public mutating func handle(_ key: Key, keyMap: KeyMap = .listNavigation) -> ListPickerOutcome {
        switch key {
        case .enter:
            return scroll.selectedIndex.map { .chosen($0) } ?? .ignored
        case .escape:
            return .cancelled
        default:
            guard let action = keyMap.action(for: key), scroll.perform(action) else {
                return .ignored
            }
            return .moved
        }
    }

    /// Draws a frame with the title and the position ("12/300"), and the visible items.
    public mutating func draw(
        into canvas: inout Canvas, in rect: Rect, theme: Theme, isFocused: Bool = true
    ) {
        guard !rect.isEmpty else { return }
        // Drawn over other content: no half word of it beside the frame.
        canvas.clearCutWords(beside: rect, glyphs: theme.glyphs)
        canvas.fill(rect, style: theme.normal)
        canvas.drawBox(
            rect, style: isFocused ? theme.borderFocused : theme.border, glyphs: theme.glyphs,
            title: TerminalText(title), titleStyle: theme.title)

        let inner = rect.inset(dx: 1, dy: 1)
        scroll.setViewportHeight(inner.height)
        guard !inner.isEmpty else { return }

        let position = TerminalText(" \(scroll.positionLabel) ")
        if position.width + 4 <= rect.width, rect.height >= 2 {
            canvas.write(
                position, x: rect.maxX - 2 - position.width, y: rect.maxY - 1,
                style: theme.secondary)
        }
        for (line, index) in scroll.visibleRange.enumerated() {
            let selected = index == scroll.selection
            let style = selected ? (isFocused ? theme.selection : theme.selectionInactive)
                : theme.normal
            let text = (" " + TerminalText(items[index])).fitted(
                toWidth: inner.width, ellipsis: theme.glyphs.ellipsis)
            canvas.write(text, x: inner.x, y: inner.y + line, style: style)
        }
    }
}
