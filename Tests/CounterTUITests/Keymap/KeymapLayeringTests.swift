import Testing
@testable import CounterTUI

@Suite("Keymap layering, lookup and help")
struct KeymapLayeringTests {
    @Test("the default keeps the CUA conventions and Ctrl-C exits like F3")
    func defaultBindings() throws {
        let keymap = try Keymap.loadDefault()
        #expect(keymap.action(for: .function(1), on: "login") == "app.help")
        #expect(keymap.action(for: .function(3), on: "cruscotto") == "app.exit")
        #expect(keymap.action(for: .ctrl("c"), on: "cruscotto") == "app.exit")
        #expect(keymap.action(for: .function(12), on: "lock") == "app.cancel")
        #expect(keymap.action(for: .escape, on: "engine_demo") == "app.cancel")
        #expect(keymap.action(for: .enter, on: "login") == "app.confirm")
        #expect(keymap.action(for: .function(4), on: "login") == "field.list_values")
        #expect(keymap.action(for: .function(5), on: "login") == "app.refresh")
        #expect(keymap.action(for: .backTab, on: "login") == "focus.previous")
        #expect(keymap.action(for: .ctrl("l"), on: "cruscotto") == "session.lock")
        #expect(keymap.action(for: .function(15), on: "cruscotto") == "session.logout")
        #expect(keymap.action(for: .ctrl("l"), on: "login") == nil)
        #expect(keymap.action(for: .character("x"), on: "cruscotto") == nil)
    }

    @Test("an unknown screen falls back to [global]")
    func unknownScreenUsesGlobal() throws {
        #expect(try Keymap.loadDefault().action(for: .function(1), on: "non_esiste") == "app.help")
    }

    @Test("user entries replace default entries for the same key in the same scope only")
    func userReplacesDefault() throws {
        let keymap = try Keymap.load(userText: """
            [global]
            "F1" = "app.refresh"
            [screen.cruscotto]
            "S-F3" = "session.lock"
            "F3" = "app.cancel"
            """, name: "u.toml")
        #expect(keymap.action(for: .function(1), on: "login") == "app.refresh")
        #expect(keymap.action(for: .function(15), on: "cruscotto") == "session.lock")
        #expect(keymap.action(for: .ctrl("l"), on: "cruscotto") == "session.lock")
        #expect(keymap.action(for: .function(3), on: "cruscotto") == "app.cancel")
        #expect(keymap.action(for: .function(3), on: "login") == "app.exit")
        #expect(keymap.action(for: .function(12), on: "login") == "app.cancel")
    }

    @Test("\"none\" removes a key, and in a screen table hides the global binding")
    func unbinding() throws {
        let keymap = try Keymap.load(userText: """
            [global]
            "F5" = "none"
            [screen.login]
            "F1" = "none"
            """, name: "u.toml")
        #expect(keymap.action(for: .function(5), on: "cruscotto") == nil)
        #expect(keymap.action(for: .function(1), on: "login") == nil)
        #expect(keymap.action(for: .function(1), on: "cruscotto") == "app.help")
        #expect(!keymap.help(for: "login").contains { $0.key == .function(1) })
    }

    @Test("no user file means the default")
    func noUserFile() throws {
        let keymap = try Keymap.load(userFile: nil)
        #expect(keymap.help(for: "cruscotto") == (try Keymap.loadDefault()).help(for: "cruscotto"))
    }

    @Test("help lists function keys in numeric order first, then the others, with descriptions")
    func helpOrder() throws {
        let keymap = try Keymap.load(userText: """
            [screen.cruscotto]
            "F10" = "app.refresh"
            "F2" = "app.help"
            "a" = "list.up"
            """, name: "u.toml")
        let help = keymap.help(for: "cruscotto")
        #expect(help.map(\.label) == [
            "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F12",
            "S-F2", "S-F3", "S-F4", "S-F5", "S-F6", "S-F7", "S-F8", "S-F9",
            "Invio", "Esc", "Tab", "S-Tab", "↑", "↓", "Pag↑", "Pag↓", "C-c", "C-f", "C-l", "a",
        ])
        #expect(help.first?.description == ActionCatalog.action(named: "app.help")?.description)
        #expect(help.allSatisfy { !$0.description.isEmpty && $0.description != $0.action })
        #expect(keymap.help(for: "cruscotto") == help)
    }

    @Test("every catalog action has an Italian label and description, and names are unique")
    func catalogIsComplete() {
        let names = ActionCatalog.actions.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(ActionCatalog.actions.allSatisfy { !$0.label.isEmpty && !$0.description.isEmpty })
        #expect(!names.contains(ActionCatalog.unboundActionName))
        for case .screens(let screens) in ActionCatalog.actions.map(\.availability) {
            #expect(screens.allSatisfy { ActionCatalog.screen(named: $0) != nil })
        }
    }
}
