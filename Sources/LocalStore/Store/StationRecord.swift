import CruscottoModel
import GRDB

/// The station's own identity in its local store (one row).
public struct StationRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "station"

    public var id: String
    public var kind: String
    public var counter: Int?
    public var officeName: String
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, kind, counter
        case officeName = "office_name"
        case createdAt = "created_at"
    }

    public var stationKind: StationKind? { StationKind(rawValue: kind) }
}
