/// The answer of a login or unlock attempt. A wrong password and an unknown user give the same
/// `.rejected`, so the screens cannot tell which part was wrong.
public enum LoginOutcome: Hashable, Sendable {
    case authenticated(SessionOperator)
    /// Unknown user or wrong password.
    case rejected
    /// The check succeeded but the station refuses the operator (e.g. disabled), or the
    /// station could not check at all: the Italian line to show.
    case refused(String)

    /// The one line shown for any wrong user or password.
    public static let rejectedMessage = "Utente o password non validi."
}
