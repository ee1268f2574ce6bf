import Testing
@testable import CounterTUI

@Suite struct TextEditorTests {
    @Test func insertsAndDeletesAtTheCursor() {
        var editor = TextEditor("Rosi")
        editor.moveLeft()
        editor.insert("s")
        #expect(editor.text == "Rossi")
        #expect(editor.cursor == 4)
        editor.moveHome()
        let deleted = editor.delete()
        let erasedAtStart = editor.backspace()
        #expect(deleted)
        #expect(!erasedAtStart)
        #expect(editor.text == "ossi")
        editor.moveEnd()
        let erased = editor.backspace()
        #expect(erased)
        #expect(editor.text == "oss")
    }

    @Test func respectsTheMaximumLength() {
        var editor = TextEditor("ab", maxLength: 2)
        let inserted = editor.insert("c")
        #expect(!inserted)
        #expect(editor.text == "ab")
    }

    @Test func visibleWindowScrollsByDisplayWidth() {
        let editor = TextEditor("王小明王小明")
        let (text, cursor) = editor.visible(width: 7)
        #expect(DisplayWidth.of(text) <= 7)
        #expect(text.hasSuffix("明"))
        #expect(cursor == DisplayWidth.of(text))
        #expect(cursor <= 6)
    }

    @Test func combiningSequenceIsOneCharacterToDelete() {
        var editor = TextEditor("Nicolo\u{0300}")
        editor.backspace()
        #expect(editor.text == "Nicol")
    }
}
