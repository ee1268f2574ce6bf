import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

@Suite("Contact import into the store")
struct ContactImportStoreTests {
    static var goodAndBad: String {
        let rossi = fiscalCode("Rossi", "Niccolò", born: "1980-03-12")
        return """
            Codice Fiscale;Cognome;Nome;Data di nascita;Telefono;E-mail;Colore preferito
            \(rossi);Rossi;Niccolò;12/03/1980;333 1234567;;blu
            ;D'Angelo;Maria;01/07/1990;;m.dangelo@libero.it;
            RSSMRA80A01G535X;Rossi;Mario;01/01/1980;;;
            ;Verdi;Anna;;12ab;;
            ;Solo;Nome;;;;
            ;Bianchi;Luca;10/05/1985;3471234567
            "Neri;Paolo;02/02/1961;;;
            ;Neri;Paolo;02/02/1961;3391112223;;

            """
    }

    @Test func badRowsAreReportedAndGoodOnesSaved() throws {
        let store = try makeContactStore()
        let (report, summary) = try store.importContacts(try csvImport(Self.goodAndBad), source: "prova.csv", context: counterContext)
        #expect(summary.created == 3)
        #expect(summary.bulk == false)
        #expect(report.created == 3)
        #expect(report.rejected.map(\.line) == [4, 5, 6, 7, 8])
        #expect(report.rejected.first { $0.line == 4 }?.reason.contains("codice fiscale") == true)
        #expect(report.rejected.first { $0.line == 5 }?.reason.contains("telefono") == true)
        #expect(report.rejected.first { $0.line == 7 }?.reason == "la riga ha 5 campi invece di 7 come l'intestazione")
        #expect(report.ignoredHeaders == ["Colore preferito"])
        #expect(try store.contactCount() == 3)
        #expect(try store.searchContacts("dangelo", context: counterContext).count == 1)
        #expect(try store.searchContacts("niccolo ross", context: counterContext).first?.facts.name == "Niccolò")
        // One outbox event for the batch, one audit row for the import.
        #expect(try store.outboxTypes() == ["contact.imported"])
        #expect(try store.auditTexts().contains { $0.hasPrefix("anagrafica: importazione da prova.csv: 3 contatti nuovi") })
    }

    @Test(arguments: [false, true])
    func reimportCreatesNothing(bulk: Bool) throws {
        let store = try makeContactStore()
        let rows = bulk ? AppDatabase.contactBulkImportThreshold : nil
        let first = try store.importContacts(try csvImport(Self.goodAndBad), source: "a.csv", context: counterContext, expectedRows: rows)
        #expect(first.summary.bulk == bulk)
        let second = try store.importContacts(try csvImport(Self.goodAndBad), source: "a.csv", context: counterContext, expectedRows: rows)
        #expect(second.summary.created == 0)
        #expect(second.summary.alreadyPresent == 3)
        #expect(second.report.summary.contains("0 contatti creati, 3 già presenti"))
        #expect(try store.contactCount() == 3)
        // The bulk path rebuilt the key tables and indexes.
        #expect(try store.searchContacts("3391112223", context: counterContext).first?.facts.surname == "Neri")
        #expect(try store.searchContacts("m.dangelo@libero.it", context: counterContext).count == 1)
        #expect(try store.searchContacts("d'angelo", context: counterContext).count == 1)
    }

    @Test func aContactTypedAtTheCounterIsNotImportedAgain() throws {
        let store = try makeContactStore()
        try store.createContact(contactForm("Rossi", "Niccolò", born: "1980-03-12"), context: counterContext)
        let (_, summary) = try store.importContacts(try csvImport(Self.goodAndBad), source: "a.csv", context: counterContext)
        #expect(summary.created == 2)
        #expect(summary.alreadyPresent == 1)
    }

    @Test func windows1252() throws {
        let text = "cognome,nome,data_nascita,comune\nRossi,Niccolò,12/03/1980,Forlì\n"
        let bytes = Data(text.unicodeScalars.map { UInt8($0.value) })
        let store = try makeContactStore()
        let (report, summary) = try store.importContacts(try ContactCSVImport(data: bytes, today: contactToday),
                                                         source: "excel.csv", context: counterContext)
        #expect(report.encoding == .windows1252)
        #expect(report.summary.hasPrefix("File Windows-1252, separatore «,»: 1 contatto creato"))
        #expect(summary.created == 1)
        let found = try store.searchContacts("niccolo", context: counterContext)
        #expect(found.first?.facts.name == "Niccolò")
        #expect(found.first?.comune == "Forlì")
    }

    @Test func dryRunSavesNothing() throws {
        let store = try makeContactStore()
        let (report, summary) = try store.importContacts(try csvImport(Self.goodAndBad), source: "a.csv", context: counterContext, dryRun: true)
        #expect(summary.dryRun)
        #expect(report.created == 3)
        #expect(try store.contactCount() == 0)
        #expect(try store.outboxCount() == 0)
        #expect(try store.auditTexts().last?.hasSuffix("(prova, nulla salvato)") == true)
    }

    @Test func aFailureHalfWayLeavesNothing() throws {
        let store = try makeContactStore()
        var rows = try csvImport(Self.goodAndBad)
        struct Interrupted: Error {}
        var created = 0
        #expect(throws: Interrupted.self) {
            try store.importContacts(next: { rows.next() }, source: "a.csv", context: counterContext, record: { _, isNew in
                if isNew { created += 1 }
                if created == 2 { throw Interrupted() }
            })
        }
        #expect(try store.contactCount() == 0)
        #expect(try store.outboxCount() == 0)
        #expect(try store.accessLog().isEmpty)
    }

    @Test func fileProblemsAreClearMessages() throws {
        #expect(throws: CSVError.empty) { try csvImport("") }
        #expect(throws: CSVError.duplicatedHeader(name: "cognome", columns: [1, 3])) { try csvImport("cognome;nome;cognome\nA;B;C\n") }
        #expect(throws: CSVError.self) { try ContactCSVImport(data: Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01]), today: contactToday) }
        #expect(throws: CSVError.self) { try ContactCSVImport(data: Data([0x63, 0x3B, 0x81, 0x0A]), today: contactToday) }
    }
}
