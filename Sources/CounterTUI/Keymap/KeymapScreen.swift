/// A screen that has its own `[screen.NAME]` table in keymap files.
public struct KeymapScreen: Hashable, Sendable {
    /// Name used in `[screen.NAME]` and by the app loop, e.g. `"cruscotto"`.
    public let name: String
    /// Italian title used in KEYS.md.
    public let title: String

    public init(name: String, title: String) {
        self.name = name
        self.title = title
    }
}
