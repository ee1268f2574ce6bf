import CruscottoModel
import Foundation

/// The app loop: turns terminal events into messages, runs `update`, performs effects outside
/// it, and draws `view` (or the small-terminal notice) after every message.
///
/// `handle(_:)` and `send(_:)` process one event or message synchronously, so tests step the loop by hand; `run()`
/// drives it from the terminal's events, effect results and clock ticks until `.quit`.
public final class AppRuntime<Program: AppProgram> {
    public let program: Program
    public private(set) var state: Program.State
    public let terminal: any Terminal
    public let bindings: any KeyBindings
    public let clock: any StationClock
    /// Seconds between ticks in `run()`; nil sends none (tests send `.tick` themselves).
    public let tickInterval: Double?
    public private(set) var isFinished = false

    private let mailbox: AsyncStream<RuntimeItem<Program.Message>>
    private let mailboxInput: AsyncStream<RuntimeItem<Program.Message>>.Continuation
    private var effectTasks: [Task<Void, Never>] = []
    private var pendingEffects = 0
    private var inputEnded = false
    /// Subscriptions start only inside `run()` (tests stepping `handle` by hand get none).
    private var running = false
    private var armed: [String: (token: UInt64, task: Task<Void, Never>)] = [:]
    private var nextToken: UInt64 = 0

    public init(
        program: Program,
        state: Program.State,
        terminal: any Terminal,
        bindings: any KeyBindings,
        clock: any StationClock,
        tickInterval: Double? = 1
    ) {
        self.program = program
        self.state = state
        self.terminal = terminal
        self.bindings = bindings
        self.clock = clock
        self.tickInterval = tickInterval
        (mailbox, mailboxInput) = AsyncStream.makeStream(of: RuntimeItem<Program.Message>.self)
    }

    /// Draws the current state.
    public func render() {
        let size = terminal.size
        if size.isBelowMinimum {
            var buffer = ScreenBuffer(size: size)
            SmallTerminalNotice.draw(into: &buffer, size: size)
            terminal.setCursor(nil)
            terminal.draw(buffer)
            return
        }
        let screen = program.screenName(of: state)
        let help = bindings.help(for: screen)
        let enabled = program.enabledActions(in: state)
        let context = ViewContext(size: size, now: clock.now(), help: help, enabledHelp: help.filter { enabled.contains($0.action) })
        let frame = program.view(state, context: context)
        terminal.setCursor(frame.cursor)
        terminal.draw(frame.buffer)
    }

    /// Translates one terminal event into a message and handles it.
    public func handle(_ event: TerminalEvent) {
        switch event {
        case .key(let key):
            let enabled = program.enabledActions(in: state)
            if let action = bindings.action(for: key, on: program.screenName(of: state)), enabled.contains(action) {
                send(.action(action))
            } else if program.acceptsKey(key, in: state) {
                send(.key(key))
            } else if program.bellsOnUnusableKey(in: state) {
                terminal.bell()
            }
        case .resize(let size):
            terminal.requestFullRedraw()
            send(.resize(size))
        case .terminate:
            send(.terminate)
        }
    }

    /// Runs `update` for one message, performs its effects and redraws.
    public func send(_ msg: AppMsg<Program.Message>) {
        guard !isFinished else { return }
        let effects = program.update(&state, msg)
        for effect in effects {
            switch effect {
            case .run(let work):
                let input = mailboxInput
                pendingEffects += 1
                effectTasks.append(Task {
                    let result = await work()
                    input.yield(.effectResult(result))
                })
            case .bell:
                terminal.bell()
            case .fullRedraw:
                terminal.requestFullRedraw()
            case .quit:
                isFinished = true
            }
        }
        if isFinished {
            cancelSubscriptions()
        } else {
            render()
            reconcileSubscriptions()
        }
    }

    /// The ids of the subscriptions waiting now (tests).
    public var activeSubscriptions: Set<String> { Set(armed.keys) }

    /// Starts the subscriptions the program declares now and not yet waiting, cancels those
    /// it no longer declares.
    private func reconcileSubscriptions() {
        guard running, !isFinished else { return }
        var wanted: [String: AppSubscription<Program.Message>] = [:]
        for subscription in program.subscriptions(in: state) where wanted[subscription.id] == nil {
            wanted[subscription.id] = subscription
        }
        for (id, waiting) in armed where wanted[id] == nil {
            waiting.task.cancel()
            armed[id] = nil
        }
        for (id, subscription) in wanted where armed[id] == nil { arm(subscription) }
    }

    private func arm(_ subscription: AppSubscription<Program.Message>) {
        nextToken += 1
        let token = nextToken, id = subscription.id, next = subscription.next, input = mailboxInput
        armed[id] = (token, Task {
            let message = await next()
            if Task.isCancelled { return }
            input.yield(.subscription(id: id, token: token, message))
        })
    }

    private func cancelSubscriptions() {
        for waiting in armed.values { waiting.task.cancel() }
        armed.removeAll()
    }

    /// Draws the first frame, then processes events until a `.quit` effect, or until the
    /// terminal's input has ended and every effect started has reported back.
    public func run() async {
        render()
        running = true
        reconcileSubscriptions()
        let input = mailboxInput
        let terminalEvents = terminal.events
        let forwarder = Task {
            for await event in terminalEvents { input.yield(.terminalEvent(event)) }
            input.yield(.inputEnded)
        }
        var ticker: Task<Void, Never>?
        if let interval = tickInterval {
            let clock = self.clock
            ticker = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
                    if Task.isCancelled { break }
                    input.yield(.app(.tick(clock.now())))
                }
            }
        }
        defer {
            forwarder.cancel()
            ticker?.cancel()
            for task in effectTasks { task.cancel() }
            cancelSubscriptions()
            running = false
        }
        for await item in mailbox {
            switch item {
            case .app(let msg): send(msg)
            case .effectResult(let message):
                pendingEffects -= 1
                if pendingEffects == 0 { effectTasks.removeAll() }
                send(.message(message))
            case let .subscription(id, token, message):
                // A wait cancelled meanwhile (no longer declared) says nothing.
                guard armed[id]?.token == token else { break }
                armed[id] = nil
                // `send` re-arms it after `update`, if the program still declares it.
                send(.message(message))
            case .terminalEvent(let event): handle(event)
            case .inputEnded: inputEnded = true
            }
            // Without input, finish the work already started, then stop.
            if inputEnded, pendingEffects == 0 { isFinished = true }
            if isFinished { break }
        }
    }
}
