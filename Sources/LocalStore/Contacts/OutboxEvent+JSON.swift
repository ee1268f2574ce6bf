import Foundation
import GRDB

extension OutboxEvent {
    /// Appends an event whose payload is already JSON (the domain's `ContactEvent.payload()`
    /// encodes its own contract), inside the caller's transaction.
    @discardableResult
    static func appendJSON(_ db: Database, type: String, payloadVersion: Int, json: String, at instant: Date) throws -> OutboxEvent {
        var event = OutboxEvent(seq: nil, id: UUIDv7.make(at: instant).uuidString.lowercased(), type: type,
                                payloadVersion: payloadVersion, payload: json, createdAt: StoredInstant.iso(instant))
        try event.insert(db)
        event.seq = db.lastInsertedRowID
        return event
    }
}
