import Foundation

/// What a view may know besides the state: the screen size, the clock, and the keys in force
/// (all of them for the help overlay, the enabled ones for the function-key bar).
public struct ViewContext: Sendable {
    public var size: TerminalSize
    public var now: Date
    /// Every binding of the current screen.
    public var help: [KeyHelp]
    /// The bindings whose action the screen enables now.
    public var enabledHelp: [KeyHelp]

    public init(size: TerminalSize, now: Date, help: [KeyHelp], enabledHelp: [KeyHelp]) {
        self.size = size
        self.now = now
        self.help = help
        self.enabledHelp = enabledHelp
    }
}
