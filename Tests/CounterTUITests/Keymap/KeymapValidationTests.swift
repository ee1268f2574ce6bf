import Testing
@testable import CounterTUI

@Suite("Keymap validation: every problem with file, line and key")
struct KeymapValidationTests {
    typealias Support = KeymapTestSupport

    @Test("TOML syntax error is reported with its line")
    func syntaxError() {
        let issues = Support.issues("[global]\n\"F1\" = \"app.help\"\n\"F2\" = \n")
        #expect(issues.count == 1)
        #expect(issues.first?.line == 3)
        #expect(issues.first?.message.hasPrefix("sintassi TOML non valida") == true)
    }

    @Test("a key written twice is a TOML error")
    func duplicateKey() {
        let issues = Support.issues("[global]\n\"F1\" = \"app.help\"\n\"F1\" = \"app.exit\"\n")
        #expect(issues.count == 1)
        #expect(issues.first?.line == 3)
    }

    @Test("unknown table")
    func unknownTable() {
        let issues = Support.issues("[global]\n\"F1\" = \"app.help\"\n\n[tasti]\n\"F2\" = \"app.help\"\n")
        #expect(issues.map(\.line) == [4])
        #expect(issues.first?.message.contains("tabella sconosciuta [tasti]") == true)
    }

    @Test("unknown screen name")
    func unknownScreen() {
        let issues = Support.issues("[screen.cruscoto]\n\"F2\" = \"app.help\"\n")
        #expect(issues.map(\.line) == [1])
        #expect(issues.first?.message.contains("schermata sconosciuta [screen.cruscoto]") == true)
    }

    @Test("unknown key name names file, line and key")
    func unknownKey() {
        let issues = Support.issues("[global]\n# commento\n\"Ctrl-F1\" = \"app.help\"\n")
        #expect(issues.count == 1)
        #expect(issues.first?.line == 3)
        #expect(issues.first?.key == "Ctrl-F1")
        #expect(issues.first?.description.hasPrefix("x.toml:3: chiave \"Ctrl-F1\": nome di tasto sconosciuto") == true)
    }

    @Test("unknown action")
    func unknownAction() {
        let issues = Support.issues("[screen.login]\n\"F6\" = \"app.volare\"\n")
        #expect(issues.map(\.line) == [2])
        #expect(issues.first?.message == "azione sconosciuta \"app.volare\"")
    }

    @Test("S-F1 and F13 in one scope conflict, naming both lines")
    func shiftedFunctionConflict() {
        let text = "[screen.cruscotto]\n\"S-F1\" = \"app.help\"\n\"F2\" = \"app.refresh\"\n\"F13\" = \"app.refresh\"\n"
        let issues = Support.issues(text, name: "keymaps/x.toml")
        #expect(issues.count == 1)
        let line = issues.first?.description ?? ""
        #expect(line.hasPrefix("keymaps/x.toml:4: chiave \"F13\": "))
        #expect(line.contains("\"S-F1\" (riga 2)"))
        #expect(line.contains("\"F13\" (riga 4)"))
    }

    @Test("C-x and Ctrl-X in one scope conflict, naming both lines")
    func controlConflict() {
        let issues = Support.issues("[global]\n\"Ctrl-X\" = \"app.exit\"\n\n\"C-x\" = \"app.cancel\"\n")
        #expect(issues.count == 1)
        #expect(issues.first?.line == 4)
        #expect(issues.first?.message.contains("\"Ctrl-X\" (riga 2)") == true)
        #expect(issues.first?.message.contains("\"C-x\" (riga 4)") == true)
    }

    @Test("one key in two different scopes is not a conflict")
    func sameKeyInTwoScopes() {
        #expect(Support.issues("[global]\n\"F6\" = \"app.refresh\"\n[screen.login]\n\"F6\" = \"app.help\"\n").isEmpty)
    }

    @Test("a screen-only action in [global] is refused")
    func screenActionInGlobal() {
        let issues = Support.issues("[global]\n\"F9\" = \"session.lock\"\n")
        #expect(issues.map(\.line) == [2])
        #expect(issues.first?.message.contains("non in [global]") == true)
    }

    @Test("a screen-only action on another screen is refused")
    func screenActionOnOtherScreen() {
        let issues = Support.issues("[screen.login]\n\"F9\" = \"session.logout\"\n")
        #expect(issues.map(\.line) == [2])
        #expect(issues.first?.message.contains("non è disponibile nella schermata login") == true)
    }

    @Test("a value that is not a string is refused", arguments: ["12", "true", "[\"app.help\"]", "{ a = 1 }"])
    func notAString(value: String) {
        let issues = Support.issues("[global]\n\n\"F9\" = \(value)\n")
        #expect(issues.map(\.line) == [3])
        #expect(issues.first?.message.hasPrefix("il valore deve essere il nome di un'azione") == true)
    }

    @Test("a screen that can no longer be left is refused")
    func noWayOut() {
        let text = """
        [screen.login]
        "F3" = "none"
        "C-c" = "app.help"
        "F12" = "app.refresh"
        "Esc" = "none"
        """
        let issues = Support.issues(text)
        #expect(issues.count == 1)
        #expect(issues.first?.line == 1)
        #expect(issues.first?.message.contains("la schermata login resterebbe senza uscita") == true)
    }

    @Test("removing exit keys only from [global] leaves every screen stuck")
    func noWayOutAnywhere() {
        let text = "[global]\n\"F3\" = \"none\"\n\"C-c\" = \"none\"\n\"F12\" = \"none\"\n\"Esc\" = \"none\"\n"
        let issues = Support.issues(text)
        #expect(issues.count == ActionCatalog.screens.count)
        #expect(issues.allSatisfy { $0.line == 1 })
    }

    @Test("every problem is listed, in line order, not only the first")
    func allProblemsCollected() {
        let text = """
        [global]
        "F99" = "app.help"
        "F2" = "app.nulla"
        "F9" = 3

        [screen.ignota]
        "F1" = "app.help"

        [screen.cruscotto]
        "S-F5" = "session.lock"
        "F17" = "session.logout"
        """
        let issues = Support.issues(text, name: "k.toml")
        #expect(issues.map(\.line) == [2, 3, 4, 6, 11])
        #expect(KeymapError(issues: issues).description.split(separator: "\n").count == 5)
        #expect(KeymapError(issues: issues).description.hasPrefix("k.toml:2: chiave \"F99\": "))
    }

    @Test("keys in dotted and inline tables get the right line")
    func dottedAndInlineTables() {
        let text = """
        # prova

        [screen]
        login."F77" = "app.help"
        lock = { "F88" = "app.help" }
        """
        let issues = Support.issues(text)
        #expect(issues.map(\.line) == [4, 5])
        #expect(issues.map(\.key) == ["F77", "F88"])
    }

    @Test("keys and values with control characters stay on one line")
    func controlCharactersEscaped() {
        let issues = KeymapTestSupport.issues("[global]\n\"a\\nb\" = \"x\\ty\"\n")
        #expect(issues.count == 2)
        #expect(issues.allSatisfy { !$0.description.contains("\n") && $0.line == 2 })
        #expect(issues.map(\.description).contains("x.toml:2: chiave \"a\\nb\": azione sconosciuta \"x\\ty\""))
    }
}
