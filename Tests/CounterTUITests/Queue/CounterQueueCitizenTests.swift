import CruscottoModel
import Foundation
import LocalStore
import Testing
@testable import CounterTUI

/// The ticket and the identified citizen: the link offered on the card of the person at the
/// counter, the close dialog saying who is linked and the visit in their history, the card
/// opened without the purpose question for the linked person, and the accoglienza's ticket
/// issued for a citizen picked from the registry (with their phone in E.164).
@Suite struct CounterQueueCitizenTests {
    /// A counter station (3, profile CIE) with the test registry and an open office day.
    static func counter() async throws -> (ContactsDriver, InMemoryQueueBackend) {
        let driver = try ContactsDriver(withQueue: true)
        let backend = try #require(driver.queue)
        try await backend.openOffice()
        return (driver, backend)
    }

    static func ticket(_ backend: InMemoryQueueBackend, _ number: String) async throws -> Ticket {
        try await backend.ticket(number: TicketNumber(parsing: number)!)
    }

    @Test("At the counter: search, link on the card, close with the citizen, the visit in the history")
    func linkTheCitizenAndClose() async throws {
        let (driver, backend) = try await Self.counter()
        _ = try await backend.issue(IssueRequest(serviceCode: "CIE"))
        await driver.logIn()
        await driver.press(.function(2))
        #expect(driver.state.cruscotto.counterQueue.current?.ticket.number.display == "C001")
        // No card open: the link is not offered anywhere.
        #expect(!driver.program.enabledActions(in: driver.state).contains(QueueActionName.linkContact))
        await driver.press(.function(17))
        await driver.type("rossi")
        await driver.press(.enter)
        #expect(driver.state.cruscotto.contacts.screen == .purpose)  // not linked yet: the purpose is asked
        await driver.press(.enter)
        #expect(driver.state.cruscotto.contacts.screen == .card)
        let rossi = try #require(driver.state.cruscotto.contacts.card?.contact.id)
        #expect(driver.state.message == .ok("Scheda di ROSSI Niccolò aperta: F6 la collega al biglietto C001 in servizio."))
        #expect(driver.terminal.rowText(23).contains("F6 Collega"))
        assertSnapshot(driver.text, named: "cruscotto-queue-link-offer-80x24")

        await driver.press(.function(6))
        #expect(try await Self.ticket(backend, "C001").contactID == rossi.rawValue)
        #expect(driver.state.message?.text.hasPrefix("Biglietto C001 collegato a ROSSI Niccolò") == true)
        // Linked: the key is gone from the bar.
        #expect(!driver.terminal.rowText(23).contains("F6 Collega"))
        await driver.press(.escape)
        #expect(driver.text.contains("cittadino: ROSSI Niccolò"))

        await driver.press(.function(18))  // S-F6: start service
        await driver.press(.function(8))
        #expect(driver.text.contains("Cittadino: ROSSI Niccolò"))
        assertSnapshot(driver.text, named: "cruscotto-queue-close-citizen-80x24")
        await driver.press(.tab)
        await driver.type("CIE")
        await driver.press(.enter)
        let closed = try await Self.ticket(backend, "C001")
        #expect(closed.state == .done)
        #expect(closed.contactID == rossi.rawValue)
        let reader = AccessContext(operatorUsername: "admin", stationID: "sportello-3", purpose: .audit)
        let visit = try #require(try driver.store.contactHistory(rossi, context: reader).first)
        #expect(visit.kind == .ticket)
        #expect(visit.reference == "C001")
        #expect(visit.summary == "Servito allo sportello 3, biglietto C001 (Carta d'identità elettronica), esito: servito; pratiche: CIE")
        #expect(visit.operatorUsername == "mario.bianchi")
        let log = try driver.store.accessLog(limit: 200)
        #expect(log.contains { $0.purpose == "service: biglietto C001, Carta d'identità elettronica" && $0.what.contains("storico, biglietto") })
    }

    @Test("The card of the citizen linked to the ticket being served opens without the purpose question")
    func linkedCitizenSkipsThePurpose() async throws {
        let (driver, backend) = try await Self.counter()
        let rossi = try driver.store.searchContacts("rossi", context: ContactsDriver.seeder).first!.id
        _ = try await backend.issue(IssueRequest(serviceCode: "CIE", contactID: rossi.rawValue, phone: "+393331234567"))
        await driver.logIn()
        await driver.press(.function(2))
        // Linked at the accoglienza: the counter learns the name from its registry.
        #expect(driver.text.contains("cittadino: ROSSI Niccolò"))
        await driver.press(.function(17))
        await driver.type("rossi")
        let row = try #require(driver.state.cruscotto.contacts.search.results.firstIndex { $0.id == rossi })
        await driver.press(.down, times: row)
        await driver.press(.enter)
        #expect(driver.state.cruscotto.contacts.screen == .card)
        #expect(driver.state.cruscotto.contacts.access == ContactAccess(purpose: .service, note: "biglietto C001, Carta d'identità elettronica"))
        #expect(!driver.program.enabledActions(in: driver.state).contains(QueueActionName.linkContact))
        // Another person (the second Rossi) still needs a purpose.
        await driver.press(.function(17))
        await driver.press(.down)
        let other = driver.state.cruscotto.contacts.search.selectedRow?.id
        await driver.press(.enter)
        #expect(other != rossi)
        #expect(driver.state.cruscotto.contacts.screen == .purpose)
    }

    @Test("Accoglienza: the ticket for a citizen picked from the registry, with their phone in E.164")
    func issueForAPickedCitizen() async throws {
        let (driver, backend) = try await Self.counter()
        await driver.logIn()
        await driver.press(.function(16))  // S-F4
        await driver.press(.down, .down)  // Servizio: C Carta d'identità elettronica
        await driver.press(.tab, .tab)
        #expect(driver.state.cruscotto.counterQueue.dialog?.isOnContactField == true)
        await driver.type("bianchi")
        #expect(driver.text.contains("▸ BIANCHI Anna"))
        await driver.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        await driver.type("rossi")
        let results = try #require(driver.state.cruscotto.counterQueue.dialog?.picker?.results)
        #expect(results.count == 2)
        await driver.press(.down, .up)
        await driver.press(.enter)
        let picked = try #require(driver.state.cruscotto.counterQueue.dialog?.picker?.picked)
        #expect(picked.fiscalCode == ContactsDriver.rossiCode)
        #expect(driver.state.cruscotto.counterQueue.dialog?.value(of: QueueDialog.phoneLabel) == "+393331234567")
        #expect(driver.state.cruscotto.counterQueue.dialog?.focusedField?.label == QueueDialog.phoneLabel)
        assertSnapshot(driver.text, named: "cruscotto-queue-issue-contact-80x24")
        await driver.press(.enter)
        let issued = try await Self.ticket(backend, "C001")
        #expect(issued.contactID == picked.id.rawValue)
        #expect(issued.phone == "+393331234567")
        #expect(driver.state.message == .ok("Emesso il biglietto C001: 0 persone prima, attesa stimata 0 minuti."))
    }

    @Test("Accoglienza: a typed citizen not picked, or a bad phone, is refused with the reason")
    func issueRefusesAnUnpickedCitizenAndABadPhone() async throws {
        let (driver, backend) = try await Self.counter()
        await driver.logIn()
        await driver.press(.function(16))
        await driver.press(.tab, .tab)
        await driver.type("rossi")
        await driver.press(.tab)
        await driver.press(.enter)
        #expect(driver.state.message == .error("Cittadino non scelto: Su/Giù e Invio sull'elenco, oppure cancellare il testo."))
        #expect(driver.state.cruscotto.counterQueue.dialog?.isOnContactField == true)
        await driver.press(.backspace, .backspace, .backspace, .backspace, .backspace)
        await driver.press(.tab)
        await driver.type("12ab")
        await driver.press(.enter)
        #expect(driver.state.message == .error("Telefono non valido: il numero di telefono contiene caratteri non validi."))
        #expect(await backend.status().totalWaiting == 0)
        await driver.press(.backspace, .backspace)
        await driver.type("0523 123456")
        await driver.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        await driver.type("0523 123456")
        await driver.press(.enter)
        let issued = try await Self.ticket(backend, "A001")
        #expect(issued.phone == "+390523123456")
        #expect(issued.contactID == nil)
    }
}
