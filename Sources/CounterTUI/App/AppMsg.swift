import Foundation

/// Everything that can change an application's state, delivered to `update` one at a time.
public enum AppMsg<Message: Sendable>: Sendable {
    /// A key translated by the keymap into an action enabled on this screen.
    case action(String)
    /// A key with no action here that the screen said it takes (typing into a field).
    case key(Key)
    /// The clock moved on (about once a second).
    case tick(Date)
    case resize(TerminalSize)
    /// The process was asked to stop: save what must be saved and quit.
    case terminate
    /// The result of an effect, or any other application message.
    case message(Message)
}
