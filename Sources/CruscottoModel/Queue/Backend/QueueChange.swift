import Foundation

/// One entry of the central change log: the ticket as it is after the change.
/// Positions increase with commit order, so a reader that saw position p and asks for
/// changes after p misses nothing (on PostgreSQL the position is the pair (xid, sequence)
/// encoded by the backend; readers only compare positions).
public struct QueueChange: Hashable, Codable, Sendable {
    public var position: Int64
    /// `issue` or a `TicketAction.kind`.
    public var kind: String
    public var at: Date
    public var ticket: Ticket

    public init(position: Int64, kind: String, at: Date, ticket: Ticket) {
        self.position = position
        self.kind = kind
        self.at = at
        self.ticket = ticket
    }
}

/// A page of changes after a position.
public struct QueueChangePage: Hashable, Codable, Sendable {
    public var changes: [QueueChange]
    /// The position to ask after next time (the last change's, or the one asked when empty).
    public var lastPosition: Int64
    public var hasMore: Bool

    public init(changes: [QueueChange], lastPosition: Int64, hasMore: Bool) {
        self.changes = changes
        self.lastPosition = lastPosition
        self.hasMore = hasMore
    }
}
