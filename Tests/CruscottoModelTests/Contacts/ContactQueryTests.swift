import Testing
@testable import CruscottoModel

@Suite struct ContactQueryTests {
    typealias I = ContactQuery.Interpretation

    @Test(arguments: [
        ("RSSMRA80C12G535T", [I.fiscalCode("RSSMRA80C12G535T")]),
        ("rssmra80c12g535t", [I.fiscalCode("RSSMRA80C12G535T")]),
        ("RSS MRA 80C12 G535T", [I.fiscalCode("RSSMRA80C12G535T")]),
        ("RSSMRALPC12G535T", [I.fiscalCode("RSSMRALPC12G535T")]), // omocodia letters in the year
        ("RSSMRA80C", [I.fiscalCodePrefix("RSSMRA80C")]),
        ("RSSNCL", [I.fiscalCodePrefix("RSSNCL"), I.name(tokens: ["rssncl"])]),
        ("rossi", [I.name(tokens: ["rossi"])]),
        ("niccolo ross", [I.name(tokens: ["niccolo", "ross"])]),
        ("Niccolò Rossi", [I.name(tokens: ["niccolo", "rossi"])]),
        ("d'angelo", [I.name(tokens: ["dangelo"])]),
        ("mario.rossi@libero.it", [I.email(exact: EmailAddress("mario.rossi@libero.it"), prefix: "mario.rossi@libero.it")]),
        ("Mario.Rossi@", [I.email(exact: nil, prefix: "mario.rossi@")]),
        ("333 1234567", [I.phone(exact: PhoneNumber("3331234567"), reversedDigitsPrefix: "765432133393")]),
        ("+39 333 1234567", [I.phone(exact: PhoneNumber("3331234567"), reversedDigitsPrefix: "765432133393")]),
        ("4567", [I.phone(exact: nil, reversedDigitsPrefix: "7654")]),
        ("123", []),
        ("12345678901", [I.fiscalCode("12345678901"), I.phone(exact: nil, reversedDigitsPrefix: "10987654321")]),
        ("rossi 80", [I.name(tokens: ["rossi"])]),
        ("rssmra80 x", []),
        ("rossim 80", [I.fiscalCodePrefix("ROSSIM80"), I.name(tokens: ["rossim"])]),
        ("   ", []),
    ])
    func classifies(text: String, expected: [ContactQuery.Interpretation]) {
        #expect(ContactQuery(text).interpretations == expected)
    }

    @Test func nameTokensAreBounded() {
        let query = ContactQuery("a b c d e f g h")
        #expect(query.nameTokens?.count == ContactQuery.maximumNameTokens)
    }

    @Test(arguments: ["RSSMRA", "RSSMRA8", "RSSMRA80C12G535T", "RSSMRALPC"])
    func fiscalCodeShapeAccepts(code: String) {
        #expect(ContactQuery.matchesFiscalCodeShape(code))
    }

    @Test(arguments: ["RSSMR1", "RSSMRA8A", "RSSMRA80Z", "RSSMRA80C12G535T1"])
    func fiscalCodeShapeRefuses(code: String) {
        #expect(!ContactQuery.matchesFiscalCodeShape(code))
    }
}
