/// A frame with a title in its top border and an optional footer (e.g. scroll position) in
/// the bottom one.
public enum Box {
    /// Draws the box and returns the area inside it.
    @discardableResult
    public static func draw(into buffer: inout ScreenBuffer, _ rect: Rect, title: String? = nil, footer: String? = nil, focused: Bool = false) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let border: Style = focused ? .title : .border
        let horizontal = String(repeating: "─", count: rect.width - 2)
        buffer.write("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: border)
        for y in rect.y + 1..<rect.maxY - 1 {
            buffer.write("│", x: rect.x, y: y, style: border)
            buffer.write("│", x: rect.maxX - 1, y: y, style: border)
        }
        buffer.write("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: border)
        if let title, rect.width > 4 {
            let text = TextLayout.truncate(" \(title) ", toWidth: rect.width - 4, ellipsis: true)
            buffer.write(text, x: rect.x + 2, y: rect.y, style: focused ? .selection : .title)
        }
        if let footer, rect.width > 6 {
            let text = TextLayout.truncate(" \(footer) ", toWidth: rect.width - 4, ellipsis: true)
            buffer.write(text, x: rect.maxX - 2 - DisplayWidth.of(text), y: rect.maxY - 1, style: .dim)
        }
        return rect.inset(by: 1)
    }
}
