/// Draws a queue dialog centred over the body: one row per field (label, then the value;
/// a choice shows "‹ value ›"), then its notes (the citizen search's results, who is linked,
/// what a closing does), the hint last. Returns the cursor for a focused text field.
enum QueueDialogView {
    static func draw(into buffer: inout ScreenBuffer, within area: Rect, dialog: QueueDialog) -> CursorPosition? {
        let labelWidth = (dialog.fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1
        let notes = dialog.notes + dialog.pickerNotes
        let gap = !notes.isEmpty && !dialog.fields.isEmpty ? 1 : 0
        let hasChoice = dialog.fields.contains { !$0.isText }
        let hint = (hasChoice ? "↑↓ sceglie · " : "") + (dialog.fields.count > 1 ? "Tab campo · " : "") + dialog.hint
        let widest = ((dialog.notes + [hint]).map { DisplayWidth.of($0) }.max() ?? 0) + 4
        let width = min(area.width - 2, max(56, DisplayWidth.of(dialog.title) + 6, widest))
        let rect = area.centred(width: width, height: min(area.height, dialog.fields.count + gap + notes.count + 4))
        buffer.fill(rect)
        let inner = Box.draw(into: &buffer, rect, title: dialog.title, focused: true)
        var cursor: CursorPosition?
        for (index, field) in dialog.fields.enumerated() where index < inner.height - 2 {
            let row = Rect(x: inner.x + 1, y: inner.y + index, width: inner.width - 2, height: 1)
            let focused = index == dialog.focus
            switch field {
            case .text(let form):
                if let position = FormFieldView.draw(into: &buffer, row, field: form, labelWidth: labelWidth, focused: focused) {
                    cursor = position
                }
            case .choice(let label, let options, let selected):
                buffer.write(TextLayout.pad(label, toWidth: labelWidth), x: row.x, y: row.y, style: focused ? .title : .normal)
                let text = options.indices.contains(selected) ? options[selected].text : ""
                let valueWidth = row.width - labelWidth - 1
                let shown = "‹ " + TextLayout.truncate(text, toWidth: max(0, valueWidth - 4), ellipsis: true) + " ›"
                buffer.write(TextLayout.pad(shown, toWidth: valueWidth), x: row.x + labelWidth + 1, y: row.y,
                             style: focused ? .focusedField : .field)
            }
        }
        let firstNote = inner.y + dialog.fields.count + gap
        for (offset, note) in notes.enumerated() where firstNote + offset < inner.maxY - 1 {
            let marked = note.hasPrefix("▸ ")
            buffer.write(TextLayout.truncate(note, toWidth: inner.width - 2, ellipsis: true), x: inner.x + 1,
                         y: firstNote + offset, style: marked ? .selection : .normal)
        }
        buffer.write(TextLayout.pad(TextLayout.truncate(hint, toWidth: inner.width - 2, ellipsis: true), toWidth: inner.width - 2, alignRight: true),
                     x: inner.x + 1, y: inner.maxY - 1, style: .dim)
        return cursor
    }
}
