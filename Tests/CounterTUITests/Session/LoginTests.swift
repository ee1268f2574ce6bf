import CruscottoModel
import Foundation
import Testing
@testable import CounterTUI

@Suite struct LoginTests {
    @Test func loginAt80x24() throws {
        let driver = try StationDriver()
        assertSnapshot(driver.text, named: "login-80x24")
        #expect(driver.terminal.rowText(0).hasSuffix("solo locale  10:42"))
    }

    @Test func loginAt120x40() throws {
        let driver = try StationDriver(columns: 120, rows: 40)
        assertSnapshot(driver.text, named: "login-120x40")
    }

    @Test func passwordIsMasked() async throws {
        let driver = try StationDriver()
        await driver.type("mario.bianchi")
        await driver.press(.tab)
        await driver.type("sportello-3")
        #expect(!driver.text.contains("sportello-3"))
        #expect(driver.text.contains("Password  ***********"))
    }

    @Test func wrongPasswordShowsOneMessage() async throws {
        let driver = try StationDriver()
        await driver.logIn("mario.bianchi", "sbagliata!")
        assertSnapshot(driver.text, named: "login-failed-80x24")
        #expect(driver.state.mode == .login)
        #expect(driver.state.message == .error("Utente o password non validi."))
        #expect(driver.service.events == ["login_failed mario.bianchi"])
        // The password is gone from the state once checked.
        #expect(driver.state.login.password.editor.text.isEmpty)
    }

    /// An unknown user and a wrong password give exactly the same screen.
    @Test func unknownUserLooksLikeWrongPassword() async throws {
        let wrongPassword = try StationDriver()
        await wrongPassword.logIn("mario.bianchi", "sbagliata!")
        let unknownUser = try StationDriver()
        await unknownUser.logIn("mario.bianchx", "sbagliata!")
        let strip = { (text: String) in text.replacingOccurrences(of: "mario.bianchx", with: "mario.bianchi") }
        #expect(strip(unknownUser.text) == wrongPassword.text)
    }

    @Test func emptyFieldsAreNotSent() async throws {
        let driver = try StationDriver()
        await driver.press(.tab, .enter)
        #expect(driver.state.message == .error("Inserire il nome utente."))
        await driver.type("mario.bianchi")
        await driver.press(.enter, .enter)
        #expect(driver.state.message == .error("Inserire la password."))
        #expect(driver.service.events.isEmpty)
    }

    @Test func repeatedFailuresSlowDown() async throws {
        let driver = try StationDriver()
        await driver.logIn("mario.bianchi", "sbagliata!")
        for _ in 0..<4 {
            await driver.type("sbagliata!")
            await driver.press(.enter)
        }
        #expect(driver.pauses.pauses == [2, 4])
        #expect(driver.service.events.count == 5)
        await driver.type("sportello-3")
        await driver.press(.enter)
        #expect(driver.state.mode == .cruscotto)
        #expect(driver.pauses.pauses == [2, 4, 6])
        #expect(driver.state.login.throttle.consecutiveFailures == 0)
    }

    @Test(arguments: [(0, 0), (1, 0), (2, 0), (3, 2), (4, 4), (5, 6), (7, 10), (20, 10)])
    func throttleDelays(failures: Int, seconds: Int) {
        var throttle = LoginThrottle()
        for _ in 0..<failures { throttle.recordFailure() }
        #expect(throttle.delayBeforeNextAttempt == seconds)
    }

    @Test func keysAreIgnoredWhileVerifying() throws {
        let program = CruscottoProgram(service: FakeSessionService(), clock: FixedClock(StationDriver.start))
        var state = CruscottoAppState(station: StationSummary(officeName: "Ufficio", stationID: "sportello-1", counter: 1, idleLockMinutes: 5),
                                      central: .localOnly, now: StationDriver.start, size: TerminalSize(columns: 80, rows: 24))
        for character in "mario.bianchi" { _ = program.update(&state, .key(.character(character))) }
        _ = program.update(&state, .action("focus.next"))
        for character in "sportello-3" { _ = program.update(&state, .key(.character(character))) }
        let effects = program.update(&state, .action("app.confirm"))
        #expect(effects.count == 1)
        #expect(state.login.verifying)
        #expect(state.message == .info("Verifica in corso…"))
        #expect(program.enabledActions(in: state).isEmpty)
        #expect(!program.acceptsKey(.character("x"), in: state))
    }

    @Test func exitFromLoginAsksConfirmation() async throws {
        let driver = try StationDriver()
        await driver.press(.function(3))
        #expect(driver.state.overlay == .confirmExit)
        #expect(driver.text.contains("Uscire da Sportello TUI?"))
        await driver.press(.escape)
        #expect(driver.state.overlay == nil)
        #expect(!driver.quit)
        await driver.press(.ctrl("c"), .enter)
        #expect(driver.quit)
        #expect(driver.service.events.isEmpty)
    }

    /// The real loop: keys fed to a VirtualTerminal, the check running as a task.
    @Test func loginThroughTheRuntime() async throws {
        let terminal = VirtualTerminal()
        let clock = FixedClock(StationDriver.start)
        let service = FakeSessionService()
        let station = StationSummary(officeName: "Comune di Piacenza · Sportello Facile", stationID: "sportello-3", counter: 3, idleLockMinutes: 5)
        let runtime = AppRuntime(
            program: CruscottoProgram(service: service, clock: clock),
            state: CruscottoAppState(station: station, central: .localOnly, now: clock.now(), size: terminal.size),
            terminal: terminal, bindings: try Keymap.loadDefault(), clock: clock, tickInterval: nil)
        terminal.type("mario.bianchi")
        terminal.feed(.tab)
        terminal.type("sportello-3")
        terminal.feed(.enter)
        terminal.finishInput()
        await runtime.run()
        #expect(runtime.state.mode == .cruscotto)
        #expect(terminal.rowText(0).contains("Sportello 3 · Mario Bianchi"))
        #expect(service.events == ["login mario.bianchi"])
    }
}
