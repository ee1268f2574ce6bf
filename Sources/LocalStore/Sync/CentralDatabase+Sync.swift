import Foundation
import GRDB

/// The embedded central file's side of sync: applies pushed events once each and pages the
/// change log (the rules of `SyncEventRules`, shared with the PostgreSQL functions).
extension CentralDatabase {
    /// Checks the versions, then applies `events` in order in one transaction; each event in
    /// its own savepoint, so a refused one leaves no trace and does not stop the others.
    func syncPush(_ events: [SyncWireEvent], from station: SyncStationVersions) throws -> [SyncAck] {
        let now = StoredInstant.iso(clock.now())
        return try writer.write { db in
            try Self.checkVersions(db, station)
            try Self.noteStation(db, station, push: now)
            var acks: [SyncAck] = []
            for event in events {
                if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM sync_applied_event WHERE id = ?"), arguments: [event.id]) == true {
                    acks.append(SyncAck(id: event.id, outcome: .duplicate))
                    continue
                }
                if let refusal = SyncEventRules.versionRefusal(type: event.type, version: event.payloadVersion) {
                    acks.append(SyncAck(id: event.id, outcome: .refused, reason: refusal))
                    continue
                }
                let object: [String: Any]
                switch SyncEventRules.validated(type: event.type, payload: event.payload) {
                case .success(let value): object = value
                case .failure(let refusal):
                    acks.append(SyncAck(id: event.id, outcome: .refused, reason: refusal.reason))
                    continue
                }
                var ack = SyncAck(id: event.id, outcome: .applied)
                do {
                    try db.inSavepoint {
                        ack = try Self.apply(db, event, object, station: station.station, at: now)
                        try db.cachedStatement(sql: "INSERT INTO sync_applied_event (id, station, type, applied_at) VALUES (?, ?, ?, ?)").execute(arguments: [event.id, station.station, event.type, now])
                        return .commit
                    }
                } catch let refusal as SyncRefusal {
                    ack = SyncAck(id: event.id, outcome: .refused, reason: refusal.reason)
                }
                acks.append(ack)
            }
            return acks
        }
    }

    /// The change log after `position` (refused below the retained floor).
    func syncChanges(after position: Int64, limit: Int, for station: SyncStationVersions) throws -> SyncPage {
        let now = StoredInstant.iso(clock.now())
        // A write transaction: the versions are checked and the station's pull noted.
        return try writer.write { db in
            try Self.checkVersions(db, station)
            try Self.noteStation(db, station, pull: now)
            try Self.checkRetention(db, after: position)
            let rows = try Row.fetchAll(db, sql: """
                SELECT position, table_name, row_id, version, origin_station, origin_event, payload_version, data, merged_into
                  FROM sync_change WHERE position > ? ORDER BY position LIMIT ?
                """, arguments: [position, max(1, limit) + 1])
            let changes = rows.prefix(max(1, limit)).map { row in
                SyncChange(position: row[0], table: row[1], rowID: row[2], version: row[3], originStation: row[4],
                           originEvent: row[5], payloadVersion: row[6], data: row[7], mergedInto: row[8])
            }
            return SyncPage(changes: Array(changes), hasMore: rows.count > max(1, limit))
        }
    }

    /// How many events of each kind the central side keeps (status and tests).
    func syncCounts() throws -> (contacts: Int, changes: Int, stationEvents: Int, applied: Int) {
        try writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_contact") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_change") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_station_event") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_applied_event") ?? 0)
        }
    }

    // MARK: - inside the transaction

    static func checkVersions(_ db: Database, _ station: SyncStationVersions) throws {
        let central = try Int.fetchOne(db, sql: "SELECT max(version) FROM schema_version") ?? 0
        if central != station.centralSchema {
            throw SyncError.centralSchemaMismatch(central: central, station: station.centralSchema)
        }
        if station.storeSchema < SyncVersions.minimumStoreSchema {
            throw SyncError.storeSchemaTooOld(store: station.storeSchema, minimum: SyncVersions.minimumStoreSchema)
        }
    }

    static func noteStation(_ db: Database, _ station: SyncStationVersions, push: String? = nil, pull: String? = nil) throws {
        try db.execute(sql: """
            INSERT INTO sync_station (station, store_schema, last_push_at, last_pull_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (station) DO UPDATE SET store_schema = excluded.store_schema,
              last_push_at = coalesce(excluded.last_push_at, last_push_at),
              last_pull_at = coalesce(excluded.last_pull_at, last_pull_at)
            """, arguments: [station.station, station.storeSchema, push, pull])
    }

    private static func apply(_ db: Database, _ event: SyncWireEvent, _ object: [String: Any], station: String, at now: String) throws -> SyncAck {
        var ack = SyncAck(id: event.id, outcome: .applied)
        switch event.type {
        case "contact.created":
            try insertContact(db, id: object["id"] as! String, doc: event.payload, event: event, station: station, at: now)
        case "contact.imported":
            // Rows the registry does not hold yet, straight from the payload's text; their
            // change rows in the batch's order (those this event created: version 1, its id).
            try db.execute(sql: """
                INSERT INTO sync_contact (id, doc, merged_into, version, origin_station, origin_event, updated_at)
                SELECT json_extract(value, '$.id'), json(value), NULL, 1, ?, ?, ? FROM json_each(?, '$.rows') WHERE true
                ON CONFLICT (id) DO NOTHING
                """, arguments: [station, event.id, now, event.payload])
            try db.execute(sql: """
                INSERT INTO sync_change (table_name, row_id, version, origin_station, origin_event, payload_version, data, merged_into, at)
                SELECT 'contact', c.id, c.version, c.origin_station, c.origin_event, 1, c.doc, c.merged_into, ?
                  FROM json_each(?, '$.rows') j JOIN sync_contact c ON c.id = json_extract(j.value, '$.id')
                 WHERE c.origin_event = ? AND c.version = 1
                 ORDER BY j.key
                """, arguments: [now, event.payload, event.id])
        case "contact.updated":
            let id = object["id"] as! String
            guard let current = try Row.fetchOne(db.cachedStatement(sql: "SELECT version, origin_station, doc FROM sync_contact WHERE id = ?"), arguments: [id]) else {
                throw SyncRefusal(SyncEventRules.unknownContact(id))
            }
            let version: Int64 = current[0], origin: String = current[1]
            if let base = event.baseVersion, version > base, origin != station {
                ack.conflictStation = origin
                ack.conflictData = current[2]
            }
            let details = String(decoding: try JSONSerialization.data(withJSONObject: object["details"]!, options: [.sortedKeys]), as: UTF8.self)
            try db.cachedStatement(sql: """
                UPDATE sync_contact SET doc = json_set(doc, '$.details', json(?), '$.updatedBy', ?, '$.updatedAt', ?)
                WHERE id = ?
                """).execute(arguments: [details, object["updatedBy"] as! String, object["updatedAt"] as! String, id])
            try touch(db, id: id, event: event, station: station, at: now)
        case "contact.visited":
            let id = object["id"] as! String
            guard try exists(db, id) else { throw SyncRefusal(SyncEventRules.unknownContact(id)) }
            // The latest visit wins, whatever the order the visits arrive in.
            try db.cachedStatement(sql: """
                UPDATE sync_contact SET doc = json_set(doc, '$.lastVisitAt', ?)
                WHERE id = ? AND coalesce(json_extract(doc, '$.lastVisitAt'), '') < ?
                """).execute(arguments: [object["visitedAt"] as! String, id, object["visitedAt"] as! String])
            try touch(db, id: id, event: event, station: station, at: now)
        case "contact.merged":
            let kept = object["kept_id"] as! String, merged = object["merged_id"] as! String
            for id in [kept, merged] {
                if try !exists(db, id) { throw SyncRefusal(SyncEventRules.unknownContact(id)) }
            }
            try db.cachedStatement(sql: "UPDATE sync_contact SET merged_into = ? WHERE id = ?").execute(arguments: [kept, merged])
            try touch(db, id: merged, event: event, station: station, at: now)
        case OfflineTicketEvent.type:
            // Kept as received, and its ticket written into the day's tickets.
            try OfflineTicketCentral.apply(db, payload: event.payload, station: station, at: now)
            try db.execute(sql: """
                INSERT INTO sync_station_event (event_id, station, type, payload_version, payload, received_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [event.id, station, event.type, event.payloadVersion, event.payload, now])
        default:
            // contact.history, session.event: kept as received.
            try db.execute(sql: """
                INSERT INTO sync_station_event (event_id, station, type, payload_version, payload, received_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [event.id, station, event.type, event.payloadVersion, event.payload, now])
        }
        return ack
    }

    private static func exists(_ db: Database, _ id: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM sync_contact WHERE id = ?"), arguments: [id]) ?? false
    }

    private static func insertContact(_ db: Database, id: String, doc: String, event: SyncWireEvent, station: String, at now: String) throws {
        if try exists(db, id) { throw SyncRefusal(SyncEventRules.existingContact(id)) }
        try db.cachedStatement(sql: """
            INSERT INTO sync_contact (id, doc, merged_into, version, origin_station, origin_event, updated_at)
            VALUES (?, json(?), NULL, 1, ?, ?, ?)
            """).execute(arguments: [id, doc, station, event.id, now])
        try logChange(db, id: id, at: now)
    }

    private static func touch(_ db: Database, id: String, event: SyncWireEvent, station: String, at now: String) throws {
        try db.cachedStatement(sql: """
            UPDATE sync_contact SET version = version + 1, origin_station = ?, origin_event = ?, updated_at = ? WHERE id = ?
            """).execute(arguments: [station, event.id, now, id])
        try logChange(db, id: id, at: now)
    }

    private static func logChange(_ db: Database, id: String, at now: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO sync_change (table_name, row_id, version, origin_station, origin_event, payload_version, data, merged_into, at)
            SELECT 'contact', id, version, origin_station, origin_event, 1, doc, merged_into, ? FROM sync_contact WHERE id = ?
            """).execute(arguments: [now, id])
    }
}
