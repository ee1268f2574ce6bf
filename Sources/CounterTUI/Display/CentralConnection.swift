import Foundation

/// Whether a board's picture of the queue is live.
public enum CentralConnection: Hashable, Sendable {
    /// No answer yet since start.
    case connecting
    case live
    /// No successful read since `since`; `reason` for the log and the staff.
    case lost(since: Date, reason: String)

    public var isLive: Bool { self == .live }
}
