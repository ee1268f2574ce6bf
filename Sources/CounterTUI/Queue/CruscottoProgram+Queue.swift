import CruscottoModel
import Foundation

/// The queue at the counter, plugged into the cruscotto: which queue keys work now, what they
/// do (always through effects on `QueueBackend`), the dialogs, and the session hooks (sign in
/// at login, automatic pause while locked, sign out at logout).
extension CruscottoProgram {
    /// The queue is in use when the station is a counter and a central backend was given.
    func queueOperations(_ state: State) -> QueueOperations? {
        guard let queue, let counter = state.station.counter, let session = state.session else { return nil }
        return QueueOperations(backend: queue, counter: counter, operatorID: session.username, offline: offline)
    }

    /// The queue actions that work now (the function-key bar shows only these).
    func queueEnabledActions(_ state: State) -> Set<String> {
        guard queueOperations(state) != nil, let counter = state.station.counter else { return [] }
        let queue = state.cruscotto.counterQueue
        if let dialog = queue.dialog {
            return dialog.offersCloseAndCall ? QueueActionName.dialogActions.union([QueueActionName.callNext]) : QueueActionName.dialogActions
        }
        if queue.working || queue.configuration == nil { return [] }
        if queue.workingOffline { return offlineActions(queue) }
        let day: Set<String> = state.session?.isManager == true ? [QueueActionName.officeDay] : []
        if queue.isPaused(counter: counter) { return day.union([QueueActionName.pause, QueueActionName.issue]) }
        guard let current = queue.current else {
            return day.union([QueueActionName.callNext, QueueActionName.callNumber, QueueActionName.pause, QueueActionName.issue])
        }
        if current.ticket.isOffline { return offlineActions(queue).union(day) }
        var actions: Set<String> = [QueueActionName.transfer, QueueActionName.close, QueueActionName.issue]
        switch current.ticket.state {
        case .called:
            actions.formUnion([QueueActionName.recall, QueueActionName.startService])
            if let rules = queue.configuration?.rules, current.ticket.recallCount >= rules.recallsBeforeNoShow {
                actions.insert(QueueActionName.noShow)
            }
        case .serving:
            actions.insert(QueueActionName.park)
        default:
            break
        }
        return actions.union(day)
    }

    /// While working offline (or on an offline ticket): issue from the reserved numbers, call
    /// the offline tickets, and recall, start, no-show and close the one held; no transfer,
    /// park, pause or office day (they need the central queue).
    private func offlineActions(_ queue: CounterQueueState) -> Set<String> {
        guard let current = queue.current else {
            return [QueueActionName.callNext, QueueActionName.issue]
        }
        guard current.ticket.isOffline else { return [QueueActionName.issue] }
        var actions: Set<String> = [QueueActionName.close, QueueActionName.issue]
        if current.ticket.state == .called {
            actions.formUnion([QueueActionName.recall, QueueActionName.startService])
            if let rules = queue.configuration?.rules, current.ticket.recallCount >= rules.recallsBeforeNoShow {
                actions.insert(QueueActionName.noShow)
            }
        }
        return actions
    }

    /// Every queue action of the screen, for the help overlay (the office day only for the
    /// responsabile: other roles never see it).
    func queueScreenActions(_ state: State) -> Set<String> {
        guard queueOperations(state) != nil else { return [] }
        return state.session?.isManager == true ? QueueActionName.all.union([QueueActionName.officeDay]) : QueueActionName.all
    }

    /// On a contact's card: the person can be linked to the ticket held here (called or in
    /// service, not already linked to them, no queue operation running).
    func canLinkCard(_ state: State) -> Bool {
        let queue = state.cruscotto.counterQueue
        guard queueOperations(state) != nil, !queue.working, let current = queue.current,
              current.ticket.state.isClaimed, let card = state.cruscotto.contacts.card else { return false }
        return current.ticket.contactID != card.contact.id.rawValue
    }

    /// Links the card's person to the held ticket, through the queue protocol with the token.
    func linkCardToTicket(_ state: inout State) -> [AppEffect<Message>] {
        guard canLinkCard(state), let operations = queueOperations(state), let current = state.cruscotto.counterQueue.current,
              let card = state.cruscotto.contacts.card else { return [.bell] }
        let id = card.contact.id.rawValue
        let name = ContactSearchRow(card.contact).displayName
        state.cruscotto.counterQueue.citizenNames[id] = name
        state.message = .info("Collegamento di \(name) al biglietto \(current.ticket.displayNumber)…")
        return run(&state) {
            let result = await operations.transition(current, .linkContact(contactID: id))
            guard case .done(let held, _) = result else { return result }
            return .done(current: held, message: .ok("Biglietto \(current.ticket.displayNumber) collegato a \(name): "
                + "alla chiusura la visita va nel suo storico."))
        }
    }

    /// The access of a card opened for the ticket being served: the purpose is the service,
    /// so no question is asked.
    func ticketAccess(_ state: State, for contact: ContactID) -> ContactAccess? {
        let queue = state.cruscotto.counterQueue
        guard let ticket = queue.current?.ticket, ticket.contactID == contact.rawValue else { return nil }
        let service = queue.configuration?.service(ticket.serviceCode)?.name ?? ticket.serviceCode
        return ContactAccess(purpose: .service, note: "biglietto \(ticket.displayNumber), \(service)")
    }

    func queueDialogOpen(_ state: State) -> Bool { state.cruscotto.counterQueue.dialog != nil }

    /// Typing into the dialog's text field, or Left/Right on a choice.
    func queueAcceptsKey(_ key: Key, in state: State) -> Bool {
        guard let dialog = state.cruscotto.counterQueue.dialog, let field = dialog.focusedField else { return false }
        if field.isText { return TextEditor.edits(key) }
        return key == .left || key == .right
    }

    func queueEdit(_ key: Key, on state: inout State) -> [AppEffect<Message>] {
        let before = state.cruscotto.counterQueue.dialog
        let effects = editQueueField(key, on: &state)
        guard let dialog = state.cruscotto.counterQueue.dialog, dialog.isOnContactField,
              dialog.focusedField?.value != before?.focusedField?.value else { return effects }
        // The citizen's text changed: what was picked no longer holds; search the registry.
        state.cruscotto.counterQueue.dialog?.picker?.picked = nil
        return effects + searchForTicket(dialog.focusedField?.value ?? "", &state)
    }

    /// Asks the registry for the issue dialog's citizen text (an answer for older text is dropped).
    private func searchForTicket(_ text: String, _ state: inout State) -> [AppEffect<Message>] {
        guard !text.isEmpty else {
            state.cruscotto.counterQueue.dialog?.picker = ContactPicker()
            return []
        }
        guard let contacts, let context = accessContext(state, ContactAccess(purpose: .service)) else { return [] }
        return [.run {
            let rows = (try? await contacts.search(text, context: context)) ?? []
            return .queue(.contactMatches(text: text, rows: rows))
        }]
    }

    private func editQueueField(_ key: Key, on state: inout State) -> [AppEffect<Message>] {
        var edited = false
        state.cruscotto.counterQueue.dialog?.withFocused { field in
            switch field {
            case .text(var form):
                edited = form.editor.apply(key)
                form.error = nil
                field = .text(form)
            case .choice:
                edited = field.cycle(key == .left ? -1 : 1)
            }
        }
        return edited ? [] : [.bell]
    }

    /// Handles a queue action; nil when the action is not the queue's.
    func performQueue(_ action: String, on state: inout State) -> [AppEffect<Message>]? {
        guard let operations = queueOperations(state) else { return nil }
        if state.cruscotto.counterQueue.dialog != nil { return performOnQueueDialog(action, operations, on: &state) }
        if action == QueueActionName.officeDay { return performOfficeDay(operations, on: &state) }
        guard QueueActionName.all.contains(action) else { return nil }
        let queue = state.cruscotto.counterQueue
        let current = queue.current
        switch action {
        case QueueActionName.callNext:
            let offlineOnly = queue.workingOffline
            return run(&state) { await operations.callNext(offlineOnly: offlineOnly) }
        case QueueActionName.callNumber:
            state.cruscotto.counterQueue.dialog = .callNumber()
        case QueueActionName.recall:
            guard let current else { return [.bell] }
            return run(&state) { await operations.transition(current, .recall) }
        case QueueActionName.startService:
            guard let current else { return [.bell] }
            return run(&state) { await operations.transition(current, .startService) }
        case QueueActionName.park:
            guard let current else { return [.bell] }
            return run(&state) { await operations.transition(current, .park(note: nil)) }
        case QueueActionName.noShow:
            guard let current else { return [.bell] }
            return run(&state) { await operations.transition(current, .markNoShow) }
        case QueueActionName.transfer:
            guard let current, let configuration = queue.configuration else { return [.bell] }
            state.cruscotto.counterQueue.dialog = .transfer(from: current.ticket, configuration: configuration, counter: operations.counter)
        case QueueActionName.close:
            guard current != nil, let configuration = queue.configuration else { return [.bell] }
            // One central operation: not for an offline ticket, nor while offline tickets wait
            // to be called first (they are not in the central queue).
            let central = !queue.workingOffline && current?.ticket.isOffline == false && queue.offlineWaiting == 0
            state.cruscotto.counterQueue.dialog = .close(configuration: configuration, citizen: queue.linkedCitizen,
                                                         offersCloseAndCall: central)
            if !central {
                state.message = .info("Chiudi il biglietto: Invio chiude · Esc annulla. Chiudi e chiama il prossimo "
                    + "solo con la coda centrale: qui Invio chiude, poi F2 chiama.")
                return []
            }
        case QueueActionName.pause:
            if queue.isPaused(counter: operations.counter) {
                state.cruscotto.counterQueue.lockPaused = false
                return run(&state) { await operations.resume() }
            }
            state.cruscotto.counterQueue.dialog = .pause()
        case QueueActionName.issue:
            guard let configuration = queue.configuration else { return [.bell] }
            state.cruscotto.counterQueue.dialog = .issue(configuration: configuration, withContacts: contacts != nil)
        default:
            return nil
        }
        if let dialog = state.cruscotto.counterQueue.dialog {
            state.message = .info(dialog.title + ": " + dialog.hint + ".")
        }
        return []
    }

    /// The responsabile's office day: open it, or ask before closing it (saying what the
    /// closing will do to the tickets still in the queue).
    private func performOfficeDay(_ operations: QueueOperations, on state: inout State) -> [AppEffect<Message>] {
        guard state.session?.isManager == true else { return [.bell] }
        guard let status = state.cruscotto.counterQueue.status, status.officeOpen else {
            state.message = .info("Apertura della giornata dell'ufficio…")
            return run(&state) { await operations.openDay() }
        }
        let dialog = QueueDialog(kind: .closeDay, fields: [], notes: Self.closeDayNotes(status))
        state.cruscotto.counterQueue.dialog = dialog
        state.message = .warning("Chiusura della giornata: Invio conferma, Esc annulla.")
        return []
    }

    static func closeDayNotes(_ status: QueueStatus) -> [String] {
        let inLine = status.totalWaiting + status.counters.reduce(0) { $0 + $1.directedWaiting }
        var notes = ["Giornata del \(Self.italianDay(status.day))."]
        if inLine == 0 {
            notes.append("Nessun biglietto in coda.")
        } else {
            notes.append(inLine == 1 ? "1 biglietto ancora in coda (in attesa, sospeso o trasferito)"
                         : "\(inLine) biglietti ancora in coda (in attesa, sospesi o trasferiti)")
            notes.append((inLine == 1 ? "sarà chiuso" : "saranno chiusi") + " con l'esito «chiuso a fine giornata»:")
        }
        notes += status.services.filter { $0.waiting > 0 }.map { "  \($0.prefix) \($0.name): \($0.waiting)" }
        let directed = status.counters.filter { $0.directedWaiting > 0 }
        notes += directed.map { "  trasferiti allo sportello \($0.number): \($0.directedWaiting)" }
        let held = status.counters.compactMap { line in line.ticketNumber.map { "\($0) (sportello \(line.number))" } }
        notes.append(held.isEmpty ? "Nessun biglietto agli sportelli."
                     : "Restano ai loro sportelli: " + held.joined(separator: ", ") + ".")
        notes.append("Dopo la chiusura non si emettono né si chiamano biglietti fino a domani.")
        return notes
    }

    static func dayClosedNotes(_ report: EndOfDayReport, configuration: QueueConfiguration?) -> [String] {
        let count = report.closedCount
        var notes = ["Giornata del \(Self.italianDay(report.day)) chiusa alle \(ItalianTime.clockText(report.closedAt))."]
        notes.append(count == 0 ? "Nessun biglietto chiuso a fine giornata."
                     : "\(count) \(count == 1 ? "biglietto chiuso" : "biglietti chiusi") a fine giornata:")
        notes += report.closedByService.sorted { $0.key < $1.key }.map { code, closed in
            let service = configuration?.service(code)
            return "  \(service.map { "\($0.prefix) \($0.name)" } ?? code): \(closed)"
        }
        if !report.stillAtCounters.isEmpty {
            notes.append("Ancora agli sportelli: " + report.stillAtCounters.joined(separator: ", ") + ".")
        }
        return notes
    }

    static func italianDay(_ day: LocalDay) -> String {
        String(format: "%02d/%02d/%04d", day.day, day.month, day.year)
    }

    private func performOnQueueDialog(_ action: String, _ operations: QueueOperations, on state: inout State) -> [AppEffect<Message>] {
        guard var dialog = state.cruscotto.counterQueue.dialog else { return [] }
        if dialog.kind == .dayClosed {
            state.cruscotto.counterQueue.dialog = nil
            return []
        }
        if dialog.isOnContactField, var picker = dialog.picker, picker.picked == nil, !picker.results.isEmpty {
            // The citizen's results: Up/Down choose, Enter picks (and fills the phone).
            switch action {
            case "list.up", "list.down":
                picker.move(action == "list.up" ? -1 : 1)
                dialog.picker = picker
                state.cruscotto.counterQueue.dialog = dialog
                return []
            case "app.confirm":
                return pickCitizen(&dialog, on: &state)
            default:
                break
            }
        }
        switch action {
        case "app.cancel":
            state.cruscotto.counterQueue.dialog = nil
            state.message = .info("Operazione annullata.")
            return []
        case "focus.next":
            dialog.focusNext()
        case "focus.previous":
            dialog.focusPrevious()
        case "list.up", "list.down":
            let step = action == "list.up" ? -1 : 1
            if dialog.withFocused({ $0.cycle(step) }) != true {
                if step < 0 { dialog.focusPrevious() } else { dialog.focusNext() }
            }
        case "app.confirm":
            return submitQueueDialog(dialog, operations, on: &state)
        case QueueActionName.callNext where dialog.kind == .close && dialog.offersCloseAndCall:
            return submitClose(dialog, operations, callingNext: true, on: &state)
        default:
            return [.bell]
        }
        state.cruscotto.counterQueue.dialog = dialog
        return []
    }

    /// Picks the highlighted citizen: their name in the field, their preferred phone (E.164)
    /// in the phone field when it is empty, the focus on the phone.
    private func pickCitizen(_ dialog: inout QueueDialog, on state: inout State) -> [AppEffect<Message>] {
        guard let row = dialog.picker?.selectedRow else { return [.bell] }
        dialog.picker?.picked = row
        state.cruscotto.counterQueue.citizenNames[row.id.rawValue] = row.displayName
        dialog.setText(QueueDialog.contactLabel, row.displayName)
        if dialog.value(of: QueueDialog.phoneLabel).isEmpty, let phone = row.phone {
            dialog.setText(QueueDialog.phoneLabel, phone.e164)
        }
        dialog.focus = dialog.index(of: QueueDialog.phoneLabel) ?? dialog.focus
        state.cruscotto.counterQueue.dialog = dialog
        state.message = .info("Cittadino: \(row.displayName)" + (row.phone.map { ", telefono \($0.e164)" } ?? ", nessun telefono registrato") + ".")
        return []
    }

    private func submitQueueDialog(_ dialog: QueueDialog, _ operations: QueueOperations, on state: inout State) -> [AppEffect<Message>] {
        var dialog = dialog
        let current = state.cruscotto.counterQueue.current
        switch dialog.kind {
        case .callNumber:
            guard let number = TicketNumber(parsing: dialog.value(0)) else {
                dialog.reject(field: 0, "numero non valido")
                state.cruscotto.counterQueue.dialog = dialog
                state.message = .error("Numero di biglietto non valido: lettera del servizio e numero, per esempio A042.")
                return [.bell]
            }
            state.cruscotto.counterQueue.dialog = nil
            return run(&state) { await operations.call(number) }
        case .transfer:
            guard let current else { return closeDialog(&state) }
            let target = dialog.value(0).split(separator: ":", maxSplits: 1).map(String.init)
            guard target.count == 2 else { return closeDialog(&state) }
            let service = target[0] == "service" ? target[1] : nil
            let counter = target[0] == "counter" ? Int(target[1]) : nil
            let note = dialog.value(1)
            state.cruscotto.counterQueue.dialog = nil
            return run(&state) { await operations.transition(current, .transfer(serviceCode: service, counter: counter, note: note)) }
        case .close:
            return submitClose(dialog, operations, callingNext: false, on: &state)
        case .closeDay:
            state.cruscotto.counterQueue.dialog = nil
            state.message = .info("Chiusura della giornata…")
            return run(&state) { await operations.closeDay() }
        case .dayClosed:
            state.cruscotto.counterQueue.dialog = nil
            return []
        case .pause:
            let reason = QueueDialog.pauseReasons.first { $0.0 == dialog.value(0) }?.1 ?? .rest
            state.cruscotto.counterQueue.dialog = nil
            return run(&state) { await operations.pause(reason) }
        case .issue:
            let phoneIndex = dialog.index(of: QueueDialog.phoneLabel) ?? 0
            var phone: String?
            let phoneText = dialog.value(of: QueueDialog.phoneLabel)
            if !phoneText.isEmpty {
                switch PhoneNumber.parse(phoneText) {
                case .success(let number):
                    phone = number.e164
                case .failure(let problem):
                    dialog.reject(field: phoneIndex, "telefono non valido")
                    state.cruscotto.counterQueue.dialog = dialog
                    state.message = .error("Telefono non valido: \(problem).")
                    return [.bell]
                }
            }
            let picked = dialog.picker?.picked
            if dialog.picker != nil, picked == nil, !dialog.value(of: QueueDialog.contactLabel).isEmpty {
                dialog.focus = dialog.index(of: QueueDialog.contactLabel) ?? dialog.focus
                state.cruscotto.counterQueue.dialog = dialog
                state.message = .error("Cittadino non scelto: Su/Giù e Invio sull'elenco, oppure cancellare il testo.")
                return [.bell]
            }
            let priority = dialog.value(1)
            let request = IssueRequest(serviceCode: dialog.value(0), priority: priority.isEmpty ? nil : priority,
                                       contactID: picked?.id.rawValue, phone: phone, counter: operations.counter,
                                       operatorID: operations.operatorID)
            state.cruscotto.counterQueue.dialog = nil
            if state.cruscotto.counterQueue.workingOffline { return run(&state) { await operations.issueOffline(request) } }
            return run(&state) { await operations.issue(request) }
        }
    }

    /// Closes the held ticket with the dialog's outcome and procedures; `callingNext`: in the
    /// same central operation the next ticket is called (it becomes the one held here). The
    /// visit goes into the linked citizen's history once the close went through.
    private func submitClose(_ dialog: QueueDialog, _ operations: QueueOperations, callingNext: Bool,
                             on state: inout State) -> [AppEffect<Message>] {
        guard let current = state.cruscotto.counterQueue.current else { return closeDialog(&state) }
        let outcome = dialog.value(0)
        let procedures = dialog.value(1).split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        state.cruscotto.counterQueue.dialog = nil
        let visit = ticketVisit(current.ticket, outcome: outcome, procedures: procedures, counter: operations.counter, state)
        let action = TicketAction.close(outcome: outcome, procedures: procedures, contactID: current.ticket.contactID)
        return run(&state) {
            let result = callingNext
                ? await operations.closeAndCallNext(current, action)
                : await operations.transition(current, action)
            guard case .done(let held, let message) = result, let visit else { return result }
            do {
                try await visit.record()
            } catch {
                return .done(current: held, message: .warning("\(message.text) Storico del cittadino non aggiornato: \(error)"))
            }
            return result
        }
    }

    /// The history entry of a closed ticket linked to a contact, ready to be written in the
    /// effect (nil when nobody is linked or the station has no registry).
    private func ticketVisit(_ ticket: Ticket, outcome: String, procedures: [String], counter: Int, _ state: State) -> TicketVisit? {
        guard let raw = ticket.contactID, let id = ContactID(raw), let contacts,
              let context = accessContext(state, ticketAccess(state, for: id) ?? ContactAccess(purpose: .service)) else { return nil }
        let configuration = state.cruscotto.counterQueue.configuration
        let service = configuration?.service(ticket.serviceCode)?.name ?? ticket.serviceCode
        let outcomeName = configuration?.rules.outcome(outcome)?.name ?? outcome
        let done = procedures.isEmpty ? "" : "; pratiche: " + procedures.joined(separator: ", ")
        let summary = "Servito allo sportello \(counter), biglietto \(ticket.displayNumber) (\(service)), esito: \(outcomeName)\(done)"
        return TicketVisit(contacts: contacts, id: id, summary: summary, reference: ticket.displayNumber, context: context)
    }

    private func closeDialog(_ state: inout State) -> [AppEffect<Message>] {
        state.cruscotto.counterQueue.dialog = nil
        return [.bell]
    }

    /// Runs an own operation: queue keys wait until its answer, and a status read started
    /// before it no longer decides which ticket this counter holds.
    func run(_ state: inout State, _ work: @escaping @Sendable () async -> CounterQueueMessage) -> [AppEffect<Message>] {
        state.cruscotto.counterQueue.working = true
        state.cruscotto.counterQueue.generation += 1
        return [.run { .queue(await work()) }]
    }

    // MARK: - Refresh and results

    /// Re-reads the queue unless a read is already running.
    func refreshQueue(_ state: inout State) -> [AppEffect<Message>] {
        guard let operations = queueOperations(state), !state.cruscotto.counterQueue.refreshing else { return [] }
        state.cruscotto.counterQueue.refreshing = true
        let generation = state.cruscotto.counterQueue.generation
        return [.run { .queue(await operations.refresh(generation: generation)) }]
    }

    /// Seconds after which the queue is re-read even when the change watch saw nothing, so the
    /// minutes of waiting on screen keep up.
    static let queueReadInterval: TimeInterval = 30

    /// The clock's tick: with a change watch, a read only when the central file changed (or
    /// the last read is getting old); without one, a read at every tick.
    func refreshQueueOnTick(_ state: inout State, now: Date) -> [AppEffect<Message>] {
        guard let queueChanged else { return refreshQueue(&state) }
        guard let operations = queueOperations(state), !state.cruscotto.counterQueue.refreshing else { return [] }
        let due = state.cruscotto.counterQueue.lastRead.map { now.timeIntervalSince($0) >= Self.queueReadInterval } ?? true
        state.cruscotto.counterQueue.refreshing = true
        let generation = state.cruscotto.counterQueue.generation
        return [.run {
            if !due, await !queueChanged() { return .queue(.unchanged) }
            return .queue(await operations.refresh(generation: generation))
        }]
    }

    func receiveQueue(_ message: CounterQueueMessage, on state: inout State) -> [AppEffect<Message>] {
        switch message {
        case let .refreshed(configuration, status, held, generation, offline):
            state.cruscotto.counterQueue.refreshing = false
            state.cruscotto.counterQueue.configuration = configuration
            state.cruscotto.counterQueue.status = status
            state.cruscotto.counterQueue.lastRead = status.at
            state.cruscotto.counterQueue.problem = nil
            state.cruscotto.counterQueue.offline = offline
            state.cruscotto.counterQueue.workingOffline = false
            let queue = state.cruscotto.counterQueue
            guard generation == queue.generation, !queue.working, state.session != nil else { return [] }
            if held == nil, let lost = queue.current, state.message?.kind != .error {
                // Closed elsewhere (end of the office day, a command): say so, keep nothing stale
                // (a refusal just shown says it better).
                state.message = .warning("Il biglietto \(lost.ticket.displayNumber) non è più a questo sportello.")
            }
            state.cruscotto.counterQueue.current = held
            return resolveLinkedCitizen(&state)
        case let .refreshedOffline(snapshot, problem, generation):
            state.cruscotto.counterQueue.refreshing = false
            state.cruscotto.counterQueue.problem = problem
            state.cruscotto.counterQueue.offline = snapshot
            state.cruscotto.counterQueue.workingOffline = true
            if let configuration = snapshot.configuration { state.cruscotto.counterQueue.configuration = configuration }
            let queue = state.cruscotto.counterQueue
            guard generation == queue.generation, !queue.working, state.session != nil else { return [] }
            // A central ticket held when the connection went stays on screen (it is still
            // the counter's); otherwise the offline ticket held here.
            if queue.current == nil || queue.current?.ticket.isOffline == true {
                state.cruscotto.counterQueue.current = snapshot.held
            }
            return []
        case .unchanged:
            state.cruscotto.counterQueue.refreshing = false
            return []
        case .refreshFailed(let reason):
            state.cruscotto.counterQueue.refreshing = false
            state.cruscotto.counterQueue.problem = reason
            return []
        case let .done(current, message):
            state.cruscotto.counterQueue.working = false
            state.cruscotto.counterQueue.current = current
            state.message = message
            return refreshAfterOwnOperation(&state) + resolveLinkedCitizen(&state)
        case let .contactMatches(text, rows):
            guard var dialog = state.cruscotto.counterQueue.dialog, var picker = dialog.picker,
                  dialog.value(of: QueueDialog.contactLabel) == text, picker.picked == nil else { return [] }
            picker.results = rows
            picker.answered = text
            picker.selected = 0
            dialog.picker = picker
            state.cruscotto.counterQueue.dialog = dialog
            return []
        case let .citizen(id, name):
            state.cruscotto.counterQueue.resolving.remove(id)
            state.cruscotto.counterQueue.citizenNames[id] = name ?? "contatto \(id) (non in questa anagrafe)"
            return []
        case .dayClosed(let report):
            state.cruscotto.counterQueue.working = false
            state.cruscotto.counterQueue.dialog = QueueDialog(
                kind: .dayClosed, fields: [],
                notes: Self.dayClosedNotes(report, configuration: state.cruscotto.counterQueue.configuration))
            let count = report.closedCount
            state.message = .ok("Giornata chiusa: \(count) \(count == 1 ? "biglietto chiuso" : "biglietti chiusi") a fine giornata.")
            return refreshAfterOwnOperation(&state)
        case .noted(let message):
            state.cruscotto.counterQueue.working = false
            state.message = message
            return refreshAfterOwnOperation(&state)
        case .failed(let reason):
            // Nothing changed centrally; the next read shows the truth (e.g. after a stale token).
            state.cruscotto.counterQueue.working = false
            state.message = .error(reason)
            return [.bell] + refreshAfterOwnOperation(&state)
        case .background(let problem):
            if let problem { state.message = .warning("Coda: \(problem)") }
            return refreshAfterOwnOperation(&state)
        }
    }

    /// Looks up the name of the citizen linked to the held ticket (linked at the accoglienza
    /// or at another counter), once.
    private func resolveLinkedCitizen(_ state: inout State) -> [AppEffect<Message>] {
        let queue = state.cruscotto.counterQueue
        guard let raw = queue.current?.ticket.contactID, queue.citizenNames[raw] == nil, !queue.resolving.contains(raw),
              let contacts, let id = ContactID(raw),
              let context = accessContext(state, ticketAccess(state, for: id) ?? ContactAccess(purpose: .service))
        else { return [] }
        state.cruscotto.counterQueue.resolving.insert(raw)
        return [.run {
            let row = try? await contacts.row(id, context: context)
            return .queue(.citizen(id: raw, name: row?.displayName))
        }]
    }

    private func refreshAfterOwnOperation(_ state: inout State) -> [AppEffect<Message>] {
        // A read already running may predate the operation: start a fresh one after it.
        state.cruscotto.counterQueue.refreshing = false
        state.cruscotto.counterQueue.generation += 1
        return refreshQueue(&state)
    }

    // MARK: - Session hooks

    func queueAfterLogin(_ state: inout State) -> [AppEffect<Message>] {
        guard let operations = queueOperations(state) else { return [] }
        return [.run { .queue(.background(problem: await operations.signIn())) }]
    }

    func queueOnLock(_ state: inout State) -> [AppEffect<Message>] {
        guard let operations = queueOperations(state), let counter = state.station.counter else { return [] }
        state.cruscotto.counterQueue.dialog = nil
        guard !state.cruscotto.counterQueue.isPaused(counter: counter) else {
            state.cruscotto.counterQueue.lockPaused = false
            return []
        }
        state.cruscotto.counterQueue.lockPaused = true
        return [.run { .queue(.background(problem: await operations.lockPause())) }]
    }

    func queueOnUnlock(_ state: inout State) -> [AppEffect<Message>] {
        guard let operations = queueOperations(state), state.cruscotto.counterQueue.lockPaused else { return [] }
        state.cruscotto.counterQueue.lockPaused = false
        return [.run { .queue(.background(problem: await operations.unlockResume())) }]
    }

    /// Run before the session's fields are cleared: the operator leaves the counter.
    func queueBeforeLogout(_ state: State) -> (@Sendable () async -> String?)? {
        guard let operations = queueOperations(state) else { return nil }
        return { await operations.signOut() }
    }
}
