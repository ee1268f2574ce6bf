import Foundation

/// What a counter is doing at an instant, as the queue panel shows it.
public enum CounterActivity: Hashable, Sendable {
    /// Nobody signed in.
    case closed
    /// Open, nobody called: idle time runs.
    case idle(operatorID: String, since: Date)
    case busy(operatorID: String, since: Date)
    case paused(operatorID: String, reason: PauseReason, since: Date)
}
