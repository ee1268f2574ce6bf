import Testing
@testable import CruscottoModel

struct FakePostalCodes: PostalCodeDirectory {
    let table: [String: [PostalPlace]] = [
        "29121": [PostalPlace(comune: "Piacenza", province: "PC")],
        "29010": [
            PostalPlace(comune: "Alseno", province: "PC"),
            PostalPlace(comune: "Besenzone", province: "PC"),
            PostalPlace(comune: "Calendasco", province: "PC"),
            PostalPlace(comune: "Castelvetro Piacentino", province: "PC"),
            PostalPlace(comune: "Forlì Piccola", province: "PC"),
        ],
    ]

    func places(forCap cap: String) -> [PostalPlace] { table[cap] ?? [] }
}

@Suite struct PostalAddressHintsTests {
    @Test(arguments: [
        (PostalAddress(cap: "29121"), PostalAddress(cap: "29121", comune: "Piacenza", province: "PC")),
        (PostalAddress(cap: "29121", comune: "PIACENZA"), PostalAddress(cap: "29121", comune: "PIACENZA", province: "PC")),
        (PostalAddress(cap: "29010"), PostalAddress(cap: "29010", province: "PC")),
        (PostalAddress(cap: "29010", comune: "forli piccola"), PostalAddress(cap: "29010", comune: "forli piccola", province: "PC")),
        (PostalAddress(cap: "29121", comune: "Parma"), PostalAddress(cap: "29121", comune: "Parma")),
        (PostalAddress(cap: "29121", comune: "Piacenza", province: "XX"), PostalAddress(cap: "29121", comune: "Piacenza", province: "XX")),
        (PostalAddress(cap: "00000"), PostalAddress(cap: "00000")),
    ])
    func completion(address: PostalAddress, completed: PostalAddress) {
        #expect(address.completed(using: FakePostalCodes()) == completed)
    }

    @Test func warningWhenComuneIsNotServedByTheCap() {
        #expect(PostalAddress(cap: "29121", comune: "Piacenza").capWarning(in: FakePostalCodes()) == nil)
        #expect(PostalAddress(cap: "99999", comune: "Ovunque").capWarning(in: FakePostalCodes()) == nil)
        let warning = PostalAddress(cap: "29010", comune: "Parma").capWarning(in: FakePostalCodes())
        #expect(warning?.message == "Il CAP 29010 non risulta per Parma (risulta per: Alseno, Besenzone, Calendasco, Castelvetro Piacentino e altri 1)")
    }

    @Test func validationReportsTheCapWarning() {
        var draft = ContactDraft()
        draft.surname = "Rossi"
        draft.name = "Mario"
        draft.cap = "29121"
        draft.comune = "Parma"
        let result = draft.validated(today: today, fiscalCodes: FakeFiscalCodes(), postalCodes: FakePostalCodes())
        #expect(result.isValid)
        #expect(result.needsConfirmation)
        #expect(result.warnings.map(\.field) == [.cap])
    }
}
