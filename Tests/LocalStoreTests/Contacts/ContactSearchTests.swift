import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

@Suite("Contact search")
struct ContactSearchTests {
    @Test func accentAndCaseInsensitive() throws {
        let store = try makeContactStore()
        let niccolo = try store.createContact(contactForm("Rossi", "Niccolò", born: "1980-03-12"), context: counterContext)
        try store.createContact(contactForm("Rossini", "Nicola", born: "1975-01-02"), context: counterContext)
        for text in ["niccolo ross", "NICCOLÒ rossi", "Rossi Niccolo", "ross nicc", "niccolò"] {
            let found = try store.searchContacts(text, context: counterContext)
            #expect(found.first?.id == niccolo.id, "\(text)")
        }
    }

    @Test(arguments: ["dangelo", "d'angelo", "D’Angelo", "d angelo", "DANGE", "d'ang maria"])
    func apostrophes(text: String) throws {
        let store = try makeContactStore()
        let person = try store.createContact(contactForm("D'Angelo", "Maria", female: true, born: "1990-07-01"), context: counterContext)
        try store.createContact(contactForm("Angeli", "Marco", born: "1970-07-01"), context: counterContext)
        let found = try store.searchContacts(text, context: counterContext)
        #expect(found.map(\.id).contains(person.id))
        #expect(found.first?.id == person.id)
    }

    @Test func partialAndWholeFiscalCode() throws {
        let store = try makeContactStore()
        let code = fiscalCode("Bianchi", "Luca", born: "1985-05-10")
        let luca = try store.createContact(contactForm("Bianchi", "Luca", born: "1985-05-10"), context: counterContext)
        try store.createContact(contactForm("Bianchi", "Lucia", female: true, born: "1985-05-10"), context: counterContext)
        let partial = try store.searchContacts(String(code.prefix(11)).lowercased(), context: counterContext)
        #expect(partial.map(\.id) == [luca.id])
        #expect(partial.first?.tier == .prefix)
        let whole = try store.searchContacts(code, context: counterContext)
        #expect(whole.first?.id == luca.id)
        #expect(whole.first?.tier == .exactIdentifier)
        #expect(try store.searchContacts("BNCLCU85E1", context: counterContext).map(\.id) == [luca.id])
    }

    @Test(arguments: ["333 1234567", "+39 333 1234567", "0039 3331234567", "+393331234567", "4567", "1234567"])
    func phoneWithAndWithoutPrefix(text: String) throws {
        let store = try makeContactStore()
        let person = try store.createContact(contactForm("Verdi", "Anna", female: true, born: "1960-02-02", phones: ["333 123 4567"]),
                                             context: counterContext)
        try store.createContact(contactForm("Neri", "Paolo", born: "1961-02-02", phones: ["333 765 4321"]), context: counterContext)
        let found = try store.searchContacts(text, context: counterContext)
        #expect(found.map(\.id) == [person.id], "\(text)")
        if text.filter(\.isNumber).count >= 10 { #expect(found.first?.tier == .exactIdentifier) }
    }

    @Test func emailExactAndPrefix() throws {
        let store = try makeContactStore()
        let person = try store.createContact(contactForm("Galli", "Sara", female: true, born: "1992-04-04", emails: ["Sara.Galli@Libero.it"]),
                                             context: counterContext)
        #expect(try store.searchContacts("sara.galli@libero.it", context: counterContext).first?.tier == .exactIdentifier)
        #expect(try store.searchContacts("sara.ga@", context: counterContext).isEmpty)
        #expect(try store.searchContacts("sara.galli@lib", context: counterContext).map(\.id) == [person.id])
        // Domains are not in the name index: "libero" finds nobody.
        #expect(try store.searchContacts("libero", context: counterContext).isEmpty)
    }

    @Test func rankingOrder() throws {
        let clock = MovingClock(testInstant)
        let store = try makeContactStore(clock: clock)
        let annaRossi = try store.createContact(contactForm("Rossi", "Anna", female: true, born: "1950-01-01"), context: counterContext)
        let marioRossi = try store.createContact(contactForm("Rossi", "Mario", born: "1951-01-01"), context: counterContext)
        let rossini = try store.createContact(contactForm("Rossini", "Marco", born: "1952-01-01"), context: counterContext)
        let rossetti = try store.createContact(contactForm("Rossetti", "Bruno", born: "1953-01-01"), context: counterContext)
        clock.advance(60)
        try store.appendContactHistory(marioRossi.id, kind: .ticket, summary: "A012", context: counterContext)
        clock.advance(60)
        try store.appendContactHistory(rossini.id, kind: .certificate, summary: "certificato di residenza", context: counterContext)
        clock.advance(60)
        try store.appendContactHistory(rossetti.id, kind: .phoneCall, summary: "chiamata", context: counterContext)

        // Exact surname first (most recent visit first, then never visited), then prefixes.
        let found = try store.searchContacts("rossi", context: counterContext)
        #expect(found.map(\.id) == [marioRossi.id, annaRossi.id, rossini.id])
        #expect(found.map(\.tier) == [.exactSurname, .exactSurname, .prefix])
        // All prefixes: most recent visit first; never visited (a phone call is not a
        // visit) by surname, then name.
        let prefixes = try store.searchContacts("ross", context: counterContext)
        #expect(prefixes.map(\.id) == [rossini.id, marioRossi.id, rossetti.id, annaRossi.id])

        // An exact codice fiscale beats everything.
        let code = try #require(rossetti.details.fiscalCode)
        #expect(try store.searchContacts(code, context: counterContext).first?.id == rossetti.id)
    }

    @Test func mergedAndUpdatedContacts() throws {
        let store = try makeContactStore()
        let first = try store.createContact(contactForm("Ferrari", "Giulia", female: true, born: "1988-08-08", phones: ["3471112223"]),
                                            context: counterContext)
        let second = try store.createContact(contactForm("Ferrari", "Giulia", female: true, born: "1988-08-08", phones: ["3471112223"], withCode: false),
                                             context: counterContext)
        #expect(try store.searchContacts("ferrari giulia", context: counterContext).count == 2)
        let duplicates = try store.probableDuplicates(of: first.details, excluding: first.id, context: counterContext)
        #expect(duplicates.map(\.contact.contact.id) == [second.id])
        try store.mergeContacts(keep: first.id, merge: second.id, context: counterContext)
        #expect(try store.searchContacts("ferrari giulia", context: counterContext).map(\.id) == [first.id])
        #expect(try store.searchContacts("3471112223", context: counterContext).map(\.id) == [first.id])

        var draft = ContactDraft(editing: first.details)
        draft.surname = "Ferraris"
        draft.fiscalCode = ""
        draft.phones = ["051 1234567"]
        try store.updateContact(first.id, with: draft.validated(today: contactToday), context: counterContext)
        #expect(try store.searchContacts("ferraris", context: counterContext).map(\.id) == [first.id])
        #expect(try store.searchContacts("ferrari giulia", context: counterContext).first?.tier == .prefix)
        #expect(try store.searchContacts("3471112223", context: counterContext).isEmpty)
        #expect(try store.searchContacts("0511234567", context: counterContext).map(\.id) == [first.id])
    }
}
