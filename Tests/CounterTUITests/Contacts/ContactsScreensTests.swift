import CruscottoModel
import Foundation
import Testing
@testable import CounterTUI

/// Golden screens of the contact registry at 80×24 and 120×40.
@Suite struct ContactsScreensTests {

    @Test(arguments: [80, 120])
    func searchResults(columns: Int) async throws {
        let driver = try ContactsDriver(columns: columns, rows: columns == 80 ? 24 : 40)
        await driver.searchRossi()
        assertSnapshot(driver.text, named: "contacts-search-\(columns == 80 ? "80x24" : "120x40")")
    }

    @Test func searchEmptyAndPurpose() async throws {
        let driver = try ContactsDriver()
        await driver.logIn()
        await driver.press(.function(14))
        assertSnapshot(driver.text, named: "contacts-search-empty-80x24")
        await driver.type("rossi")
        await driver.press(.enter)
        assertSnapshot(driver.text, named: "contacts-purpose-80x24")
    }

    @Test(arguments: [80, 120])
    func card(columns: Int) async throws {
        let driver = try ContactsDriver(columns: columns, rows: columns == 80 ? 24 : 40)
        await driver.openRossiCard()
        assertSnapshot(driver.text, named: "contacts-card-\(columns == 80 ? "80x24" : "120x40")")
    }

    @Test(arguments: [80, 120])
    func editForm(columns: Int) async throws {
        let driver = try ContactsDriver(columns: columns, rows: columns == 80 ? 24 : 40)
        await driver.openRossiCard()
        await driver.press(.function(2))
        await driver.press(.down, times: 9)
        await driver.press(.backspace)
        await driver.press(.enter)
        assertSnapshot(driver.text, named: "contacts-edit-\(columns == 80 ? "80x24" : "120x40")")
    }

    @Test func duplicatesDialog() async throws {
        let driver = try ContactsDriver()
        await driver.openRossiCard()
        await driver.press(.function(2))
        await driver.press(.enter)
        assertSnapshot(driver.text, named: "contacts-duplicates-80x24")
    }

    @Test func citizenPanelAfterCard() async throws {
        let driver = try ContactsDriver()
        await driver.openRossiCard()
        await driver.press(.escape)
        assertSnapshot(driver.text, named: "contacts-citizen-80x24")
    }
}
