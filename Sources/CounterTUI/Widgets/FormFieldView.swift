/// Draws a form field: label, then the value in an input area. A field in error is reverse
/// video (readable in monochrome); the focused field is underlined and returns the cursor.
public enum FormFieldView {
    @discardableResult
    public static func draw(into buffer: inout ScreenBuffer, _ rect: Rect, field: FormField, labelWidth: Int, focused: Bool) -> CursorPosition? {
        guard rect.height > 0, rect.width > labelWidth + 1 else { return nil }
        buffer.write(TextLayout.pad(field.label, toWidth: labelWidth), x: rect.x, y: rect.y, style: focused ? .title : .normal)
        let inputX = rect.x + labelWidth + 1
        let inputWidth = rect.maxX - inputX
        let style: Style = field.error != nil ? .error : (focused ? .focusedField : .field)
        let (text, cursorColumn) = field.editor.visible(width: inputWidth)
        let filler = focused || field.error != nil ? " " : "."
        let padding = String(repeating: filler, count: max(0, inputWidth - DisplayWidth.of(text)))
        buffer.write(text + padding, x: inputX, y: rect.y, maxWidth: inputWidth, style: style)
        return focused ? CursorPosition(x: inputX + cursorColumn, y: rect.y) : nil
    }
}
