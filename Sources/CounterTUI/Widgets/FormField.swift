/// A labelled input field with its validation state.
public struct FormField: Hashable, Sendable {
    public var label: String
    public var editor: TextEditor
    /// The Italian reason the value is rejected, or nil when it is valid.
    public var error: String?

    public init(label: String, value: String = "", maxLength: Int? = nil, error: String? = nil) {
        self.label = label
        self.editor = TextEditor(value, maxLength: maxLength)
        self.error = error
    }
}
