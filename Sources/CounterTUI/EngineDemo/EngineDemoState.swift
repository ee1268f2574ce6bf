/// The engine demo's state: a screen stack (main, help overlay, exit confirmation), a small
/// form, a list of people, the message line.
public struct EngineDemoState: Hashable, Sendable {
    public enum Screen: Hashable, Sendable { case main, help, confirmExit }
    public enum Focus: Hashable, Sendable { case surname, name, fiscalCode, people }

    public var stack = ScreenStack(root: Screen.main)
    public var focus = FocusRing([Focus.surname, .name, .fiscalCode, .people])
    public var surname = FormField(label: "Cognome", value: "Rossi", maxLength: 40)
    public var name = FormField(label: "Nome", value: "Niccolò", maxLength: 40)
    public var fiscalCode = FormField(label: "Codice fiscale", value: "RSSNCL80A01H50", maxLength: 16)
    public var people = ListState()
    public var message: StatusMessage? = .info("Tab cambia campo, Invio conferma, F1 aiuto, F3 esce.")
    public var size: TerminalSize
    /// Actions and typed keys received by `update`, newest last (at most `actionLogLimit`):
    /// shows what the keymap made of each key.
    public var actionLog: [String] = []
    public static let actionLogLimit = 50

    /// Search keys computed by the confirm effect, newest last.
    public var savedKeys: [String] = []

    public init(size: TerminalSize) {
        self.size = size
        EngineDemoValidation.validate(&self)
    }

    public func field(_ focus: Focus) -> FormField? {
        switch focus {
        case .surname: return surname
        case .name: return name
        case .fiscalCode: return fiscalCode
        case .people: return nil
        }
    }

    public mutating func log(_ entry: String) {
        actionLog.append(entry)
        if actionLog.count > Self.actionLogLimit { actionLog.removeFirst(actionLog.count - Self.actionLogLimit) }
    }

    public mutating func withField(_ focus: Focus, _ change: (inout FormField) -> Void) {
        switch focus {
        case .surname: change(&surname)
        case .name: change(&name)
        case .fiscalCode: change(&fiscalCode)
        case .people: break
        }
    }
}
