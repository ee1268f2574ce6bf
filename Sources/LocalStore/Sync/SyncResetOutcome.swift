/// What one snapshot page did at the station during a reset.
public struct SyncResetOutcome: Sendable, Equatable {
    /// The rows of the page applied by the pull's rules (counted in `pull`), the skipped ones
    /// (already as new locally) not counted.
    public var pull = SyncPullOutcome()
    /// Registry rows of the page (applied or already as new).
    public var rows = 0
    /// True when this was the last page: the position is now the snapshot's.
    public var finished = false
    /// The next page starts after this id.
    public var cursor: String?

    public init() {}
}
