import Testing
@testable import CruscottoModel

@Suite struct CodiceFiscaleValidatorTests {
    let today = CivilDate(year: 2026, month: 11, day: 30)!

    /// The fast validator and the full decoder must always agree.
    @Test(arguments: [
        "RSSMRA80A01H501U", "rssmra80a01h501u", "RSSMRA80A01H501X", "RSS MRA80A01H501U", "RSSMRA80A01H5LMX",
        "RSSMRA80A01H5-LMX", "RSSMRA80B30H501U", "RSSMRA80A72H501U", "NREPLA18A01A012U", "RSSMRA80A01Z999U",
        "01234567897", "01234567890", "", "RSSMRAÀ0A01H501U", "RSSMRA80F01H501U", "DLCMRA04B69L219J",
        "DLCMRA02B69L219H", "1234567890123456", "01234567897     ", "0123 4567897", "0123456789-",
        "RSSMRA80A01H501U\u{00A0}", "RSSMRÀ80A01H501", "rssmra80a01h5lmx",
    ])
    func agreesWithTheDecoder(code: String) {
        let decoded = CodiceFiscaleDecoder().decode(code, reference: today)
        #expect(CodiceFiscaleValidator.isValid(code, reference: today) == decoded.valid)
    }

    @Test func everyVariantOfEveryRandomCodeAgrees() {
        // A deterministic sweep over single-character corruptions of a valid code.
        let base = Array("BNCGFR64H15A012H")
        let alphabet = Array("ABCDEHLMPRSTUVXZ0123456789")
        let decoder = CodiceFiscaleDecoder()
        for position in 0..<16 {
            for replacement in alphabet {
                var code = base
                code[position] = replacement
                let text = String(code)
                #expect(CodiceFiscaleValidator.isValid(text, reference: today) == decoder.decode(text, reference: today).valid, "\(text)")
            }
        }
    }

    /// Deterministic random inputs (mixed case, spaces, dashes, accents, digits): the two paths
    /// agree and nothing traps.
    @Test func randomInputsAgree() {
        var state: UInt64 = 2_026
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let alphabet = Array("ABCDEHLMPRSTUVXZabcz0123456789 -.àÀ'")
        let decoder = CodiceFiscaleDecoder()
        for _ in 0..<5_000 {
            // Start from a valid code and corrupt a few characters, or build noise.
            var chars: [Character]
            if next() % 3 == 0 {
                chars = (0..<(10 + next() % 8)).map { _ in alphabet[next() % alphabet.count] }
            } else {
                chars = Array("BNCGFR64H15A012H")
                for _ in 0..<(1 + next() % 2) {
                    chars[next() % chars.count] = alphabet[next() % alphabet.count]
                }
            }
            let text = String(chars)
            #expect(CodiceFiscaleValidator.isValid(text, reference: today) == decoder.decode(text, reference: today).valid, "\(text)")
        }
    }
}
