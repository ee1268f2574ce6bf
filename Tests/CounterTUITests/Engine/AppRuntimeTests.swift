import CruscottoModel
import Foundation
import Testing
@testable import CounterTUI

/// A minimal program: a counter moved by list.up/list.down, an exit confirmation, a text
/// buffer for typed letters, and an effect that doubles the counter off the loop.
struct CounterProgram: AppProgram {
    struct State: Hashable {
        var count = 0
        var confirming = false
        var typed = ""
        var ticks: [Date] = []
        var sizes: [TerminalSize] = []
        var quietScreen = false
    }
    enum Message: Sendable, Hashable { case doubled(Int) }

    func screenName(of state: State) -> String { "counter" }

    func enabledActions(in state: State) -> Set<String> {
        state.confirming ? ["app.confirm", "app.cancel"] : ["app.exit", "list.up", "list.down", "app.confirm"]
    }

    func acceptsKey(_ key: Key, in state: State) -> Bool {
        if case .character(let character) = key { return character.isLetter && !state.confirming }
        return false
    }

    func bellsOnUnusableKey(in state: State) -> Bool { !state.quietScreen }

    func update(_ state: inout State, _ msg: AppMsg<Message>) -> [AppEffect<Message>] {
        switch msg {
        case .action("list.up"): state.count += 1
        case .action("list.down"): state.count -= 1
        case .action("app.exit"): state.confirming = true
        case .action("app.cancel"): state.confirming = false
        case .action("app.confirm"):
            if state.confirming { return [.quit] }
            let value = state.count
            return [.run { .doubled(value * 2) }]
        case .action: return [.bell]
        case .key(.character(let character)): state.typed.append(character)
        case .key: return [.bell]
        case .tick(let date): state.ticks.append(date)
        case .resize(let size): state.sizes.append(size)
        case .terminate: return [.quit]
        case .message(.doubled(let value)):
            state.count = value
            return [.quit]
        }
        return []
    }

    func view(_ state: State, context: ViewContext) -> AppFrame {
        var buffer = ScreenBuffer(size: context.size)
        buffer.write("Valore \(state.count) \(state.typed)", x: 0, y: 0)
        buffer.write(ItalianTime.clockText(context.now), x: 75, y: 0)
        if state.confirming { buffer.write("Uscire?", x: 0, y: 1, style: .error) }
        FunctionKeyBar.draw(into: &buffer, row: Rect(x: 0, y: context.size.rows - 1, width: context.size.columns, height: 1), help: context.enabledHelp)
        return AppFrame(buffer: buffer)
    }
}

@Suite struct AppRuntimeTests {
    let clock = FixedClock(Date(timeIntervalSince1970: 1_796_026_920)) // 2026-11-30T08:22:00Z

    func makeRuntime(_ terminal: VirtualTerminal, state: CounterProgram.State = .init()) -> AppRuntime<CounterProgram> {
        AppRuntime(program: CounterProgram(), state: state, terminal: terminal, bindings: testBindings, clock: clock, tickInterval: nil)
    }

    @Test func boundKeysBecomeActionsAndRedraw() {
        let terminal = VirtualTerminal()
        let runtime = makeRuntime(terminal)
        runtime.render()
        runtime.handle(TerminalEvent.key(.up))
        runtime.handle(TerminalEvent.key(.up))
        #expect(runtime.state.count == 2)
        #expect(terminal.rowText(0).hasPrefix("Valore 2"))
        #expect(terminal.rowText(0).hasSuffix("09:22"))
        #expect(terminal.bellCount == 0)
    }

    @Test func keyWithoutActionRingsTheBellAndChangesNothing() {
        let terminal = VirtualTerminal()
        let runtime = makeRuntime(terminal)
        runtime.render()
        let before = runtime.state
        let frames = terminal.framesDrawn
        runtime.handle(TerminalEvent.key(.function(7)))
        runtime.handle(TerminalEvent.key(.escape)) // bound, but not enabled here
        #expect(runtime.state == before)
        #expect(terminal.bellCount == 2)
        #expect(terminal.framesDrawn == frames)
    }

    @Test func screenMayOptOutOfTheBell() {
        let terminal = VirtualTerminal()
        var state = CounterProgram.State()
        state.quietScreen = true
        let runtime = makeRuntime(terminal, state: state)
        runtime.handle(TerminalEvent.key(.function(7)))
        #expect(terminal.bellCount == 0)
    }

    @Test func unboundKeysTheScreenAcceptsAreDelivered() {
        let terminal = VirtualTerminal()
        let runtime = makeRuntime(terminal)
        runtime.handle(TerminalEvent.key(.character("a")))
        runtime.handle(TerminalEvent.key(.character("1")))
        #expect(runtime.state.typed == "a")
        #expect(terminal.bellCount == 1)
    }

    @Test(arguments: [Key.function(3), Key.ctrl("c")])
    func ctrlCReachesTheSameActionAsF3(_ key: Key) {
        let terminal = VirtualTerminal()
        let runtime = makeRuntime(terminal)
        runtime.handle(TerminalEvent.key(key))
        #expect(runtime.state.confirming)
        #expect(terminal.rowText(1) == "Uscire?")
        #expect(terminal.style(x: 0, y: 1) == .error)
        #expect(terminal.rowText(23) == "F12 Annulla")
    }

    @Test func runProcessesKeysAndEffectResultsUntilQuit() async {
        let terminal = VirtualTerminal()
        let runtime = makeRuntime(terminal)
        terminal.feed(.up, .up, .up, .enter)
        await runtime.run()
        #expect(runtime.state.count == 6)
        #expect(runtime.isFinished)
        #expect(terminal.rowText(0).hasPrefix("Valore 3"))
    }

    @Test func confirmedExitEndsTheLoop() async {
        let terminal = VirtualTerminal()
        let runtime = makeRuntime(terminal)
        terminal.feed(.function(3), .escape, .ctrl("c"), .enter)
        await runtime.run()
        #expect(runtime.isFinished)
        #expect(runtime.state.confirming)
    }

    @Test func terminateEndsTheLoop() async {
        let terminal = VirtualTerminal()
        let runtime = makeRuntime(terminal)
        terminal.feed(.up)
        terminal.sendTerminate()
        await runtime.run()
        #expect(runtime.isFinished)
        #expect(runtime.state.count == 1)
    }

    @Test func ticksCarryTheInjectedClock() {
        let runtime = makeRuntime(VirtualTerminal())
        runtime.send(.tick(clock.now()))
        #expect(runtime.state.ticks == [clock.now()])
    }

    @Test func smallTerminalShowsANoticeUntilResizedKeepingState() {
        let terminal = VirtualTerminal()
        let runtime = makeRuntime(terminal)
        runtime.handle(TerminalEvent.key(.up))
        terminal.resize(columns: 60, rows: 20)
        runtime.handle(TerminalEvent.resize(terminal.size))
        #expect(terminal.text.contains("Terminale troppo piccolo"))
        #expect(terminal.text.contains("ora 60×20"))
        terminal.resize(columns: 80, rows: 24)
        runtime.handle(TerminalEvent.resize(terminal.size))
        #expect(terminal.rowText(0).hasPrefix("Valore 1"))
        #expect(terminal.cellsWrittenLastFrame == 80 * 24)
        #expect(runtime.state.sizes.count == 2)
    }
}
