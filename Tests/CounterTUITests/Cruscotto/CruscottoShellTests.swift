import CruscottoModel
import Foundation
import Testing
@testable import CounterTUI

@Suite struct CruscottoShellTests {
    @Test func shellAt80x24() async throws {
        let driver = try StationDriver()
        await driver.logIn()
        assertSnapshot(driver.text, named: "cruscotto-80x24")
    }

    @Test func shellAt120x40() async throws {
        let driver = try StationDriver(columns: 120, rows: 40)
        await driver.logIn()
        assertSnapshot(driver.text, named: "cruscotto-120x40")
    }

    @Test func helpOverlayNamesTheFocusedPanel() async throws {
        let driver = try StationDriver()
        await driver.logIn()
        await driver.press(.function(1))
        assertSnapshot(driver.text, named: "cruscotto-help-80x24")
        #expect(driver.text.contains("Aiuto · Cruscotto · Cittadino"))
        #expect(driver.text.contains("Blocca la postazione"))
        await driver.press(.escape)
        #expect(driver.state.overlay == nil)
        #expect(driver.state.message == .ok("Accesso eseguito: Mario Bianchi."))
    }

    @Test func tabMovesBetweenPanels() async throws {
        let driver = try StationDriver()
        await driver.logIn()
        #expect(driver.state.cruscotto.focus.focused == .citizen)
        await driver.press(.tab, .tab)
        #expect(driver.state.cruscotto.focus.focused == .worklist)
        await driver.press(.backTab, .backTab, .backTab)
        #expect(driver.state.cruscotto.focus.focused == .queue)
    }

    @Test func exitAsksConfirmationAndClosesTheSession() async throws {
        let driver = try StationDriver()
        await driver.logIn()
        await driver.press(.function(3))
        assertSnapshot(driver.text, named: "cruscotto-exit-80x24")
        await driver.press(.function(12))
        #expect(driver.state.overlay == nil)
        #expect(driver.state.message == .info("Uscita annullata."))
        await driver.press(.function(3), .enter)
        #expect(driver.quit)
        #expect(driver.service.events == ["login mario.bianchi", "logout mario.bianchi"])
    }

    @Test func terminateClosesTheSession() async throws {
        let driver = try StationDriver()
        await driver.logIn()
        await driver.send(.terminate)
        #expect(driver.quit)
        #expect(driver.service.events == ["login mario.bianchi", "logout mario.bianchi"])
    }

    /// SIGHUP right after SIGTERM: one logout, not two.
    @Test func secondTerminateWhileLeavingRecordsNothingMore() throws {
        let program = CruscottoProgram(service: FakeSessionService(), clock: FixedClock(StationDriver.start))
        var state = CruscottoAppState(station: StationSummary(officeName: "Ufficio", stationID: "sportello-1", counter: 1, idleLockMinutes: 5),
                                      central: .localOnly, now: StationDriver.start, size: TerminalSize(columns: 80, rows: 24))
        state.session = FakeSessionService.mario
        state.mode = .cruscotto
        #expect(program.update(&state, .terminate).count == 1)
        #expect(state.quitting)
        #expect(program.update(&state, .terminate).isEmpty)
        #expect(program.enabledActions(in: state).isEmpty)
    }

    @Test func functionKeyBarShowsOnlyWhatWorks() async throws {
        let driver = try StationDriver()
        #expect(driver.terminal.rowText(23) == "F1 Aiuto  F3 Esci")
        await driver.logIn()
        #expect(driver.terminal.rowText(23) == "F1 Aiuto  F3 Esci  F5 Aggiorna  S-F3 Disconn.")
        await driver.press(.ctrl("l"))
        #expect(driver.terminal.rowText(23) == "F1 Aiuto  F12 Annulla  S-F3 Cambia op.")
    }

    @Test func centralStateIsSaidOnlyAfterACheck() async throws {
        let driver = try StationDriver()
        await driver.logIn()
        #expect(driver.terminal.rowText(0).contains("solo locale"))
        driver.service.central = .online(checkedAt: StationDriver.start)
        // The header changes at the next check, not before.
        #expect(!driver.terminal.rowText(0).contains("in linea"))
        await driver.press(.function(5))
        #expect(driver.terminal.rowText(0).contains("Centrale: in linea"))
        #expect(driver.state.message == .ok("Database centrale raggiungibile."))
        driver.service.central = .unreachable
        driver.clock.advance(by: CruscottoProgram.centralCheckInterval)
        await driver.tick()
        #expect(driver.terminal.rowText(0).contains("Centrale: non raggiungibile"))
        // An automatic check does not take the message line.
        #expect(driver.state.message == .ok("Database centrale raggiungibile."))
    }

    @Test func headerGivesWayWithTheOfficeName() async throws {
        let driver = try StationDriver()
        await driver.logIn()
        let header = driver.terminal.rowText(0)
        #expect(header.hasPrefix(" Sportello Facile · Sportello 3 · Mario Bianchi"))
        #expect(header.hasSuffix("solo locale  10:42"))
    }

    @Test func resizeKeepsTheSession() async throws {
        let driver = try StationDriver()
        await driver.logIn()
        driver.terminal.resize(columns: 70, rows: 20)
        await driver.send(.resize(TerminalSize(columns: 70, rows: 20)))
        #expect(driver.state.mode == .cruscotto)
        driver.terminal.resize(columns: 80, rows: 24)
        await driver.send(.resize(TerminalSize(columns: 80, rows: 24)))
        #expect(driver.text.contains("Nessun cittadino in servizio."))
    }

    @Test func panelsHaveHonestEmptyStates() async throws {
        let driver = try StationDriver()
        await driver.logIn()
        for text in ["Coda non attiva.", "Nessun cittadino in servizio.", "Nessuna pratica in corso.", "Nessuna attività in sospeso."] {
            #expect(driver.text.contains(text))
        }
        #expect(!driver.text.contains("F2"))
    }
}
