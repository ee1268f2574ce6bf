import CruscottoModel
import Foundation
import GRDB

/// The station's side of the push: the outbox as sent, and the central side's answers
/// applied in one transaction (an event leaves the outbox only once acknowledged).
extension AppDatabase {
    /// The oldest events, in sending order, as they go on the wire.
    public func syncOutboxBatch(limit: Int) throws -> [SyncWireEvent] {
        try writer.read { db in
            let events = try OutboxEvent.order(OutboxEvent.Columns.seq).limit(limit).fetchAll(db)
            return try events.map { event in
                var wire = SyncWireEvent(id: event.id, type: event.type, payloadVersion: event.payloadVersion,
                                         payload: event.payload, createdAt: event.createdAt)
                switch event.type {
                case "contact.updated":
                    wire.baseVersion = try Int64.fetchOne(db, sql: "SELECT sync_version FROM contact WHERE id = json_extract(?, '$.id')",
                                                          arguments: [event.payload])
                case "contact.imported":
                    wire.payload = try Self.importBatchWithRows(db, payload: event.payload)
                default: break
                }
                return wire
            }
        }
    }

    /// The import batch names its contacts; they are sent with their current rows.
    private static func importBatchWithRows(_ db: Database, payload: String) throws -> String {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(payload.utf8))) as? [String: Any],
              let ids = object["contacts"] as? [String], object["rows"] == nil, payload.hasSuffix("}") else { return payload }
        // The rows are spliced in as text: a batch of 1,000 contacts is never parsed back.
        let encoder = SyncContactJSON.encoder()
        var rows: [String] = []
        rows.reserveCapacity(ids.count)
        for id in ids {
            guard let contactID = ContactID(id), let stored = try storedContact(db, id: contactID) else { continue }
            rows.append(String(decoding: try encoder.encode(stored.contact), as: UTF8.self))
        }
        return String(payload.dropLast()) + ",\"rows\":[" + rows.joined(separator: ",") + "]}"
    }

    /// Applies the answers to a batch: applied and duplicate events leave the outbox, refused
    /// ones move to the dead letters, an edit applied over a change it had not seen is
    /// recorded as a conflict. One transaction.
    public func applySyncAcks(_ sent: [SyncWireEvent], _ acks: [SyncAck]) throws -> SyncPushOutcome {
        let now = StoredInstant.iso(clock.now())
        let byID = Dictionary(sent.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        guard acks.count == sent.count, acks.allSatisfy({ byID[$0.id] != nil }) else {
            throw SyncError.badAnswer("\(acks.count) risposte per \(sent.count) eventi inviati")
        }
        return try writer.write { db in
            var outcome = SyncPushOutcome()
            for ack in acks {
                guard let original = try OutboxEvent.filter(OutboxEvent.Columns.id == ack.id).fetchOne(db) else { continue }
                switch ack.outcome {
                case .applied: outcome.applied += 1
                case .duplicate: outcome.duplicates += 1
                case .refused:
                    outcome.refused += 1
                    try db.execute(sql: """
                        INSERT INTO sync_dead_letter (direction, event_id, type, payload_version, payload, reason, created_at, failed_at)
                        VALUES ('push', ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [original.id, original.type, original.payloadVersion, original.payload,
                                         ack.reason ?? "rifiutato", original.createdAt, now])
                }
                if let other = ack.conflictStation, let remote = ack.conflictData, let wire = byID[ack.id] {
                    outcome.conflicts += 1
                    let rowID = (try? JSONSerialization.jsonObject(with: Data(wire.payload.utf8)) as? [String: Any])?["id"] as? String ?? ""
                    try SyncConflict.record(db, at: now, table: "contact", rowID: rowID, detected: .push,
                                            rule: .contactLaterEditApplied, otherStation: other,
                                            localData: wire.payload, remoteData: remote)
                }
                _ = try OutboxEvent.filter(OutboxEvent.Columns.id == ack.id).deleteAll(db)
            }
            try db.execute(sql: "UPDATE sync_state SET last_push_at = ? WHERE id = 1", arguments: [now])
            return outcome
        }
    }
}
