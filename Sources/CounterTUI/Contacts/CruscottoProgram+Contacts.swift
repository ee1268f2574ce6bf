import CruscottoModel
import Foundation
import LocalStore

/// The contact registry in the cruscotto: search, purpose, card, edit form, duplicates and
/// merge. Every registry call runs in an effect with the access context of the operator and
/// the purpose given for the card.
extension CruscottoProgram {
    static let contactsSearchActions: Set<String> = [
        "app.help", "app.cancel", "app.confirm", "list.up", "list.down", "list.page_up", "list.page_down",
        "contacts.new", "session.lock",
    ]
    static let contactsPurposeActions: Set<String> = ["app.help", "app.cancel", "app.confirm", "list.up", "list.down", "session.lock"]
    static let contactsCardActions: Set<String> = [
        "app.help", "app.cancel", "contacts.search", "contacts.edit", "list.up", "list.down", "list.page_up",
        "list.page_down", "session.lock",
    ]
    static let contactsEditActions: Set<String> = [
        "app.help", "app.cancel", "app.confirm", "focus.next", "focus.previous", "list.up", "list.down", "session.lock",
    ]

    /// The actions of the contact screen on top (empty while a card loads or a save runs).
    func contactsActions(_ state: State) -> Set<String> {
        let workspace = state.cruscotto.contacts
        guard !workspace.loading else { return [] }
        switch workspace.screen {
        case nil: return []
        case .search: return Self.contactsSearchActions
        case .purpose: return Self.contactsPurposeActions
        case .card: return canLinkCard(state) ? Self.contactsCardActions.union([QueueActionName.linkContact]) : Self.contactsCardActions
        case .edit:
            guard let edit = workspace.edit, !edit.saving else { return [] }
            switch edit.dialog {
            case .confirmDiscard?, .confirmWarnings?: return ["app.confirm", "app.cancel"]
            case .duplicates?: return ["app.confirm", "app.cancel", "list.up", "list.down", "contacts.merge"]
            case .values?: return ["app.confirm", "app.cancel", "list.up", "list.down", "list.page_up", "list.page_down"]
            case nil:
                var actions = Self.contactsEditActions
                if ContactValueLists.hasList(edit.focusedField) { actions.insert("field.list_values") }
                return actions
            }
        }
    }

    func contactsAcceptsKey(_ key: Key, _ state: State) -> Bool {
        let workspace = state.cruscotto.contacts
        guard !workspace.loading else { return false }
        switch workspace.screen {
        case .search: return true
        case .purpose: return workspace.purpose?.choice.needsText ?? false
        case .edit: return workspace.edit.map { $0.dialog == nil && !$0.saving } ?? false
        case .card, nil: return false
        }
    }

    func contactsToday() -> CivilDate {
        CivilDate(clock.now(), timeZone: ItalianTime.calendar.timeZone)
    }

    func accessContext(_ state: State, _ access: ContactAccess) -> AccessContext? {
        guard let session = state.session else { return nil }
        return AccessContext(operatorUsername: session.username, stationID: state.station.stationID,
                             purpose: access.purpose, note: access.note)
    }

    // MARK: - Actions

    func openContactSearch(_ state: inout State) -> [AppEffect<Message>] {
        guard contacts != nil else {
            state.message = .warning("Anagrafe non disponibile su questa postazione.")
            return [.bell]
        }
        state.cruscotto.contacts.screen = .search
        state.message = .info("Scrivere per cercare; Invio apre la scheda, F12 chiude.")
        return []
    }

    func performOnContacts(_ action: String, on state: inout State) -> [AppEffect<Message>] {
        if action == "session.lock" { return lockSession(&state, reason: .manual, at: clock.now()) }
        switch state.cruscotto.contacts.screen {
        case .search: return performOnSearch(action, on: &state)
        case .purpose: return performOnPurpose(action, on: &state)
        case .card: return performOnCard(action, on: &state)
        case .edit: return performOnEdit(action, on: &state)
        case nil: return []
        }
    }

    private func performOnSearch(_ action: String, on state: inout State) -> [AppEffect<Message>] {
        let rows = ContactsView.searchRows(state.size)
        switch action {
        case "app.cancel":
            state.cruscotto.contacts.screen = nil
            state.message = .info("Ricerca chiusa.")
        case "list.up", "list.down", "list.page_up", "list.page_down":
            let count = state.cruscotto.contacts.search.results.count
            switch action {
            case "list.up": state.cruscotto.contacts.search.list.moveUp(count: count, visibleRows: rows)
            case "list.down": state.cruscotto.contacts.search.list.moveDown(count: count, visibleRows: rows)
            case "list.page_up": state.cruscotto.contacts.search.list.pageUp(count: count, visibleRows: rows)
            default: state.cruscotto.contacts.search.list.pageDown(count: count, visibleRows: rows)
            }
        case "app.confirm":
            guard let row = state.cruscotto.contacts.search.selectedRow else {
                state.message = .error("Nessun contatto da aprire: scrivere un cognome, un codice fiscale, un telefono o un'e-mail.")
                return [.bell]
            }
            // The person linked to the ticket being served: the purpose is that service.
            if let access = ticketAccess(state, for: row.id) { return openCard(row, access, &state) }
            // Otherwise every card opened asks why.
            state.cruscotto.contacts.purpose = ContactPurposeState(target: row)
            state.cruscotto.contacts.screen = .purpose
            state.message = .info("Indicare il motivo dell'accesso ai dati di \(row.displayName).")
        case "contacts.new":
            state.cruscotto.contacts.edit = ContactEditState(id: nil, draft: ContactDraft())
            state.cruscotto.contacts.screen = .edit
            state.message = .info("Nuovo contatto: Invio salva, F12 annulla.")
        default:
            break
        }
        return []
    }

    private func performOnPurpose(_ action: String, on state: inout State) -> [AppEffect<Message>] {
        guard var purpose = state.cruscotto.contacts.purpose else { return [] }
        let count = ContactPurposeChoice.all.count
        switch action {
        case "app.cancel":
            state.cruscotto.contacts.purpose = nil
            state.cruscotto.contacts.screen = .search
            state.message = .info("Scheda non aperta.")
            return []
        case "list.up":
            purpose.selected = (purpose.selected + count - 1) % count
        case "list.down":
            purpose.selected = (purpose.selected + 1) % count
        case "app.confirm":
            let note = purpose.note.text.trimmingCharacters(in: .whitespaces)
            if purpose.choice.needsText && note.isEmpty {
                state.message = .error("Scrivere il motivo dell'accesso.")
                return [.bell]
            }
            let access = ContactAccess(purpose: purpose.choice.purpose, note: purpose.choice.needsText ? note : nil)
            return openCard(purpose.target, access, &state)
        default:
            break
        }
        state.cruscotto.contacts.purpose = purpose
        return []
    }

    /// Loads the card of `row` with the purpose given (or implied by the ticket being served).
    private func openCard(_ row: ContactSearchRow, _ access: ContactAccess, _ state: inout State) -> [AppEffect<Message>] {
        guard let context = accessContext(state, access), let contacts else { return [] }
        state.cruscotto.contacts.loading = true
        state.message = .info("Apertura della scheda…")
        let id = row.id
        return [.run {
            do {
                return .contacts(.cardLoaded(try await contacts.card(id, context: context), access))
            } catch {
                return .contacts(.failed("Scheda non aperta: \(error)"))
            }
        }]
    }

    private func performOnCard(_ action: String, on state: inout State) -> [AppEffect<Message>] {
        guard let card = state.cruscotto.contacts.card else { return [] }
        let last = max(0, card.history.count - 1)
        let page = max(1, ContactsView.historyRows(state.size) - 1)
        switch action {
        case "app.cancel":
            state.cruscotto.contacts.screen = nil
            state.message = .info("Scheda chiusa: \(ContactSearchRow(card.contact).displayName) resta nel riquadro Cittadino.")
        case "contacts.search":
            return openContactSearch(&state)
        case QueueActionName.linkContact:
            return linkCardToTicket(&state)
        case "contacts.edit":
            var edit = ContactEditState(id: card.contact.id, draft: ContactDraft(editing: card.contact.details))
            edit.check(today: contactsToday())
            state.cruscotto.contacts.edit = edit
            state.cruscotto.contacts.screen = .edit
            state.message = .info("Modifica: Invio salva, F12 annulla, F4 elenca i valori del campo.")
        case "list.up": state.cruscotto.contacts.historyOffset = max(0, state.cruscotto.contacts.historyOffset - 1)
        case "list.down": state.cruscotto.contacts.historyOffset = min(last, state.cruscotto.contacts.historyOffset + 1)
        case "list.page_up": state.cruscotto.contacts.historyOffset = max(0, state.cruscotto.contacts.historyOffset - page)
        case "list.page_down": state.cruscotto.contacts.historyOffset = min(last, state.cruscotto.contacts.historyOffset + page)
        default: break
        }
        return []
    }

    private func performOnEdit(_ action: String, on state: inout State) -> [AppEffect<Message>] {
        guard var edit = state.cruscotto.contacts.edit else { return [] }
        defer { if state.cruscotto.contacts.edit != nil { state.cruscotto.contacts.edit = edit } }
        let today = contactsToday()
        switch edit.dialog {
        case .confirmDiscard?:
            edit.dialog = nil
            if action == "app.confirm" {
                leaveEdit(&state)
                state.message = .info("Modifiche annullate.")
            } else {
                state.message = .info("Si continua la modifica.")
            }
            return []
        case .confirmWarnings?:
            edit.dialog = nil
            guard action == "app.confirm" else {
                state.message = .info("Salvataggio sospeso: correggere i dati o confermare gli avvisi.")
                return []
            }
            edit.warningsConfirmed = true
            return save(&edit, duplicatesSeen: false, mergeWith: nil, state: &state)
        case .duplicates(let duplicates, let selected)?:
            switch action {
            case "list.up": edit.dialog = .duplicates(duplicates, selected: max(0, selected - 1))
            case "list.down": edit.dialog = .duplicates(duplicates, selected: min(duplicates.count - 1, selected + 1))
            case "app.confirm":
                edit.dialog = nil
                return save(&edit, duplicatesSeen: true, mergeWith: nil, state: &state)
            case "contacts.merge":
                edit.dialog = nil
                return save(&edit, duplicatesSeen: true, mergeWith: duplicates[selected].row.id, state: &state)
            default:
                edit.dialog = nil
                state.message = .info("Salvataggio sospeso: nessun dato cambiato.")
            }
            return []
        case .values(let field, let options, let selected)?:
            let rows = ContactsView.dialogRows(state.size)
            var list = ListState(selected: selected)
            switch action {
            case "list.up": list.moveUp(count: options.count, visibleRows: rows)
            case "list.down": list.moveDown(count: options.count, visibleRows: rows)
            case "list.page_up": list.pageUp(count: options.count, visibleRows: rows)
            case "list.page_down": list.pageDown(count: options.count, visibleRows: rows)
            case "app.confirm":
                let option = options[selected]
                edit.setText(field, option.value)
                if let province = option.province { edit.setText(.province, province) }
                edit.warningsConfirmed = false
                edit.check(today: today)
                edit.dialog = nil
                state.message = .info("\(ContactFormField(field, "").label): \(option.shown).")
                return []
            default:
                edit.dialog = nil
                return []
            }
            edit.dialog = .values(field, options, selected: list.selected)
            return []
        case nil:
            break
        }
        switch action {
        case "app.cancel":
            if edit.isEdited {
                edit.dialog = .confirmDiscard
                state.message = .warning("Ci sono modifiche non salvate.")
            } else {
                leaveEdit(&state)
                state.message = .info("Modifica chiusa senza cambiamenti.")
            }
        case "focus.next", "list.down":
            edit.focus = (edit.focus + 1) % edit.fields.count
            showFieldProblem(edit, &state)
        case "focus.previous", "list.up":
            edit.focus = (edit.focus + edit.fields.count - 1) % edit.fields.count
            showFieldProblem(edit, &state)
        case "field.list_values":
            let field = edit.focusedField
            let options = ContactValueLists.options(for: field, typed: edit.text(field), today: today)
            guard !options.isEmpty else {
                state.message = .warning("Nessun valore che inizi con «\(edit.text(field))»: correggere il testo.")
                return [.bell]
            }
            let current = options.firstIndex { $0.value == edit.text(field) } ?? 0
            edit.dialog = .values(field, options, selected: current)
            state.message = .info("\(options.count) valori: Invio sceglie, Esc chiude.")
        case "app.confirm":
            edit.check(today: today)
            if let first = edit.errors.keys.sorted().first {
                edit.focus = edit.fields.firstIndex { $0.field == first } ?? edit.focus
                let others = edit.errors.count - 1
                let more = others == 0 ? "" : (others == 1 ? " (e un altro campo)" : " (e altri \(others) campi)")
                state.message = .error("\(ContactFormField(first, "").label): \(edit.errors[first] ?? "")\(more).")
                return [.bell]
            }
            if !edit.warnings.isEmpty && !edit.warningsConfirmed {
                edit.dialog = .confirmWarnings(edit.warnings)
                state.message = .warning("Da confermare prima di salvare.")
                return []
            }
            return save(&edit, duplicatesSeen: false, mergeWith: nil, state: &state)
        default:
            break
        }
        return []
    }

    /// Puts the error of the field just reached on the message line, if any.
    private func showFieldProblem(_ edit: ContactEditState, _ state: inout State) {
        if let problem = edit.errors[edit.focusedField] {
            state.message = .error("\(edit.fields[edit.focus].label): \(problem).")
        }
    }

    private func leaveEdit(_ state: inout State) {
        let isNew = state.cruscotto.contacts.edit?.id == nil
        state.cruscotto.contacts.edit = nil
        state.cruscotto.contacts.screen = isNew || state.cruscotto.contacts.card == nil ? .search : .card
    }

    /// Saves the draft; with `mergeWith`, then merges that contact into the one saved (the
    /// record just corrected is the one kept) and reloads its card.
    private func save(_ edit: inout ContactEditState, duplicatesSeen: Bool, mergeWith other: ContactID?, state: inout State) -> [AppEffect<Message>] {
        let access = state.cruscotto.contacts.access ?? ContactAccess(purpose: .service)
        guard let context = accessContext(state, access), let contacts else { return [] }
        edit.saving = true
        state.message = .info(other == nil ? "Salvataggio…" : "Salvataggio e unione…")
        let id = edit.id, draft = edit.draft
        return [.run {
            do {
                let outcome = try await contacts.save(id, draft: draft, duplicatesSeen: duplicatesSeen, context: context)
                guard case .saved(let contact) = outcome else { return .contacts(.saved(outcome, card: nil)) }
                if let other {
                    let record = try await contacts.merge(keep: contact.id, merge: other, context: context)
                    return .contacts(.merged(record, card: try await contacts.card(contact.id, context: context)))
                }
                return .contacts(.saved(outcome, card: try await contacts.card(contact.id, context: context)))
            } catch {
                return .contacts(.failed("Non salvato: \(error)"))
            }
        }]
    }

    // MARK: - Typing

    func editContacts(_ key: Key, on state: inout State) -> [AppEffect<Message>] {
        switch state.cruscotto.contacts.screen {
        case .search:
            let before = state.cruscotto.contacts.search.box.text
            guard state.cruscotto.contacts.search.box.apply(key) else { return [.bell] }
            let text = state.cruscotto.contacts.search.box.text
            guard text != before else { return [] }
            return runSearch(text, &state)
        case .purpose:
            guard var purpose = state.cruscotto.contacts.purpose, purpose.note.apply(key) else { return [.bell] }
            state.cruscotto.contacts.purpose = purpose
            return []
        case .edit:
            guard var edit = state.cruscotto.contacts.edit else { return [.bell] }
            let before = edit.fields[edit.focus].editor.text
            guard edit.fields[edit.focus].editor.apply(key) else { return [.bell] }
            if edit.fields[edit.focus].editor.text != before {
                edit.warningsConfirmed = false
                edit.check(today: contactsToday())
            }
            state.cruscotto.contacts.edit = edit
            return []
        case .card, nil:
            return [.bell]
        }
    }

    /// Asks the registry for the text as typed; an answer for older text is dropped when it
    /// arrives, so results always match the box.
    private func runSearch(_ text: String, _ state: inout State) -> [AppEffect<Message>] {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            state.cruscotto.contacts.search.results = []
            state.cruscotto.contacts.search.answered = nil
            state.cruscotto.contacts.search.searching = false
            state.cruscotto.contacts.search.list = ListState()
            return []
        }
        guard let context = accessContext(state, ContactAccess(purpose: .service)), let contacts else { return [] }
        state.cruscotto.contacts.search.searching = true
        return [.run {
            do {
                return .contacts(.searched(text: text, rows: try await contacts.search(text, context: context)))
            } catch {
                return .contacts(.searchFailed(text: text, problem: "\(error)"))
            }
        }]
    }

    // MARK: - Results

    func receiveContacts(_ result: ContactsResult, on state: inout State) -> [AppEffect<Message>] {
        let visible = state.mode == .cruscotto
        switch result {
        case .searched(let text, let rows):
            guard state.cruscotto.contacts.screen != nil, state.cruscotto.contacts.search.box.text == text else { return [] }
            state.cruscotto.contacts.search.results = rows
            state.cruscotto.contacts.search.answered = text
            state.cruscotto.contacts.search.searching = false
            state.cruscotto.contacts.search.list = ListState()
        case .searchFailed(let text, let problem):
            guard state.cruscotto.contacts.search.box.text == text else { return [] }
            state.cruscotto.contacts.search.searching = false
            if visible { state.message = .error("Ricerca non riuscita: \(problem)") }
        case .cardLoaded(let card, let access):
            guard state.cruscotto.contacts.loading,
                  state.cruscotto.contacts.screen == .purpose || state.cruscotto.contacts.screen == .search else { return [] }
            state.cruscotto.contacts.loading = false
            state.cruscotto.contacts.purpose = nil
            state.cruscotto.contacts.card = card
            state.cruscotto.contacts.access = access
            state.cruscotto.contacts.historyOffset = 0
            state.cruscotto.contacts.screen = .card
            if visible {
                let name = ContactSearchRow(card.contact).displayName
                if canLinkCard(state), let number = state.cruscotto.counterQueue.current?.ticket.number.display {
                    state.message = .ok("Scheda di \(name) aperta: F6 la collega al biglietto \(number) in servizio.")
                } else {
                    state.message = .ok("Scheda di \(name) aperta (motivo: \(access.label)).")
                }
            }
        case .saved(let outcome, let card):
            guard var edit = state.cruscotto.contacts.edit, edit.saving else { return [] }
            edit.saving = false
            switch outcome {
            case .saved(let contact):
                state.cruscotto.contacts.edit = nil
                if let card { state.cruscotto.contacts.card = card }
                state.cruscotto.contacts.historyOffset = 0
                state.cruscotto.contacts.screen = .card
                if visible { state.message = .ok("Dati di \(ContactSearchRow(contact).displayName) salvati.") }
                return []
            case .invalid(let errors):
                edit.errors = errors
                if visible, let first = errors.keys.sorted().first {
                    state.message = .error("\(ContactFormField(first, "").label): \(errors[first] ?? "").")
                }
            case .needsConfirmation(let warnings):
                edit.dialog = .confirmWarnings(warnings)
            case .duplicates(let duplicates):
                edit.dialog = .duplicates(duplicates, selected: 0)
                if visible {
                    state.message = .warning(duplicates.count == 1 ? "Trovato un probabile doppione."
                                             : "Trovati \(duplicates.count) probabili doppioni.")
                }
            }
            state.cruscotto.contacts.edit = edit
        case .merged(let record, let card):
            guard state.cruscotto.contacts.edit?.saving == true else { return [] }
            state.cruscotto.contacts.edit = nil
            state.cruscotto.contacts.card = card
            state.cruscotto.contacts.historyOffset = 0
            state.cruscotto.contacts.screen = .card
            if visible {
                state.message = .ok("Dati salvati e doppione unito a \(ContactSearchRow(card.contact).displayName) (unione n. \(record.id)).")
            }
        case .failed(let problem):
            state.cruscotto.contacts.loading = false
            state.cruscotto.contacts.edit?.saving = false
            if state.cruscotto.contacts.screen == .purpose { state.cruscotto.contacts.screen = .search }
            if visible { state.message = .error(problem) }
        }
        return []
    }

    func contactsHelpLine(_ workspace: ContactsWorkspace) -> String {
        switch workspace.screen {
        case .search: "Ricerca: cognome e nome, codice fiscale (anche in parte), telefono (anche le ultime cifre) o e-mail."
        case .purpose: "Ogni accesso ai dati di una persona registra chi, quando e perché."
        case .card: "Scheda: dati, consensi, documenti visti e storico delle interazioni, dalla più recente."
        case .edit: "Modifica: i campi con errori sono in evidenza; il codice fiscale è controllato mentre si scrive."
        case nil: ""
        }
    }

    func contactsHelpTitle(_ workspace: ContactsWorkspace) -> String {
        switch workspace.screen {
        case .search, .purpose: "Aiuto · Ricerca nell'anagrafe"
        case .card: "Aiuto · Scheda del cittadino"
        case .edit: "Aiuto · Modifica del contatto"
        case nil: ""
        }
    }
}
