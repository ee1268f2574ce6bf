import CruscottoModel

/// The station's own offline queue as the counter last read it: the configuration last seen
/// from the central side, the offline tickets still waiting (oldest first), the reserved
/// numbers left per prefix, and the offline ticket this counter holds.
public struct OfflineQueueSnapshot: Hashable, Sendable {
    public var configuration: QueueConfiguration?
    public var waiting: [Ticket]
    public var remaining: [String: Int]
    public var held: CurrentTicket?

    public init(configuration: QueueConfiguration?, waiting: [Ticket], remaining: [String: Int], held: CurrentTicket?) {
        self.configuration = configuration
        self.waiting = waiting
        self.remaining = remaining
        self.held = held
    }
}
