import Foundation

/// A change at a counter during the office day; idle time and the counter panel are computed
/// from these.
public struct CounterEvent: Hashable, Codable, Sendable {
    public enum Kind: Hashable, Codable, Sendable {
        case signIn(operatorID: String)
        case signOut
        case pauseStart(PauseReason)
        case pauseEnd
        /// The counter took a ticket (call).
        case busy(ticketID: Int64)
        /// The ticket left the counter (closed, parked, transferred, no-show, cancelled).
        case free
    }

    public var counter: Int
    public var at: Date
    public var kind: Kind

    public init(counter: Int, at: Date, kind: Kind) {
        self.counter = counter
        self.at = at
        self.kind = kind
    }
}
