import CruscottoModel
import Foundation
import Testing
@testable import CounterTUI

@Suite struct LockTests {
    @Test func manualLockScreen() async throws {
        let driver = try StationDriver()
        await driver.logIn()
        await driver.press(.ctrl("l"))
        assertSnapshot(driver.text, named: "lock-80x24")
        #expect(driver.service.events == ["login mario.bianchi", "lock mario.bianchi"])
        // Nothing of the cruscotto shows behind the lock.
        #expect(!driver.text.contains("Cittadino"))
    }

    @Test func lockAt120x40() async throws {
        let driver = try StationDriver(columns: 120, rows: 40)
        await driver.logIn()
        driver.clock.advance(by: 300)
        await driver.tick()
        assertSnapshot(driver.text, named: "lock-idle-120x40")
    }

    /// login → shell → C-l → lock → wrong password → right password → shell → S-F3 → login
    @Test func lockUnlockLogoutWorkflow() async throws {
        let driver = try StationDriver()
        await driver.logIn()
        #expect(driver.state.mode == .cruscotto)
        await driver.press(.ctrl("l"))
        #expect(driver.state.lock?.reason == .manual)
        await driver.type("sportello-4")
        await driver.press(.enter)
        #expect(driver.state.lock != nil)
        #expect(driver.state.message == .error("Password non valida."))
        await driver.type("sportello-3")
        await driver.press(.enter)
        #expect(driver.state.mode == .cruscotto)
        #expect(driver.state.message == .ok("Postazione sbloccata."))
        await driver.press(.function(15))
        #expect(driver.state.mode == .login)
        #expect(driver.state.session == nil)
        #expect(driver.text.contains("Sessione di Mario Bianchi chiusa."))
        #expect(driver.service.events == [
            "login mario.bianchi", "lock mario.bianchi", "unlock_failed mario.bianchi",
            "unlock mario.bianchi", "logout mario.bianchi",
        ])
    }

    /// Only the locked operator's password opens the lock: another operator's right password
    /// does not.
    @Test func anotherOperatorCannotUnlock() async throws {
        let driver = try StationDriver()
        await driver.logIn()
        await driver.press(.ctrl("l"))
        await driver.type("sportello-4")
        await driver.press(.enter)
        #expect(driver.state.lock != nil)
        #expect(driver.service.events.last == "unlock_failed mario.bianchi")
    }

    @Test func lockScreenCannotBeLeftWithoutPassword() async throws {
        let driver = try StationDriver()
        await driver.logIn()
        await driver.press(.ctrl("l"))
        let bells = driver.bells
        await driver.press(.function(3), .ctrl("c"), .function(5))
        #expect(driver.state.lock != nil)
        #expect(!driver.quit)
        #expect(driver.bells == bells + 3)
    }

    @Test func switchOperatorClosesTheLockedSession() async throws {
        let driver = try StationDriver()
        await driver.logIn()
        await driver.press(.ctrl("l"))
        await driver.press(.function(15))
        #expect(driver.state.overlay == .confirmSwitchOperator)
        #expect(driver.text.contains("Chiudere la sessione di Mario Bianchi?"))
        await driver.press(.escape)
        #expect(driver.state.lock != nil)
        await driver.press(.function(15), .enter)
        #expect(driver.state.mode == .login)
        await driver.logIn("giulia.verdi", "sportello-4")
        #expect(driver.state.session == FakeSessionService.giulia)
        #expect(driver.service.events == [
            "login mario.bianchi", "lock mario.bianchi", "logout mario.bianchi", "login giulia.verdi",
        ])
    }

    @Test func idleLockAfterConfiguredMinutes() async throws {
        let driver = try StationDriver(idleLockMinutes: 5)
        await driver.logIn()
        driver.clock.advance(by: 4 * 60 + 59)
        await driver.tick()
        #expect(driver.state.mode == .cruscotto)
        // A key restarts the count.
        await driver.press(.tab)
        driver.clock.advance(by: 4 * 60 + 59)
        await driver.tick()
        #expect(driver.state.mode == .cruscotto)
        driver.clock.advance(by: 1)
        await driver.tick()
        let lock = try #require(driver.state.lock)
        #expect(lock.reason == .idle(minutes: 5))
        #expect(lock.lockedAt == StationDriver.start.addingTimeInterval(2 * (4 * 60 + 59) + 1))
        #expect(driver.text.contains("dopo 5 minuti senza attività"))
        #expect(driver.service.events == ["login mario.bianchi", "lock mario.bianchi"])
        // Further ticks do not lock again.
        driver.clock.advance(by: 600)
        await driver.tick()
        #expect(driver.service.events.count == 2)
    }

    @Test func idleTimeIsNotCountedOnTheLoginScreen() async throws {
        let driver = try StationDriver(idleLockMinutes: 1)
        driver.clock.advance(by: 3600)
        await driver.tick()
        #expect(driver.state.mode == .login)
        await driver.logIn()
        driver.clock.advance(by: 30)
        await driver.tick()
        #expect(driver.state.mode == .cruscotto)
    }
}
