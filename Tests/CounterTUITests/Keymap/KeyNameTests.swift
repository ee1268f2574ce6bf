import Testing
@testable import CounterTUI

@Suite("Key names of the keymap grammar")
struct KeyNameTests {
    static let everyKey: [Key] = Key.allNamedKeys + ["a", "A", "z", "0", "?", "[", "è", "€"].map { Key.character($0) }

    @Test("canonical name parses back to the same key", arguments: everyKey)
    func nameRoundTrip(key: Key) {
        #expect(Key(keymapName: key.keymapName) == key)
    }

    @Test("operator label parses back, except arrow glyphs which stay plain characters",
          arguments: everyKey)
    func labelRoundTrip(key: Key) {
        let arrows: [Key] = [.up, .down, .left, .right]
        if arrows.contains(key) {
            #expect(Key(keymapName: key.operatorLabel) == .character(Character(key.operatorLabel)))
        } else {
            #expect(Key(keymapName: key.operatorLabel) == key)
        }
    }

    @Test("spellings of one key", arguments: [
        ("S-F1", Key.function(13)), ("F13", .function(13)), ("s-f1", .function(13)),
        ("Shift-F12", .function(24)), ("F24", .function(24)), ("f5", .function(5)),
        ("C-x", .ctrl("x")), ("Ctrl-X", .ctrl("x")), ("ctrl-x", .ctrl("x")), ("C-X", .ctrl("x")),
        ("Enter", .enter), ("ENTER", .enter), ("Invio", .enter), ("Esc", .escape), ("Escape", .escape),
        ("S-Tab", .backTab), ("Canc", .delete), ("Space", .character(" ")), (" ", .character(" ")),
        ("a", .character("a")), ("A", .character("A")),
    ])
    func spellings(name: String, key: Key) {
        #expect(Key(keymapName: name) == key)
    }

    @Test("names that are not keys", arguments: [
        "", "F0", "F25", "F01", "S-F13", "S-F0", "C-1", "C-", "Ctrl-", "C-xy", "S-a", "Foo",
        "\t", "\n", "ab", "Fx", "F-1", "Alt-x",
    ])
    func unknownNames(name: String) {
        #expect(Key(keymapName: name) == nil)
    }

    @Test("canonical spelling of shifted function keys and control letters")
    func canonicalChoices() {
        #expect(Key.function(13).keymapName == "S-F1")
        #expect(Key.function(24).keymapName == "S-F12")
        #expect(Key.ctrl("c").keymapName == "C-c")
        #expect(Key.character(" ").keymapName == "Space")
        #expect(Key.enter.operatorLabel == "Invio")
    }
}
