import Testing
@testable import CruscottoModel

@Suite struct SearchTextTests {
    @Test(arguments: [
        ("Niccolò", "niccolo"),
        ("Niccol\u{006F}\u{0300}", "niccolo"), // NFD: o + combining grave
        ("D'ANGELO", "d'angelo"),
        ("D’Angelo", "d'angelo"),
        ("Èrcole Façade", "ercole facade"),
        ("Strauß", "strauss"),
        ("Søren Łukasz", "soren lukasz"),
        ("ROSSI", "rossi"),
        ("ΩΜΈΓΑ", "ωμεγα"),
        ("Đuro Šimić", "duro simic"),
    ])
    func fold(input: String, expected: String) {
        #expect(SearchText.fold(input) == expected)
    }

    @Test func nfcAndNfdFoldAlike() {
        let nfc = "Nicolò De Sanctis"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(nfc.unicodeScalars.count != nfd.unicodeScalars.count)
        #expect(SearchText.fold(nfc) == SearchText.fold(nfd))
        #expect(SearchText.nameKeys(nfc) == SearchText.nameKeys(nfd))
    }

    @Test(arguments: [
        ("D'Angelo", ["d", "angelo", "dangelo"]),
        ("De Luca", ["de", "luca", "deluca"]),
        ("Dell’Orto", ["dell", "orto", "dellorto"]),
        ("De Luca Bianchi", ["de", "luca", "bianchi", "delucabianchi", "lucabianchi"]),
        ("Rossi", ["rossi"]),
        ("Niccolò", ["niccolo"]),
        ("Anna-Maria", ["anna", "maria", "annamaria"]),
        ("  ", []),
    ])
    func nameKeys(name: String, keys: [String]) {
        #expect(SearchText.nameKeys(name) == keys)
    }

    @Test(arguments: [
        ("d'angelo", ["dangelo"]),
        ("dangelo", ["dangelo"]),
        ("de luca mario", ["de", "luca", "mario"]),
        ("Niccolò  ROSS", ["niccolo", "ross"]),
        ("rossi, mario", ["rossi", "mario"]),
    ])
    func queryTokens(query: String, tokens: [String]) {
        #expect(SearchText.queryTokens(query) == tokens)
    }

    @Test func joinedKey() {
        #expect(SearchText.joinedKey("D'Angelo") == "dangelo")
        #expect(SearchText.joinedKey("De Luca") == "deluca")
    }
}
