import Testing
import LocalStore
@testable import CounterTUI

@Suite("Line index of TOML files")
struct TOMLLineIndexTests {
    @Test("bare, quoted and literal keys are found on their lines")
    func keyForms() {
        let index = TOMLLineIndex(text: """
            [global]
            F2 = "app.help"
              "C-x" = "app.exit"   # commento
            'S-F1' = "app.help"
            [ screen . "cruscotto" ]
            "\\u0041" = "list.up"
            """)
        #expect(index.line(of: ["global", "F2"]) == 2)
        #expect(index.line(of: ["global", "C-x"]) == 3)
        #expect(index.line(of: ["global", "S-F1"]) == 4)
        #expect(index.headerLine(of: ["screen", "cruscotto"]) == 5)
        #expect(index.line(of: ["screen", "cruscotto", "A"]) == 6)
        #expect(index.line(of: ["screen", "cruscotto", "Z"]) == 5)
        #expect(index.line(of: ["altro"]) == nil)
    }

    @Test("multi-line arrays and strings do not shift later lines")
    func multiLineValues() {
        let text = """
            [global]
            "F9" = [
              "x = 1",
              "y",
            ]
            "F8" = \"\"\"
            z = 2
            \"\"\"
            "Bad" = "app.help"
            """
        let issues = KeymapTestSupport.issues(text)
        #expect(issues.map(\.line) == [2, 6, 9])
        #expect(issues.map(\.key) == ["F9", "F8", "Bad"])
        #expect(issues[1].description == "x.toml:6: chiave \"F8\": azione sconosciuta \"z = 2\\n\"")
    }

    @Test("bare keys work in keymap files")
    func bareKeys() throws {
        let keymap = try Keymap.load(userText: "[global]\nF2 = \"app.help\"\nC-x = \"app.exit\"\n", name: "b.toml")
        #expect(keymap.action(for: .function(2), on: "login") == "app.help")
        #expect(keymap.action(for: .ctrl("x"), on: "login") == "app.exit")
    }
}

@Suite("Line index of configuration keys")
struct TOMLLineIndexDottedKeyTests {
    @Test("a dotted configuration key points at its own line, an unknown one at its table")
    func dottedKeys() {
        let index = TOMLLineIndex(text: """
            central = "sqlite:///x"

            [printer]
            target = "file"
            """)
        #expect(index.line(of: "central") == 1)
        #expect(index.line(of: "printer.target") == 4)
        #expect(index.line(of: "printer.missing") == 3)
        #expect(index.line(of: "nowhere") == nil)
    }
}
