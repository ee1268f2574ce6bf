import CruscottoModel

/// Results of the totem's effects.
public enum TotemMessage: Sendable {
    case polled(LiveQueuePoll)
    /// A wake-up of the central queue (`QueueWakeups`).
    case woke(QueueWake)
    case issued(Ticket, serviceName: String, priorityName: String?)
    case issueFailed(String)
    case printed(number: String, failure: String?)
    case authenticated(AuthResult, username: String)
}
