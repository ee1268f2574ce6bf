import Foundation
import Testing
@testable import CruscottoModel

@Suite struct CodiceFiscaleCheckerTests {
    let checker = CodiceFiscaleChecker(reference: today)
    static let born = CivilDate(year: 1980, month: 1, day: 1)!

    @Test(arguments: ["RSSMRA80A01H501U", "RSSMRA80A01H50MM", "12345678903"])
    func validCodes(code: String) {
        #expect(checker.problem(with: code) == nil)
    }

    @Test(arguments: [
        ("RSSMRA80A01H501X", "Carattere di controllo errato"),
        ("RSSMRA80A01H50", "Lunghezza errata"),
    ])
    func invalidCodes(code: String, start: String) {
        #expect(checker.problem(with: code)?.hasPrefix(start) == true)
    }

    @Test func missingDataAreNotMismatches() {
        #expect(checker.mismatches(code: "RSSMRA80A01H501U", surname: "Rossi", name: "Mario", sex: nil, birthDate: nil, birthPlace: "").isEmpty)
        #expect(checker.mismatches(code: "RSSMRA80A01H50MM", surname: "Rossi", name: "Mario", sex: .male, birthDate: Self.born, birthPlace: "Roma").isEmpty)
    }

    @Test func differencesAreKeyedByField() {
        let found = checker.mismatches(
            code: "RSSMRA80A01H501U", surname: "Bianchi", name: "Mario", sex: .female,
            birthDate: CivilDate(year: 1980, month: 1, day: 2), birthPlace: "Milano")
        #expect(found.map(\.field) == [.surname, .sex, .birthDate, .birthPlace])
        #expect(found.first?.message == "Il cognome «Bianchi» corrisponde a «BNC», il codice fiscale ha «RSS».")
    }

    @Test func draftWithTheRealModule() throws {
        var draft = ContactDraft()
        draft.surname = "Rossi"
        draft.name = "Mario"
        draft.fiscalCode = "rssmra80a01h501u"
        draft.sex = "F"
        let result = draft.validated(today: today, fiscalCodes: checker)
        #expect(result.details?.fiscalCode == "RSSMRA80A01H501U")
        #expect(result.needsConfirmation)
        #expect(result.warnings.map(\.field) == [.fiscalCode])
    }

    @Test func omocodiaBaseFindsTheSamePerson() {
        let a = ContactDuplicateFacts(
            fiscalCode: "RSSMRA80A01H501U", fiscalCodeBase: CodiceFiscaleChecker.base(of: "RSSMRA80A01H501U"), surname: "Rossi", name: "Mario")
        let b = ContactDuplicateFacts(
            fiscalCode: "RSSMRA80A01H50MM", fiscalCodeBase: CodiceFiscaleChecker.base(of: "RSSMRA80A01H50MM"), surname: "Rossi", name: "Mario")
        #expect(ContactDuplicateRule.reasons(a, b) == [.sameFiscalCodeBase])
    }

    @Test func capDirectoryGivesHints() {
        let address = PostalAddress(cap: "29121", comune: "Piacenza")
        #expect(address.capWarning(in: CapDirectory.shared) == nil)
        #expect(address.completed(using: CapDirectory.shared).province == "PC")
    }
}

@Suite struct ContactReferenceDataTests {
    @Test func importWithTheCompiledInReferenceData() throws {
        let text = """
            cognome;nome;codice fiscale;sesso;data di nascita;luogo di nascita;cap;comune
            Rossi;Mario;RSSMRA80A01H501U;M;01/01/1980;Roma;29121;Piacenza
            Rossi;Maria;RSSMRA80A01H501X;F;01/01/1980;Roma;;
            Rossi;Mario;RSSMRA80A01H501U;M;02/01/1980;Roma;29121;Parma
            """
        let rows = Array(try ContactCSVImport(data: Data(text.utf8), today: today))
        guard case .accepted(2, let details, "cf:RSSMRA80A01H501U", let warnings) = rows[0] else {
            Issue.record("row 2: \(rows[0])"); return
        }
        #expect(details.birthPlace == "Roma")
        #expect(warnings.isEmpty)
        guard case .rejected(let rejection) = rows[1] else { Issue.record("row 3: \(rows[1])"); return }
        #expect(rejection.reason.hasPrefix("codice fiscale: Carattere di controllo errato"))
        // Same code again: repeated in the file, whatever else differs.
        #expect(rows[2] == .repeated(line: 4, firstLine: 2, identity: "cf:RSSMRA80A01H501U"))
    }

    @Test func formValidationWithTheCompiledInReferenceData() {
        var draft = ContactDraft()
        draft.surname = "Rossi"
        draft.name = "Mario"
        draft.fiscalCode = "rss-mra 80a01 h501u"
        draft.birthDate = "02/01/1980"
        draft.cap = "29121"
        draft.comune = "Parma"
        let result = draft.validated(today: today)
        #expect(result.details?.fiscalCode == "RSSMRA80A01H501U")
        #expect(result.warnings.map(\.field) == [.fiscalCode, .cap])
        #expect(result.needsConfirmation)
    }
}
