/// What a prune of the central change log did (`central prune`).
public struct SyncPruneResult: Sendable, Equatable, Codable {
    /// Change rows deleted now.
    public var deleted: Int64
    /// The lowest position still in the log: a station whose position is below `floor - 1`
    /// resets from a snapshot.
    public var floor: Int64
    /// Change rows kept.
    public var kept: Int64
    /// The last position given so far.
    public var lastPosition: Int64

    public init(deleted: Int64, floor: Int64, kept: Int64, lastPosition: Int64) {
        self.deleted = deleted
        self.floor = floor
        self.kept = kept
        self.lastPosition = lastPosition
    }

    enum CodingKeys: String, CodingKey {
        case deleted, floor, kept
        case lastPosition = "last_position"
    }
}
