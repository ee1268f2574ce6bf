import CruscottoModel
import Foundation
import GRDB

/// The station's side of a reset from a snapshot: each page of the registry applied in one
/// transaction with the cursor, by the pull's rules (a row with unsent local events keeps its
/// local details, the snapshot's version noted); the last page sets the position to the
/// snapshot's and records the reset (`admin_actions`, action `sync.reset`). An interrupted
/// reset goes on after the cursor it committed; a row applied twice changes nothing (a row
/// already as new locally is skipped).
extension AppDatabase {
    /// The reset in progress, if any.
    public func syncResetInProgress() throws -> SyncResetState? {
        try writer.read { db in try Self.resetState(db) }
    }

    static func resetState(_ db: Database) throws -> SyncResetState? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT reset_position, reset_cursor, reset_from, reset_floor, reset_rows FROM sync_state
             WHERE id = 1 AND reset_position IS NOT NULL
            """) else { return nil }
        return SyncResetState(position: row[0], cursor: row[1], from: row[2] ?? 0, floor: row[3] ?? 0, rows: row[4] ?? 0)
    }

    /// Applies one snapshot page. The first page of a reset (none in progress) starts it at the
    /// page's position, noting the refused position and the `floor` that refused it.
    public func applySyncSnapshotPage(_ page: SyncSnapshotPage, station: String, floor: Int64) throws -> SyncResetOutcome {
        let now = clock.now()
        return try writer.write { db in
            let at = StoredInstant.iso(now)
            var state = try Self.resetState(db)
            if state == nil {
                let from = try Int64.fetchOne(db, sql: "SELECT pulled_position FROM sync_state WHERE id = 1") ?? 0
                try db.execute(sql: """
                    UPDATE sync_state SET reset_position = ?, reset_cursor = NULL, reset_from = ?, reset_floor = ?,
                                          reset_rows = 0, reset_started_at = ? WHERE id = 1
                    """, arguments: [page.position, from, floor, at])
                state = SyncResetState(position: page.position, cursor: nil, from: from, floor: floor, rows: 0)
            }
            guard var state else { return SyncResetOutcome() }
            var outcome = SyncResetOutcome()
            let previousCache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            if page.rows.count > 50 { try db.execute(sql: "PRAGMA cache_size = -65536") }
            defer { if page.rows.count > 50 { try? db.execute(sql: "PRAGMA cache_size = \(previousCache)") } }
            let pending = try Self.pendingContactIDs(db)
            let decoder = SyncContactJSON.decoder()
            for row in page.rows {
                let change = row.change(at: state.position)
                do {
                    try Self.applyChange(db, change, pending: pending, station: station, at: now, decoder: decoder,
                                         outcome: &outcome.pull)
                } catch let refusal as SyncRefusal {
                    outcome.pull.deadLetters += 1
                    try Self.deadLetterChange(db, change, reason: refusal.reason, at: now)
                }
                outcome.rows += 1
                state.cursor = row.id
            }
            state.rows += outcome.rows
            outcome.cursor = state.cursor
            if page.hasMore && !page.rows.isEmpty {
                try db.execute(sql: "UPDATE sync_state SET reset_cursor = ?, reset_rows = ? WHERE id = 1",
                               arguments: [state.cursor, state.rows])
                return outcome
            }
            // The last page: the position becomes the snapshot's, the reset is recorded.
            try db.execute(sql: """
                UPDATE sync_state SET pulled_position = max(pulled_position, ?), last_pull_at = ?,
                       reset_position = NULL, reset_cursor = NULL, reset_from = NULL, reset_floor = NULL, reset_rows = 0,
                       reset_started_at = NULL, last_reset_at = ?, last_reset_rows = ?, last_reset_position = ?
                 WHERE id = 1
                """, arguments: [state.position, at, at, state.rows, state.position])
            try AdminAction.record(
                db, action: "sync.reset", target: "posizione \(state.from) → \(state.position)",
                operator: "sistema:sync", osUser: ProcessInfo.processInfo.userName, at: at,
                reason: "posizione \(state.from) più vecchia del registro delle modifiche conservato (dalla \(state.floor)): "
                    + "ripristino dall'istantanea del registro, \(state.rows) contatti")
            let context = AccessContext(operatorUsername: "sistema:sync", stationID: station, purpose: .administration)
            try AccessAuditEntry.record(
                db, context, what: "sincronizzazione: ripristino dall'istantanea del registro centrale (\(state.rows) contatti)", at: now)
            outcome.finished = true
            return outcome
        }
    }
}
