import GRDB

/// A conflict recorded by the station: a row both sides changed, the rule applied and both
/// versions (JSON), for the responsabile to check (`sync conflicts`).
public struct SyncConflict: Sendable, Equatable, Codable, FetchableRecord {
    public enum Detected: String, Sendable, Codable { case push, pull }

    public var id: Int64
    public var at: String
    public var table: String
    public var rowID: String
    public var detected: Detected
    public var rule: SyncConflictRule
    public var otherStation: String
    public var localData: String
    public var remoteData: String

    enum CodingKeys: String, CodingKey {
        case id, at, detected, rule
        case table = "table_name"
        case rowID = "row_id"
        case otherStation = "other_station"
        case localData = "local_data"
        case remoteData = "remote_data"
    }

    static func record(_ db: Database, at: String, table: String, rowID: String, detected: Detected,
                       rule: SyncConflictRule, otherStation: String, localData: String, remoteData: String) throws {
        try db.execute(sql: """
            INSERT INTO sync_conflict (at, table_name, row_id, detected, rule, other_station, local_data, remote_data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [at, table, rowID, detected.rawValue, rule.rawValue, otherStation, localData, remoteData])
    }
}
