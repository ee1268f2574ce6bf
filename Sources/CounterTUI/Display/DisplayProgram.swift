import CruscottoModel
import Foundation
import Logging

/// `sportello-tui display`: the waiting-room board. The newest call in large block digits
/// with its counter (highlighted, with a bell), the last calls, waiting counts and estimates
/// per service. It follows the central queue through `LiveQueueSource`, re-reading it when
/// its wake-ups say so (`QueueWakeups`: LISTEN/NOTIFY on PostgreSQL, the file's
/// `PRAGMA data_version` every 25 ms; without wake-ups, a look at every tick), and when it
/// loses contact says so instead of showing stale calls. Keys that mean nothing are ignored silently; leaving needs an
/// operator's password.
public struct DisplayProgram: AppProgram, Sendable {
    public typealias State = DisplayState
    public typealias Message = DisplayMessage

    public static let screen = "display"
    public static let highlightSeconds: TimeInterval = 30

    public let officeName: String
    public let source: LiveQueueSource
    public let authenticator: any KioskAuthenticator
    public let clock: any StationClock
    /// What the board waits for before re-reading; nil: a look at every tick.
    public let wakeups: QueueWakeups?
    /// Footer line for the citizens.
    public let footer: String
    let logger = Logger(label: "sportello.display")

    public init(officeName: String, source: LiveQueueSource, authenticator: any KioskAuthenticator,
                clock: any StationClock, footer: String = "Tenete il biglietto a portata di mano. Grazie.",
                wakeups: QueueWakeups? = nil) {
        self.wakeups = wakeups
        self.officeName = officeName
        self.source = source
        self.authenticator = authenticator
        self.clock = clock
        self.footer = footer
    }

    public func screenName(of state: DisplayState) -> String { Self.screen }

    public func enabledActions(in state: DisplayState) -> Set<String> {
        state.prompt == nil ? ["app.exit"] : ["app.confirm", "app.cancel", "focus.next", "focus.previous"]
    }

    public func acceptsKey(_ key: Key, in state: DisplayState) -> Bool {
        state.prompt != nil && KioskExitPrompt.accepts(key)
    }

    /// A board in a waiting room never beeps at keys: the bell means a call.
    public func bellsOnUnusableKey(in state: DisplayState) -> Bool { false }

    public func update(_ state: inout DisplayState, _ msg: AppMsg<DisplayMessage>) -> [AppEffect<DisplayMessage>] {
        switch msg {
        case .tick(let now):
            state.live.age(at: now)
            if let until = state.highlightUntil, now >= until { state.highlightUntil = nil }
            if state.prompt?.checking == false, let since = state.promptSince, now.timeIntervalSince(since) >= 60 {
                state.prompt = nil
            }
            return wakeups == nil ? pollIfDue(&state, now: now) : []
        case .message(.woke(let wake)):
            return look(&state, forced: wake.changed)
        case .resize:
            return []
        case .terminate:
            logger.info("tabellone chiuso dal sistema")
            return [.quit]
        case .key(let key):
            if var prompt = state.prompt, prompt.type(key) {
                prompt.message = nil
                state.prompt = prompt
                state.promptSince = clock.now()
            }
            return []
        case .action(let action):
            return perform(action, &state)
        case .message(.polled(let poll)):
            let wasLive = state.live.connection.isLive
            let news = state.live.apply(poll)
            if wasLive, case .lost(_, let reason) = state.live.connection {
                logger.error("collegamento con la centrale interrotto", metadata: ["motivo": "\(reason)"])
            } else if !wasLive, state.live.connection.isLive {
                logger.info("collegamento con la centrale attivo")
            }
            var effects: [AppEffect<DisplayMessage>] = []
            if !news.isEmpty {
                state.highlightUntil = clock.now().addingTimeInterval(Self.highlightSeconds)
                effects.append(.bell)
            }
            if state.live.wantsLook { effects += look(&state, forced: false) }
            return effects
        case let .message(.authenticated(result, username)):
            guard var prompt = state.prompt else { return [] }
            prompt.checking = false
            if case .authenticated = result {
                logger.notice("tabellone chiuso dall'operatore", metadata: ["operatore": "\(username)"])
                return [.quit]
            }
            logger.warning("uscita dal tabellone rifiutata", metadata: ["operatore": "\(username)"])
            prompt.message = result.message
            state.prompt = prompt
            state.promptSince = clock.now()
            return []
        }
    }

    func pollIfDue(_ state: inout DisplayState, now: Date) -> [AppEffect<DisplayMessage>] {
        look(&state, forced: false)
    }

    /// A look at the queue unless one is under way (`LiveQueue.startLook`).
    func look(_ state: inout DisplayState, forced: Bool) -> [AppEffect<DisplayMessage>] {
        guard let force = state.live.startLook(forced: forced) else { return [] }
        let source = self.source, position = state.live.position
        return [.run { .polled(await source.poll(after: position, force: force)) }]
    }

    /// With wake-ups, the board waits for them off the loop for as long as it runs.
    public func subscriptions(in state: DisplayState) -> [AppSubscription<DisplayMessage>] {
        guard let wakeups else { return [] }
        return [AppSubscription(id: "queue.wake") { .woke(await wakeups.next()) }]
    }

    private func perform(_ action: String, _ state: inout DisplayState) -> [AppEffect<DisplayMessage>] {
        let now = clock.now()
        guard var prompt = state.prompt else {
            if action == "app.exit" {
                state.prompt = KioskExitPrompt()
                state.promptSince = now
            }
            return []
        }
        switch action {
        case "app.cancel":
            state.prompt = nil
        case "focus.next", "focus.previous":
            prompt.focus = 1 - prompt.focus
            state.prompt = prompt
        case "app.confirm":
            guard !prompt.checking else { return [] }
            if prompt.focus == 0 {
                prompt.focus = 1
                state.prompt = prompt
                return []
            }
            let username = prompt.username.trimmingCharacters(in: .whitespaces)
            let password = prompt.password
            prompt.checking = true
            prompt.password = ""
            state.prompt = prompt
            let authenticator = self.authenticator
            return [.run {
                .authenticated(await authenticator.authenticate(username: username, password: password), username: username)
            }]
        default:
            break
        }
        state.promptSince = now
        return []
    }
}
