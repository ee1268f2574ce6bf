import CruscottoModel
import Foundation
import Testing
@testable import CounterTUI

/// The boards with wake-ups: they re-read the queue when the wake-up comes (here fired by
/// hand), not at the clock's ticks; a wake-up during a look is followed by another look.
@Suite struct DisplayWakeupTests {
    struct Board {
        let clock = KioskClock()
        let backend: InMemoryQueueBackend
        let signal = HandSignal()
        let program: DisplayProgram
        var state = DisplayState()

        init() async throws {
            backend = try KioskFixture.backend(clock: clock)
            try await KioskFixture.fill(backend)
            // The source's own signal never says "changed": only the wake-ups make it read.
            let source = LiveQueueSource(backend: backend, signal: signal, clock: clock)
            program = DisplayProgram(officeName: "Sportello Facile", source: source, authenticator: FakeAuthenticator(),
                                     clock: clock, wakeups: QueueWakeups(signal: signal))
        }

        /// Fires the signal and delivers what the board's subscription then returns.
        @discardableResult
        mutating func wake() async throws -> [AppEffect<DisplayMessage>] {
            let subscription = try #require(program.subscriptions(in: state).first)
            signal.fire()
            return await drive(program, &state, .message(await subscription.next()))
        }

        @discardableResult
        mutating func tick() async -> [AppEffect<DisplayMessage>] {
            clock.advance(seconds: 0.2)
            return await drive(program, &state, .tick(clock.now()))
        }
    }

    @Test func aWakeUpRereadsTheQueueAndTicksDoNot() async throws {
        var board = try await Board()
        #expect(board.program.subscriptions(in: board.state).map(\.id) == ["queue.wake"])
        await board.tick()
        #expect(board.state.live.status == nil)
        try await board.wake()
        #expect(board.state.live.connection == .live)
        #expect(board.state.live.status?.totalWaiting == 10)

        _ = try await board.backend.claim(ClaimRequest(counter: 13))
        for _ in 0..<5 { await board.tick() }
        #expect(board.state.live.calls.isEmpty)
        let effects = try await board.wake()
        #expect(board.state.live.calls.map(\.number) == ["A001"])
        #expect(effects.contains { $0.isBell })
        #expect(try CounterTUITests.screen(board.program, board.state, clock: board.clock).text.contains("NUOVA CHIAMATA"))
    }

    @Test func aWakeUpDuringALookIsFollowedByAnother() async throws {
        var board = try await Board()
        try await board.wake()
        _ = try await board.backend.claim(ClaimRequest(counter: 2))
        // A look started before the call is still under way when the wake-up comes.
        board.state.live.polling = true
        let subscription = try #require(board.program.subscriptions(in: board.state).first)
        board.signal.fire()
        let woke = await subscription.next()
        #expect(board.program.update(&board.state, .message(woke)).isEmpty)
        #expect(board.state.live.wakePending)
        // That look ends without the call; the next one is forced and finds it.
        await drive(board.program, &board.state, .message(.polled(.unchanged(at: board.clock.now()))))
        #expect(board.state.live.calls.map(\.number) == ["A001"])
        #expect(!board.state.live.wakePending)
    }

    @Test func aTimedOutWaitTakesAPlainLook() async throws {
        var board = try await Board()
        try await board.wake()
        _ = try await board.backend.claim(ClaimRequest(counter: 1))
        // No signal within the fallback interval: a look that reads only if the source's
        // signal says so (here it never does) or its 30 s refresh is due.
        await drive(board.program, &board.state, .message(.woke(QueueWake(changed: false))))
        #expect(board.state.live.calls.isEmpty)
        board.clock.advance(seconds: LiveQueueSource.refreshInterval)
        await drive(board.program, &board.state, .message(.woke(QueueWake(changed: false))))
        #expect(board.state.live.calls.map(\.number) == ["A001"])
    }

    @Test func theTotemRereadsOnAWakeUpToo() async throws {
        let clock = KioskClock()
        let backend = try KioskFixture.backend(clock: clock)
        try await KioskFixture.fill(backend)
        let signal = HandSignal()
        let program = TotemProgram(
            settings: TotemSettings(officeName: "Sportello Facile", appointmentOnly: [], ticketSeconds: 8, hasPrinter: false),
            source: LiveQueueSource(backend: backend, signal: signal, clock: clock), printer: nil,
            authenticator: FakeAuthenticator(), clock: clock, wakeups: QueueWakeups(signal: signal))
        var state = TotemState()
        await drive(program, &state, .tick(clock.now()))
        #expect(state.live.status == nil)
        let subscription = try #require(program.subscriptions(in: state).first)
        signal.fire()
        await drive(program, &state, .message(await subscription.next()))
        #expect(state.live.status?.totalWaiting == 10)
    }

    @Test(.timeLimit(.minutes(1))) func stoppingDoesNotWaitForAHangingClose() async {
        let closed = HandSignal()
        let wakeups = QueueWakeups(signal: HandSignal(), stop: {
            // A close that never ends (a dead network).
            _ = await closed.waitForChange(upTo: .seconds(3600))
        })
        await wakeups.stop(waitingAtMost: .milliseconds(20))
        // Returned while the close still hangs.
        #expect(closed.counts.cancellations == 0)
        #expect(await eventually { closed.isWaiting })
        closed.fire()
    }

    @Test func aNewListeningSessionIsAReconnect() async {
        let signal = HandSignal()
        let wakeups = QueueWakeups(signal: signal)
        signal.fire()
        #expect(await wakeups.next() == QueueWake(changed: true, reconnected: false))
        signal.reconnect()
        #expect(await wakeups.next() == QueueWake(changed: true, reconnected: true))
        signal.fire()
        #expect(await wakeups.next() == QueueWake(changed: true, reconnected: false))
    }
}
