import Testing
@testable import CruscottoModel

@Suite struct ProvisionalCodiceFiscaleTests {
    @Test(arguments: [
        ("0123456789", 7),
        ("1234567890", 3),
        ("0636339100", 1),
        ("8000123456", 8),
        ("9999999999", 0),
    ])
    func checkDigit(first: String, digit: Int) {
        #expect(ProvisionalCodiceFiscale.checkDigit(for: first) == digit)
        #expect(ProvisionalCodiceFiscale.isValid(first + String(digit)))
        #expect(!ProvisionalCodiceFiscale.isValid(first + String((digit + 1) % 10)))
    }

    @Test(arguments: ["012345678", "0123456789A", "012345678977", ""])
    func malformed(code: String) {
        #expect(!ProvisionalCodiceFiscale.isValid(code))
    }
}
