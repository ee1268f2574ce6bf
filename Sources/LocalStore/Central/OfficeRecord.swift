import GRDB

/// The office a central database serves.
public struct OfficeRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "office"

    public var id: Int64?
    public var name: String
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, name
        case createdAt = "created_at"
    }
}
