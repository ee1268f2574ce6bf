/// A modal box centred on the screen. Every dialog tells how to leave it (Esc/F12), and the
/// loop keeps cancel enabled while one is open.
public enum Dialog {
    /// Draws the dialog over what is already in the buffer; `hint` is the last line (e.g.
    /// "Invio conferma · Esc annulla").
    public static func draw(into buffer: inout ScreenBuffer, within area: Rect, title: String, lines: [String], hint: String) {
        let contentWidth = ([DisplayWidth.of(title) + 2, DisplayWidth.of(hint)] + lines.map { DisplayWidth.of($0) }).max() ?? 0
        let rect = area.centred(width: contentWidth + 4, height: lines.count + 4)
        buffer.fill(rect)
        let inner = Box.draw(into: &buffer, rect, title: title, focused: true)
        for (index, line) in lines.enumerated() where index < inner.height - 1 {
            buffer.write(" " + line, x: inner.x, y: inner.y + index, maxWidth: inner.width)
        }
        buffer.write(TextLayout.pad(hint, toWidth: inner.width - 2, alignRight: true), x: inner.x + 1, y: inner.maxY - 1, style: .dim)
    }
}
