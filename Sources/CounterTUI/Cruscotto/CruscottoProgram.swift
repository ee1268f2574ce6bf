import CruscottoModel
import Foundation
import LocalStore

/// The interactive station (`sportello-tui`, default mode): login, the cruscotto, the lock
/// screen (manual with Ctrl-L, or after the configured idle minutes, measured on the clock's
/// ticks), logout and a confirmed exit. Password checks and session records run as effects,
/// off the loop, through `SessionService`.
public struct CruscottoProgram: AppProgram {
    public typealias State = CruscottoAppState
    public typealias Message = CruscottoMessage

    public static let loginScreen = "login"
    public static let lockScreen = "lock"
    public static let cruscottoScreen = "cruscotto"
    /// Seconds between automatic checks of the central database.
    public static let centralCheckInterval: TimeInterval = 60
    /// Seconds between background syncs (`SPORTELLO_SYNC_SECONDS`, default 5).
    public static let syncInterval: TimeInterval =
        ProcessInfo.processInfo.environment["SPORTELLO_SYNC_SECONDS"].flatMap(TimeInterval.init).map { max(1, $0) } ?? 5

    /// The actions each screen uses; help lists only these keys.
    public static let loginActions: Set<String> = ["app.help", "app.exit", "app.confirm", "focus.next", "focus.previous", "list.up", "list.down"]
    public static let lockActions: Set<String> = ["app.help", "app.confirm", "app.cancel", "session.switch_operator"]
    public static let cruscottoActions: Set<String> = ["app.help", "app.exit", "app.refresh", "focus.next", "focus.previous", "session.lock", "session.logout"]

    public let service: any SessionService
    /// The contact registry (nil: the station has none, the search says so).
    public let contacts: (any ContactDirectory)?
    /// The office queue (the central backend) for a counter station; nil: no queue here.
    public let queue: (any QueueBackend)?
    /// Says whether the central queue changed since the last ask (a `PRAGMA data_version`
    /// watch on the central file); nil: the queue is re-read at every tick.
    public let queueChanged: (@Sendable () async -> Bool)?
    /// The station's offline queue (its reserved numbers), used while the central queue cannot
    /// be read; nil: none here.
    public let offline: OfflineTicketDesk?
    /// The central queue's wake-ups: the queue panel re-reads when one comes, and a reconnect
    /// of the wake-up connection triggers a sync at once (CruscottoProgram+Wakeups.swift).
    public var queueWakeups: QueueWakeups?
    public let clock: any StationClock
    /// Waits the given seconds before a throttled attempt (tests pass one that returns at once).
    public let pause: @Sendable (Int) async -> Void

    public init(service: any SessionService, clock: any StationClock, contacts: (any ContactDirectory)? = nil,
                queue: (any QueueBackend)? = nil, queueChanged: (@Sendable () async -> Bool)? = nil,
                offline: OfflineTicketDesk? = nil,
                pause: @escaping @Sendable (Int) async -> Void = { seconds in try? await Task.sleep(nanoseconds: UInt64(seconds) * 1_000_000_000) }) {
        self.service = service
        self.contacts = contacts
        self.queue = queue
        self.queueChanged = queueChanged
        self.offline = offline
        self.clock = clock
        self.pause = pause
    }

    public func screenName(of state: State) -> String {
        switch state.mode {
        case .login: Self.loginScreen
        case .locked: Self.lockScreen
        case .cruscotto: state.cruscotto.contacts.screenName ?? Self.cruscottoScreen
        }
    }

    /// The actions of the screen under any overlay.
    func screenActions(_ state: State) -> Set<String> {
        switch state.mode {
        case .login: return Self.loginActions
        case .locked: return Self.lockActions
        case .cruscotto:
            if state.cruscotto.contacts.isActive { return contactsActions(state) }
            return Self.cruscottoActions.union(state.cruscotto.panel(state.cruscotto.focus.focused).enabledActions)
                .union(contacts == nil ? [] : ["contacts.search"])
                .union(queueScreenActions(state))
        }
    }

    public func enabledActions(in state: State) -> Set<String> {
        if state.quitting { return [] }
        switch state.overlay {
        case .help: return ["app.cancel", "app.help", "app.confirm", "app.exit"]
        case .confirmExit, .confirmSwitchOperator: return ["app.confirm", "app.cancel"]
        case nil: break
        }
        switch state.mode {
        case .login: return state.login.verifying ? [] : Self.loginActions
        case .locked(let lock): return lock.verifying ? [] : Self.lockActions
        case .cruscotto:
            if state.cruscotto.contacts.isActive { return contactsActions(state) }
            if queueDialogOpen(state) { return queueEnabledActions(state) }
            return Self.cruscottoActions.union(state.cruscotto.panel(state.cruscotto.focus.focused).enabledActions)
                .union(contacts == nil ? [] : ["contacts.search"])
                .union(queueEnabledActions(state))
        }
    }

    public func acceptsKey(_ key: Key, in state: State) -> Bool {
        guard state.overlay == nil, !state.quitting, TextEditor.edits(key) else { return false }
        switch state.mode {
        case .login: return !state.login.verifying
        case .locked(let lock): return !lock.verifying
        case .cruscotto:
            if state.cruscotto.contacts.isActive { return contactsAcceptsKey(key, state) }
            return queueAcceptsKey(key, in: state)
        }
    }

    public func update(_ state: inout State, _ msg: AppMsg<Message>) -> [AppEffect<Message>] {
        switch msg {
        case .action(let action):
            state.lastActivity = clock.now()
            return perform(action, on: &state)
        case .key(let key):
            state.lastActivity = clock.now()
            if case .cruscotto = state.mode, !state.cruscotto.contacts.isActive { return queueEdit(key, on: &state) }
            return edit(key, on: &state)
        case .tick(let now):
            return tick(now, on: &state)
        case .resize(let size):
            state.size = size
            return []
        case .terminate:
            return leave(&state)
        case .message(let message):
            return receive(message, on: &state)
        }
    }

    // MARK: - Actions

    private func perform(_ action: String, on state: inout State) -> [AppEffect<Message>] {
        if let overlay = state.overlay { return performOnOverlay(overlay, action, on: &state) }
        if action == "app.help" {
            state.overlay = .help
            state.messageBeforeHelp = state.message
            state.message = .info(helpLine(state))
            return []
        }
        switch state.mode {
        case .login: return performOnLogin(action, on: &state)
        case .locked: return performOnLock(action, on: &state)
        case .cruscotto: return performOnCruscotto(action, on: &state)
        }
    }

    private func performOnOverlay(_ overlay: State.Overlay, _ action: String, on state: inout State) -> [AppEffect<Message>] {
        switch (overlay, action) {
        case (.help, _):
            state.overlay = nil
            state.message = state.messageBeforeHelp
            return []
        case (.confirmExit, "app.confirm"):
            state.overlay = nil
            return leave(&state)
        case (.confirmSwitchOperator, "app.confirm"):
            state.overlay = nil
            let name = state.session?.fullName ?? ""
            let effects = endSession(&state)
            state.message = .ok("Sessione di \(name) chiusa: può accedere un altro operatore.")
            return effects
        case (.confirmExit, _):
            state.overlay = nil
            state.message = .info("Uscita annullata.")
            return []
        case (.confirmSwitchOperator, _):
            state.overlay = nil
            state.message = .info("La sessione resta bloccata.")
            return []
        }
    }

    private func performOnCruscotto(_ action: String, on state: inout State) -> [AppEffect<Message>] {
        if state.cruscotto.contacts.isActive { return performOnContacts(action, on: &state) }
        // An open queue dialog takes every key (Tab moves between its fields).
        if queueDialogOpen(state), let effects = performQueue(action, on: &state) { return effects }
        switch action {
        case "contacts.search":
            return openContactSearch(&state)
        case "app.exit":
            state.overlay = .confirmExit
            return []
        case "session.lock":
            return lockSession(&state, reason: .manual, at: clock.now())
        case "session.logout":
            let name = state.session?.fullName ?? ""
            let effects = endSession(&state)
            state.message = .ok("Sessione di \(name) chiusa.")
            return effects
        case "focus.next":
            state.cruscotto.focus.next()
            return []
        case "focus.previous":
            state.cruscotto.focus.previous()
            return []
        case "app.refresh":
            state.message = .info("Verifica del database centrale in corso…")
            return checkCentral(&state, requested: true) + refreshQueue(&state)
        default:
            if let effects = performQueue(action, on: &state) { return effects }
            if let message = state.cruscotto.performOnFocused(action) { state.message = message }
            return []
        }
    }

    /// Ends the program: a session still open is closed (recorded) first.
    private func leave(_ state: inout State) -> [AppEffect<Message>] {
        // Already leaving (e.g. SIGHUP after SIGTERM): the logout is on its way.
        if state.quitting { return [] }
        guard let session = state.session else { return [.quit] }
        state.quitting = true
        state.message = .info("Chiusura della sessione…")
        let service = self.service
        let signOut = queueBeforeLogout(state)
        return [.run {
            _ = await signOut?()
            return .readyToQuit(problem: await service.record(.logout, operator: session.username))
        }]
    }

    /// Closes the session (logout recorded) and goes back to an empty login.
    func endSession(_ state: inout State) -> [AppEffect<Message>] {
        guard let session = state.session else { return [] }
        let signOut = queueBeforeLogout(state)
        state.session = nil
        state.sessionStart = nil
        state.mode = .login
        state.overlay = nil
        state.login.clear()
        state.cruscotto = CruscottoState()
        guard let signOut else { return [record(.logout, session)] }
        return [record(.logout, session), .run { .queue(.background(problem: await signOut())) }]
    }

    func lockSession(_ state: inout State, reason: LockState.Reason, at now: Date) -> [AppEffect<Message>] {
        guard let session = state.session else { return [] }
        state.overlay = nil
        state.mode = .locked(LockState(lockedOperator: session, lockedAt: now, reason: reason))
        switch reason {
        case .manual:
            state.message = .info("Postazione bloccata.")
        case .idle(let minutes):
            state.message = .info("Postazione bloccata dopo \(minutes) \(minutes == 1 ? "minuto" : "minuti") senza attività.")
        }
        return [record(.lock, session)] + queueOnLock(&state)
    }

    func record(_ event: SessionRecord, _ session: SessionOperator) -> AppEffect<Message> {
        let service = self.service
        return .run { .recorded(event, problem: await service.record(event, operator: session.username)) }
    }

    // MARK: - Clock

    private func tick(_ now: Date, on state: inout State) -> [AppEffect<Message>] {
        var effects: [AppEffect<Message>] = []
        if case .cruscotto = state.mode, state.session != nil, !state.quitting {
            let limit = TimeInterval(state.station.idleLockMinutes * 60)
            if now.timeIntervalSince(state.lastActivity) >= limit {
                effects += lockSession(&state, reason: .idle(minutes: state.station.idleLockMinutes), at: now)
            }
        }
        if state.session != nil, !state.quitting { effects += refreshQueueOnTick(&state, now: now) }
        if !state.checkingCentral, now.timeIntervalSince(state.lastCentralCheck ?? .distantPast) >= Self.centralCheckInterval {
            effects += checkCentral(&state, requested: false)
        }
        if !state.syncing, now.timeIntervalSince(state.lastSync ?? .distantPast) >= Self.syncInterval {
            effects += startSync(&state)
        }
        return effects
    }

    /// One background sync (push, then pull), unless one is running: then, when asked to
    /// (the central database came back), one more right after it.
    func startSync(_ state: inout State, again: Bool = false) -> [AppEffect<Message>] {
        guard !state.syncing else {
            if again { state.syncAgain = true }
            return []
        }
        state.syncing = true
        state.syncAgain = false
        let service = self.service
        return [.run { .synced(await service.syncInBackground()) }]
    }

    /// Takes a new central state (from a check or a sync) and keeps since when it has been
    /// unreachable. Answers whether the central database just came back.
    func centralObserved(_ central: CentralState, on state: inout State) -> Bool {
        let wasUnreachable = state.central.isUnreachable
        if central.isUnreachable {
            if !wasUnreachable { state.centralLostAt = clock.now() }
        } else {
            state.centralLostAt = nil
        }
        state.central = central
        guard wasUnreachable, case .online = central else { return false }
        return true
    }

    private func checkCentral(_ state: inout State, requested: Bool) -> [AppEffect<Message>] {
        guard !state.checkingCentral else { return [] }
        state.checkingCentral = true
        state.centralCheckRequested = requested
        let service = self.service
        return [.run { .centralChecked(await service.checkCentral()) }]
    }

    // MARK: - Effect results

    private func receive(_ message: Message, on state: inout State) -> [AppEffect<Message>] {
        switch message {
        case .loginChecked(let outcome):
            return loginChecked(outcome, on: &state)
        case .unlockChecked(let outcome):
            return unlockChecked(outcome, on: &state)
        case .recorded(let event, let problem):
            if let problem {
                state.message = .warning("\(Self.eventName(event)) non registrato: \(problem)")
            }
            return []
        case .synced(let sync):
            state.syncing = false
            state.lastSync = clock.now()
            state.syncBlocked = sync.deadLetters
            state.outboxWaiting = sync.waiting
            var effects: [AppEffect<Message>] = []
            // A sync that reached the central database after it was unreachable has already
            // pushed and pulled: no second one is needed.
            if let reached = sync.reachedCentral, state.central != .localOnly, reached == state.central.isUnreachable {
                _ = centralObserved(reached ? .online(checkedAt: clock.now()) : .unreachable, on: &state)
            }
            if state.syncAgain { effects += startSync(&state) }
            return effects
        case .centralChecked(let central):
            // Back from unreachable, the station syncs at once: what was written offline goes
            // out first, then the others' changes come in.
            let effects = centralObserved(central, on: &state) ? startSync(&state, again: true) : []
            state.lastCentralCheck = clock.now()
            state.checkingCentral = false
            if state.centralCheckRequested {
                state.centralCheckRequested = false
                state.message = switch central {
                case .online: .ok("Database centrale raggiungibile.")
                case .unreachable: .warning("Database centrale non raggiungibile: si lavora sull'archivio locale.")
                case .localOnly: .info("Nessun database centrale in uso: si lavora sull'archivio locale.")
                }
            }
            return effects
        case .contacts(let result):
            return receiveContacts(result, on: &state)
        case .queue(let message):
            return receiveQueue(message, on: &state)
        case .queueWake(let wake):
            return receiveQueueWake(wake, on: &state)
        case .readyToQuit(let problem):
            if let problem { state.message = .warning("Uscita non registrata: \(problem)") }
            return [.quit]
        }
    }

    static func eventName(_ event: SessionRecord) -> String {
        switch event {
        case .lock: "Blocco"
        case .unlock: "Sblocco"
        case .logout: "Fine sessione"
        }
    }

    /// The line F1 puts on the message line: about the focused thing.
    private func helpLine(_ state: State) -> String {
        switch state.mode {
        case .login:
            return "Accesso: il proprio nome utente e la password personale."
        case .locked(let lock):
            return "Per sbloccare serve la password di \(lock.lockedOperator.fullName)."
        case .cruscotto:
            if state.cruscotto.contacts.isActive { return contactsHelpLine(state.cruscotto.contacts) }
            return state.cruscotto.panel(state.cruscotto.focus.focused).helpText
        }
    }
}
