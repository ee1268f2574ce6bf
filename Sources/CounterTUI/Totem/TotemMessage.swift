import CruscottoModel

/// Results of the totem's effects.
public enum TotemMessage: Sendable {
    case polled(LiveQueuePoll)
    case issued(Ticket, serviceName: String, priorityName: String?)
    case issueFailed(String)
    case printed(number: String, failure: String?)
    case authenticated(AuthResult, username: String)
}
