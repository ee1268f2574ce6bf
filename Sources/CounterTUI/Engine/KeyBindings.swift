/// One line of generated help: a bound key, its canonical label, the action and the action's
/// Italian description. The help overlay and the function-key bar are built from these, so
/// they always tell what the loaded keymap really does.
public struct KeyHelp: Hashable, Sendable {
    public let key: Key
    /// Canonical label shown to operators ("F1", "S-F1", "C-c", "Invio"…).
    public let label: String
    public let action: String
    public let description: String

    public init(key: Key, label: String, action: String, description: String) {
        self.key = key
        self.label = label
        self.action = action
        self.description = description
    }
}

/// What the app loop needs from a keymap: which action a key means on a screen, and the
/// help for a screen. The validated `Keymap` conforms; tests may pass a small fake.
public protocol KeyBindings: Sendable {
    /// The action bound to `key` on `screen` (the screen's own table first, then
    /// `[global]`), or nil when the key means nothing there.
    func action(for key: Key, on screen: String) -> String?
    /// Every binding in force on `screen` (screen entries overriding global ones), in a
    /// stable display order, with the actions' Italian descriptions.
    func help(for screen: String) -> [KeyHelp]
}
