import Testing
@testable import CruscottoModel

@Suite struct CodiceFiscaleDecoderTests {
    let decoder = CodiceFiscaleDecoder()
    let today = CivilDate(year: 2026, month: 11, day: 30)!

    struct Valid: Sendable, CustomStringConvertible {
        let code: String
        let sex: CodiceFiscaleSex
        let birth: String
        let place: String
        let placeName: String
        let level: Int
        let base: String
        var description: String { code }
    }

    @Test(arguments: [
        Valid(code: "RSSMRA80A01H501U", sex: .male, birth: "1980-01-01", place: "H501", placeName: "Roma", level: 0, base: "RSSMRA80A01H501U"),
        Valid(code: "rss mra 80a01-h501u", sex: .male, birth: "1980-01-01", place: "H501", placeName: "Roma", level: 0, base: "RSSMRA80A01H501U"),
        Valid(code: "DNGNCL75T31F205W", sex: .male, birth: "1975-12-31", place: "F205", placeName: "Milano", level: 0, base: "DNGNCL75T31F205W"),
        // Women: day + 40.
        Valid(code: "DLCMRA04B69L219J", sex: .female, birth: "2004-02-29", place: "L219", placeName: "Torino", level: 0, base: "DLCMRA04B69L219J"),
        // Foreign-born: Z codes.
        Valid(code: "FOXGUO50E05Z110U", sex: .male, birth: "1950-05-05", place: "Z110", placeName: "Francia", level: 0, base: "FOXGUO50E05Z110U"),
        Valid(code: "REXAIX99L49Z404Z", sex: .female, birth: "1999-07-09", place: "Z404", placeName: "Stati Uniti D'America", level: 0, base: "REXAIX99L49Z404Z"),
        // A comune merged in 2017: its old code is right for a birth before.
        Valid(code: "BNCGFR64H15A012H", sex: .male, birth: "1964-06-15", place: "A012", placeName: "Abetone", level: 0, base: "BNCGFR64H15A012H"),
        // A comune renamed in 1924: the name of the birth date.
        Valid(code: "VRDNNA20C50A001G", sex: .female, birth: "2020-03-10", place: "A001", placeName: "Abano Terme", level: 0, base: "VRDNNA20C50A001G"),
        Valid(code: "NREPLA17A01M376K", sex: .male, birth: "2017-01-01", place: "M376", placeName: "Abetone Cutigliano", level: 0, base: "NREPLA17A01M376K"),
        // Omocodia at several levels.
        Valid(code: "RSSMRA80A01H50MM", sex: .male, birth: "1980-01-01", place: "H501", placeName: "Roma", level: 1, base: "RSSMRA80A01H501U"),
        Valid(code: "RSSMRA80A01H5LMX", sex: .male, birth: "1980-01-01", place: "H501", placeName: "Roma", level: 2, base: "RSSMRA80A01H501U"),
        Valid(code: "RSSMRA80A01HRLMS", sex: .male, birth: "1980-01-01", place: "H501", placeName: "Roma", level: 3, base: "RSSMRA80A01H501U"),
        Valid(code: "RSSMRAULALMHRLMD", sex: .male, birth: "1980-01-01", place: "H501", placeName: "Roma", level: 7, base: "RSSMRA80A01H501U"),
    ])
    func decodesValidCodes(_ c: Valid) {
        let r = decoder.decode(c.code, reference: today)
        #expect(r.valid, "\(r.errors)")
        #expect(r.kind == .standard)
        #expect(r.sex == c.sex)
        #expect(r.birthDate?.iso == c.birth)
        #expect(r.birthPlace?.code == c.place)
        #expect(r.birthPlace?.name == c.placeName)
        #expect(r.omocodeLevel == c.level)
        #expect(r.isOmocode == (c.level > 0))
        #expect(r.baseCode == c.base)
    }

    @Test(arguments: [
        // (two-digit year code, reference date, expected birth year)
        ("RSSMRA80A01H501U", "2026-11-30", 1980),
        ("RSSMRA01A01H501D", "2026-11-30", 2001),
        ("RSSMRA01A01H501D", "2000-06-01", 1901),
        ("RSSMRA26L01H501", "2026-07-01", 2026),
        ("RSSMRA26L01H501", "2026-06-30", 1926),
    ])
    func centuryIsInferredAgainstTheReferenceDate(code: String, reference: String, year: Int) throws {
        let full = code.count == 16 ? code : code + String(try #require(CodiceFiscaleEncoder.checkCharacter(first15: code)))
        let r = decoder.decode(full, reference: try #require(CivilDate(iso: reference)))
        #expect(r.birthDate?.year == year)
    }

    @Test(arguments: [
        ("RSSMRA80A01H501X", CodiceFiscaleIssue.Code.checkCharacter, "atteso «U», trovato «X»"),
        ("RSSMRA80A01H501", .wrongLength, "16 caratteri, ne sono stati inseriti 15"),
        ("RSSMRA80A01H501UU", .wrongLength, "ne sono stati inseriti 17"),
        ("1234567", .wrongLength, "11 cifre"),
        ("", .empty, "vuoto"),
        ("R5SMRA80A01H501U", .unexpectedCharacter, "posizione 2"),
        ("RSSMRAA0A01H501U", .unexpectedCharacter, "posizione 7"),
        ("RSSMRA80A01H5A1U", .unexpectedCharacter, "posizione 14"),
        ("RSSMRA80A01H5011", .unexpectedCharacter, "atteso è «U»"),
        ("RSSMRÀ80A01H501U", .invalidCharacter, "«À» in posizione 6"),
        ("RSSMRA80F01H501U", .invalidMonth, "«F»"),
        ("RSSMRA80A72H501U", .invalidDay, "«72»"),
        ("RSSMRA80A35H501U", .invalidDay, "«35»"),
        ("RSSMRA80A00H501U", .invalidDay, "«00»"),
        ("RSSMRA80B30H501U", .impossibleDate, "30 febbraio 1980"),
        ("DLCMRA02B69L219H", .impossibleDate, "29 febbraio 2002"),
        ("RSSMRA80A01Z999U", .unknownPlace, "«Z999»"),
        ("NREPLA18A01A012U", .placeNotValidOnDate, "valido dal 26/07/1936 al 31/12/2016"),
        ("NREPLA80A01M376U", .placeNotValidOnDate, "dal 01/01/2017"),
        ("RSSMRA95A01Z105U", .placeNotValidOnDate, "Cecoslovacchia"),
        ("01234567890", .checkDigit, "attesa «7», trovata «0»"),
    ] as [(String, CodiceFiscaleIssue.Code, String)])
    func eachBadInputHasItsOwnError(code: String, error: CodiceFiscaleIssue.Code, fragment: String) {
        // Recompute the check character where the test is about something else, so that
        // only the intended error is present.
        let input = CodiceFiscaleDecoderTests.fixCheck(code, unless: error)
        let r = decoder.decode(input, reference: today)
        #expect(!r.valid)
        #expect(r.errors.map(\.code) == [error])
        #expect(r.errors.first?.message.contains(fragment) == true, "\(r.errors)")
        #expect(!CodiceFiscaleValidator.isValid(input, reference: today))
    }

    @Test func provisionalCodes() {
        let r = decoder.decode("01234567897", reference: today)
        #expect(r.valid)
        #expect(r.kind == .provisional)
        #expect(r.sex == nil)
        #expect(decoder.decode("06363391001", reference: today).valid)
        #expect(!decoder.decode("06363391002", reference: today).valid)
    }

    @Test func warnsWhenOmocodiaIsNotRightToLeft() {
        let r = decoder.decode("RSSMRAU0A01H501R", reference: today)
        #expect(r.valid)
        #expect(r.omocodeLevel == 1)
        #expect(r.warnings.map(\.code) == [.omocodeOrder])
    }

    /// The code with a correct check character, except when the check is what is tested.
    static func fixCheck(_ code: String, unless error: CodiceFiscaleIssue.Code) -> String {
        guard code.count == 16, error != .checkCharacter, error != .unexpectedCharacter, error != .invalidCharacter,
              let check = CodiceFiscaleEncoder.checkCharacter(first15: String(code.prefix(15))) else { return code }
        return String(code.prefix(15)) + String(check)
    }
}
