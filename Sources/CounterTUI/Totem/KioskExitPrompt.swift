import CruscottoModel

/// The operator's login that ends an unattended screen (totem, display): username and
/// password, Tab between them, Enter to check, Esc to go back. The password is never drawn.
public struct KioskExitPrompt: Hashable, Sendable {
    public static let maxLength = 64

    public var username = ""
    public var password = ""
    /// 0: username, 1: password.
    public var focus = 0
    public var message: String?
    public var checking = false

    public init() {}

    /// Typing into the focused field; false for keys that mean nothing here.
    public mutating func type(_ key: Key) -> Bool {
        guard !checking else { return false }
        switch key {
        case .character(let character):
            if focus == 0 {
                guard username.count < Self.maxLength else { return false }
                username.append(character)
            } else {
                guard password.count < Self.maxLength else { return false }
                password.append(character)
            }
            return true
        case .backspace:
            if focus == 0 { _ = username.popLast() } else { _ = password.popLast() }
            return true
        default:
            return false
        }
    }

    public static func accepts(_ key: Key) -> Bool {
        switch key {
        case .character, .backspace: true
        default: false
        }
    }

    /// Draws the prompt centred in `area`.
    public func draw(into buffer: inout ScreenBuffer, area: Rect, title: String) {
        let width = min(area.width - 4, 56)
        let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - 9) / 2), width: width, height: 9)
        buffer.fill(rect)
        let inner = Box.draw(into: &buffer, rect, title: title, focused: true)
        buffer.write("Serve la password di un operatore.", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2)
        let fieldWidth = inner.width - 13
        buffer.write("Utente", x: inner.x + 1, y: inner.y + 2)
        let shownUser = TextLayout.truncate(String(username.suffix(fieldWidth)), toWidth: fieldWidth)
        buffer.write(TextLayout.pad(shownUser, toWidth: fieldWidth), x: inner.x + 11, y: inner.y + 2,
                     style: focus == 0 ? .focusedField : .field)
        buffer.write("Password", x: inner.x + 1, y: inner.y + 3)
        let dots = String(repeating: "*", count: min(password.count, fieldWidth))
        buffer.write(TextLayout.pad(dots, toWidth: fieldWidth), x: inner.x + 11, y: inner.y + 3,
                     style: focus == 1 ? .focusedField : .field)
        if checking {
            buffer.write("Verifica in corso…", x: inner.x + 1, y: inner.y + 5, maxWidth: inner.width - 2, style: .dim)
        } else if let message {
            buffer.write("Errore: " + message, x: inner.x + 1, y: inner.y + 5, maxWidth: inner.width - 2, style: .error)
        }
        buffer.write("Invio conferma · Tab campo · Esc torna", x: inner.x + 1, y: inner.y + 6, maxWidth: inner.width - 2, style: .dim)
    }
}
