import Foundation

extension EngineDemoProgram {
    /// Texts whose width terminals get wrong most often, with what they are.
    static let widthSamples: [(text: String, kind: String)] = [
        ("Niccolò", "accento"),
        ("Nicolo\u{0300}", "NFD"),
        ("王小明", "CJK"),
        ("😀", "emoji"),
        ("👨‍👩‍👧", "ZWJ"),
        ("🇮🇹", "bandiera"),
    ]

    public func view(_ state: State, context: ViewContext) -> AppFrame {
        var buffer = ScreenBuffer(size: context.size)
        let layout = EngineDemoLayout(size: context.size)
        drawHeader(into: &buffer, layout.header, now: context.now)
        let cursor = drawForm(into: &buffer, layout.form, state: state)
        drawPeople(into: &buffer, layout.people, state: state)
        drawActionLog(into: &buffer, layout.actions, state: state)
        MessageLine.draw(into: &buffer, row: layout.message, message: state.message)
        FunctionKeyBar.draw(into: &buffer, row: layout.keys, help: context.enabledHelp)
        switch state.stack.top {
        case .main:
            return AppFrame(buffer: buffer, cursor: cursor)
        case .help:
            // The keys of the screen under the overlay, not those of the overlay itself; keys the
            // keymap binds but this screen does not use (F4, F5) are left out.
            let help = context.help.filter { EngineDemoProgram.mainActions.contains($0.action) }
            HelpOverlay.draw(into: &buffer, within: buffer.area, title: "Aiuto · Prova del motore", help: help)
        case .confirmExit:
            Dialog.draw(into: &buffer, within: buffer.area, title: "Uscita", lines: ["Uscire dalla prova del motore?"], hint: "Invio esce · Esc annulla")
        }
        return AppFrame(buffer: buffer, cursor: nil)
    }

    private func drawHeader(into buffer: inout ScreenBuffer, _ rect: Rect, now: Date) {
        buffer.fill(rect, style: .header)
        let clock = ItalianTime.headerText(now)
        buffer.write(" Sportello TUI · Prova del motore", x: rect.x, y: rect.y, maxWidth: rect.width - DisplayWidth.of(clock) - 2, style: .header)
        buffer.write(clock + " ", x: rect.maxX - DisplayWidth.of(clock) - 1, y: rect.y, style: .header)
    }

    private func drawForm(into buffer: inout ScreenBuffer, _ rect: Rect, state: State) -> CursorPosition? {
        let inner = Box.draw(into: &buffer, rect, title: "Scheda", focused: state.focus.focused != .people)
        var cursor: CursorPosition?
        let fields: [(State.Focus, FormField)] = [(.surname, state.surname), (.name, state.name), (.fiscalCode, state.fiscalCode)]
        for (index, (focus, field)) in fields.enumerated() {
            let row = Rect(x: inner.x + 1, y: inner.y + 1 + index * 2, width: inner.width - 2, height: 1)
            if let position = FormFieldView.draw(into: &buffer, row, field: field, labelWidth: 15, focused: state.focus.focused == focus) {
                cursor = position
            }
        }
        for (index, (_, field)) in fields.enumerated() {
            guard let error = field.error else { continue }
            buffer.write(error, x: inner.x + 17, y: inner.y + 2 + index * 2, maxWidth: inner.width - 18, style: .warning)
        }
        let y = inner.y + 7
        if fields.allSatisfy({ $0.1.error == nil }), y < inner.maxY {
            buffer.write("Scheda completa.", x: inner.x + 1, y: y, maxWidth: inner.width - 2, style: .ok)
        }
        let notes = ["Larghezze come wcwidth di glibc;", "ZWJ e bandiere diventano \(Glyph.fallback)."]
        let notesTop = inner.maxY - notes.count
        let samples = Rect(x: inner.x + 1, y: inner.y + 9, width: inner.width - 2, height: notesTop - inner.y - 9)
        let columns = [
            TableColumn("Campione", width: .min(10)),
            TableColumn("Tipo", width: .fixed(10)),
            TableColumn("Colonne", width: .fixed(7), alignRight: true),
        ]
        let rows = EngineDemoProgram.widthSamples.map { [$0.text, $0.kind, String(DisplayWidth.of($0.text))] }
        Table.draw(into: &buffer, samples, columns: columns, rows: rows, state: nil, focused: false)
        for (index, note) in notes.enumerated() where notesTop + index > samples.y {
            buffer.write(note, x: inner.x + 1, y: notesTop + index, maxWidth: inner.width - 2, style: .dim)
        }
        return cursor
    }

    /// Newest first: the action each key became (or the key typed into a field).
    private func drawActionLog(into buffer: inout ScreenBuffer, _ rect: Rect, state: State) {
        guard rect.height >= 3 else { return }
        let inner = Box.draw(into: &buffer, rect, title: "Azioni ricevute")
        let entries = state.actionLog.reversed().map { $0 }
        if entries.isEmpty {
            buffer.write("nessuna: premere un tasto", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, style: .dim)
            return
        }
        ListView.draw(into: &buffer, Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height), items: entries, state: nil, focused: false)
    }

    private func drawPeople(into buffer: inout ScreenBuffer, _ rect: Rect, state: State) {
        let focused = state.focus.focused == .people
        let count = EngineDemoPerson.all.count
        let hint = ListView.scrollHint(state: state.people, count: count, visibleRows: max(1, rect.height - 3))
        let inner = Box.draw(into: &buffer, rect, title: "Persone (\(count))", footer: hint, focused: focused)
        let columns = [
            TableColumn("N.", width: .fixed(3), alignRight: true),
            TableColumn("Nominativo", width: .min(14)),
            TableColumn("Nota", width: .percent(30)),
            TableColumn("Attesa", width: .fixed(6), alignRight: true),
        ]
        let rows = EngineDemoPerson.all.enumerated().map { index, person in
            [String(index + 1), person.fullName, person.note, "\(person.waitMinutes)'"]
        }
        Table.draw(into: &buffer, Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height), columns: columns, rows: rows, state: state.people, focused: focused)
    }
}
