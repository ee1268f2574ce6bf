import Testing
@testable import CruscottoModel

@Suite struct CodiceFiscaleEncoderTests {
    let encoder = CodiceFiscaleEncoder()

    @Test(arguments: [
        ("Rossi", "RSS"),
        ("D'Angelo", "DNG"),
        ("De Luca", "DLC"),
        ("Fo", "FOX"),      // one consonant: consonant, vowel, X
        ("Re", "REX"),
        ("Oe", "OEX"),      // vowels only
        ("Aò", "AOX"),
        ("Ai", "AIX"),
        ("Müller", "MLL"),
        ("Bianchi", "BNC"),
    ])
    func surnameLetters(surname: String, expected: String) {
        #expect(CodiceFiscaleEncoder.surnameCode(surname) == expected)
    }

    @Test(arguments: [
        ("Mario", "MRA"),
        ("Nicolò", "NCL"),
        ("Gianfranco", "GFR"),   // ≥ 4 consonants: 1st, 3rd, 4th
        ("Alessandro", "LSN"),
        ("Maria Luisa", "MLS"),
        ("Ugo", "GUO"),
        ("Ai", "AIX"),
        ("Anna", "NNA"),
        ("Paolo", "PLA"),
    ])
    func nameLetters(name: String, expected: String) {
        #expect(CodiceFiscaleEncoder.nameCode(name) == expected)
    }

    @Test(arguments: ["", "  ", "'-", "123"])
    func noLettersNoCode(text: String) {
        #expect(CodiceFiscaleEncoder.surnameCode(text) == nil)
        #expect(CodiceFiscaleEncoder.nameCode(text) == nil)
    }

    @Test(arguments: [
        ("Rossi", "Mario", CodiceFiscaleSex.male, "1980-01-01", "Roma (RM)", "RSSMRA80A01H501U"),
        ("Rossi", "Mario", .male, "1980-01-01", "roma", "RSSMRA80A01H501U"),
        ("Rossi", "Mario", .male, "1980-01-01", "H501", "RSSMRA80A01H501U"),
        ("D'Angelo", "Nicolò", .male, "1975-12-31", "Milano (MI)", "DNGNCL75T31F205W"),
        ("De Luca", "Maria", .female, "2004-02-29", "Torino", "DLCMRA04B69L219J"),
        ("Fo", "Ugo", .male, "1950-05-05", "Francia", "FOXGUO50E05Z110U"),
        ("Re", "Ai", .female, "1999-07-09", "Stati Uniti d'America", "REXAIX99L49Z404Z"),
        ("Bianchi", "Gianfranco", .male, "1964-06-15", "Abetone (PT)", "BNCGFR64H15A012H"),
        ("Verdi", "Anna", .female, "1920-03-10", "Abano Terme (PD)", "VRDNNA20C50A001G"),
        ("Colombo", "Giuseppe", .male, "1985-04-20", "Forlì (FC)", "CLMGPP85D20D704R"),
        ("Colombo", "Giuseppe", .male, "1985-04-20", "FORLI' (FO)", "CLMGPP85D20D704R"),
        ("Müller", "Hans", .male, "1970-01-02", "Germania", "MLLHNS70A02Z112C"),
    ] as [(String, String, CodiceFiscaleSex, String, String, String)])
    func encodes(surname: String, name: String, sex: CodiceFiscaleSex, birth: String, place: String, code: String) throws {
        let person = CodiceFiscalePerson(surname: surname, name: name, sex: sex, birthDate: try #require(CivilDate(iso: birth)), birthPlace: place)
        let result = encoder.encode(person)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.code == code)
        // What we compute, we read back (the birth date as reference keeps the century).
        let decoded = CodiceFiscaleDecoder().decode(code, reference: try #require(CivilDate(iso: birth)))
        #expect(decoded.valid)
        #expect(decoded.birthDate?.iso == birth)
    }

    @Test func renamedPlaceGivesAWarning() throws {
        let person = CodiceFiscalePerson(surname: "Verdi", name: "Anna", sex: .female, birthDate: try #require(CivilDate(iso: "1920-03-10")), birthPlace: "Abano Terme")
        #expect(encoder.encode(person).warnings.map(\.code) == [.placeRenamed])
    }

    @Test(arguments: [
        ("Castro", "1990-01-01", CodiceFiscaleIssue.Code.ambiguousPlace, ["C337", "M261"]),
        ("Samone", "1990-01-01", .ambiguousPlace, ["H753", "H754"]),
        ("Abetone Cutigliano", "1980-01-01", .placeNotValidOnDate, ["M376"]),
        ("Atlantide", "1980-01-01", .unknownPlace, []),
        ("Roma (MI)", "1980-01-01", .unknownPlace, ["H501"]),
        ("Z999", "1980-01-01", .unknownPlace, []),
        ("A012", "2018-01-01", .placeNotValidOnDate, []),
        ("", "1980-01-01", .unknownPlace, []),
    ] as [(String, String, CodiceFiscaleIssue.Code, [String])])
    func placeProblemsAreErrorsWithCandidates(place: String, birth: String, error: CodiceFiscaleIssue.Code, candidates: [String]) throws {
        let person = CodiceFiscalePerson(surname: "Rossi", name: "Mario", sex: .male, birthDate: try #require(CivilDate(iso: birth)), birthPlace: place)
        let result = encoder.encode(person)
        #expect(result.code == nil)
        #expect(result.errors.map(\.code) == [error])
        #expect(Set(result.candidates.map(\.code)) == Set(candidates))
    }

    @Test func surnameWithoutLetters() throws {
        let person = CodiceFiscalePerson(surname: "--", name: "Mario", sex: .male, birthDate: try #require(CivilDate(iso: "1980-01-01")), birthPlace: "Roma")
        let result = encoder.encode(person)
        #expect(result.code == nil)
        #expect(result.errors.map(\.code) == [.invalidSurname])
    }

    @Test(arguments: [
        ("Roma (RM)", "Roma", "RM", nil),
        ("  San Teodoro ( ss ) ", "San Teodoro", "SS", nil),
        ("Francia", "Francia", nil, nil),
        ("h501", "H501", nil, "H501"),
    ] as [(String, String, String?, String?)])
    func placeQueries(text: String, name: String, province: String?, code: String?) {
        let q = BirthPlaceQuery(text)
        #expect(q.name == name)
        #expect(q.province == province)
        #expect(q.code == code)
    }
}
