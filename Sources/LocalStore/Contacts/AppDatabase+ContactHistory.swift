import CruscottoModel
import Foundation
import GRDB

extension AppDatabase {
    /// Appends an interaction to a person's history (the one method for tickets, intakes,
    /// certificates, hand-offs, notifications, phone calls), with a `contact.history` outbox
    /// event; a visit kind also sets `lastVisitAt` (ranking) and appends `contact.visited`.
    /// A contact merged into another gets the row on the one kept.
    @discardableResult
    public func appendContactHistory(
        _ id: ContactID, kind: ContactHistoryKind, summary: String, reference: String = "", context: AccessContext
    ) throws -> ContactHistoryEntry {
        try Self.checkPurpose(context)
        let now = clock.now()
        return try writer.write { db in
            guard var stored = try Self.storedContact(db, id: id) else { throw ContactStoreError.notFound(id.rawValue) }
            if let kept = stored.mergedInto, let target = try Self.storedContact(db, id: kept) { stored = target }
            let at = StoredInstant.iso(now), day = StoredInstant.day(now)
            let text = String(summary.trimmingCharacters(in: .whitespacesAndNewlines).prefix(500))
            try db.execute(sql: """
                INSERT INTO contact_history (contact_seq, kind, at, local_day, summary, reference, operator, station)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [stored.seq, kind.rawValue, at, day, text, reference, context.operatorUsername, context.stationID])
            let entry = ContactHistoryEntry(
                id: db.lastInsertedRowID, contactID: stored.contact.id, kind: kind, at: ContactInstant.parse(at) ?? now,
                localDay: day, summary: text, reference: reference, operatorUsername: context.operatorUsername,
                stationID: context.stationID)
            try OutboxEvent.append(db, type: ContactHistoryPayload.type, payloadVersion: ContactHistoryPayload.version,
                                   payload: ContactHistoryPayload(contactID: stored.contact.id.rawValue, kind: kind.rawValue, at: at,
                                                                  localDay: day, summary: text, reference: reference,
                                                                  operator: context.operatorUsername, station: context.stationID),
                                   at: now)
            if kind.isVisit {
                var contact = stored.contact
                let event = contact.recordVisit(at: now)
                try db.execute(sql: "UPDATE contact SET last_visit_at = ? WHERE seq = ?", arguments: [at, stored.seq])
                try Self.appendOutbox(db, event, at: now)
            }
            try AccessAuditEntry.record(db, context, what: "contatto \(stored.contact.id): storico, \(kind.label)", at: now)
            return entry
        }
    }

    /// A person's history, newest first, including the rows of contacts merged into it.
    public func contactHistory(_ id: ContactID, context: AccessContext, limit: Int = 200) throws -> [ContactHistoryEntry] {
        try Self.checkPurpose(context)
        let entries: [ContactHistoryEntry] = try writer.read { db in
            guard let stored = try Self.storedContact(db, id: id) else { throw ContactStoreError.notFound(id.rawValue) }
            let rows = try Row.fetchAll(db, sql: """
                SELECT h.id, c.id AS contact_id, h.kind, h.at, h.local_day, h.summary, h.reference, h.operator, h.station
                FROM contact_history h JOIN contact c ON c.seq = h.contact_seq
                WHERE h.contact_seq = ?1
                   OR h.contact_seq IN (SELECT seq FROM contact WHERE merged_into = ?2)
                ORDER BY h.at DESC, h.id DESC LIMIT ?3
                """, arguments: [stored.seq, id.rawValue, limit])
            return rows.map { row in
                ContactHistoryEntry(
                    id: row["id"], contactID: ContactID(row["contact_id"] as String) ?? id,
                    kind: ContactHistoryKind(rawValue: row["kind"]) ?? .note,
                    at: ContactInstant.parse(row["at"]) ?? Date(timeIntervalSince1970: 0), localDay: row["local_day"],
                    summary: row["summary"], reference: row["reference"], operatorUsername: row["operator"],
                    stationID: row["station"])
            }
        }
        try recordLightAccess(context, what: "contatto \(id): storico consultato")
        return entries
    }
}
