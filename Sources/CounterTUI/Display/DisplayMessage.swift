import CruscottoModel

/// Results of the display's effects.
public enum DisplayMessage: Sendable {
    case polled(LiveQueuePoll)
    /// A wake-up of the central queue (`QueueWakeups`).
    case woke(QueueWake)
    case authenticated(AuthResult, username: String)
}
