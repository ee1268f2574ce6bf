/// What one pulled page did.
public struct SyncPullOutcome: Sendable, Equatable {
    /// Rows written into the local registry.
    public var applied = 0
    /// The station's own changes coming back (applied silently when nothing is pending).
    public var own = 0
    public var conflicts = 0
    public var deadLetters = 0
    public var position: Int64 = 0

    public init() {}

    public mutating func add(_ other: SyncPullOutcome) {
        applied += other.applied
        own += other.own
        conflicts += other.conflicts
        deadLetters += other.deadLetters
        position = max(position, other.position)
    }
}
