/// Key bindings given as values: for tests, and for programs that run before or without a
/// keymap file. Screen tables override `global`, as in a keymap.
public struct StaticKeyBindings: KeyBindings {
    public struct Binding: Hashable, Sendable {
        public let key: Key
        public let label: String
        public let action: String
        public init(_ key: Key, _ label: String, _ action: String) {
            self.key = key
            self.label = label
            self.action = action
        }
    }

    public let global: [Binding]
    public let screens: [String: [Binding]]
    /// Italian description of each action.
    public let descriptions: [String: String]

    public init(global: [Binding], screens: [String: [Binding]] = [:], descriptions: [String: String]) {
        self.global = global
        self.screens = screens
        self.descriptions = descriptions
    }

    private func table(for screen: String) -> [Binding] {
        let own = screens[screen] ?? []
        let ownKeys = Set(own.map(\.key))
        return own + global.filter { !ownKeys.contains($0.key) }
    }

    public func action(for key: Key, on screen: String) -> String? {
        table(for: screen).first { $0.key == key }?.action
    }

    public func help(for screen: String) -> [KeyHelp] {
        table(for: screen).map { KeyHelp(key: $0.key, label: $0.label, action: $0.action, description: descriptions[$0.action] ?? $0.action) }
    }
}
