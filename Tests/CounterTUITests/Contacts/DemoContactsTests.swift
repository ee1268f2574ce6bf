import CruscottoModel
import Foundation
import LocalStore
import Testing
@testable import CounterTUI

/// The demo registry: valid codici fiscali, one expired document, one probable duplicate; and
/// the search screen the tmux scenario Tests/Scenarios/contacts-card.sh compares.
@Suite struct DemoContactsTests {
    static let plan = DemoStationPlan()

    @Test func theSameForTheSameSeed() {
        #expect(DemoStationPlan().contacts == DemoStationPlan().contacts)
        #expect(DemoStationPlan(seed: 7).contacts != Self.plan.contacts)
        #expect(DemoStationPlan(seed: 7).operators != Self.plan.operators)
    }

    @Test func validCodesOneExpiredDocumentOneDuplicate() throws {
        let today = CivilDate(year: 2026, month: 11, day: 30)!
        let contacts = Self.plan.contacts
        #expect(contacts.count == 9)
        var expired = 0
        var details: [ContactDetails] = []
        for contact in contacts {
            let validation = contact.draft.validated(today: today)
            #expect(validation.isValid, "\(validation.errorMessages)")
            #expect(!validation.warnings.contains { if case .fiscalCodeMismatch = $0 { true } else { false } })
            if validation.warnings.contains(where: { if case .documentExpired = $0 { true } else { false } }) { expired += 1 }
            if let value = validation.details { details.append(value) }
        }
        #expect(expired == 1)
        #expect(details.prefix(8).allSatisfy { $0.fiscalCode != nil })
        let duplicates = details.indices.flatMap { a in details.indices.filter { $0 > a }.map { (a, $0) } }
            .filter { ContactDuplicateRule.areProbableDuplicates(ContactDuplicateFacts(details[$0.0]), ContactDuplicateFacts(details[$0.1])) }
        #expect(duplicates.count == 1)
        #expect(duplicates.first?.0 == 0 && duplicates.first?.1 == 8)
    }

    @Test func searchScreenOfTheDemo() async throws {
        let driver = try ContactsDriver(seeded: false, central: .online(checkedAt: StationDriver.start), withQueue: true)
        try DemoStationSetup.seedContacts(driver.store, plan: Self.plan, context: ContactsDriver.seeder)
        let demo = Self.plan.operators[0]
        await driver.logIn(demo.username, demo.password)
        await driver.press(.function(17))
        let surname = Self.plan.contacts[0].draft.surname
        await driver.type(surname.lowercased())
        #expect(driver.state.cruscotto.contacts.search.results.count == 2)
        assertSnapshot(driver.text, named: "contacts-demo-search-80x24")
    }
}
