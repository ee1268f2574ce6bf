import Foundation
import GRDB

/// The embedded central file's retention: the change log pruned to a floor, and the registry
/// served as a snapshot to a station behind it (same rules as `0007_sync_retention.sql`).
extension CentralDatabase {
    /// The lowest position still in the change log (1 when nothing was pruned).
    static func syncFloor(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT floor FROM sync_retention WHERE id = 1") ?? 1
    }

    /// The last position given (AUTOINCREMENT keeps it after the rows are deleted).
    static func syncLastPosition(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'sync_change'") ?? 0
    }

    /// Refuses a position older than the retained log.
    static func checkRetention(_ db: Database, after position: Int64) throws {
        let floor = try syncFloor(db)
        if position < floor - 1 { throw SyncError.behindRetention(position: position, floor: floor) }
    }

    /// A page of the registry by id; read in one transaction with the last position, which
    /// (writers being serialized) is exactly the position the rows are at.
    func syncSnapshot(after id: String?, limit: Int, for station: SyncStationVersions) throws -> SyncSnapshotPage {
        let now = StoredInstant.iso(clock.now())
        let limit = max(1, limit)
        return try writer.write { db in
            try Self.checkVersions(db, station)
            try Self.noteStation(db, station, pull: now)
            let position = try Self.syncLastPosition(db)
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, doc, merged_into, version, origin_station, origin_event FROM sync_contact
                 WHERE ? IS NULL OR id > ? ORDER BY id LIMIT ?
                """, arguments: [id, id, limit + 1])
            let page = rows.prefix(limit).map { row in
                SyncSnapshotRow(id: row[0], doc: row[1], mergedInto: row[2], version: row[3], originStation: row[4], originEvent: row[5])
            }
            return SyncSnapshotPage(position: position, rows: Array(page), hasMore: rows.count > limit)
        }
    }

    /// Deletes the change rows older than `keepDays` days before `now`, as one prefix of
    /// positions (the first row kept stops the prune, so the log stays contiguous above the
    /// floor), and records the floor. One transaction.
    func syncPrune(keepDays: Int, at now: Date) throws -> SyncPruneResult {
        guard (0...SyncRetention.maximumKeepDays).contains(keepDays) else { throw SyncError.invalidKeepDays(keepDays) }
        let cut = StoredInstant.iso(now.addingTimeInterval(-Double(keepDays) * 86_400))
        return try writer.write { db in
            let last = try Self.syncLastPosition(db)
            let through = try Int64.fetchOne(db, sql: "SELECT min(position) - 1 FROM sync_change WHERE at >= ?", arguments: [cut]) ?? last
            try db.execute(sql: "DELETE FROM sync_change WHERE position <= ?", arguments: [through])
            let deleted = Int64(db.changesCount)
            try db.execute(sql: """
                UPDATE sync_retention SET floor = max(floor, ?), pruned_at = ?, keep_days = ?, deleted = deleted + ? WHERE id = 1
                """, arguments: [through + 1, StoredInstant.iso(now), keepDays, deleted])
            return SyncPruneResult(deleted: deleted, floor: try Self.syncFloor(db),
                                   kept: try Int64.fetchOne(db, sql: "SELECT count(*) FROM sync_change") ?? 0, lastPosition: last)
        }
    }
}
