import Foundation

/// The lock screen: whose session is locked and since when, and the password of that operator.
/// Nothing of the cruscotto is visible behind it.
public enum LockView {
    static let labelWidth = 9

    @discardableResult
    public static func draw(into buffer: inout ScreenBuffer, _ area: Rect, state: LockState, help: [KeyHelp]) -> CursorPosition? {
        let width = min(area.width - 4, max(60, area.width / 2))
        let rect = area.centred(width: width, height: 13)
        let inner = Box.draw(into: &buffer, rect, title: "Postazione bloccata", focused: true)
        let textWidth = inner.width - 4
        let who = state.lockedOperator
        buffer.write("Sessione di \(who.fullName) (\(who.username))", x: inner.x + 2, y: inner.y + 1, maxWidth: textWidth, style: .title)
        let since = ItalianTime.clockText(state.lockedAt)
        let why: String = switch state.reason {
        case .manual: "Bloccata alle \(since) dall'operatore."
        case .idle(let minutes): "Bloccata alle \(since) dopo \(minutes) \(minutes == 1 ? "minuto" : "minuti") senza attività."
        }
        buffer.write(why, x: inner.x + 2, y: inner.y + 2, maxWidth: textWidth)
        buffer.write("Per riprendere serve la password di questo operatore.", x: inner.x + 2, y: inner.y + 4, maxWidth: textWidth, style: .dim)
        let row = Rect(x: inner.x + 2, y: inner.y + 6, width: min(textWidth, labelWidth + 1 + 32), height: 1)
        let cursor = FormFieldView.draw(into: &buffer, row, field: MaskedField.masked(state.password),
                                        labelWidth: labelWidth, focused: !state.verifying)
        let hint = KeyHint.line([
            KeyHint.text("app.confirm", "sblocca", in: help),
            KeyHint.text("session.switch_operator", "cambia operatore", in: help),
        ])
        buffer.write(hint, x: inner.x + 2, y: inner.y + 9, maxWidth: textWidth, style: .dim)
        return cursor
    }
}
