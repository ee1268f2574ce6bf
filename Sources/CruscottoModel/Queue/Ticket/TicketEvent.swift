import Foundation

/// One step in a ticket's history: timestamped and attributed to a counter and an operator.
public struct TicketEvent: Hashable, Codable, Sendable {
    /// `issue` for the first event, otherwise `TicketAction.kind`.
    public var kind: String
    public var at: Date
    public var from: TicketState?
    public var to: TicketState
    public var counter: Int?
    public var operatorID: String?
    /// Reason, note or outcome given with the action.
    public var detail: String?

    public init(
        kind: String, at: Date, from: TicketState?, to: TicketState, counter: Int?,
        operatorID: String?, detail: String? = nil
    ) {
        self.kind = kind
        self.at = at
        self.from = from
        self.to = to
        self.counter = counter
        self.operatorID = operatorID
        self.detail = detail
    }
}
