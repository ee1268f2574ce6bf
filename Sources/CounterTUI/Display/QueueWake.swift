/// What a wait for the central queue's wake-up found.
public struct QueueWake: Hashable, Sendable {
    /// The queue may have changed: re-read it now. False: the fallback interval passed
    /// without a signal (a look that re-reads only if something says so).
    public var changed: Bool
    /// The wake-up connection listens again after a break (or for the first time since the
    /// waiter started): notifications sent meanwhile are lost, so a station also syncs at once.
    public var reconnected: Bool

    public init(changed: Bool, reconnected: Bool = false) {
        self.changed = changed
        self.reconnected = reconnected
    }
}
