/// The login screen: a centred box with the office, the counter, user and password (masked).
public enum LoginView {
    static let labelWidth = 9

    /// What the box says when the central database did not answer: the login is checked
    /// against the operators cached at the last refresh.
    public static let offlineNote = "Centrale non raggiungibile: operatori in memoria"

    /// Draws the login box in `area` and returns the cursor position in the focused field.
    /// `offline`: the central database did not answer its last check (the note above).
    @discardableResult
    public static func draw(into buffer: inout ScreenBuffer, _ area: Rect, state: LoginState,
                            station: StationSummary, help: [KeyHelp], offline: Bool = false) -> CursorPosition? {
        let width = min(area.width - 4, max(56, area.width / 2))
        let rect = area.centred(width: width, height: 13)
        let inner = Box.draw(into: &buffer, rect, title: "Accesso", focused: true)
        let textWidth = inner.width - 4
        buffer.write(station.officeName, x: inner.x + 2, y: inner.y + 1, maxWidth: textWidth, style: .title)
        buffer.write(station.placeText, x: inner.x + 2, y: inner.y + 2, maxWidth: textWidth)
        let fieldWidth = min(textWidth, labelWidth + 1 + 32)
        var cursor: CursorPosition?
        let rows: [(LoginState.Field, FormField)] = [(.username, state.username), (.password, MaskedField.masked(state.password))]
        for (index, (field, value)) in rows.enumerated() {
            let row = Rect(x: inner.x + 2, y: inner.y + 4 + index * 2, width: fieldWidth, height: 1)
            let focused = !state.verifying && state.focus.focused == field
            if let position = FormFieldView.draw(into: &buffer, row, field: value, labelWidth: labelWidth, focused: focused) {
                cursor = position
            }
        }
        let hint = KeyHint.line([
            KeyHint.text("app.confirm", "accede", in: help),
            KeyHint.text("focus.next", "cambia campo", in: help),
        ])
        if offline {
            buffer.write(offlineNote, x: inner.x + 2, y: inner.y + 8, maxWidth: textWidth, style: .warning)
        }
        buffer.write(hint, x: inner.x + 2, y: inner.y + 9, maxWidth: textWidth, style: .dim)
        return cursor
    }
}
