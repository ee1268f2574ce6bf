/// What one `sync once` did.
public struct SyncReport: Sendable, Equatable {
    public var push = SyncPushOutcome()
    public var pull = SyncPullOutcome()
    public var pushBatches = 0
    public var pullPages = 0

    public init() {}
}
