import Foundation

/// One panel of the cruscotto: its own state, how it reacts to the actions the shell passes
/// to the focused panel, and how it draws itself inside the box the shell gives it.
/// Queue, citizen, service and worklist panels plug in here as their features arrive.
public protocol CruscottoPanel: Hashable, Sendable {
    /// The box title ("Coda").
    var title: String { get }
    /// What F1 says about the panel, on the message line under the help.
    var helpText: String { get }
    /// The actions the panel uses while it has focus (besides the shell's own).
    var enabledActions: Set<String> { get }
    /// Handles an action while focused; returns a message for the message line, if any.
    mutating func perform(_ action: String) -> StatusMessage?
    /// Draws the panel's content inside `inner` (the box is drawn by the shell).
    func draw(into buffer: inout ScreenBuffer, _ inner: Rect, now: Date)
}

extension CruscottoPanel {
    public var enabledActions: Set<String> { [] }
    public mutating func perform(_ action: String) -> StatusMessage? { nil }

    /// The panel's empty state: short lines, wrapped to the panel's width, dimmed.
    func drawEmptyState(_ lines: [String], into buffer: inout ScreenBuffer, _ inner: Rect) {
        let width = inner.width - 2
        guard width > 0 else { return }
        var y = inner.y
        for (index, line) in lines.enumerated() {
            if index > 0 { y += 1 }
            for part in TextWrap.lines(line, width: width) where y < inner.maxY {
                buffer.write(part, x: inner.x + 1, y: y, maxWidth: width, style: index == 0 ? .normal : .dim)
                y += 1
            }
        }
    }
}
