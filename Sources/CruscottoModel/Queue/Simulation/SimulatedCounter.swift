import Foundation

/// A simulated counter: who sits there and what it is doing.
struct SimulatedCounter {
    enum Phase {
        /// Free; `waiting` when its last claim found nobody (woken by the next arrival).
        case free(waiting: Bool)
        case called(ticketID: Int64, token: FencingToken)
        case serving(ticketID: Int64, token: FencingToken, since: Date)
        case paused
        case signedOut
    }

    var number: Int
    var operatorID: String
    var services: Set<String>
    var phase: Phase = .signedOut
    var pauseDue = false
    var pauseTaken = false
}
