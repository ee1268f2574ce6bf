/// The answer to a login attempt. A wrong password and an unknown username give the same
/// `.rejected`, so the screen can never tell which one it was.
public enum AuthResult: Sendable, Equatable {
    case authenticated(OperatorAccount)
    /// Unknown username or wrong password.
    case rejected
    /// Right password, but the operator has been disabled.
    case disabled
    /// The station could not check (damaged store): an Italian explanation.
    case unavailable(String)

    /// The Italian line for the login screen's message line (nil on success).
    public var message: String? {
        switch self {
        case .authenticated: nil
        case .rejected: "Nome utente o password non validi."
        case .disabled: "Utente disabilitato: rivolgersi al responsabile."
        case .unavailable(let reason): "Accesso non verificabile: \(reason)"
        }
    }
}
