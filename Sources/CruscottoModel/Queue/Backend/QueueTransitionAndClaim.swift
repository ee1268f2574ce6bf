/// What `QueueBackend.transitionAndClaim` answers: the counter's ticket after its transition
/// and the next ticket called at the counter (nil when nothing was waiting for it).
public struct QueueTransitionAndClaim: Hashable, Codable, Sendable {
    public var ticket: Ticket
    public var claim: QueueClaim?

    public init(ticket: Ticket, claim: QueueClaim?) {
        self.ticket = ticket
        self.claim = claim
    }
}
