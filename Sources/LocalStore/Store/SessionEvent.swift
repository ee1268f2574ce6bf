import CruscottoModel
import Foundation
import GRDB

/// A login, logout, lock, unlock or failed login at this station.
public struct SessionEvent: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "session_event"

    public var id: Int64?
    public var kind: String
    /// The operator's username; for a failed login, the username that was typed.
    public var operatorUsername: String
    public var stationID: String
    public var at: String
    public var localDay: String

    enum CodingKeys: String, CodingKey {
        case id, kind, at
        case operatorUsername = "operator"
        case stationID = "station"
        case localDay = "local_day"
    }

    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let localDay = Column(CodingKeys.localDay)
    }

    public var eventKind: SessionEventKind? { SessionEventKind(rawValue: kind) }
    public var instant: Date? { StoredInstant.parse(at) }
}
