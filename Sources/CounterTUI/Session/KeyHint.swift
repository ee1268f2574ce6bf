/// Hints such as "Invio accede" written from the loaded keymap, so they name the real keys.
enum KeyHint {
    /// "LABEL text" for the first key bound to `action`, or nil when none is.
    static func text(_ action: String, _ text: String, in help: [KeyHelp]) -> String? {
        help.first { $0.action == action }.map { "\($0.label) \(text)" }
    }

    static func line(_ parts: [String?]) -> String {
        parts.compactMap { $0 }.joined(separator: " · ")
    }
}
