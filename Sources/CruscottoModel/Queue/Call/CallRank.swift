import Foundation

/// The sort key of a candidate ticket for one counter's next call; lower goes first.
/// Every field is an integer or the arrival instant, so the backends can compute the same key
/// in SQL (see docs/QUEUE.md, "Call-next rule").
public struct CallRank: Comparable, Hashable, Sendable {
    public enum Tier: Int, Comparable, Sendable {
        /// Transferred to this very counter.
        case directed = 0
        /// Parked: resumes at the head of its service.
        case parked = 1
        /// Waited at least the maximum wait: ahead of profile order and interleave.
        case promoted = 2
        case ordinary = 3

        public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let tier: Tier
    /// Position of the service in the counter's profile (ordinary tier only, else 0).
    public let preference: Int
    /// 1 for an ordinary ticket while a priority call is due, else 0 (ordinary tier only).
    public let classOrder: Int
    public let arrival: Date
    public let seq: Int
    public let id: Int64

    public static func < (lhs: CallRank, rhs: CallRank) -> Bool {
        if lhs.tier != rhs.tier { return lhs.tier < rhs.tier }
        if lhs.preference != rhs.preference { return lhs.preference < rhs.preference }
        if lhs.classOrder != rhs.classOrder { return lhs.classOrder < rhs.classOrder }
        if lhs.arrival != rhs.arrival { return lhs.arrival < rhs.arrival }
        if lhs.seq != rhs.seq { return lhs.seq < rhs.seq }
        return lhs.id < rhs.id
    }
}
