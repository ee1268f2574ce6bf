/// The login form: user and password (masked), which one has focus, whether a check runs.
public struct LoginState: Hashable, Sendable {
    public enum Field: Hashable, Sendable { case username, password }

    public static let usernameLength = 32
    public static let passwordLength = 256

    public var username = FormField(label: "Utente", maxLength: LoginState.usernameLength)
    public var password = FormField(label: "Password", maxLength: LoginState.passwordLength)
    public var focus = FocusRing([Field.username, .password])
    /// True while the password is being checked (keys are ignored meanwhile).
    public var verifying = false
    public var throttle = LoginThrottle()

    public init() {}

    /// Clears both fields for the next operator (the failure count stays).
    public mutating func clear() {
        username.editor.setText("")
        password.editor.setText("")
        focus.focus(.username)
    }

    public mutating func withFocusedField(_ change: (inout FormField) -> Void) {
        switch focus.focused {
        case .username: change(&username)
        case .password: change(&password)
        }
    }
}
