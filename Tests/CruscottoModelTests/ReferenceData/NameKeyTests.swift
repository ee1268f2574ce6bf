import Testing
@testable import CruscottoModel

@Suite struct NameKeyTests {
    @Test(arguments: [
        ("Forlì", "FORLI"),
        ("Sant'Angelo  Lodigiano", "SANT ANGELO LODIGIANO"),
        ("Aci-Sant'Antonio", "ACI SANT ANTONIO"),
        ("Nicolo\u{300}", "NICOLO"),
        ("Straße", "STRASSE"),
        ("  ", ""),
    ])
    func searchKey(input: String, key: String) {
        #expect(NameKey.make(input) == key)
    }

    @Test(arguments: [
        ("D'Angelo", "DANGELO"),
        ("De Luca", "DELUCA"),
        ("Nicolò", "NICOLO"),
        ("Müller-Lüdenscheidt", "MULLERLUDENSCHEIDT"),
        ("123", ""),
    ])
    func lettersOnly(input: String, letters: String) {
        #expect(NameKey.letters(input) == letters)
    }
}
