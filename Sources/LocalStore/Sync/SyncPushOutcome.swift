/// What one push batch did.
public struct SyncPushOutcome: Sendable, Equatable {
    public var applied = 0
    public var duplicates = 0
    public var refused = 0
    public var conflicts = 0

    public init() {}

    public mutating func add(_ other: SyncPushOutcome) {
        applied += other.applied
        duplicates += other.duplicates
        refused += other.refused
        conflicts += other.conflicts
    }
}
