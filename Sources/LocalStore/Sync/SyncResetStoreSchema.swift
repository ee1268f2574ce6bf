import GRDB

/// The local store's reset state (appended to `AppDatabase.migrations` after migration 3):
/// a reset from a snapshot in progress (its position, cursor and counts, so an interrupted
/// reset goes on where it stopped) and the last one finished (`sync status`).
enum SyncResetStoreSchema {
    static let migrationName = "v4-sync-reset-from-snapshot"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            -- In progress: the snapshot's position P, the last registry id applied, the position
            -- the station had, the floor that refused it and the rows applied so far.
            ALTER TABLE sync_state ADD COLUMN reset_position INTEGER;
            ALTER TABLE sync_state ADD COLUMN reset_cursor TEXT;
            ALTER TABLE sync_state ADD COLUMN reset_from INTEGER;
            ALTER TABLE sync_state ADD COLUMN reset_floor INTEGER;
            ALTER TABLE sync_state ADD COLUMN reset_rows INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE sync_state ADD COLUMN reset_started_at TEXT;
            -- The last reset finished.
            ALTER TABLE sync_state ADD COLUMN last_reset_at TEXT;
            ALTER TABLE sync_state ADD COLUMN last_reset_rows INTEGER;
            ALTER TABLE sync_state ADD COLUMN last_reset_position INTEGER;
            """)
    }
}
