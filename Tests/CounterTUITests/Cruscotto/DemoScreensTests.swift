import CruscottoModel
import Foundation
import LocalStore
import Testing
@testable import CounterTUI

/// The screens of the demo station (`sportello-tui demo`) as its first operator sees them;
/// the tmux scenario Tests/Scenarios/login-shell.sh compares the real program with the same
/// golden files.
@Suite struct DemoScreensTests {
    static let demo = DemoStationPlan().operators[0]

    func makeDriver(columns: Int = 80, rows: Int = 24) throws -> StationDriver {
        // The demo station has a registry: its search key is on the bar and in the help.
        try StationDriver(columns: columns, rows: rows, central: .online(checkedAt: StationDriver.start),
                          contacts: StoreContactDirectory(store: try AppDatabase.inMemory()))
    }

    @Test func demoLogin() async throws {
        let driver = try makeDriver()
        assertSnapshot(driver.text, named: "login-demo-80x24")
        await driver.type(Self.demo.username)
        await driver.press(.enter)
        await driver.type(Self.demo.password)
        await driver.press(.enter)
        assertSnapshot(driver.text, named: "cruscotto-demo-80x24")
        await driver.press(.function(1))
        assertSnapshot(driver.text, named: "cruscotto-demo-help-80x24")
        await driver.press(.escape)
        assertSnapshot(driver.text, named: "cruscotto-demo-80x24")
    }

    @Test func demoShellAt120x40() async throws {
        let driver = try makeDriver(columns: 120, rows: 40)
        await driver.type(Self.demo.username)
        await driver.press(.enter)
        await driver.type(Self.demo.password)
        await driver.press(.enter)
        assertSnapshot(driver.text, named: "cruscotto-demo-120x40")
    }
}
