/// Rows of cells under a heading, in columns sized by constraints, with a selected row that
/// scrolls like a list.
public enum Table {
    /// Draws heading and visible rows; columns are separated by one space.
    public static func draw(into buffer: inout ScreenBuffer, _ rect: Rect, columns: [TableColumn], rows: [[String]], state: ListState?, focused: Bool) {
        guard rect.height > 0, !columns.isEmpty else { return }
        let gaps = columns.count - 1
        let widths = Layout.split(Rect(x: 0, y: 0, width: rect.width - gaps, height: 1), .columns, columns.map(\.width)).map(\.width)
        func line(_ cells: [String]) -> String {
            zip(columns, widths).enumerated().map { index, pair in
                TextLayout.pad(index < cells.count ? cells[index] : "", toWidth: pair.1, alignRight: pair.0.alignRight)
            }.joined(separator: " ")
        }
        buffer.write(line(columns.map(\.title)), x: rect.x, y: rect.y, maxWidth: rect.width, style: .title)
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        ListView.draw(into: &buffer, body, items: rows.map(line), state: state, focused: focused)
    }
}
