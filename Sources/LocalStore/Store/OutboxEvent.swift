import Foundation
import GRDB

/// An event the central database must learn about, written in the same transaction as the
/// change it describes and removed only once the central side acknowledged it.
public struct OutboxEvent: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "outbox"

    /// Local order of sending.
    public var seq: Int64?
    /// UUIDv7, the id the central side uses to apply each event once.
    public var id: String
    public var type: String
    public var payloadVersion: Int
    /// JSON text.
    public var payload: String
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case seq, id, type, payload
        case payloadVersion = "payload_version"
        case createdAt = "created_at"
    }

    public enum Columns {
        static let seq = Column(CodingKeys.seq)
        static let id = Column(CodingKeys.id)
    }

    /// Payloads are JSON with sorted keys; instants inside them are ISO-8601 strings.
    private static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Appends an event inside the caller's write transaction: the change and its event
    /// commit together or not at all.
    @discardableResult
    public static func append<Payload: Encodable>(
        _ db: Database, type: String, payloadVersion: Int, payload: Payload, at instant: Date
    ) throws -> OutboxEvent {
        let json = String(decoding: try makeEncoder().encode(payload), as: UTF8.self)
        var event = OutboxEvent(seq: nil, id: UUIDv7.make(at: instant).uuidString.lowercased(), type: type,
                                payloadVersion: payloadVersion, payload: json,
                                createdAt: StoredInstant.iso(instant))
        try event.insert(db)
        event.seq = db.lastInsertedRowID
        return event
    }
}
