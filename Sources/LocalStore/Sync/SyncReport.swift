/// What one `sync once` did.
public struct SyncReport: Sendable, Equatable {
    public var push = SyncPushOutcome()
    public var pull = SyncPullOutcome()
    public var pushBatches = 0
    public var pullPages = 0
    /// True when the station reset from a snapshot (its position was older than the central
    /// retention); the rows applied are counted in `pull` too.
    public var reset = false
    /// Registry rows received in snapshot pages.
    public var resetRows = 0
    public var resetPages = 0

    public init() {}
}
