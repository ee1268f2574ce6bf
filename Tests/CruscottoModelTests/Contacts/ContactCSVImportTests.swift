import Foundation
import Testing
@testable import CruscottoModel

@Suite struct ContactCSVImportTests {
    static func rows(_ text: String) throws -> [ContactImportRow] {
        try rows(Array(text.utf8))
    }

    static func rows(_ bytes: [UInt8]) throws -> [ContactImportRow] {
        Array(try ContactCSVImport(data: Data(bytes), today: today, fiscalCodes: FakeFiscalCodes()))
    }

    @Test(arguments: [
        ("Cognome", ContactField.surname),
        ("SURNAME", .surname),
        ("first_name", .name),
        ("Nome", .name),
        ("Codice Fiscale", .fiscalCode),
        ("CF", .fiscalCode),
        ("tax code", .fiscalCode),
        ("Data di nascita", .birthDate),
        ("data-nascita", .birthDate),
        ("birth_date", .birthDate),
        ("Località", .comune),
        ("Nazionalità", .citizenship),
        ("Telefono", .phones),
        ("telefono2", .phones),
        ("Telefono 3", .phones),
        ("cellulare", .phones),
        ("E-mail", .emails),
        ("PEC", .emails),
        ("email_2", .emails),
        ("Consenso privacy", .consentPrivacy),
        ("C.A.P.", .cap),
    ])
    func headerNames(header: String, field: ContactField) {
        #expect(ContactCSVMapping.field(forHeader: header) == field)
    }

    @Test(arguments: ["cognome2", "colore preferito", "", "nome_3"])
    func unknownHeaders(header: String) {
        #expect(ContactCSVMapping.field(forHeader: header) == nil)
    }

    @Test(arguments: [
        ("cognome;nome;Cognome\n", CSVError.duplicatedHeader(name: "cognome", columns: [1, 3])),
        ("cognome;nome;telefono;TELEFONO\n", .duplicatedHeader(name: "telefono", columns: [3, 4])),
        ("cognome;nome;cf;codice fiscale\n", .sameFieldTwice(field: "codice fiscale", columns: [3, 4])),
        ("cognome;email;telefono\n", .missingNameColumns(found: ["cognome", "email", "telefono"])),
        ("questo è un testo qualsiasi\n", .missingNameColumns(found: ["questo è un testo qualsiasi"])),
        ("", .empty),
    ])
    func badHeaders(text: String, error: CSVError) {
        #expect(throws: error) { try Self.rows(text) }
    }

    @Test func binaryFileIsNotCSV() {
        #expect(throws: CSVError.notCSV(offset: 2)) { try Self.rows([0x50, 0x4B, 0x03, 0x04, 0x00]) }
    }

    @Test func importsValidRowsAndReportsBadOnesWithTheirLines() throws {
        let text = """
            Cognome;Nome;Codice fiscale;Sesso;Data di nascita;Telefono;Cellulare;E-mail;CAP;Consenso privacy;Note;Colore
            Rossi;Mario;RSSMRA80C12G535T;M;12/03/1980;0523 123456;333 1234567;mario.rossi@libero.it;29121;sì;"prima riga
            seconda riga";blu
            ;Anna;;F;1990-01-02;;;;;;;
            Verdi;Luca;;M;31/02/1990;;;;;;;
            D'Angelo;Niccolò;;M;1985-05-10;;;n.dangelo@libero.it;;no 01/02/2024;;
            Bianchi;Carla;;F;;33;;;;;;
            Neri;Paolo
            "Gialli;Ugo;;M;01/01/1970;;;;;;;
            Blu;Ada;;F;01/01/1970;;;ada@@x.it;;;;
            Solo;Nome;;;;;;;;;;
            D'Angelo;Niccolò;;M;10/05/1985;;;N.Dangelo@LIBERO.IT;;;;
            """
        let rows = try Self.rows(text)
        #expect(rows.map(\.line) == [2, 4, 5, 6, 7, 8, 9, 10, 11, 12])

        guard case .accepted(2, let rossi, let rossiIdentity, let rossiWarnings) = rows[0] else {
            Issue.record("row 2 not accepted: \(rows[0])"); return
        }
        #expect(rossi.phones.map(\.e164) == ["+390523123456", "+393331234567"])
        #expect(rossi.emails.map(\.value) == ["mario.rossi@libero.it"])
        #expect(rossi.notes == "prima riga\nseconda riga")
        #expect(rossi.consent(.privacyNotice) == Consent(kind: .privacyNotice, granted: true, recordedOn: today))
        #expect(rossiIdentity == "cf:RSSMRA80C12G535T")
        #expect(rossiWarnings.isEmpty)

        func reason(_ row: ContactImportRow) -> String? {
            if case .rejected(let rejection) = row { return rejection.reason } else { return nil }
        }
        #expect(reason(rows[1]) == "cognome: obbligatorio")
        #expect(reason(rows[2]) == "data di nascita: data non valida: usare GG/MM/AAAA")
        guard case .accepted(6, let dangelo, let dangeloIdentity, _) = rows[3] else {
            Issue.record("row 6 not accepted: \(rows[3])"); return
        }
        #expect(dangelo.consent(.privacyNotice)?.granted == false)
        #expect(dangeloIdentity == "anag:dangelo|niccolo|1985-05-10||n.dangelo@libero.it")
        #expect(reason(rows[4])?.hasPrefix("telefono: numero di telefono troppo corto") == true)
        #expect(reason(rows[5]) == "la riga ha 2 campi invece di 12 come l'intestazione")
        #expect(reason(rows[6]) == "virgolette aperte e mai chiuse")
        #expect(reason(rows[7])?.hasPrefix("e-mail: indirizzo e-mail con più di una @") == true)
        #expect(reason(rows[8])?.hasPrefix("servono il codice fiscale") == true)
        #expect(rows[9] == .repeated(line: 12, firstLine: 6, identity: dangeloIdentity))
    }

    @Test func mismatchIsAWarningNotARejection() throws {
        let rows = try Self.rows("cognome;nome;cf;data nascita\nRossi;Mario;RSSMRA80C12G535T;13/03/1980\n")
        guard case .accepted(_, _, _, let warnings) = rows[0] else { Issue.record("not accepted"); return }
        #expect(warnings == [.fiscalCodeMismatch([FiscalCodeMismatch(field: .birthDate, message: "Nato il 13/03/1980, nel codice 12/03/1980.")])])
    }

    @Test func windows1252FileWithCommas() throws {
        let bytes = Array("surname,first_name,phone\nRossi,Nicol".utf8) + [0xF2] + Array(",3331234567\n".utf8)
        var importer = try ContactCSVImport(data: Data(bytes), today: today, fiscalCodes: FakeFiscalCodes())
        #expect(importer.encoding == .windows1252)
        #expect(importer.separator == ",")
        guard case .accepted(2, let details, _, _)? = importer.next() else { Issue.record("not accepted"); return }
        #expect(details.name == "Nicolò")
        #expect(importer.next() == nil)
        #expect(importer.progress == 1)
    }

    @Test func sameFileTwiceGivesTheSameIdentities() throws {
        let text = "cognome;nome;telefono\nRossi;Mario;3331234567\nBianchi;Anna;0523 654321\n"
        func identities() throws -> [String] {
            try Self.rows(text).compactMap {
                if case .accepted(_, _, let identity, _) = $0 { identity } else { nil }
            }
        }
        let first = try identities()
        #expect(first == ["anag:rossi|mario||+393331234567|", "anag:bianchi|anna||+390523654321|"])
        #expect(try identities() == first)
    }

    @Test func ignoredColumnsAreListed() throws {
        let importer = try ContactCSVImport(data: Data("Cognome;Nome;Colore\n".utf8), today: today, fiscalCodes: FakeFiscalCodes())
        #expect(importer.mapping.ignoredHeaders == ["Colore"])
    }
}

@Suite struct ContactImportReportTests {
    @Test func reportCountsAndListsByLine() throws {
        let text = """
            cognome;nome;telefono;cap;colore
            Rossi;Mario;3331234567;29121;blu
            ;Anna;3331234568;;
            Rossi;Mario;333 1234567;;
            Bianchi;Anna;3331234569;29;
            Verdi;Ugo;3331234560;;
            """
        var importer = try ContactCSVImport(data: Data(text.utf8), today: today, fiscalCodes: FakeFiscalCodes())
        var report = ContactImportReport(encoding: importer.encoding, separator: importer.separator, ignoredHeaders: importer.mapping.ignoredHeaders)
        while let row = importer.next() {
            // Pretend the registry already holds Verdi.
            if case .accepted(_, let details, _, _) = row {
                report.record(row, isNew: details.surname != "Verdi")
            } else {
                report.record(row)
            }
        }
        #expect(report.summary == "File UTF-8, separatore «;»: 1 contatto creato, 1 già presente, 1 ripetuto nel file, 2 righe scartate.")
        #expect(report.details == [
            "riga 3: scartata: cognome: obbligatorio",
            "riga 4: stessa persona della riga 2, saltata",
            "riga 5: scartata: CAP: il CAP è di 5 cifre",
            "colonne ignorate: colore",
        ])
    }
}
