import CruscottoModel
import Foundation
import LocalStore
import Testing
@testable import CounterTUI

@Suite("Contact registry in the cruscotto")
struct ContactsFlowTests {
    @Test("Search refreshes as the operator types and ranks the visited Rossi first")
    func searchAsYouType() async throws {
        let driver = try ContactsDriver()
        await driver.logIn()
        await driver.press(.function(14))
        #expect(driver.program.screenName(of: driver.state) == "contacts_search")
        await driver.type("ross")
        #expect(driver.state.cruscotto.contacts.search.results.count == 2)
        await driver.type("i nic")
        #expect(driver.state.cruscotto.contacts.search.answered == "rossi nic")
        #expect(driver.state.cruscotto.contacts.search.results.first?.fiscalCode == ContactsDriver.rossiCode)
        await driver.type("zzz")
        #expect(driver.state.cruscotto.contacts.search.results.isEmpty)
        #expect(driver.text.contains("Nessun contatto trovato per «rossi niczzz»."))
    }

    @Test("Opening a card asks for a purpose, which the audit records with a typed reason")
    func purposeIsAsked() async throws {
        let driver = try ContactsDriver()
        await driver.searchRossi()
        await driver.press(.enter)
        #expect(driver.state.cruscotto.contacts.screen == .purpose)
        #expect(driver.text.contains("Motivo dell'accesso"))
        await driver.press(.up)
        #expect(driver.state.cruscotto.contacts.purpose?.choice.needsText == true)
        await driver.press(.enter)
        #expect(driver.state.message == .error("Scrivere il motivo dell'accesso."))
        await driver.type("verifica richiesta PEC")
        await driver.press(.enter)
        #expect(driver.state.cruscotto.contacts.screen == .card)
        let log = try driver.store.accessLog(limit: 100)
        #expect(log.contains { $0.purpose == "service: verifica richiesta PEC" && $0.what.contains("consultazione") && $0.operatorUsername == "mario.bianchi" })
        #expect(try driver.store.verifyAccessLog() == nil)
    }

    @Test("The card shows the codice fiscale state, consents, documents and the history newest first")
    func card() async throws {
        let driver = try ContactsDriver()
        await driver.openRossiCard()
        let text = driver.text
        #expect(text.contains("ROSSI Niccolò"))
        #expect(text.contains("CF corretto"))
        #expect(text.contains("Via Roma 1, 29121 Piacenza (PC)"))
        #expect(text.contains("Consensi: informativa sì 12/03/2025 · SMS sì"))
        #expect(text.contains("e-mail mai chiesto"))
        #expect(text.contains("CIE CA12345AB · Comune di"))
        #expect(text.contains("scade il 01/02/2030"))
        #expect(text.contains("biglietto  A042"))
        await driver.press(.escape)
        #expect(driver.state.cruscotto.contacts.screen == nil)
        #expect(driver.state.cruscotto.citizen.identified?.contact.details.fiscalCode == ContactsDriver.rossiCode)
        #expect(driver.text.contains("CF corretto"))
    }

    @Test("An expired document is in evidence on the card")
    func expiredDocument() async throws {
        let driver = try ContactsDriver()
        await driver.logIn()
        await driver.press(.ctrl("f"))
        await driver.type("bianchi anna")
        await driver.press(.enter, .enter)
        #expect(driver.text.contains("SCADUTO il 15/04/2026"))
    }

    @Test("Field errors are in Italian, on the message line, the field in reverse video; the codice fiscale is checked as typed")
    func fieldErrors() async throws {
        let driver = try ContactsDriver()
        await driver.openRossiCard()
        await driver.press(.function(2))
        #expect(driver.state.cruscotto.contacts.screen == .edit)
        await driver.press(.down, .down)
        #expect(driver.state.cruscotto.contacts.edit?.focusedField == .fiscalCode)
        await driver.press(.backspace)
        await driver.type("X")
        #expect(driver.text.contains("Codice fiscale:"))
        await driver.press(.backspace)
        await driver.type(String(ContactsDriver.rossiCode.last!))
        #expect(driver.text.contains("Codice fiscale corretto"))
        // A birth date that disagrees with the code: the warning shows the difference.
        await driver.press(.down, .down)
        await driver.press(.backspace, times: 12)
        await driver.type("02/01/1980")
        #expect(driver.state.cruscotto.contacts.edit?.warnings.contains { $0.field == .fiscalCode } == true)
        await driver.press(.up, .up)
        #expect(driver.text.contains("non corrisponde"))
        // A CAP of 4 digits: error on save, focus on it, message names the field.
        await driver.press(.down, times: 7)
        await driver.press(.backspace)
        await driver.press(.enter)
        #expect(driver.state.message?.kind == .error)
        #expect(driver.state.message?.text.hasPrefix("CAP: il CAP è di 5 cifre") == true)
        #expect(driver.state.cruscotto.contacts.edit?.focusedField == .cap)
    }

    @Test("F12 keeps an edited draft until the operator confirms dropping it")
    func cancelKeepsDraft() async throws {
        let driver = try ContactsDriver()
        await driver.openRossiCard()
        await driver.press(.function(2))
        await driver.type("x")
        await driver.press(.function(12))
        #expect(driver.state.cruscotto.contacts.edit?.dialog == .confirmDiscard)
        await driver.press(.escape)
        #expect(driver.state.cruscotto.contacts.edit?.text(.surname) == "Rossix")
        await driver.press(.function(12), .enter)
        #expect(driver.state.cruscotto.contacts.screen == .card)
        #expect(driver.state.cruscotto.contacts.edit == nil)
    }

    @Test("F4 lists values: picking a comune fills its province")
    func listOfValues() async throws {
        let driver = try ContactsDriver()
        await driver.openRossiCard()
        await driver.press(.function(2))
        await driver.press(.down, times: 10)
        #expect(driver.state.cruscotto.contacts.edit?.focusedField == .comune)
        await driver.press(.backspace, times: 20)
        await driver.type("Castel San Giov")
        await driver.press(.function(4))
        guard case .values(_, let options, _)? = driver.state.cruscotto.contacts.edit?.dialog else {
            Issue.record("no list")
            return
        }
        #expect(options.map(\.value) == ["Castel San Giovanni"])
        await driver.press(.enter)
        #expect(driver.state.cruscotto.contacts.edit?.text(.comune) == "Castel San Giovanni")
        #expect(driver.state.cruscotto.contacts.edit?.text(.province) == "PC")
    }

    @Test("Search, open, correct the address, see the duplicate, merge: both histories stay and the merge is recorded")
    func correctAndMerge() async throws {
        let driver = try ContactsDriver()
        await driver.openRossiCard()
        let keptID = try #require(driver.state.cruscotto.contacts.card?.contact.id)
        await driver.press(.function(2))
        await driver.press(.down, times: 7)
        #expect(driver.state.cruscotto.contacts.edit?.focusedField == .street)
        await driver.press(.backspace, times: 20)
        await driver.type("Via Garibaldi")
        await driver.press(.down)
        await driver.press(.backspace, times: 5)
        await driver.type("12")
        await driver.press(.enter)
        guard case .duplicates(let duplicates, _)? = driver.state.cruscotto.contacts.edit?.dialog else {
            Issue.record("no duplicates shown")
            return
        }
        #expect(duplicates.count == 1)
        #expect(driver.text.contains("Probabili doppioni"))
        await driver.press(.function(7))
        #expect(driver.state.cruscotto.contacts.screen == .card)
        let card = try #require(driver.state.cruscotto.contacts.card)
        #expect(card.contact.id == keptID)
        #expect(card.contact.details.address.street == "Via Garibaldi")
        #expect(card.history.map(\.kind) == [.phoneCall, .ticket])
        let context = AccessContext(operatorUsername: "auditor", stationID: "s", purpose: .audit)
        let merges = try driver.store.contactMerges(context: context)
        #expect(merges.count == 1)
        #expect(merges.first?.keptID == keptID)
        #expect(merges.first?.operatorUsername == "mario.bianchi")
        #expect(try driver.store.searchContacts("rossi", context: context).count == 1)
    }

    @Test("Saving anyway keeps both records")
    func saveAnyway() async throws {
        let driver = try ContactsDriver()
        await driver.openRossiCard()
        await driver.press(.function(2))
        await driver.press(.enter)
        await driver.press(.enter)
        #expect(driver.state.cruscotto.contacts.screen == .card)
        let context = AccessContext(operatorUsername: "auditor", stationID: "s", purpose: .audit)
        #expect(try driver.store.contactMerges(context: context).isEmpty)
    }

    @Test("Keys promise only what works: the search key is on the cruscotto bar")
    func functionKeyBar() async throws {
        let driver = try ContactsDriver()
        await driver.logIn()
        #expect(driver.text.contains("S-F2 Cerca"))
        await driver.press(.function(14))
        #expect(driver.text.contains("F6 Nuovo"))
        #expect(!driver.text.contains("S-F2 Cerca"))
    }
}

@Suite("Contact screens and the lock")
struct ContactsLockTests {
    @Test("Ctrl-L locks from the edit form; after the unlock the draft is still there, nothing of it on the lock screen")
    func lockKeepsDraft() async throws {
        let driver = try ContactsDriver()
        await driver.openRossiCard()
        await driver.press(.function(2))
        await driver.type("x")
        await driver.press(.ctrl("l"))
        #expect(driver.program.screenName(of: driver.state) == "lock")
        #expect(!driver.text.contains("ROSSI"))
        #expect(!driver.text.contains("Rossix"))
        await driver.type("sportello-3")
        await driver.press(.enter)
        #expect(driver.program.screenName(of: driver.state) == "contacts_edit")
        #expect(driver.state.cruscotto.contacts.edit?.text(.surname) == "Rossix")
    }

    @Test("Logging out forgets the identified citizen and the open card")
    func logoutForgets() async throws {
        let driver = try ContactsDriver()
        await driver.openRossiCard()
        await driver.press(.escape)
        await driver.press(.function(15))
        #expect(driver.state.cruscotto.contacts == ContactsWorkspace())
        #expect(driver.state.cruscotto.citizen.identified == nil)
    }
}
