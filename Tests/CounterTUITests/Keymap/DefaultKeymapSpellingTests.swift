import Testing
@testable import CounterTUI

@Suite("The default keymap as written")
struct DefaultKeymapSpellingTests {
    @Test("every key of keymaps/default.toml is written in its canonical spelling")
    func canonicalSpellings() {
        let file = KeymapFile(text: DefaultKeymapText.text, name: Keymap.defaultFileName)
        #expect(file.issues.isEmpty)
        let entries = file.scopes.values.flatMap { $0 }
        #expect(!entries.isEmpty)
        for (key, entry) in entries {
            #expect(entry.spelling == key.keymapName)
        }
    }

    @Test("the function-key bar labels of the cruscotto")
    func shortLabels() throws {
        let bar = try Keymap.loadDefault().help(for: "cruscotto")
            .filter { if case .function = $0.key { return true } else { return false } }
            .map { "\($0.label) \($0.shortLabel)" }
        #expect(bar == [
            "F1 Aiuto", "F2 Chiama", "F3 Esci", "F4 Elenco", "F5 Aggiorna", "F6 Richiama", "F7 Trasf.",
            "F8 Chiudi", "F9 Assente", "F12 Annulla", "S-F2 Chiama n.", "S-F3 Disconn.", "S-F4 Biglietto",
            "S-F5 Cerca", "S-F6 Servizio", "S-F7 Sospendi", "S-F8 Giornata", "S-F9 Pausa",
        ])
    }
}
