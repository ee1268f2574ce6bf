import CruscottoModel
import Foundation
import Testing
@testable import CounterTUI

/// A program with two subscriptions: `signal` (wake-ups, counted, while `listening`) and
/// `control` (each fire is the next command: stop listening, then quit).
private struct ListeningProgram: AppProgram {
    struct State {
        var listening = true
        var wakes = 0
        var commands = 0
    }
    enum Message: Sendable {
        case woke(Bool)
        case command
    }

    let signal: HandSignal
    let control: HandSignal
    /// What the control's fires do, in order.
    let script: [String]

    func screenName(of state: State) -> String { "counter" }
    func enabledActions(in state: State) -> Set<String> { [] }

    func update(_ state: inout State, _ msg: AppMsg<Message>) -> [AppEffect<Message>] {
        switch msg {
        case .message(.woke(let changed)):
            if changed { state.wakes += 1 }
        case .message(.command):
            let command = script[min(state.commands, script.count - 1)]
            state.commands += 1
            if command == "quit" { return [.quit] }
            state.listening = false
        default:
            break
        }
        return []
    }

    func view(_ state: State, context: ViewContext) -> AppFrame {
        var buffer = ScreenBuffer(size: context.size)
        buffer.write("Risvegli \(state.wakes)", x: 0, y: 0)
        return AppFrame(buffer: buffer)
    }

    func subscriptions(in state: State) -> [AppSubscription<Message>] {
        let signal = self.signal, control = self.control
        var subscriptions = [AppSubscription<Message>(id: "control") {
            _ = await control.waitForChange(upTo: .seconds(3600))
            return .command
        }]
        if state.listening {
            subscriptions.append(AppSubscription(id: "wake") { .woke(await signal.waitForChange(upTo: .seconds(3600))) })
        }
        return subscriptions
    }
}

@Suite struct AppSubscriptionTests {
    private func runtime(_ program: ListeningProgram) -> AppRuntime<ListeningProgram> {
        AppRuntime(program: program, state: .init(), terminal: VirtualTerminal(), bindings: testBindings,
                   clock: ManualClock(StationDriver.start), tickInterval: nil)
    }

    @Test func aFiredSignalPostsAMessageAndIsArmedAgainUntilQuit() async {
        let signal = HandSignal(), control = HandSignal()
        let runtime = runtime(ListeningProgram(signal: signal, control: control, script: ["quit"]))
        let driver = Task {
            guard await eventually({ signal.isWaiting }) else { return false }
            signal.fire()
            // Armed again only after update handled the wake-up.
            guard await eventually({ signal.counts.waits == 2 && signal.isWaiting }) else { return false }
            signal.fire()
            guard await eventually({ signal.counts.waits == 3 && signal.isWaiting }) else { return false }
            guard await eventually({ control.isWaiting }) else { return false }
            control.fire()
            return true
        }
        await runtime.run()
        #expect(await driver.value)
        #expect(runtime.isFinished)
        #expect(runtime.state.wakes == 2)
        // The quit cancelled the third wait; nothing waits any more.
        #expect(signal.counts == HandSignal.Counts(waits: 3, cancellations: 1))
        #expect(control.counts == HandSignal.Counts(waits: 1, cancellations: 0))
        #expect(runtime.activeSubscriptions.isEmpty)
        #expect(!signal.isWaiting)
    }

    @Test func aSubscriptionNoLongerDeclaredIsCancelled() async {
        let signal = HandSignal(), control = HandSignal()
        let runtime = runtime(ListeningProgram(signal: signal, control: control, script: ["stop", "quit"]))
        let driver = Task {
            guard await eventually({ signal.isWaiting && control.isWaiting }) else { return false }
            control.fire()  // stop listening
            guard await eventually({ signal.counts.cancellations == 1 }) else { return false }
            // A fire now reaches nobody.
            signal.fire()
            guard await eventually({ control.counts.waits == 2 && control.isWaiting }) else { return false }
            control.fire()  // quit
            return true
        }
        await runtime.run()
        #expect(await driver.value)
        #expect(runtime.state.wakes == 0)
        #expect(runtime.state.commands == 2)
        #expect(signal.counts == HandSignal.Counts(waits: 1, cancellations: 1))
    }

    @Test func handStepsStartNoSubscription() {
        let signal = HandSignal(), control = HandSignal()
        let runtime = runtime(ListeningProgram(signal: signal, control: control, script: ["quit"]))
        runtime.send(.message(.woke(true)))
        #expect(runtime.state.wakes == 1)
        #expect(runtime.activeSubscriptions.isEmpty)
        #expect(signal.counts.waits == 0)
    }
}
