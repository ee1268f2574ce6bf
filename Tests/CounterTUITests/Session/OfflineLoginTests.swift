import CruscottoModel
import Foundation
import Testing
@testable import CounterTUI

/// The login screen while the central database does not answer: the box says the login is
/// checked against the operators in memory, and the login works.
@Suite struct OfflineLoginTests {
    @Test func theLoginBoxSaysTheCentralDatabaseIsUnreachable() async throws {
        let driver = try StationDriver(central: .unreachable)
        #expect(driver.text.contains(LoginView.offlineNote))
        #expect(driver.terminal.rowText(0).hasSuffix("Centrale: non raggiungibile dalle 10:42  10:42"))
        await driver.logIn()
        #expect(driver.state.session?.username == "mario.bianchi")
    }

    @Test(arguments: [CentralState.localOnly, .online(checkedAt: StationDriver.start)])
    func noNoteWhenTheCentralDatabaseIsNotMissing(central: CentralState) throws {
        let driver = try StationDriver(central: central)
        #expect(!driver.text.contains(LoginView.offlineNote))
    }
}
