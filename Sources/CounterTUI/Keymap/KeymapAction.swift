/// One action a key can be bound to: its name in keymap files, what operators read about
/// it, and where it makes sense.
public struct KeymapAction: Hashable, Sendable {
    public enum Availability: Hashable, Sendable {
        /// Usable in `[global]` and on every screen.
        case global
        /// Only on these screens (bind it in their `[screen.NAME]` tables).
        case screens(Set<String>)
    }

    /// Name used in keymap files and by the app loop, e.g. `"app.exit"`.
    public let name: String
    /// Short Italian label for the function-key bar (a few letters).
    public let label: String
    /// Italian description for the help overlay and KEYS.md.
    public let description: String
    public let availability: Availability

    public init(name: String, label: String, description: String, availability: Availability) {
        self.name = name
        self.label = label
        self.description = description
        self.availability = availability
    }

    public func isAvailable(on screen: String) -> Bool {
        switch availability {
        case .global: return true
        case .screens(let screens): return screens.contains(screen)
        }
    }
}
