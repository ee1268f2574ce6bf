/// The F1 overlay: every binding of the screen with its description, from the keymap, so it
/// always tells what the keys really do. Rows that do not fit are summarised in the last line.
public enum HelpOverlay {
    public static func draw(into buffer: inout ScreenBuffer, within area: Rect, title: String, help: [KeyHelp]) {
        let labelWidth = min(12, help.map { DisplayWidth.of($0.label) }.max() ?? 0)
        let width = min(area.width - 4, max(40, (help.map { DisplayWidth.of($0.description) }.max() ?? 0) + labelWidth + 5))
        let height = min(area.height - 2, help.count + 4)
        let rect = area.centred(width: width, height: height)
        buffer.fill(rect)
        let inner = Box.draw(into: &buffer, rect, title: title, focused: true)
        let rows = inner.height - 1
        for (index, entry) in help.enumerated() where index < rows {
            if index == rows - 1, help.count > rows {
                buffer.write(" … altri \(help.count - index) tasti", x: inner.x, y: inner.y + index, maxWidth: inner.width, style: .dim)
                break
            }
            buffer.write(" " + TextLayout.pad(entry.label, toWidth: labelWidth), x: inner.x, y: inner.y + index, maxWidth: inner.width, style: .title)
            buffer.write(entry.description, x: inner.x + labelWidth + 2, y: inner.y + index, maxWidth: inner.width - labelWidth - 3)
        }
        buffer.write(TextLayout.pad("Esc chiude", toWidth: inner.width - 2, alignRight: true), x: inner.x + 1, y: inner.maxY - 1, style: .dim)
    }
}
