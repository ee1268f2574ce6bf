import CruscottoModel
import Foundation
import Testing
@testable import CounterTUI

/// While the central database is unreachable the header says since when and how many events
/// wait; back online it says "in linea" and the station syncs at once.
@Suite struct CruscottoOfflineHeaderTests {
    /// A station that went offline at 10:42 with 37 events in its outbox.
    private func offlineDriver(columns: Int = 80, rows: Int = 24) async throws -> StationDriver {
        let driver = try StationDriver(columns: columns, rows: rows, central: .online(checkedAt: StationDriver.start))
        await driver.logIn()
        driver.service.central = .unreachable
        driver.service.syncReaches = false
        driver.service.waiting = 37
        await driver.press(.function(5))
        return driver
    }

    @Test func offlineHeaderSaysSinceWhenAndWhatWaits() async throws {
        let driver = try await offlineDriver(columns: 120, rows: 40)
        #expect(driver.terminal.rowText(0).hasSuffix("Centrale: non raggiungibile dalle 10:42  10:42"))
        driver.clock.advance(by: CruscottoProgram.syncInterval)
        await driver.tick()
        #expect(driver.terminal.rowText(0).hasSuffix("Centrale: non raggiungibile dalle 10:42 · 37 in attesa  10:42"))
        assertSnapshot(driver.text, named: "cruscotto-offline-120x40")
        // Later checks keep the instant it was lost.
        driver.clock.advance(by: CruscottoProgram.centralCheckInterval)
        await driver.tick()
        #expect(driver.terminal.rowText(0).hasSuffix("Centrale: non raggiungibile dalle 10:42 · 37 in attesa  10:43"))
    }

    @Test func narrowRowsShortenTheCentralStateBeforeThePlace() async throws {
        let driver = try await offlineDriver()
        driver.clock.advance(by: CruscottoProgram.syncInterval)
        await driver.tick()
        #expect(driver.terminal.rowText(0) == " Sportello 3 · Mario Bianchi          Offline dalle 10:42 · 37 in attesa  10:42")
        assertSnapshot(driver.text, named: "cruscotto-offline-80x24")
        driver.terminal.resize(columns: 60, rows: 24)
        await driver.send(.resize(TerminalSize(columns: 60, rows: 24)))
        #expect(driver.terminal.rowText(0) == " Sportello 3 · Mario Bianchi      Offline 10:42 · 37  10:42")
        driver.service.deadLetters = 2
        driver.clock.advance(by: CruscottoProgram.syncInterval)
        await driver.tick()
        #expect(driver.terminal.rowText(0).hasSuffix("sync bloccata (2)  Offline · 37  10:42"))
    }

    @Test func anotherDayShowsTheDate() {
        let lost = StationDriver.start.addingTimeInterval(-86_400)
        let texts = CentralState.unreachable.headerTexts(offlineSince: lost, waiting: 5, now: StationDriver.start)
        #expect(texts.first == "Centrale: non raggiungibile dal 29/11 10:42 · 5 in attesa")
        #expect(texts.contains("Offline 29/11 · 5"))
    }

    @Test func backOnlineTheHeaderSaysInLineaAndTheStationSyncsAtOnce() async throws {
        let driver = try await offlineDriver()
        driver.clock.advance(by: CruscottoProgram.syncInterval)
        await driver.tick()
        let syncsWhileOffline = driver.service.syncs
        driver.service.central = .online(checkedAt: driver.clock.now())
        driver.service.syncReaches = true
        driver.service.waiting = 0
        // Well before the next sync is due.
        driver.clock.advance(by: 1)
        await driver.press(.function(5))
        #expect(driver.service.syncs == syncsWhileOffline + 1)
        #expect(driver.terminal.rowText(0).hasSuffix("Centrale: in linea  10:42"))
        #expect(driver.state.centralLostAt == nil)
        assertSnapshot(driver.text, named: "cruscotto-back-online-80x24")
    }

    @Test func aCheckThatFindsTheCentralBackStartsASyncOrQueuesOne() throws {
        let clock = ManualClock(StationDriver.start)
        let program = CruscottoProgram(service: FakeSessionService(), clock: clock)
        var state = CruscottoAppState(station: StationSummary(officeName: "Ufficio", stationID: "sportello-1", counter: 1, idleLockMinutes: 5),
                                      central: .unreachable, now: StationDriver.start, size: TerminalSize(columns: 80, rows: 24))
        #expect(state.centralLostAt == StationDriver.start)
        state.lastSync = StationDriver.start
        state.checkingCentral = true
        // Still unreachable: no sync outside the 5 s tick.
        #expect(program.update(&state, .message(.centralChecked(.unreachable))).isEmpty)
        // Back: one sync effect right away.
        state.checkingCentral = true
        let effects = program.update(&state, .message(.centralChecked(.online(checkedAt: StationDriver.start))))
        #expect(effects.count == 1)
        #expect(state.syncing)
        // Lost and found again while that sync runs: one more after it, not two at once.
        state.checkingCentral = true
        #expect(program.update(&state, .message(.centralChecked(.unreachable))).isEmpty)
        state.checkingCentral = true
        #expect(program.update(&state, .message(.centralChecked(.online(checkedAt: StationDriver.start)))).isEmpty)
        #expect(state.syncAgain)
        let after = program.update(&state, .message(.synced(BackgroundSync(deadLetters: 0, waiting: 0, reachedCentral: true))))
        #expect(after.count == 1)
        #expect(state.syncing && !state.syncAgain)
        // An online check while online starts nothing.
        _ = program.update(&state, .message(.synced(BackgroundSync(deadLetters: 0, waiting: 0, reachedCentral: true))))
        state.checkingCentral = true
        #expect(program.update(&state, .message(.centralChecked(.online(checkedAt: StationDriver.start)))).isEmpty)
    }

    @Test func aSyncThatFailsOrSucceedsMovesTheHeaderWithoutASecondSync() throws {
        let program = CruscottoProgram(service: FakeSessionService(), clock: ManualClock(StationDriver.start))
        var state = CruscottoAppState(station: StationSummary(officeName: "Ufficio", stationID: "sportello-1", counter: 1, idleLockMinutes: 5),
                                      central: .online(checkedAt: StationDriver.start), now: StationDriver.start,
                                      size: TerminalSize(columns: 80, rows: 24))
        state.syncing = true
        #expect(program.update(&state, .message(.synced(BackgroundSync(deadLetters: 0, waiting: 3, reachedCentral: false)))).isEmpty)
        #expect(state.central == .unreachable && state.centralLostAt == StationDriver.start && state.outboxWaiting == 3)
        state.syncing = true
        #expect(program.update(&state, .message(.synced(BackgroundSync(deadLetters: 0, waiting: 0, reachedCentral: true)))).isEmpty)
        #expect(state.central == .online(checkedAt: StationDriver.start) && state.centralLostAt == nil)
        // A station without a central database stays "solo locale".
        state.central = .localOnly
        state.syncing = true
        _ = program.update(&state, .message(.synced(BackgroundSync(deadLetters: 0, waiting: 0, reachedCentral: false))))
        #expect(state.central == .localOnly)
    }
}
