import CruscottoModel

/// The ticket this counter holds (called or in service) and the token its transitions need.
public struct CurrentTicket: Hashable, Sendable {
    public var ticket: Ticket
    public var token: FencingToken

    public init(ticket: Ticket, token: FencingToken) {
        self.ticket = ticket
        self.token = token
    }
}
