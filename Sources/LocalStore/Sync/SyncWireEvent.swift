/// An outbox event as sent to the central side. `payload` is the outbox JSON, except for
/// `contact.imported` whose batch is sent with the contacts' current rows (`rows`), since the
/// outbox names them only. `baseVersion` is the central version of the contact the local change
/// was made on (for `contact.updated`), which lets the central side see a concurrent edit.
public struct SyncWireEvent: Sendable, Equatable, Codable {
    public var id: String
    public var type: String
    public var payloadVersion: Int
    public var payload: String
    public var baseVersion: Int64?
    public var createdAt: String

    public init(id: String, type: String, payloadVersion: Int, payload: String, baseVersion: Int64? = nil, createdAt: String) {
        self.id = id
        self.type = type
        self.payloadVersion = payloadVersion
        self.payload = payload
        self.baseVersion = baseVersion
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, type, payload
        case payloadVersion = "payload_version"
        case baseVersion = "base_version"
        case createdAt = "created_at"
    }
}
