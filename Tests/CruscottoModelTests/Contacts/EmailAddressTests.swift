import Testing
@testable import CruscottoModel

@Suite struct EmailAddressTests {
    @Test(arguments: [
        ("mario.rossi@libero.it", "mario.rossi@libero.it"),
        ("  Mario.Rossi@LIBERO.IT ", "Mario.Rossi@libero.it"),
        ("studio+pratiche@pec.comune.piacenza.it", "studio+pratiche@pec.comune.piacenza.it"),
        ("o'brien@example.co.uk", "o'brien@example.co.uk"),
    ])
    func accepts(input: String, value: String) {
        #expect(EmailAddress(input)?.value == value)
    }

    @Test(arguments: [
        ("", EmailAddress.Problem.empty),
        ("mario.rossi.libero.it", .missingAt),
        ("mario@rossi@libero.it", .severalAt),
        ("@libero.it", .invalidLocalPart),
        (".mario@libero.it", .invalidLocalPart),
        ("ma..rio@libero.it", .invalidLocalPart),
        ("mario rossi@libero.it", .invalidLocalPart),
        ("niccolò@libero.it", .invalidLocalPart),
        ("mario@libero", .invalidDomain),
        ("mario@-libero.it", .invalidDomain),
        ("mario@libero..it", .invalidDomain),
        ("mario@libero.i", .invalidDomain),
        ("mario@libero.it.", .invalidDomain),
    ])
    func rejects(input: String, problem: EmailAddress.Problem) {
        #expect(EmailAddress.parse(input) == .failure(problem))
    }

    @Test func searchKeyIgnoresCase() {
        #expect(EmailAddress("Mario@Libero.it")?.searchKey == EmailAddress("mario@libero.it")?.searchKey)
    }
}
