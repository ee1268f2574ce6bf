/// A reset from a snapshot in progress at the station (kept in `sync_state`).
public struct SyncResetState: Sendable, Equatable {
    /// The snapshot's position P: the pull goes on after it once the reset ends.
    public var position: Int64
    /// The last registry id applied (the next page starts after it).
    public var cursor: String?
    /// The position the station had when the central side refused it.
    public var from: Int64
    /// The floor of the central change log that refused it.
    public var floor: Int64
    /// Registry rows applied so far.
    public var rows: Int
}
