import Foundation
import Testing
@testable import CruscottoModel

@Suite struct ContactDraftTests {
    static func draft(_ edit: (inout ContactDraft) -> Void) -> ContactDraft {
        var draft = ContactDraft()
        draft.surname = "  De   Luca "
        draft.name = "Mario"
        edit(&draft)
        return draft
    }

    @Test func minimalDraftIsValidAndCleaned() throws {
        let result = Self.draft { _ in }.validated(today: today, fiscalCodes: FakeFiscalCodes())
        let details = try #require(result.details)
        #expect(details.surname == "De Luca")
        #expect(details.fiscalCode == nil)
        #expect(result.errors.isEmpty)
        #expect(!result.needsConfirmation)
    }

    @Test(arguments: [
        ([(ContactField.surname, "")], ContactField.surname, "obbligatorio"),
        ([(.name, "Mario2")], .name, "sono ammesse solo lettere, spazi, apostrofi e trattini"),
        ([(.fiscalCode, "RSSMRA80C12G535X")], .fiscalCode, "codice fiscale non valido"),
        ([(.sex, "X")], .sex, "indicare M o F"),
        ([(.birthDate, "01/12/2026")], .birthDate, "è nel futuro"),
        ([(.birthDate, "1980-13-01")], .birthDate, "data non valida: usare GG/MM/AAAA"),
        ([(.cap, "2912")], .cap, "il CAP è di 5 cifre"),
        ([(.province, "Piacenza")], .province, "la sigla della provincia è di 2 lettere"),
        ([(.phones, "3331234567"), (.phones, "33")], .phones, "2° valore: numero di telefono troppo corto («33»)"),
        ([(.emails, "mario")], .emails, "indirizzo e-mail senza @ («mario»)"),
        ([(.preferredChannel, "sms")], .preferredChannel, "manca un numero di telefono per il canale scelto"),
        ([(.preferredChannel, "piccione")], .preferredChannel, "canale non riconosciuto: telefono, SMS, e-mail, posta o nessuno"),
        ([(.consentSMS, "forse")], .consentSMS, "risposta non riconosciuta «forse»: usare sì, no oppure una data"),
        ([(.consentEmail, "sì 01/01/2030")], .consentEmail, "la data del consenso è nel futuro"),
        ([(.documentNumber, "CA12345AB")], .documentKind, "tipo non riconosciuto: CIE, carta d'identità, passaporto, patente, permesso di soggiorno o altro"),
        ([(.documentKind, "CIE")], .documentNumber, "obbligatorio se si indica un documento"),
    ])
    func fieldErrors(values: [(ContactField, String)], field: ContactField, message: String) {
        let draft = Self.draft { draft in
            for (field, value) in values { draft.set(field, to: value) }
        }
        let result = draft.validated(today: today, fiscalCodes: FakeFiscalCodes())
        #expect(result.details == nil)
        #expect(result.errors == [field: message])
    }

    @Test func fiscalCodeMismatchNeedsConfirmation() throws {
        var draft = Self.draft {
            $0.fiscalCode = "rssmra80c12g535t"
            $0.sex = "F"
            $0.birthDate = "12/03/1980"
        }
        let result = draft.validated(today: today, fiscalCodes: FakeFiscalCodes())
        #expect(result.isValid)
        #expect(result.needsConfirmation)
        #expect(result.details?.fiscalCode == "RSSMRA80C12G535T")
        #expect(result.warnings.map(\.message) == [
            "Il codice fiscale non corrisponde ai dati anagrafici. Sesso: F, nel codice M.",
        ])
        draft.warningsConfirmed = true
        #expect(!draft.validated(today: today, fiscalCodes: FakeFiscalCodes()).needsConfirmation)
    }

    @Test func expiredDocumentIsAWarning() {
        let result = Self.draft {
            $0.documentKind = "carta d'identità"
            $0.documentNumber = "ab 123456"
            $0.documentExpiry = "29/11/2026"
        }.validated(today: today, fiscalCodes: FakeFiscalCodes())
        let document = IdentityDocument(kind: .paperIdentityCard, number: "AB123456", expiresOn: CivilDate(year: 2026, month: 11, day: 29))
        #expect(result.details?.documents == [document])
        #expect(result.warnings == [.documentExpired(document)])
    }

    @Test func editingRoundTrips() throws {
        let draft = Self.draft {
            $0.fiscalCode = "DNGNCL85E50F205X"
            $0.sex = "femmina"
            $0.birthDate = "1985-05-10"
            $0.street = "Via Roma"
            $0.streetNumber = "12/B"
            $0.cap = "29121"
            $0.comune = "Piacenza"
            $0.province = "pc"
            $0.phones = ["333 1234567", "+39 333 1234567", "0523 123456"]
            $0.emails = ["a@b.it", "A@B.IT"]
            $0.preferredChannel = "sms"
            $0.consentPrivacy = "01/02/2024"
            $0.consentSMS = "no"
            $0.documentKind = "passaporto"
            $0.documentNumber = "YA1234567"
            $0.documentExpiry = "2030-01-01"
        }
        let details = try #require(draft.validated(today: today, fiscalCodes: FakeFiscalCodes()).details)
        #expect(details.phones.count == 2) // the same number twice is kept once
        #expect(details.emails.count == 1)
        #expect(details.address.province == "PC")
        #expect(details.consents == [
            Consent(kind: .privacyNotice, granted: true, recordedOn: CivilDate(year: 2024, month: 2, day: 1)!),
            Consent(kind: .sms, granted: false, recordedOn: today),
        ])
        let again = ContactDraft(editing: details).validated(today: CivilDate(year: 2027, month: 6, day: 1)!, fiscalCodes: FakeFiscalCodes())
        #expect(again.details == details)
    }

    @Test func contactCodableRoundTrip() throws {
        let details = try #require(Self.draft { $0.phones = ["3331234567"]; $0.birthDate = "02/01/1990" }
            .validated(today: today, fiscalCodes: FakeFiscalCodes()).details)
        let creator = AccessContext(operatorUsername: "mrossi", stationID: "sportello-1", purpose: .service)
        let editor = AccessContext(operatorUsername: "abianchi", stationID: "sportello-2", purpose: .service)
        var contact = Contact(id: ContactID(UUID()), details: details, createdBy: creator, at: Date(timeIntervalSince1970: 1_000))
        var edited = details
        edited.notes = "preferisce essere chiamata al mattino"
        let event = contact.update(edited, by: editor, at: Date(timeIntervalSince1970: 2_000))
        #expect(event == .updated(id: contact.id, details: edited, by: "abianchi", at: Date(timeIntervalSince1970: 2_000)))
        #expect(contact.recordVisit(at: Date(timeIntervalSince1970: 3_000)) == .visited(id: contact.id, at: Date(timeIntervalSince1970: 3_000)))
        #expect(contact.lastVisitAt == Date(timeIntervalSince1970: 3_000))
        #expect(contact.createdBy == "mrossi")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try encoder.encode(contact)
        #expect(try JSONDecoder().decode(Contact.self, from: json) == contact)
        #expect(String(decoding: json, as: UTF8.self).contains("\"birthDate\":\"1990-01-02\""))
        #expect(contact.surname == "De Luca")
        #expect(contact.updatedBy == "abianchi")
    }

    @Test(arguments: [
        ("Rossi", "Rossi"),
        ("De Luca", "De Luca"),
        ("  De   Luca ", "De Luca"),
        ("De\tLuca", "De Luca"),
        ("Niccolò  Maria", "Niccolò Maria"),
        ("", ""),
    ])
    func cleanText(input: String, clean: String) {
        #expect(ContactDraft.cleanText(input) == clean)
    }

    @Test(arguments: [
        ("D’Angelo", "D'Angelo"),
        ("Nicolo\u{0300}", "Nicolo\u{0300}"),
    ])
    func cleanName(input: String, clean: String) {
        #expect(ContactDraft.cleanName(input) == clean)
    }

    @Test(arguments: [("Nicolo\u{0300}", true), ("Zoë Ærø", true), ("O'Brien-Smith Jr.", true), ("Mario_", false), ("R2", false)])
    func nameText(input: String, valid: Bool) {
        #expect(ContactDraft.isNameText(input) == valid)
    }
}
