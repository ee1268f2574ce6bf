import Foundation

/// The waiting-room board: the live queue, since when the newest call is highlighted, and
/// the exit prompt when an operator asked to leave.
public struct DisplayState: Sendable {
    public var live = LiveQueue()
    /// The newest call stays highlighted until then.
    public var highlightUntil: Date?
    public var prompt: KioskExitPrompt?
    public var promptSince: Date?

    public init() {}
}
