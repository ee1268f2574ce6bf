/// A row of a queue dialog: a choice among fixed values (Up/Down, Left/Right) or free text.
public enum QueueDialogField: Hashable, Sendable {
    case choice(label: String, options: [QueueChoice], selected: Int)
    case text(FormField)

    public var label: String {
        switch self {
        case .choice(let label, _, _): label
        case .text(let field): field.label
        }
    }

    /// The chosen value or the typed text (trimmed).
    public var value: String {
        switch self {
        case .choice(_, let options, let selected): options.indices.contains(selected) ? options[selected].value : ""
        case .text(let field): field.editor.text.trimmingCharacters(in: .whitespaces)
        }
    }

    /// Moves a choice by `step` (wrapping); false for a text field.
    mutating func cycle(_ step: Int) -> Bool {
        guard case .choice(let label, let options, let selected) = self, !options.isEmpty else { return false }
        self = .choice(label: label, options: options, selected: (selected + step + options.count) % options.count)
        return true
    }

    var isText: Bool {
        if case .text = self { return true }
        return false
    }
}
