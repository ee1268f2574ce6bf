import GRDB

/// A station known to the central database, with the last time it was heard from.
public struct RegisteredStation: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "station"

    public var id: String
    public var kind: String
    public var counter: Int?
    public var registeredAt: String
    public var lastContactAt: String

    enum CodingKeys: String, CodingKey {
        case id, kind, counter
        case registeredAt = "registered_at"
        case lastContactAt = "last_contact_at"
    }
}
