import GRDB

/// An event the central side refused (`push`) or a central change the station could not
/// read (`pull`): set aside so the rest keeps flowing, until an administrator skips or
/// retries it (`sync skip|retry ID --reason …`).
public struct SyncDeadLetter: Sendable, Equatable, Codable, FetchableRecord {
    public enum Direction: String, Sendable, Codable { case push, pull }
    public enum State: String, Sendable, Codable { case open, skipped, retried }

    public var id: Int64
    public var direction: Direction
    public var eventID: String
    public var type: String
    public var payloadVersion: Int
    public var payload: String
    public var reason: String
    public var createdAt: String
    public var failedAt: String
    public var state: State
    public var resolvedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, direction, type, payload, reason, state
        case eventID = "event_id"
        case payloadVersion = "payload_version"
        case createdAt = "created_at"
        case failedAt = "failed_at"
        case resolvedAt = "resolved_at"
    }
}
