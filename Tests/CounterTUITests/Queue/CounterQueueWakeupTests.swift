import CruscottoModel
import Foundation
import LocalStore
import Testing
@testable import CounterTUI

/// The cruscotto with wake-ups: the queue panel re-reads when one comes (a read already under
/// way is followed by another), and a reconnect of the wake-up connection runs a sync at once.
@Suite struct CounterQueueWakeupTests {
    struct Counter {
        let clock = ManualClock(StationDriver.start)
        let backend: InMemoryQueueBackend
        let signal = HandSignal()
        var program: CruscottoProgram
        var state: CruscottoAppState

        init() throws {
            backend = try InMemoryQueueBackend(configuration: DefaultQueueOffice.configuration, clock: clock)
            // The tick never finds a change: only the wake-ups make the panel read.
            program = CruscottoProgram(service: FakeSessionService(), clock: clock, queue: backend, queueChanged: { false })
            program.queueWakeups = QueueWakeups(signal: signal)
            state = CruscottoAppState(
                station: StationSummary(officeName: "Sportello Facile", stationID: "sportello-3", counter: 3, idleLockMinutes: 5),
                central: .localOnly, now: clock.now(), size: TerminalSize(columns: 80, rows: 24))
            state.session = FakeSessionService.mario
            state.mode = .cruscotto
            state.lastSync = clock.now()
        }

        /// `update`, then every `.run` effect awaited and fed back; returns the messages seen.
        @discardableResult
        mutating func send(_ msg: AppMsg<CruscottoMessage>) async -> [CruscottoMessage] {
            var seen: [CruscottoMessage] = []
            var queue = [msg]
            while !queue.isEmpty {
                for case .run(let work) in program.update(&state, queue.removeFirst()) {
                    let message = await work()
                    seen.append(message)
                    queue.append(.message(message))
                }
            }
            return seen
        }

        mutating func wake() async throws -> [CruscottoMessage] {
            let subscription = try #require(program.subscriptions(in: state).first)
            return await send(.message(await subscription.next()))
        }
    }

    @Test func aWakeUpRereadsTheQueuePanel() async throws {
        var counter = try Counter()
        #expect(counter.program.subscriptions(in: counter.state).map(\.id) == ["queue.wake"])
        await counter.send(.tick(counter.clock.now()))  // the first read
        _ = try await counter.backend.issue(IssueRequest(serviceCode: "ANA"))
        counter.clock.advance(by: 1)
        await counter.send(.tick(counter.clock.now()))
        #expect(counter.state.cruscotto.counterQueue.status?.totalWaiting == 0)
        counter.signal.fire()
        let seen = try await counter.wake()
        #expect(counter.state.cruscotto.counterQueue.status?.totalWaiting == 1)
        #expect(!seen.contains { if case .synced = $0 { true } else { false } })
    }

    @Test func aWakeUpDuringARefreshComesBackAfterIt() async throws {
        var counter = try Counter()
        await counter.send(.tick(counter.clock.now()))
        _ = try await counter.backend.issue(IssueRequest(serviceCode: "ANA"))
        counter.state.cruscotto.counterQueue.refreshing = true
        let effects = counter.program.update(&counter.state, .message(.queueWake(QueueWake(changed: true))))
        guard effects.count == 1, case .run(let retry) = effects[0] else {
            Issue.record("expected one retry, got \(effects.count) effects")
            return
        }
        #expect(await retry() == .queueWake(QueueWake(changed: true)))
        // The read under way ends; the wake-up that comes back reads again.
        counter.state.cruscotto.counterQueue.refreshing = false
        await counter.send(.message(.queueWake(QueueWake(changed: true))))
        #expect(counter.state.cruscotto.counterQueue.status?.totalWaiting == 1)
    }

    @Test func aReconnectSyncsAtOnce() async throws {
        var counter = try Counter()
        await counter.send(.tick(counter.clock.now()))
        #expect(!counter.state.syncing)
        counter.signal.reconnect()
        let seen = try await counter.wake()
        #expect(seen.contains(.synced(BackgroundSync(deadLetters: 0))))
        #expect(counter.state.lastSync == counter.clock.now())
        // A sync already under way: the reconnect waits for it, then syncs once more.
        counter.state.syncing = true
        let effects = counter.program.update(&counter.state, .message(.queueWake(QueueWake(changed: false, reconnected: true))))
        guard effects.count == 1, case .run(let retry) = effects[0] else {
            Issue.record("expected one retry, got \(effects.count) effects")
            return
        }
        #expect(await retry() == .queueWake(QueueWake(changed: false, reconnected: true)))
    }

    @Test func noSubscriptionWhileLeaving() throws {
        var counter = try Counter()
        counter.state.quitting = true
        #expect(counter.program.subscriptions(in: counter.state).isEmpty)
    }
}
