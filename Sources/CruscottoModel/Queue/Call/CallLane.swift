/// One index-ordered list the backends probe for a claim. The best candidate of a call is
/// always the head (first by arrival, seq, id) of one of these lanes, so a claim reads at most
/// `2 × services in the profile + 2` index heads instead of sorting the waiting tickets.
public enum CallLane: Hashable, Sendable {
    /// Tickets transferred to the counter (`target_counter = counter`).
    case directed(counter: Int)
    /// Parked tickets of a service (`state = 'parked'`, no target counter).
    case parked(serviceCode: String)
    /// Waiting or transferred-to-service tickets of a service and class.
    case line(serviceCode: String, priority: Bool)

    /// The lane a callable ticket sits in.
    public init(of ticket: Ticket) {
        if let counter = ticket.targetCounter {
            self = .directed(counter: counter)
        } else if ticket.state == .parked {
            self = .parked(serviceCode: ticket.serviceCode)
        } else {
            self = .line(serviceCode: ticket.serviceCode, priority: ticket.isPriority)
        }
    }
}
