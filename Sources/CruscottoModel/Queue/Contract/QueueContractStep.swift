import Foundation

/// One step of a contract script: a request to any `QueueBackend`, with tickets referred to by
/// their issue order so the same script runs unchanged on every backend.
public enum QueueContractStep: Hashable, Codable, Sendable {
    /// Which token a transition presents, from the claims the runner saw for that ticket.
    public enum TokenChoice: Hashable, Codable, Sendable {
        case none
        case latest
        /// The claim before the latest one: a stale token.
        case previous
    }

    /// Which ticket a transition is about.
    public enum TicketRef: Hashable, Codable, Sendable {
        /// The n-th successfully issued ticket (0-based).
        case issued(Int)
        /// The ticket a counter claimed last, as a counter acts on its own ticket.
        case lastClaimedBy(counter: Int)
    }

    /// Sets the backend's clock.
    case setTime(Date)
    case issue(IssueRequest)
    case claim(ClaimRequest)
    case transition(ticket: TicketRef, token: TokenChoice, action: TicketAction, counter: Int?, operatorID: String?)
    /// The transition, then the next claim at `counter`, as one operation.
    case transitionAndClaim(ticket: TicketRef, token: TokenChoice, action: TicketAction, counter: Int, operatorID: String?)
    case status
    case changes(after: Int64, limit: Int)
    case openOffice
    case closeOffice(operatorID: String?)
    case signIn(counter: Int, operatorID: String)
    case signOut(counter: Int)
    case pause(counter: Int, reason: PauseReason)
    case resume(counter: Int)
}
