import CruscottoModel
import Foundation
import GRDB
import Testing
@testable import LocalStore

@Suite("Contact store: access context, audit, outbox, history, merges")
struct ContactAccessTests {
    @Test func everyReadAndChangeIsAuditedWithTheContext() throws {
        let store = try makeContactStore()
        let person = try store.createContact(contactForm("Rossi", "Niccolò", born: "1980-03-12"), context: counterContext)
        _ = try store.searchContacts("rossi", context: counterContext)
        _ = try store.contact(person.id.rawValue, context: counterContext)
        _ = try store.contact(person.details.fiscalCode!.lowercased(), context: counterContext)
        let log = try store.accessLog()
        #expect(log.map(\.what) == [
            "contatto \(person.id): creazione",
            "ricerca contatti «rossi»: 1 risultati",
            "contatto \(person.id): consultazione",
            "contatto \(person.id): consultazione",
        ])
        #expect(log.allSatisfy { $0.operatorUsername == "mrossi" && $0.stationID == "sportello-1" && $0.purpose == "service" })
        #expect(try store.verifyAccessLog() == nil)
    }

    @Test func trainingNeverTouchesTheRegistry() throws {
        let store = try makeContactStore()
        let training = AccessContext(operatorUsername: "formatore", stationID: "aula", purpose: .training)
        #expect(throws: ContactStoreError.trainingContext) {
            try store.createContact(contactForm("Rossi", "Mario", born: "1980-01-01"), context: training)
        }
        #expect(throws: ContactStoreError.trainingContext) { try store.searchContacts("rossi", context: training) }
        #expect(try store.contactCount() == 0)
        #expect(try store.accessLog().isEmpty)
    }

    @Test func unconfirmedWarningsAndDuplicateCodesAreRefused() throws {
        let store = try makeContactStore()
        // The code says 1980-03-12; the form says another day.
        var draft = ContactDraft()
        draft.surname = "Rossi"
        draft.name = "Niccolò"
        draft.birthDate = "13/03/1980"
        draft.fiscalCode = fiscalCode("Rossi", "Niccolò", born: "1980-03-12")
        let unconfirmed = draft.validated(today: contactToday)
        #expect(throws: ContactStoreError.self) { try store.createContact(unconfirmed, context: counterContext) }
        draft.warningsConfirmed = true
        let person = try store.createContact(draft.validated(today: contactToday), context: counterContext)
        #expect(person.details.birthDate == CivilDate(year: 1980, month: 3, day: 13))
        #expect(throws: ContactStoreError.fiscalCodeInUse(code: person.details.fiscalCode!, existing: person.id)) {
            try store.createContact(contactForm("Rossi", "Niccolò", born: "1980-03-12"), context: counterContext)
        }
        #expect(try store.contactCount() == 1)
    }

    @Test func changesAppendOutboxEventsInTheSameTransaction() throws {
        let store = try makeContactStore()
        let person = try store.createContact(contactForm("Rossi", "Anna", female: true, born: "1970-01-01"), context: counterContext)
        var draft = ContactDraft(editing: person.details)
        draft.phones = ["3331234567"]
        let updated = try store.updateContact(person.id, with: draft.validated(today: contactToday), context: counterContext)
        #expect(updated.updatedBy == "mrossi")
        try store.appendContactHistory(person.id, kind: .ticket, summary: "biglietto A012", reference: "A012", context: counterContext)
        #expect(try store.outboxTypes() == ["contact.created", "contact.updated", "contact.history", "contact.visited"])
        let created = try #require(try store.pendingOutbox().first)
        let event = try ContactEvent.decode(type: created.type, version: created.payloadVersion, payload: Data(created.payload.utf8))
        #expect(event == .created(person))
        let stored = try store.contact(person.id.rawValue, context: counterContext)
        #expect(stored.contact.details.phones.map(\.e164) == ["+393331234567"])
        #expect(stored.contact.lastVisitAt == testInstant)
    }

    @Test func storedContactsReadBackIdentically() throws {
        var draft = ContactDraft()
        draft.surname = "Dell'Orto"
        draft.name = "Gian Luca"
        draft.sex = "M"
        draft.birthDate = "05/06/1977"
        draft.birthPlace = "Piacenza"
        draft.fiscalCode = fiscalCode("Dell'Orto", "Gian Luca", born: "1977-06-05")
        draft.street = "Via Roma"
        draft.streetNumber = "12/B"
        draft.cap = "29121"
        draft.comune = "Piacenza"
        draft.province = "pc"
        draft.phones = ["0523 123456", "+41 79 123 45 67"]
        draft.emails = ["GL.Dellorto@Example.it"]
        draft.preferredChannel = "email"
        draft.consentPrivacy = "sì 12/03/2025"
        draft.consentSMS = "no 12/03/2025"
        draft.documentKind = "CIE"
        draft.documentNumber = "CA 12345 AB"
        draft.documentIssuer = "Comune di Piacenza"
        draft.documentExpiry = "01/01/2030"
        draft.notes = "Preferisce il pomeriggio; \"sordo\" da un orecchio"
        let validation = draft.validated(today: contactToday)
        let store = try makeContactStore()
        let person = try store.createContact(validation, context: counterContext)
        let stored = try store.contact(person.id.rawValue, context: counterContext)
        #expect(stored.contact == person)
        #expect(stored.contact.details == validation.details)
        #expect(try store.searchContacts("dellorto gian", context: counterContext).first?.tier == .exactSurname)
        #expect(try store.searchContacts("gianluca", context: counterContext).count == 1)
    }

    @Test func historyNewestFirstAndMergesKeepBoth() throws {
        let clock = MovingClock(testInstant)
        let store = try makeContactStore(clock: clock)
        let kept = try store.createContact(contactForm("Conti", "Elena", female: true, born: "1966-06-06"), context: counterContext)
        let other = try store.createContact(contactForm("Conti", "Elena", female: true, born: "1966-06-06", withCode: false), context: counterContext)
        try store.appendContactHistory(kept.id, kind: .ticket, summary: "A001", context: counterContext)
        clock.advance(60)
        try store.appendContactHistory(other.id, kind: .intake, summary: "istanza 12", context: counterContext)
        clock.advance(60)
        try store.appendContactHistory(kept.id, kind: .notification, summary: "avviso SMS", context: counterContext)
        #expect(try store.contactHistory(kept.id, context: counterContext).map(\.summary) == ["avviso SMS", "A001"])

        let record = try store.mergeContacts(keep: kept.id, merge: other.id, context: counterContext)
        #expect(record.reasons == ["stessi cognome, nome e data di nascita"])
        let history = try store.contactHistory(kept.id, context: counterContext)
        #expect(history.map(\.summary) == ["avviso SMS", "istanza 12", "A001"])
        #expect(history[1].contactID == other.id)
        // The kept contact takes the later visit of the two.
        #expect(try store.contact(kept.id.rawValue, context: counterContext).contact.lastVisitAt == testInstant + 60)
        #expect(try store.contact(other.id.rawValue, context: counterContext).mergedInto == kept.id)
        #expect(throws: ContactStoreError.merged(other.id, into: kept.id)) {
            try store.mergeContacts(keep: other.id, merge: kept.id, context: counterContext)
        }
        let merges = try store.contactMerges(context: counterContext)
        #expect(merges.map(\.mergedID) == [other.id])
        #expect(merges.first?.operatorUsername == "mrossi")
        #expect(try store.outboxTypes().contains("contact.merged"))
        // History appended to a merged contact goes to the one kept.
        clock.advance(60)
        let entry = try store.appendContactHistory(other.id, kind: .phoneCall, summary: "richiamata", context: counterContext)
        #expect(entry.contactID == kept.id)
    }

    @Test func migrationOnAPopulatedVersionOneStore() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("store.sqlite")
        try SecureFiles.createPrivateFile(path)
        let queue = try DatabaseQueue(path: path)
        try AppDatabase.migrations.migrator.migrate(queue, upTo: "v1-station-operators-sessions-outbox-audit")
        try queue.write { db in
            _ = try AccessAuditEntry.record(db, counterContext, what: "prima", at: testInstant)
        }
        try queue.close()
        let store = try AppDatabase.open(at: path, clock: testClock)
        #expect(try store.schemaVersion() == AppDatabase.identity.supportedVersion)
        #expect(try store.accessLog().map(\.what) == ["prima"])
        try store.createContact(contactForm("Rossi", "Mario", born: "1980-01-01"), context: counterContext)
        #expect(try store.searchContacts("mario rossi", context: counterContext).count == 1)
        #expect(try store.verifyAccessLog() == nil)
        try store.close()
    }
}
