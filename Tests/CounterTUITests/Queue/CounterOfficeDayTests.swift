import CruscottoModel
import Foundation
import Testing
@testable import CounterTUI

/// The office day from the cruscotto: only the responsabile sees the action (not in the bar,
/// not in the help for the others); it opens the day, and closes it after a confirmation that
/// says how many tickets will be closed, then shows what the closing did.
@Suite struct CounterOfficeDayTests {
    @Test func otherRolesDoNotSeeTheOfficeDay() async throws {
        let (driver, backend) = try CounterQueueTests.make(columns: 120, rows: 40)
        try await CounterQueueTests.morning(backend, driver)
        await driver.logIn()
        #expect(!driver.program.enabledActions(in: driver.state).contains(QueueActionName.officeDay))
        #expect(!driver.program.screenActions(driver.state).contains(QueueActionName.officeDay))
        #expect(!driver.terminal.rowText(39).contains("Giornata"))
        await driver.press(.function(1))
        #expect(!driver.text.contains("Giornata"))
        await driver.press(.escape)
        let bells = driver.bells
        await driver.press(.function(20))  // S-F8
        #expect(driver.bells == bells + 1)
        #expect(await backend.status().officeOpen)
    }

    @Test func theResponsabileClosesTheDayAfterAConfirmation() async throws {
        let (driver, backend) = try CounterQueueTests.make()
        try await CounterQueueTests.morning(backend, driver)
        await driver.logIn("elena.ferri", "sportello-5")
        #expect(driver.program.enabledActions(in: driver.state).contains(QueueActionName.officeDay))
        #expect(driver.program.screenActions(driver.state).contains(QueueActionName.officeDay))
        await driver.press(.function(20))  // S-F8
        #expect(driver.state.cruscotto.counterQueue.dialog?.kind == .closeDay)
        // Six issued, one at counter 1: five still in the queue.
        #expect(driver.text.contains("5 biglietti ancora in coda"))
        #expect(driver.text.contains("Restano ai loro sportelli: A001 (sportello 1)."))
        assertSnapshot(driver.text, named: "cruscotto-queue-day-close-80x24")
        // Esc: nothing happens.
        await driver.press(.escape)
        #expect(await backend.status().officeOpen)
        await driver.press(.function(20), .enter)
        let status = await backend.status()
        #expect(!status.officeOpen)
        #expect(status.totalWaiting == 0)
        #expect(driver.state.message == .ok("Giornata chiusa: 5 biglietti chiusi a fine giornata."))
        #expect(driver.state.cruscotto.counterQueue.dialog?.kind == .dayClosed)
        #expect(driver.text.contains("Ancora agli sportelli: A001."))
        #expect(try await CounterQueueTests.state(backend, "A002").outcome == "chiuso_fine_giornata")
        await driver.press(.enter)
        #expect(driver.state.cruscotto.counterQueue.dialog == nil)
        // Closed until tomorrow: the action now tries to open and is refused with the reason.
        await driver.press(.function(20))
        #expect(driver.state.message?.kind == .error)
    }

    @Test func theResponsabileOpensTheDay() async throws {
        let (driver, backend) = try CounterQueueTests.make()
        await driver.logIn("elena.ferri", "sportello-5")
        #expect(driver.text.contains("Ufficio non aperto"))
        await driver.press(.function(20))
        #expect(await backend.status().officeOpen)
        #expect(driver.state.message == .ok("Giornata dell'ufficio aperta: da ora presenze, pause e attese sono registrate."))
    }
}
