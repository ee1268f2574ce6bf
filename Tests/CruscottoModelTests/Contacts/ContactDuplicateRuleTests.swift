import Testing
@testable import CruscottoModel

@Suite struct ContactDuplicateRuleTests {
    static let born = CivilDate(year: 1980, month: 3, day: 12)!

    @Test(arguments: [
        (ContactDuplicateFacts(fiscalCode: "RSSMRA80C12G535T", surname: "Rossi", name: "Mario"),
         ContactDuplicateFacts(fiscalCode: "rssmra80c12g535t", surname: "Rosi", name: "Mario"),
         [ContactDuplicateRule.Reason.sameFiscalCode]),
        (ContactDuplicateFacts(fiscalCode: "RSSMRA80C12G535T", fiscalCodeBase: "RSSMRA80C12G535", surname: "Rossi", name: "Mario"),
         ContactDuplicateFacts(fiscalCode: "RSSMRA80C12G53RH", fiscalCodeBase: "RSSMRA80C12G535", surname: "Rossi", name: "Mario"),
         [.sameFiscalCodeBase]),
        (ContactDuplicateFacts(surname: "D'Angelo", name: "Niccolò", birthDate: born),
         ContactDuplicateFacts(surname: "DANGELO", name: "Niccolo", birthDate: born),
         [.sameNameAndBirthDate]),
        (ContactDuplicateFacts(fiscalCode: "RSSMRA80C12G535T", surname: "Rossi", name: "Mario", birthDate: born),
         ContactDuplicateFacts(fiscalCode: "RSSMRA80C12H501X", surname: "Rossi", name: "Mario", birthDate: born),
         []),
        (ContactDuplicateFacts(surname: "Rossi", name: "Mario", phones: [PhoneNumber("3331234567")!], emails: [EmailAddress("A@b.it")!]),
         ContactDuplicateFacts(surname: "Rossi", name: "Anna", phones: [PhoneNumber("+39 333 1234567")!], emails: [EmailAddress("a@B.it")!]),
         [.samePhone(PhoneNumber("3331234567")!), .sameEmail(EmailAddress("A@b.it")!)]),
        (ContactDuplicateFacts(surname: "Rossi", name: "Mario", birthDate: born),
         ContactDuplicateFacts(surname: "Rossi", name: "Mario"),
         []),
    ])
    func reasons(a: ContactDuplicateFacts, b: ContactDuplicateFacts, expected: [ContactDuplicateRule.Reason]) {
        #expect(ContactDuplicateRule.reasons(a, b) == expected)
        #expect(ContactDuplicateRule.reasons(b, a).count == expected.count)
        #expect(ContactDuplicateRule.areProbableDuplicates(a, b) == !expected.isEmpty)
    }

    @Test func nameAndBirthKey() {
        let facts = ContactDuplicateFacts(surname: "De Luca", name: "Niccolò", birthDate: Self.born)
        #expect(ContactDuplicateRule.nameAndBirthKey(facts) == "deluca|niccolo|1980-03-12")
    }
}
