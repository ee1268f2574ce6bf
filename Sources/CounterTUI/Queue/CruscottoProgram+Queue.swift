import CruscottoModel
import Foundation

/// The queue at the counter, plugged into the cruscotto: which queue keys work now, what they
/// do (always through effects on `QueueBackend`), the dialogs, and the session hooks (sign in
/// at login, automatic pause while locked, sign out at logout).
extension CruscottoProgram {
    /// The queue is in use when the station is a counter and a central backend was given.
    func queueOperations(_ state: State) -> QueueOperations? {
        guard let queue, let counter = state.station.counter, let session = state.session else { return nil }
        return QueueOperations(backend: queue, counter: counter, operatorID: session.username)
    }

    /// The queue actions that work now (the function-key bar shows only these).
    func queueEnabledActions(_ state: State) -> Set<String> {
        guard queueOperations(state) != nil, let counter = state.station.counter else { return [] }
        let queue = state.cruscotto.counterQueue
        if queue.dialog != nil { return QueueActionName.dialogActions }
        if queue.working || queue.configuration == nil { return [] }
        if queue.isPaused(counter: counter) { return [QueueActionName.pause, QueueActionName.issue] }
        guard let current = queue.current else {
            return [QueueActionName.callNext, QueueActionName.callNumber, QueueActionName.pause, QueueActionName.issue]
        }
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
        return actions
    }

    /// Every queue action of the screen, for the help overlay.
    func queueScreenActions(_ state: State) -> Set<String> {
        queueOperations(state) == nil ? [] : QueueActionName.all
    }

    func queueDialogOpen(_ state: State) -> Bool { state.cruscotto.counterQueue.dialog != nil }

    /// Typing into the dialog's text field, or Left/Right on a choice.
    func queueAcceptsKey(_ key: Key, in state: State) -> Bool {
        guard let dialog = state.cruscotto.counterQueue.dialog else { return false }
        if dialog.focusedField.isText { return TextEditor.edits(key) }
        return key == .left || key == .right
    }

    func queueEdit(_ key: Key, on state: inout State) -> [AppEffect<Message>] {
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
        guard QueueActionName.all.contains(action) else { return nil }
        let queue = state.cruscotto.counterQueue
        let current = queue.current
        switch action {
        case QueueActionName.callNext:
            return run(&state) { await operations.callNext() }
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
            state.cruscotto.counterQueue.dialog = .close(configuration: configuration)
        case QueueActionName.pause:
            if queue.isPaused(counter: operations.counter) {
                state.cruscotto.counterQueue.lockPaused = false
                return run(&state) { await operations.resume() }
            }
            state.cruscotto.counterQueue.dialog = .pause()
        case QueueActionName.issue:
            guard let configuration = queue.configuration else { return [.bell] }
            state.cruscotto.counterQueue.dialog = .issue(configuration: configuration)
        default:
            return nil
        }
        if let dialog = state.cruscotto.counterQueue.dialog {
            state.message = .info(dialog.title + ": " + dialog.hint + ".")
        }
        return []
    }

    private func performOnQueueDialog(_ action: String, _ operations: QueueOperations, on state: inout State) -> [AppEffect<Message>] {
        guard var dialog = state.cruscotto.counterQueue.dialog else { return [] }
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
            if !dialog.withFocused({ $0.cycle(step) }) {
                if step < 0 { dialog.focusPrevious() } else { dialog.focusNext() }
            }
        case "app.confirm":
            return submitQueueDialog(dialog, operations, on: &state)
        default:
            return [.bell]
        }
        state.cruscotto.counterQueue.dialog = dialog
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
            guard let current else { return closeDialog(&state) }
            let outcome = dialog.value(0)
            let procedures = dialog.value(1).split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
            state.cruscotto.counterQueue.dialog = nil
            return run(&state) {
                await operations.transition(current, .close(outcome: outcome, procedures: procedures, contactID: current.ticket.contactID))
            }
        case .pause:
            let reason = QueueDialog.pauseReasons.first { $0.0 == dialog.value(0) }?.1 ?? .rest
            state.cruscotto.counterQueue.dialog = nil
            return run(&state) { await operations.pause(reason) }
        case .issue:
            let phone = dialog.value(2)
            if !phone.isEmpty, !Self.isPlausiblePhone(phone) {
                dialog.reject(field: 2, "telefono non valido")
                state.cruscotto.counterQueue.dialog = dialog
                state.message = .error("Telefono non valido: solo cifre, spazi e un + iniziale (almeno 6 cifre).")
                return [.bell]
            }
            let priority = dialog.value(1)
            let request = IssueRequest(serviceCode: dialog.value(0), priority: priority.isEmpty ? nil : priority,
                                       phone: phone.isEmpty ? nil : phone, counter: operations.counter,
                                       operatorID: operations.operatorID)
            state.cruscotto.counterQueue.dialog = nil
            return run(&state) { await operations.issue(request) }
        }
    }

    static func isPlausiblePhone(_ text: String) -> Bool {
        let body = text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        let digits = body.filter(\.isNumber)
        return body.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == " " } && (6...15).contains(digits.count)
    }

    private func closeDialog(_ state: inout State) -> [AppEffect<Message>] {
        state.cruscotto.counterQueue.dialog = nil
        return [.bell]
    }

    /// Runs an own operation: queue keys wait until its answer, and a status read started
    /// before it no longer decides which ticket this counter holds.
    private func run(_ state: inout State, _ work: @escaping @Sendable () async -> CounterQueueMessage) -> [AppEffect<Message>] {
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
        case let .refreshed(configuration, status, held, generation):
            state.cruscotto.counterQueue.refreshing = false
            state.cruscotto.counterQueue.configuration = configuration
            state.cruscotto.counterQueue.status = status
            state.cruscotto.counterQueue.lastRead = status.at
            state.cruscotto.counterQueue.problem = nil
            let queue = state.cruscotto.counterQueue
            guard generation == queue.generation, !queue.working, state.session != nil else { return [] }
            if held == nil, let lost = queue.current, state.message?.kind != .error {
                // Closed elsewhere (end of the office day, a command): say so, keep nothing stale
                // (a refusal just shown says it better).
                state.message = .warning("Il biglietto \(lost.ticket.number.display) non è più a questo sportello.")
            }
            state.cruscotto.counterQueue.current = held
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
