/// A scrolling list of one-line items with a highlighted selection.
public enum ListView {
    /// What lies outside the visible rows, for a box footer ("↑ 3 · ↓ 6"), or nil when all
    /// items are visible.
    public static func scrollHint(state: ListState, count: Int, visibleRows: Int) -> String? {
        var visible = state
        visible.scrollToSelection(visibleRows: visibleRows, count: count)
        let above = visible.offset
        let below = max(0, count - visible.offset - visibleRows)
        guard above > 0 || below > 0 else { return nil }
        return [above > 0 ? "↑ \(above)" : nil, below > 0 ? "↓ \(below)" : nil].compactMap { $0 }.joined(separator: " · ")
    }

    /// Draws the items visible from the state's offset (re-clamped to `rect`); the selected row
    /// is reverse video when the list has focus, bold otherwise; a nil state shows a plain list.
    public static func draw(into buffer: inout ScreenBuffer, _ rect: Rect, items: [String], state: ListState?, focused: Bool) {
        var visible = state ?? ListState()
        visible.scrollToSelection(visibleRows: rect.height, count: items.count)
        for row in 0..<rect.height {
            let index = visible.offset + row
            guard index < items.count else { break }
            let style: Style = state != nil && index == visible.selected ? (focused ? .selection : .title) : .normal
            buffer.write(TextLayout.pad(items[index], toWidth: rect.width), x: rect.x, y: rect.y + row, maxWidth: rect.width, style: style)
        }
    }
}
