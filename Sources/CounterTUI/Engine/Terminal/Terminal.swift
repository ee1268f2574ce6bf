/// A place to draw frames and read keys from: curses on a real screen, memory in tests.
///
/// Terminals are used from the app loop's single task; input arrives through `events`, which
/// may be produced on another thread.
public protocol Terminal: AnyObject {
    var size: TerminalSize { get }
    /// Keys, resizes and termination requests, in order.
    var events: AsyncStream<TerminalEvent> { get }
    /// Shows the frame, writing only the cells that changed since the previous one (all of
    /// them after a resize or `requestFullRedraw`).
    func draw(_ frame: ScreenBuffer)
    /// Makes the next `draw` write every cell.
    func requestFullRedraw()
    /// Shows the cursor at a position, or hides it with nil.
    func setCursor(_ position: CursorPosition?)
    /// A short audible (or visible) signal that a key meant nothing here.
    func bell()
}
