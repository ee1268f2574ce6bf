import GRDB

/// A numbered counter of the office, with an optional label ("Sportello 3 – CIE").
public struct CounterRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "counter"

    public var number: Int
    public var officeID: Int64
    public var label: String?

    enum CodingKeys: String, CodingKey {
        case number, label
        case officeID = "office_id"
    }
}
