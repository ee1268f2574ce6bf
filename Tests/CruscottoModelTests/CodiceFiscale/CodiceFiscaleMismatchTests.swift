import Testing
@testable import CruscottoModel

@Suite struct CodiceFiscaleMismatchTests {
    let mismatch = CodiceFiscaleMismatch()

    func person(surname: String = "Rossi", name: String = "Mario", sex: CodiceFiscaleSex = .male,
                birth: String = "1980-01-01", place: String = "Roma (RM)") -> CodiceFiscalePerson {
        CodiceFiscalePerson(surname: surname, name: name, sex: sex, birthDate: CivilDate(iso: birth)!, birthPlace: place)
    }

    @Test(arguments: ["RSSMRA80A01H501U", "RSSMRA80A01H5LMX"])
    func matchingDataGiveNoWarnings(code: String) {
        #expect(mismatch.warnings(code: code, person: person()).isEmpty)
    }

    @Test func ambiguousPlaceMatchesWhenTheCodeIsACandidate() {
        // Castro: BG (C337) and LE (M261) were both comuni in 1990.
        let code = "RSSMRA90A01M261" + String(CodiceFiscaleEncoder.checkCharacter(first15: "RSSMRA90A01M261")!)
        #expect(mismatch.warnings(code: code, person: person(birth: "1990-01-01", place: "Castro")).isEmpty)
    }

    @Test(arguments: [
        (CodiceFiscaleIssue.Code.surnameMismatch, "Bianchi", "Mario", CodiceFiscaleSex.male, "1980-01-01", "Roma"),
        (.nameMismatch, "Rossi", "Marco", .male, "1980-01-01", "Roma"),
        (.sexMismatch, "Rossi", "Mario", .female, "1980-01-01", "Roma"),
        (.birthDateMismatch, "Rossi", "Mario", .male, "1980-01-02", "Roma"),
        (.birthPlaceMismatch, "Rossi", "Mario", .male, "1980-01-01", "Milano"),
        (.birthPlaceMismatch, "Rossi", "Mario", .male, "1980-01-01", "Atlantide"),
    ] as [(CodiceFiscaleIssue.Code, String, String, CodiceFiscaleSex, String, String)])
    func eachDifferenceIsOneWarning(code: CodiceFiscaleIssue.Code, surname: String, name: String, sex: CodiceFiscaleSex, birth: String, place: String) {
        let warnings = mismatch.warnings(code: "RSSMRA80A01H501U", person: person(surname: surname, name: name, sex: sex, birth: birth, place: place))
        #expect(warnings.map(\.code) == [code])
    }

    @Test func malformedCodeGivesNoMismatch() {
        #expect(mismatch.warnings(code: "RSS", person: person()).isEmpty)
    }
}
