/// A table of a keymap file: `[global]` or one `[screen.NAME]`.
public enum KeymapScope: Hashable, Sendable, CustomStringConvertible {
    case global
    case screen(String)

    /// The table header as written in the file.
    public var description: String {
        switch self {
        case .global: return "[global]"
        case .screen(let name): return "[screen.\(name)]"
        }
    }

    /// The table's path in the TOML document.
    var tablePath: [String] {
        switch self {
        case .global: return ["global"]
        case .screen(let name): return ["screen", name]
        }
    }
}
