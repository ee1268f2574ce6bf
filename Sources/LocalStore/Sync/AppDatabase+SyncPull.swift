import CruscottoModel
import Foundation
import GRDB

/// The station's side of the pull: one page applied in one transaction, the position kept
/// with it. A pulled row never overwrites a contact with unsent changes (outbox or open push
/// dead letters): that is a conflict, settled by `SyncConflictRule.contactLocalEditKept`.
extension AppDatabase {
    /// The last change-log position applied.
    public func syncPulledPosition() throws -> Int64 {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT pulled_position FROM sync_state WHERE id = 1") ?? 0 }
    }

    public func applySyncPage(_ page: SyncPage, station: String) throws -> SyncPullOutcome {
        let now = clock.now()
        return try writer.write { db in
            var outcome = SyncPullOutcome()
            // A page touches the contact table, its indexes and the key tables at random
            // places: with SQLite's default 2 MB cache the pages of a large registry are
            // evicted and spilled within the transaction (as in the bulk import).
            let previousCache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            if page.changes.count > 50 { try db.execute(sql: "PRAGMA cache_size = -65536") }
            defer { if page.changes.count > 50 { try? db.execute(sql: "PRAGMA cache_size = \(previousCache)") } }
            let pending = try Self.pendingContactIDs(db)
            let decoder = SyncContactJSON.decoder()
            for change in page.changes {
                do {
                    try Self.applyChange(db, change, pending: pending, station: station, at: now, decoder: decoder,
                                         outcome: &outcome)
                } catch let refusal as SyncRefusal {
                    outcome.deadLetters += 1
                    try Self.deadLetterChange(db, change, reason: refusal.reason, at: now)
                }
                outcome.position = change.position
            }
            if let last = page.changes.last?.position {
                try db.execute(sql: "UPDATE sync_state SET pulled_position = max(pulled_position, ?) WHERE id = 1", arguments: [last])
            }
            try db.execute(sql: "UPDATE sync_state SET last_pull_at = ? WHERE id = 1", arguments: [StoredInstant.iso(now)])
            if outcome.applied + outcome.conflicts > 0 {
                let context = AccessContext(operatorUsername: "sistema:sync", stationID: station, purpose: .administration)
                try AccessAuditEntry.record(
                    db, context, what: "sincronizzazione: \(outcome.applied + outcome.conflicts) contatti ricevuti dal database centrale",
                    at: now)
            }
            return outcome
        }
    }

    /// Ids of the contacts that have events not yet accepted by the central side.
    static func pendingContactIDs(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: """
            WITH pending(type, payload) AS (
              SELECT type, payload FROM outbox
              UNION ALL SELECT type, payload FROM sync_dead_letter WHERE direction = 'push' AND state = 'open')
            SELECT json_extract(payload, '$.id') FROM pending
             WHERE type IN ('contact.created', 'contact.updated', 'contact.visited')
            UNION SELECT json_extract(payload, '$.merged_id') FROM pending WHERE type = 'contact.merged'
            UNION SELECT json_extract(payload, '$.kept_id') FROM pending WHERE type = 'contact.merged'
            UNION SELECT j.value FROM pending, json_each(pending.payload, '$.contacts') j WHERE pending.type = 'contact.imported'
            """).compactMap { $0 })
    }

    /// Reads a pulled change, or refuses it (dead letter) when this program cannot.
    static func readChange(_ change: SyncChange, decoder: JSONDecoder) throws(SyncRefusal) -> Contact {
        guard change.table == "contact" else { throw SyncRefusal("tabella sconosciuta nel registro centrale: \(change.table)") }
        guard change.payloadVersion <= SyncVersions.changePayloadVersion else {
            throw SyncRefusal("versione \(change.payloadVersion) dei dati centrali: questo programma legge fino alla \(SyncVersions.changePayloadVersion)")
        }
        let contact: Contact
        do { contact = try decoder.decode(Contact.self, from: Data(change.data.utf8)) } catch {
            throw SyncRefusal("dati centrali non leggibili per il contatto \(change.rowID): \(error)")
        }
        guard contact.id.rawValue == change.rowID else {
            throw SyncRefusal("dati centrali non leggibili per il contatto \(change.rowID): l'identificativo è \(contact.id)")
        }
        return contact
    }

    static func applyChange(_ db: Database, _ change: SyncChange, pending: Set<String>, station: String, at now: Date,
                            decoder: JSONDecoder, outcome: inout SyncPullOutcome) throws {
        let contact = try readChange(change, decoder: decoder)
        let merged = change.mergedInto.flatMap { ContactID($0) }
        let isOwn = change.originStation == station
        guard let stored = try storedContact(db, id: contact.id) else {
            var incoming = contact
            if let identity = incoming.importIdentity,
               try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM contact WHERE import_identity = ?"), arguments: [identity]) == true {
                // Another station imported the same person: the identity stays with the first.
                incoming.importIdentity = nil
            }
            try insert(db, incoming)
            let seq = db.lastInsertedRowID
            if merged != nil { try deleteKeys(db, seq: seq) }
            try db.cachedStatement(sql: "UPDATE contact SET merged_into = ?, sync_version = ? WHERE seq = ?").execute(arguments: [merged?.rawValue, change.version, seq])
            if isOwn { outcome.own += 1 } else { outcome.applied += 1 }
            return
        }
        // A row already as new locally (a reset's snapshot row, then its older changes still in
        // the log after the snapshot's position) is not taken back.
        if let known = try Int64.fetchOne(db.cachedStatement(sql: "SELECT sync_version FROM contact WHERE seq = ?"),
                                          arguments: [stored.seq]), known >= change.version {
            return
        }
        if !pending.contains(contact.id.rawValue) {
            try overwrite(db, seq: stored.seq, with: contact, mergedInto: merged, version: change.version)
            if isOwn { outcome.own += 1 } else { outcome.applied += 1 }
            return
        }
        if isOwn {
            // The station's own earlier change coming back while newer local ones wait.
            try db.cachedStatement(sql: "UPDATE contact SET sync_version = max(sync_version, ?) WHERE seq = ?").execute(arguments: [change.version, stored.seq])
            outcome.own += 1
            return
        }
        // Conflict: the local details stay (they are sent next); the later visit and a merge
        // are taken; the central version is noted as seen, so the push is not a second conflict.
        let visit = [stored.contact.lastVisitAt, contact.lastVisitAt].compactMap { $0 }.max()
        let mergedInto = stored.mergedInto ?? merged
        if stored.mergedInto == nil, mergedInto != nil { try deleteKeys(db, seq: stored.seq) }
        try db.cachedStatement(sql: "UPDATE contact SET last_visit_at = ?, merged_into = ?, sync_version = ? WHERE seq = ?").execute(arguments: [visit.map(StoredInstant.iso), mergedInto?.rawValue, change.version, stored.seq])
        try SyncConflict.record(
            db, at: StoredInstant.iso(now), table: "contact", rowID: contact.id.rawValue, detected: .pull,
            rule: .contactLocalEditKept, otherStation: change.originStation,
            localData: String(decoding: try SyncContactJSON.encoder().encode(stored.contact), as: UTF8.self),
            remoteData: change.data)
        outcome.conflicts += 1
    }

    /// The central row replaces the local one (no unsent local change).
    static func overwrite(_ db: Database, seq: Int64, with contact: Contact, mergedInto: ContactID?, version: Int64) throws {
        try deleteKeys(db, seq: seq)
        var values = ContactColumns.detailValues(contact.details)
        values += [StoredInstant.iso(contact.updatedAt), contact.updatedBy, seq]
        try db.cachedStatement(sql: ContactColumns.updateSQL).execute(arguments: StatementArguments(values))
        try db.cachedStatement(sql: "UPDATE contact SET last_visit_at = ?, merged_into = ?, sync_version = ? WHERE seq = ?").execute(arguments: [contact.lastVisitAt.map(StoredInstant.iso), mergedInto?.rawValue, version, seq])
        if mergedInto == nil { try insertKeys(db, seq: seq, details: contact.details) }
    }

    static func deadLetterChange(_ db: Database, _ change: SyncChange, reason: String, at now: Date) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let payload = String(decoding: try encoder.encode(change), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO sync_dead_letter (direction, event_id, type, payload_version, payload, reason, created_at, failed_at)
            VALUES ('pull', ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [change.originEvent, "change.\(change.table)", change.payloadVersion, payload, reason,
                             StoredInstant.iso(now), StoredInstant.iso(now)])
    }
}
