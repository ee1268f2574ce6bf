import CruscottoModel
import Foundation
import LocalStore
import Logging

/// `sportello-tui totem`: the ticket dispenser at the entrance. One key per service with its
/// live wait, an optional priority category, the ticket in large block digits with people
/// ahead and the estimate (printed when a printer is configured, always shown), then back to
/// the menu. Leaving needs an operator's password.
public struct TotemProgram: AppProgram {
    public typealias State = TotemState
    public typealias Message = TotemMessage

    public static let screen = "totem"
    public static let chooseActions = (1...9).map { "totem.choose_\($0)" }
    public static let priorityAction = "totem.priority"

    public let settings: TotemSettings
    public let source: LiveQueueSource
    public let printer: TicketPrinter?
    public let authenticator: any KioskAuthenticator
    public let clock: any StationClock
    /// What the totem waits for before re-reading the queue; nil: a look at every tick.
    public let wakeups: QueueWakeups?
    let logger = Logger(label: "sportello.totem")

    public init(settings: TotemSettings, source: LiveQueueSource, printer: TicketPrinter?,
                authenticator: any KioskAuthenticator, clock: any StationClock, wakeups: QueueWakeups? = nil) {
        self.wakeups = wakeups
        self.settings = settings
        self.source = source
        self.printer = printer
        self.authenticator = authenticator
        self.clock = clock
    }

    public func screenName(of state: TotemState) -> String { Self.screen }

    public func enabledActions(in state: TotemState) -> Set<String> {
        switch state.page {
        case .exit:
            return ["app.confirm", "app.cancel", "focus.next", "focus.previous"]
        case .priority:
            return Set(Self.chooseActions.prefix(state.priorityChoices.count)).union(["app.cancel", "app.exit"])
        case .menu, .ticket:
            var actions = Set(Self.chooseActions.prefix(state.services.count)).union(["app.exit", "app.cancel"])
            if !state.priorityChoices.isEmpty { actions.insert(Self.priorityAction) }
            return actions
        }
    }

    public func acceptsKey(_ key: Key, in state: TotemState) -> Bool {
        if case .exit = state.page { return KioskExitPrompt.accepts(key) }
        return false
    }

    /// Citizens press whatever they like: no beeps at the entrance.
    public func bellsOnUnusableKey(in state: TotemState) -> Bool { false }

    public func update(_ state: inout TotemState, _ msg: AppMsg<TotemMessage>) -> [AppEffect<TotemMessage>] {
        switch msg {
        case .tick(let now):
            return tick(&state, now: now)
        case .resize:
            return []
        case .terminate:
            logger.info("totem chiuso dal sistema")
            return [.quit]
        case .key(let key):
            if case .exit(var prompt, _) = state.page, prompt.type(key) {
                prompt.message = nil
                state.page = .exit(prompt, since: clock.now())
            }
            return []
        case .action(let action):
            return perform(action, &state)
        case .message(let message):
            return receive(message, &state)
        }
    }

    // MARK: - Ticks and polls

    private func tick(_ state: inout TotemState, now: Date) -> [AppEffect<TotemMessage>] {
        state.live.age(at: now)
        if let notice = state.citizenNotice, now >= notice.until { state.citizenNotice = nil }
        switch state.page {
        case .ticket(_, let until) where now >= until:
            state.page = .menu
            state.priority = nil
        case .exit(let prompt, let since) where !prompt.checking && now.timeIntervalSince(since) >= settings.promptSeconds:
            state.page = .menu
        default:
            break
        }
        return wakeups == nil ? pollIfDue(&state, now: now) : []
    }

    func pollIfDue(_ state: inout TotemState, now: Date) -> [AppEffect<TotemMessage>] {
        look(&state, forced: false)
    }

    /// A look at the queue unless one is under way (`LiveQueue.startLook`).
    func look(_ state: inout TotemState, forced: Bool) -> [AppEffect<TotemMessage>] {
        guard let force = state.live.startLook(forced: forced) else { return [] }
        let source = self.source, position = state.live.position
        return [.run { .polled(await source.poll(after: position, force: force)) }]
    }

    /// With wake-ups, the totem waits for them off the loop for as long as it runs.
    public func subscriptions(in state: TotemState) -> [AppSubscription<TotemMessage>] {
        guard let wakeups else { return [] }
        return [AppSubscription(id: "queue.wake") { .woke(await wakeups.next()) }]
    }

    // MARK: - Actions

    private func perform(_ action: String, _ state: inout TotemState) -> [AppEffect<TotemMessage>] {
        let now = clock.now()
        if case .exit(var prompt, _) = state.page {
            switch action {
            case "app.cancel":
                state.page = .menu
            case "focus.next", "focus.previous":
                prompt.focus = 1 - prompt.focus
                state.page = .exit(prompt, since: now)
            case "app.confirm":
                guard !prompt.checking else { return [] }
                if prompt.focus == 0 {
                    prompt.focus = 1
                    state.page = .exit(prompt, since: now)
                    return []
                }
                let username = prompt.username.trimmingCharacters(in: .whitespaces)
                let password = prompt.password
                prompt.checking = true
                prompt.password = ""
                state.page = .exit(prompt, since: now)
                let authenticator = self.authenticator
                return [.run {
                    .authenticated(await authenticator.authenticate(username: username, password: password), username: username)
                }]
            default:
                break
            }
            return []
        }
        switch action {
        case "app.exit":
            state.page = .exit(KioskExitPrompt(), since: now)
        case "app.cancel":
            state.page = .menu
            state.priority = nil
        case Self.priorityAction:
            state.page = .priority
        default:
            guard let index = Self.chooseActions.firstIndex(of: action) else { return [] }
            if state.page == .priority {
                guard index < state.priorityChoices.count else { return [] }
                state.priority = state.priorityChoices[index]
                state.page = .menu
                return []
            }
            guard index < state.services.count else { return [] }
            return issue(state.services[index], &state, now: now)
        }
        return []
    }

    private func issue(_ service: Service, _ state: inout TotemState, now: Date) -> [AppEffect<TotemMessage>] {
        guard !state.issuing else { return [] }
        if settings.appointmentOnly.contains(service.code) {
            state.citizenNotice = .init(text: "\(service.name): solo su appuntamento. Rivolgetevi all'accoglienza.",
                                        until: now.addingTimeInterval(settings.ticketSeconds))
            return []
        }
        if !service.isOpen(at: now) {
            state.citizenNotice = .init(text: service.closedMessage + ".", until: now.addingTimeInterval(settings.ticketSeconds))
            return []
        }
        state.issuing = true
        state.citizenNotice = nil
        let request = IssueRequest(serviceCode: service.code, priority: state.priority?.code,
                                   estimateBasis: state.live.basis(for: service.code, at: now))
        let priorityName = state.priority?.name
        let source = self.source
        return [.run {
            do {
                return .issued(try await source.issue(request), serviceName: service.name, priorityName: priorityName)
            } catch {
                return .issueFailed(String(describing: error))
            }
        }]
    }

    // MARK: - Effect results

    private func receive(_ message: TotemMessage, _ state: inout TotemState) -> [AppEffect<TotemMessage>] {
        let now = clock.now()
        switch message {
        case .polled(let poll):
            let wasLive = state.live.connection.isLive
            state.live.apply(poll)
            if wasLive, case .lost(_, let reason) = state.live.connection {
                logger.error("collegamento con la centrale interrotto", metadata: ["motivo": "\(reason)"])
            } else if !wasLive, state.live.connection.isLive {
                logger.info("collegamento con la centrale attivo")
            }
            return state.live.wantsLook ? look(&state, forced: false) : []
        case .woke(let wake):
            return look(&state, forced: wake.changed)
        case let .issued(ticket, serviceName, priorityName):
            state.issuing = false
            let shown = TotemTicket(
                number: ticket.number.display, serviceName: serviceName, priorityName: priorityName,
                peopleAhead: ticket.peopleAheadAtIssue ?? 0, estimatedMinutes: ticket.estimatedWaitMinutes,
                issuedAt: ticket.arrival, printing: printer == nil ? .screenOnly : .printing)
            state.page = .ticket(shown, until: now.addingTimeInterval(settings.ticketSeconds))
            state.priority = nil
            logger.info("biglietto emesso", metadata: [
                "numero": "\(shown.number)", "servizio": "\(ticket.serviceCode)",
                "persone_prima": "\(shown.peopleAhead)", "stima_minuti": "\(shown.estimatedMinutes.map(String.init) ?? "-")",
            ])
            guard let printer else { return [] }
            let printout = TicketPrintout(
                office: settings.officeName, number: shown.number, serviceName: serviceName,
                issuedAt: ticket.arrival, peopleAhead: shown.peopleAhead, estimatedMinutes: shown.estimatedMinutes,
                priorityName: priorityName)
            let number = shown.number
            return [.run {
                do {
                    try await printer.print(printout.text)
                    return .printed(number: number, failure: nil)
                } catch let failure as TicketPrintFailure {
                    return .printed(number: number, failure: failure.message)
                } catch {
                    return .printed(number: number, failure: String(describing: error))
                }
            }]
        case .issueFailed(let reason):
            state.issuing = false
            logger.error("emissione del biglietto non riuscita", metadata: ["motivo": "\(reason)"])
            state.citizenNotice = .init(text: "Biglietto non emesso: \(reason). Rivolgetevi all'accoglienza.",
                                        until: now.addingTimeInterval(settings.ticketSeconds))
            return []
        case let .printed(number, failure):
            if let failure {
                logger.error("stampa del biglietto non riuscita", metadata: ["numero": "\(number)", "motivo": "\(failure)"])
                state.staffNotice = "Stampante: \(failure) (biglietto \(number) mostrato solo a schermo)"
            } else {
                state.staffNotice = nil
            }
            if case .ticket(var ticket, let until) = state.page, ticket.number == number {
                ticket.printing = failure.map { .failed($0) } ?? .printed
                state.page = .ticket(ticket, until: until)
            }
            return []
        case let .authenticated(result, username):
            guard case .exit(var prompt, _) = state.page else { return [] }
            prompt.checking = false
            if case .authenticated = result {
                logger.notice("totem chiuso dall'operatore", metadata: ["operatore": "\(username)"])
                return [.quit]
            }
            logger.warning("uscita dal totem rifiutata", metadata: ["operatore": "\(username)"])
            prompt.message = result.message
            state.page = .exit(prompt, since: now)
            return []
        }
    }
}
