import CruscottoModel

/// The edit form: one field a row (scrolling with the focus), the fields in error in
/// reverse video, the codice fiscale line under the form, and the dialog on top.
public enum ContactEditView {
    static let labelWidth = 19

    @discardableResult
    public static func draw(into buffer: inout ScreenBuffer, _ area: Rect, edit: ContactEditState) -> CursorPosition? {
        let title = edit.id == nil ? "Nuovo contatto" : "Modifica · \(edit.text(.surname).uppercased()) \(edit.text(.name))"
        let inner = Box.draw(into: &buffer, area, title: title, footer: footer(edit), focused: edit.dialog == nil)
        let rows = max(1, inner.height - 2)
        var cursor: CursorPosition?
        // A wide and tall terminal gets two columns: identity and address on the left,
        // contacts, consents and document on the right; otherwise one column that scrolls.
        let leftCount = edit.fields.firstIndex { $0.field == .phones } ?? edit.fields.count
        let twoColumns = inner.width >= 80 && rows >= leftCount
        let columnWidth = twoColumns ? (inner.width - 3) / 2 : inner.width - 2
        let offset = twoColumns ? 0 : min(max(0, edit.focus - rows / 2), max(0, edit.fields.count - rows))
        for index in edit.fields.indices {
            let column = twoColumns && index >= leftCount ? 1 : 0
            let row = twoColumns ? (column == 0 ? index : index - leftCount) : index - offset
            guard row >= 0, row < rows else { continue }
            let item = edit.fields[index]
            var field = FormField(label: item.label)
            field.editor = item.editor
            field.error = edit.errors[item.field].flatMap { _ in shownError(edit, item.field) }
            let focused = index == edit.focus && edit.dialog == nil && !edit.saving
            // A field without the cursor shows the beginning of a long value.
            if !focused { field.editor.moveHome() }
            let x = inner.x + 1 + column * (columnWidth + 1)
            let position = FormFieldView.draw(into: &buffer, Rect(x: x, y: inner.y + row, width: columnWidth, height: 1),
                                              field: field, labelWidth: labelWidth, focused: focused)
            if focused { cursor = position }
        }
        let lineY = inner.maxY - 1
        if let line = statusLine(edit) {
            buffer.write(line.text, x: inner.x + 1, y: lineY, maxWidth: inner.width - 2, style: line.style)
        }
        switch edit.dialog {
        case nil:
            return cursor
        case .confirmDiscard?:
            Dialog.draw(into: &buffer, within: area, title: "Modifiche non salvate",
                        lines: ["Annullare le modifiche?", "I dati scritti andranno persi."],
                        hint: "Invio annulla le modifiche · Esc torna al modulo")
        case .confirmWarnings(let warnings)?:
            ContactsView.drawWrappedDialog(into: &buffer, area, title: "Da confermare",
                                           lines: warnings.map(\.message) + ["Salvare comunque?"],
                                           hint: "Invio salva · Esc torna al modulo")
        case .duplicates(let duplicates, let selected)?:
            drawDuplicates(into: &buffer, area, duplicates, selected: selected)
        case .values(let field, let options, let selected)?:
            drawValues(into: &buffer, area, field: field, options: options, selected: selected)
        }
        return nil
    }

    /// Errors show once the field has been left or a save was tried; the codice fiscale
    /// always (it is checked as it is typed).
    static func shownError(_ edit: ContactEditState, _ field: ContactField) -> String? {
        edit.errors[field]
    }

    static func footer(_ edit: ContactEditState) -> String? {
        let count = edit.errors.count
        if edit.saving { return "salvataggio…" }
        return count == 0 ? (edit.isEdited ? "modificato" : nil) : (count == 1 ? "1 campo da correggere" : "\(count) campi da correggere")
    }

    /// Under the form: the problem of the focused field, else the codice fiscale state.
    static func statusLine(_ edit: ContactEditState) -> (text: String, style: Style)? {
        if let problem = edit.errors[edit.focusedField] {
            return ("\(edit.fields[edit.focus].label): \(problem)", .error)
        }
        for warning in edit.warnings where warning.field == edit.focusedField {
            if case .fiscalCodeMismatch = warning { break }
            return (warning.message, .warning)
        }
        return edit.fiscalCodeLine
    }

    static func drawDuplicates(into buffer: inout ScreenBuffer, _ area: Rect, _ duplicates: [ContactDuplicate], selected: Int) {
        let rect = area.inset(by: 1)
        buffer.fill(rect)
        let inner = Box.draw(into: &buffer, rect, title: "Probabili doppioni", focused: true)
        let width = inner.width - 2
        var y = inner.y
        buffer.write("Queste persone sembrano la stessa:", x: inner.x + 1, y: y, maxWidth: width)
        y += 1
        for (index, duplicate) in duplicates.enumerated() where y < inner.maxY - 2 {
            let mark = index == selected
            let line = duplicateLine(duplicate.row)
            buffer.write(TextLayout.pad((mark ? "> " : "  ") + line, toWidth: width), x: inner.x + 1, y: y, maxWidth: width,
                         style: mark ? .selection : .normal)
            y += 1
            for reason in duplicate.reasons where y < inner.maxY - 2 {
                buffer.write("    " + reason, x: inner.x + 1, y: y, maxWidth: width, style: .dim)
                y += 1
            }
        }
        buffer.write(TextLayout.pad("F7 unisce il selezionato a questo contatto", toWidth: width, alignRight: true),
                     x: inner.x + 1, y: inner.maxY - 2, style: .dim)
        buffer.write(TextLayout.pad("Invio salva comunque · Esc torna al modulo", toWidth: width, alignRight: true),
                     x: inner.x + 1, y: inner.maxY - 1, style: .dim)
    }

    /// "ROSSI Niccolò · 01/01/1980 · senza codice fiscale"
    static func duplicateLine(_ row: ContactSearchRow) -> String {
        var parts = [row.displayName]
        if let birth = row.birthDate { parts.append(birth.italian) }
        parts.append(row.fiscalCode ?? "senza codice fiscale")
        if !row.comune.isEmpty { parts.append(row.comune) }
        return parts.joined(separator: " · ")
    }

    static func drawValues(into buffer: inout ScreenBuffer, _ area: Rect, field: ContactField, options: [ContactValueOption], selected: Int) {
        let height = min(area.height - 2, options.count + 3)
        let width = min(area.width - 4, max(30, (options.map { DisplayWidth.of($0.shown) }.max() ?? 0) + 6))
        let rect = area.centred(width: width, height: height)
        buffer.fill(rect)
        let rows = max(1, height - 3)
        let state = ListState(selected: selected)
        let inner = Box.draw(into: &buffer, rect, title: ContactFormField(field, "").label,
                             footer: ListView.scrollHint(state: state, count: options.count, visibleRows: rows), focused: true)
        ListView.draw(into: &buffer, Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: rows),
                      items: options.map(\.shown), state: state, focused: true)
        buffer.write(TextLayout.pad("Invio sceglie · Esc chiude", toWidth: inner.width - 2, alignRight: true),
                     x: inner.x + 1, y: inner.maxY - 1, style: .dim)
    }
}
