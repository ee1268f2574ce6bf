/// A password field as it is drawn: one `*` per typed character, cursor where it is.
enum MaskedField {
    static func masked(_ field: FormField) -> FormField {
        var shown = field
        shown.editor = TextEditor(String(repeating: "*", count: field.editor.characters.count), maxLength: field.editor.maxLength)
        shown.editor.moveHome()
        for _ in 0..<field.editor.cursor { shown.editor.moveRight() }
        return shown
    }
}
