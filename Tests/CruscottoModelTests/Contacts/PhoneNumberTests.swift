import Testing
@testable import CruscottoModel

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("333 1234567", "+393331234567"),
        ("3331234567", "+393331234567"),
        ("+39 333-1234567", "+393331234567"),
        ("0039 333 1234567", "+393331234567"),
        ("+39 (333) 123.45.67", "+393331234567"),
        ("0523 123456", "+390523123456"),
        ("0523/123456", "+390523123456"),
        ("+39 0523 123456", "+390523123456"),
        ("02 12345678", "+390212345678"),
        ("800 123456", "+39800123456"),
        ("+41 44 668 18 00", "+41446681800"),
        ("0041 44 668 18 00", "+41446681800"),
        ("+33 1 23 45 67 89", "+33123456789"),
    ])
    func normalises(input: String, e164: String) {
        #expect(PhoneNumber(input)?.e164 == e164)
    }

    @Test(arguments: [
        ("", PhoneNumber.Problem.empty),
        ("333 12345ab", .invalidCharacters),
        ("33+31234567", .invalidCharacters),
        ("333 123", .tooShort),
        ("333 123456789", .tooLong),
        ("0523", .tooShort),
        ("523 123456", .unknownNationalPrefix),
        ("+0 123456789", .invalidCountryCode),
        ("+44 1234", .tooShort),
        ("+44 1234 5678 9012 34", .tooLong),
    ])
    func rejects(input: String, problem: PhoneNumber.Problem) {
        #expect(PhoneNumber.parse(input) == .failure(problem))
    }

    @Test func reversedDigitsKeyServesSuffixes() throws {
        let number = try #require(PhoneNumber("333 1234567"))
        #expect(number.reversedDigitsKey == "765432133393")
        #expect(number.reversedDigitsKey.hasPrefix(String("4567".reversed())))
    }

    @Test func formatting() {
        #expect(PhoneNumber("3331234567")?.formatted == "+39 333 1234567")
        #expect(PhoneNumber("+41446681800")?.formatted == "+41446681800")
    }
}
