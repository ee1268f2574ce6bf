/// The semantic palette: screens say what a piece of text means, the terminal decides how to
/// show it (colours when available, attributes otherwise). Every style reads in monochrome.
public enum Style: UInt8, CaseIterable, Hashable, Sendable {
    case normal
    case header
    case title
    case border
    case selection
    case field
    case focusedField
    case error
    case warning
    case ok
    case dim
    case keyLabel

    /// How the style looks on a terminal without colours.
    public var monochrome: TextAttributes {
        switch self {
        case .normal, .border, .field: return []
        case .header: return [.reverse]
        case .title: return [.bold]
        case .selection: return [.reverse]
        case .focusedField: return [.underline, .bold]
        case .error: return [.reverse, .bold]
        case .warning: return [.bold, .underline]
        case .ok: return [.bold]
        case .dim: return [.dim]
        case .keyLabel: return [.reverse]
        }
    }

    /// How the style looks on a colour terminal: foreground, background and extra attributes.
    /// Errors stay reverse video in colour too (the convention operators know from 5250).
    public var colour: (foreground: TerminalColour, background: TerminalColour, attributes: TextAttributes) {
        switch self {
        case .normal: return (.default, .default, [])
        case .header: return (.white, .blue, [.bold])
        case .title: return (.cyan, .default, [.bold])
        case .border: return (.cyan, .default, [])
        case .selection: return (.black, .cyan, [])
        case .field: return (.default, .default, [.underline])
        case .focusedField: return (.black, .white, [])
        case .error: return (.red, .default, [.reverse, .bold])
        case .warning: return (.yellow, .default, [.bold])
        case .ok: return (.green, .default, [.bold])
        case .dim: return (.default, .default, [.dim])
        case .keyLabel: return (.black, .cyan, [])
        }
    }
}

/// The eight ANSI colours plus the terminal's own default.
public enum TerminalColour: Int16, Sendable {
    case `default` = -1
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// Attributes every terminal understands.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let reverse = TextAttributes(rawValue: 2)
    public static let underline = TextAttributes(rawValue: 4)
    public static let dim = TextAttributes(rawValue: 8)
}
