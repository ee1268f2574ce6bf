/// One row of the central change log: the registry row after a change.
public struct SyncChange: Sendable, Equatable, Codable {
    public var position: Int64
    /// The registry table ("contact").
    public var table: String
    public var rowID: String
    /// The central row's version after the change (1 for a new row, +1 per change).
    public var version: Int64
    public var originStation: String
    public var originEvent: String
    public var payloadVersion: Int
    /// The row as JSON (for a contact: the `Contact` as in `contact.created`).
    public var data: String
    /// For a contact merged into another: the one kept.
    public var mergedInto: String?

    public init(position: Int64, table: String, rowID: String, version: Int64, originStation: String,
                originEvent: String, payloadVersion: Int, data: String, mergedInto: String?) {
        self.position = position
        self.table = table
        self.rowID = rowID
        self.version = version
        self.originStation = originStation
        self.originEvent = originEvent
        self.payloadVersion = payloadVersion
        self.data = data
        self.mergedInto = mergedInto
    }

    enum CodingKeys: String, CodingKey {
        case position, table, version, data
        case rowID = "row_id"
        case originStation = "origin_station"
        case originEvent = "origin_event"
        case payloadVersion = "payload_version"
        case mergedInto = "merged_into"
    }
}
