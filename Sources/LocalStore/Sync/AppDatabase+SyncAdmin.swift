import Foundation
import GRDB

/// What the administrator sees and does: status, conflicts, dead letters, and the audited
/// skip and retry of a dead letter (`admin_actions`).
extension AppDatabase {
    public func syncStatus() throws -> SyncStatus {
        try writer.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT pulled_position, last_push_at, last_pull_at, last_success_at, last_error,
                       last_reset_at, last_reset_rows, last_reset_position, reset_position IS NOT NULL
                  FROM sync_state WHERE id = 1
                """)
            return SyncStatus(
                outbox: try OutboxEvent.fetchCount(db),
                openDeadLetters: try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_dead_letter WHERE state = 'open'") ?? 0,
                conflicts: try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_conflict") ?? 0,
                pulledPosition: row?[0] ?? 0, lastPushAt: row?[1], lastPullAt: row?[2], lastSuccessAt: row?[3],
                lastError: row?[4], lastResetAt: row?[5], lastResetRows: row?[6], lastResetPosition: row?[7],
                resetInProgress: row?[8] ?? false)
        }
    }

    /// Open dead letters (what the header counts as "sync bloccata").
    public func openDeadLetterCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_dead_letter WHERE state = 'open'") ?? 0 }
    }

    /// Conflicts, newest first.
    public func syncConflicts(limit: Int = 1_000) throws -> [SyncConflict] {
        try writer.read { db in
            try SyncConflict.fetchAll(db, sql: "SELECT * FROM sync_conflict ORDER BY id DESC LIMIT ?", arguments: [limit])
        }
    }

    /// Dead letters, open ones first then the resolved, each oldest first.
    public func syncDeadLetters(includeResolved: Bool = true) throws -> [SyncDeadLetter] {
        try writer.read { db in
            try SyncDeadLetter.fetchAll(db, sql: """
                SELECT * FROM sync_dead_letter WHERE state = 'open' OR ? ORDER BY state <> 'open', id
                """, arguments: [includeResolved])
        }
    }

    public func adminActions() throws -> [AdminAction] {
        try writer.read { db in try AdminAction.fetchAll(db, sql: "SELECT * FROM admin_actions ORDER BY id") }
    }

    /// Drops an open dead letter for good, recording who, when and why.
    public func skipDeadLetter(_ id: Int64, reason: String, operator username: String, osUser: String) throws {
        try resolveDeadLetter(id, reason: reason, operator: username, osUser: osUser, action: .skipped) { _, _ in }
    }

    /// Sends a push dead letter again (back at the end of the outbox, same event id, so the
    /// central side still applies it once), or applies a pull dead letter again; the letter is
    /// resolved only when that works.
    public func retryDeadLetter(_ id: Int64, reason: String, operator username: String, osUser: String, station: String) throws {
        let now = clock.now()
        try resolveDeadLetter(id, reason: reason, operator: username, osUser: osUser, action: .retried) { db, letter in
            switch letter.direction {
            case .push:
                try db.execute(sql: """
                    INSERT INTO outbox (id, type, payload_version, payload, created_at) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [letter.eventID, letter.type, letter.payloadVersion, letter.payload, letter.createdAt])
            case .pull:
                guard let change = try? JSONDecoder().decode(SyncChange.self, from: Data(letter.payload.utf8)) else {
                    throw SyncError.stillUnreadable("la lettera \(letter.id) non contiene una modifica")
                }
                var outcome = SyncPullOutcome()
                do {
                    try Self.applyChange(db, change, pending: try Self.pendingContactIDs(db), station: station, at: now,
                                         decoder: SyncContactJSON.decoder(), outcome: &outcome)
                } catch let refusal as SyncRefusal {
                    throw SyncError.stillUnreadable(refusal.reason)
                }
            }
        }
    }

    private func resolveDeadLetter(_ id: Int64, reason: String, operator username: String, osUser: String,
                                   action: SyncDeadLetter.State,
                                   _ body: @Sendable (Database, SyncDeadLetter) throws -> Void) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw SyncError.missingReason }
        let now = StoredInstant.iso(clock.now())
        try writer.write { db in
            guard let letter = try SyncDeadLetter.fetchOne(db, sql: "SELECT * FROM sync_dead_letter WHERE id = ?", arguments: [id]) else {
                throw SyncError.notFound("messaggio in sospeso \(id)")
            }
            guard letter.state == .open else { throw SyncError.alreadyResolved("il messaggio in sospeso \(id)") }
            try body(db, letter)
            try db.execute(sql: "UPDATE sync_dead_letter SET state = ?, resolved_at = ? WHERE id = ?",
                           arguments: [action.rawValue, now, id])
            try AdminAction.record(db, action: action == .skipped ? "sync.skip" : "sync.retry",
                                   target: "dead_letter:\(id) \(letter.type) \(letter.eventID)",
                                   operator: username, osUser: osUser, at: now, reason: reason)
        }
    }

    /// Notes the end of an exchange: success clears the last error.
    public func noteSyncResult(error: String?) throws {
        let now = StoredInstant.iso(clock.now())
        try writer.write { db in
            if let error {
                try db.execute(sql: "UPDATE sync_state SET last_error = ? WHERE id = 1", arguments: [error])
            } else {
                try db.execute(sql: "UPDATE sync_state SET last_error = NULL, last_success_at = ? WHERE id = 1", arguments: [now])
            }
        }
    }
}
