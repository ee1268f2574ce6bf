import CruscottoModel

/// Results of the display's effects.
public enum DisplayMessage: Sendable {
    case polled(LiveQueuePoll)
    case authenticated(AuthResult, username: String)
}
