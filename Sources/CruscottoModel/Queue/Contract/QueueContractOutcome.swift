/// What a backend answered to one contract step. Two backends agree on a script when their
/// outcome lists are equal.
public enum QueueContractOutcome: Hashable, Codable, Sendable {
    case done
    case ticket(Ticket)
    case claim(QueueClaim?)
    case transitionAndClaim(QueueTransitionAndClaim)
    case status(QueueStatus)
    case changes(QueueChangePage)
    case report(EndOfDayReport)
    /// The Italian message of the refusal.
    case refused(String)
}
