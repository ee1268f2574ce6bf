import CruscottoModel
import Foundation

/// Draws the contact screens over the right column of the cruscotto.
public enum ContactsView {
    /// Result rows the search shows for a terminal size (for paging).
    public static func searchRows(_ size: TerminalSize) -> Int {
        max(1, CruscottoLayout(size: size).contactsArea.height - 6)
    }

    /// History rows the card shows (for paging).
    public static func historyRows(_ size: TerminalSize) -> Int {
        max(1, CruscottoLayout(size: size).contactsArea.height / 3)
    }

    /// Rows of a list dialog (F4 values).
    public static func dialogRows(_ size: TerminalSize) -> Int {
        max(1, CruscottoLayout(size: size).contactsArea.height - 6)
    }

    @discardableResult
    public static func draw(into buffer: inout ScreenBuffer, _ area: Rect, workspace: ContactsWorkspace, now: Date) -> CursorPosition? {
        buffer.fill(area)
        switch workspace.screen {
        case .search:
            return drawSearch(into: &buffer, area, workspace.search, focused: true)
        case .purpose:
            drawSearch(into: &buffer, area, workspace.search, focused: false)
            guard let purpose = workspace.purpose else { return nil }
            return drawPurpose(into: &buffer, area, purpose, loading: workspace.loading)
        case .card:
            guard let card = workspace.card else { return nil }
            let inner = Box.draw(into: &buffer, area, title: "Scheda · \(ContactSearchRow(card.contact).displayName)",
                                 footer: historyFooter(card, offset: workspace.historyOffset), focused: true)
            ContactCardView.draw(into: &buffer, inner, card: card, access: workspace.access,
                                 historyOffset: workspace.historyOffset, now: now)
            return nil
        case .edit:
            guard let edit = workspace.edit else { return nil }
            return ContactEditView.draw(into: &buffer, area, edit: edit)
        case nil:
            return nil
        }
    }

    static func historyFooter(_ card: ContactCard, offset: Int) -> String? {
        offset > 0 ? "↑ \(offset)" : nil
    }

    // MARK: - Search

    static func resultLine(_ row: ContactSearchRow, width: Int) -> String {
        let nameWidth = max(12, width - 16 - 10 - 3 - (width >= 70 ? 20 : 8))
        let name = TextLayout.pad(TextLayout.truncate(row.displayName, toWidth: nameWidth, ellipsis: true), toWidth: nameWidth)
        let code = TextLayout.pad(row.fiscalCode ?? "", toWidth: 16)
        let born = TextLayout.pad(row.birthDate?.italian ?? "", toWidth: 10)
        return "\(name) \(code) \(born) \(row.comune)"
    }

    @discardableResult
    static func drawSearch(into buffer: inout ScreenBuffer, _ area: Rect, _ search: ContactSearchState, focused: Bool) -> CursorPosition? {
        let count = search.results.count
        let listHeight = max(1, area.height - 6)
        var footer: String?
        if search.answered != nil {
            footer = count == 1 ? "1 risultato" : "\(count) risultati"
            if let hint = ListView.scrollHint(state: search.list, count: count, visibleRows: listHeight) { footer! += " · " + hint }
        }
        let inner = Box.draw(into: &buffer, area, title: "Cerca nell'anagrafe", footer: footer, focused: focused)
        var withCursor = FormField(label: "Cerca")
        withCursor.editor = search.box
        let cursor = FormFieldView.draw(into: &buffer, Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: 1),
                                        field: withCursor, labelWidth: 6, focused: focused)
        let width = inner.width - 2
        buffer.write("cognome nome, codice fiscale, telefono, e-mail", x: inner.x + 8, y: inner.y + 1, maxWidth: width - 7, style: .dim)
        let listRect = Rect(x: inner.x + 1, y: inner.y + 3, width: width, height: max(0, inner.height - 3))
        guard let answered = search.answered else {
            let text = search.searching ? "Ricerca in corso…" : "Scrivere per cercare: i risultati si aggiornano a ogni tasto."
            buffer.write(text, x: listRect.x, y: listRect.y, maxWidth: width, style: .dim)
            return cursor
        }
        guard count > 0 else {
            buffer.write("Nessun contatto trovato per «\(answered)».", x: listRect.x, y: listRect.y, maxWidth: width)
            buffer.write("F6 registra un nuovo contatto.", x: listRect.x, y: listRect.y + 1, maxWidth: width, style: .dim)
            return cursor
        }
        buffer.write(headerLine(width: width), x: listRect.x, y: inner.y + 2, maxWidth: width, style: .dim)
        ListView.draw(into: &buffer, listRect, items: search.results.map { resultLine($0, width: width) },
                      state: search.list, focused: focused)
        return cursor
    }

    /// The column titles, placed where `resultLine` puts the columns.
    static func headerLine(width: Int) -> String {
        let nameWidth = max(12, width - 16 - 10 - 3 - (width >= 70 ? 20 : 8))
        return TextLayout.pad("Cognome e nome", toWidth: nameWidth) + " " + TextLayout.pad("Codice fiscale", toWidth: 16)
            + " " + TextLayout.pad("Nato il", toWidth: 10) + " Comune"
    }

    // MARK: - Purpose

    static func drawPurpose(into buffer: inout ScreenBuffer, _ area: Rect, _ purpose: ContactPurposeState, loading: Bool) -> CursorPosition? {
        let choices = ContactPurposeChoice.all
        let height = choices.count + 6
        let rect = area.centred(width: min(area.width - 2, 52), height: height)
        buffer.fill(rect)
        let inner = Box.draw(into: &buffer, rect, title: "Motivo dell'accesso", focused: true)
        let width = inner.width - 2
        buffer.write("Scheda di \(purpose.target.displayName): perché?", x: inner.x + 1, y: inner.y, maxWidth: width)
        for (index, choice) in choices.enumerated() {
            let selected = index == purpose.selected
            buffer.write(TextLayout.pad((selected ? "> " : "  ") + choice.label, toWidth: width), x: inner.x + 1,
                         y: inner.y + 1 + index, maxWidth: width, style: selected ? .selection : .normal)
        }
        var cursor: CursorPosition?
        let noteY = inner.y + 1 + choices.count
        if purpose.choice.needsText {
            var field = FormField(label: "Motivo")
            field.editor = purpose.note
            cursor = FormFieldView.draw(into: &buffer, Rect(x: inner.x + 1, y: noteY, width: width, height: 1),
                                        field: field, labelWidth: 7, focused: !loading)
        }
        let hint = loading ? "Apertura della scheda…" : "Invio apre la scheda · Esc annulla"
        buffer.write(TextLayout.pad(hint, toWidth: width, alignRight: true), x: inner.x + 1, y: inner.maxY - 1, style: .dim)
        return loading ? nil : cursor
    }

    // MARK: - Dialogs

    /// A dialog whose lines are wrapped to the area (warnings can be long).
    static func drawWrappedDialog(into buffer: inout ScreenBuffer, _ area: Rect, title: String, lines: [String], hint: String) {
        let width = max(10, area.width - 8)
        let wrapped = lines.flatMap { TextWrap.lines($0, width: width) }
        Dialog.draw(into: &buffer, within: area, title: title, lines: Array(wrapped.prefix(max(1, area.height - 4))), hint: hint)
    }
}
