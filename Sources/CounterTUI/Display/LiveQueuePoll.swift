import CruscottoModel
import Foundation

/// What one look at the central queue found.
public enum LiveQueuePoll: Sendable {
    /// Nothing committed since the previous look.
    case unchanged(at: Date)
    /// The queue now, and the changes after the position asked (at most one batch:
    /// `hasMore` asks for another look at once).
    case changed(at: Date, configuration: QueueConfiguration, status: QueueStatus,
                 changes: [QueueChange], lastPosition: Int64, hasMore: Bool)
    case failed(at: Date, reason: String)
}
