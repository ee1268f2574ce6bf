/// Selection and scroll position of a list; moves keep the selection visible.
public struct ListState: Hashable, Sendable {
    public private(set) var selected: Int
    public private(set) var offset: Int

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    public mutating func select(_ index: Int, count: Int, visibleRows: Int) {
        guard count > 0 else { selected = 0; offset = 0; return }
        selected = Swift.min(Swift.max(0, index), count - 1)
        scrollToSelection(visibleRows: visibleRows, count: count)
    }

    public mutating func moveUp(count: Int, visibleRows: Int) { select(selected - 1, count: count, visibleRows: visibleRows) }
    public mutating func moveDown(count: Int, visibleRows: Int) { select(selected + 1, count: count, visibleRows: visibleRows) }
    public mutating func pageUp(count: Int, visibleRows: Int) { select(selected - Swift.max(1, visibleRows - 1), count: count, visibleRows: visibleRows) }
    public mutating func pageDown(count: Int, visibleRows: Int) { select(selected + Swift.max(1, visibleRows - 1), count: count, visibleRows: visibleRows) }

    /// Adjusts the offset so the selected row is among the visible ones (after a resize too).
    public mutating func scrollToSelection(visibleRows: Int, count: Int) {
        let rows = Swift.max(1, visibleRows)
        if selected < offset { offset = selected }
        if selected >= offset + rows { offset = selected - rows + 1 }
        offset = Swift.max(0, Swift.min(offset, Swift.max(0, count - rows)))
    }
}
