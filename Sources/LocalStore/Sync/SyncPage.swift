/// A page of the change log.
public struct SyncPage: Sendable, Equatable, Codable {
    public var changes: [SyncChange]
    public var hasMore: Bool

    public init(changes: [SyncChange], hasMore: Bool) {
        self.changes = changes
        self.hasMore = hasMore
    }

    enum CodingKeys: String, CodingKey {
        case changes
        case hasMore = "has_more"
    }
}
