/// One key press as the application sees it, independent of the terminal that produced it.
///
/// Shifted function keys arrive from curses as F13…F24, so `S-F1` and `F13` are the same
/// `Key.function(13)`. Control letters are stored lower-case (`Key.ctrl("c")` is Ctrl-C).
public enum Key: Hashable, Sendable {
    /// A printable character (including space), as typed.
    case character(Character)
    /// F1…F24 (F13…F24 are Shift-F1…Shift-F12).
    case function(Int)
    /// Ctrl plus a letter a…z, stored lower-case.
    case ctrl(Character)
    case enter
    case escape
    case tab
    case backTab
    case backspace
    case delete
    case insert
    case home
    case end
    case pageUp
    case pageDown
    case up
    case down
    case left
    case right
}
