/// A page of the registry for a reset: rows by id, each at least as new as its state at
/// `position`; after the last page the station pulls the change log after `position`.
public struct SyncSnapshotPage: Sendable, Equatable, Codable {
    public var position: Int64
    public var rows: [SyncSnapshotRow]
    public var hasMore: Bool

    public init(position: Int64, rows: [SyncSnapshotRow], hasMore: Bool) {
        self.position = position
        self.rows = rows
        self.hasMore = hasMore
    }

    enum CodingKeys: String, CodingKey {
        case position, rows
        case hasMore = "has_more"
    }
}
