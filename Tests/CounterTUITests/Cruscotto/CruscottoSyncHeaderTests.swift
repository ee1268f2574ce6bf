import CruscottoModel
import Foundation
import Testing
@testable import CounterTUI

/// The header says "sync bloccata (N)" while the background sync finds open dead letters.
@Suite struct CruscottoSyncHeaderTests {
    @Test func blockedSyncIsShownWithItsCountAndGoesAway() async throws {
        let driver = try StationDriver()
        await driver.logIn()
        #expect(!driver.terminal.rowText(0).contains("sync bloccata"))
        driver.service.deadLetters = 2
        driver.clock.advance(by: CruscottoProgram.syncInterval)
        await driver.tick()
        #expect(driver.terminal.rowText(0).hasSuffix("sync bloccata (2)  solo locale  10:42"))
        driver.service.deadLetters = 0
        driver.clock.advance(by: CruscottoProgram.syncInterval)
        await driver.tick()
        #expect(!driver.terminal.rowText(0).contains("sync bloccata"))
    }
}
