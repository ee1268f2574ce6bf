import GRDB

/// The sync tables of the embedded central file, appended after the queue's steps (same
/// shape as `central/postgres/0003_sync.sql`). Append only; never edit a released step.
enum CentralSyncSchema {
    static let steps: [CentralQueueSchema.Step] = [
        ("v3-sync-registry-changelog", { db in
            try db.execute(sql: """
                CREATE TABLE sync_station (
                  station TEXT PRIMARY KEY NOT NULL,
                  store_schema INTEGER NOT NULL,
                  last_push_at TEXT,
                  last_pull_at TEXT
                );
                -- Every event applied, by id: a retry after a lost acknowledgement is answered
                -- 'duplicate' and never applied twice.
                CREATE TABLE sync_applied_event (
                  id TEXT PRIMARY KEY NOT NULL,
                  station TEXT NOT NULL,
                  type TEXT NOT NULL,
                  applied_at TEXT NOT NULL
                ) WITHOUT ROWID;
                -- The shared registry: each contact as JSON (the Contact of contact.created), its
                -- version (1 when created, +1 per change) and who changed it last.
                CREATE TABLE sync_contact (
                  id TEXT PRIMARY KEY NOT NULL,
                  doc TEXT NOT NULL,
                  merged_into TEXT,
                  version INTEGER NOT NULL,
                  origin_station TEXT NOT NULL,
                  origin_event TEXT NOT NULL,
                  updated_at TEXT NOT NULL
                ) WITHOUT ROWID;
                -- Session and contact-history events of the stations, kept as received (audit).
                CREATE TABLE sync_station_event (
                  event_id TEXT PRIMARY KEY NOT NULL,
                  station TEXT NOT NULL,
                  type TEXT NOT NULL,
                  payload_version INTEGER NOT NULL,
                  payload TEXT NOT NULL,
                  received_at TEXT NOT NULL
                ) WITHOUT ROWID;
                -- The change log: writers are serialized (BEGIN IMMEDIATE), so the AUTOINCREMENT
                -- position is also the commit order and a reader never misses a late commit.
                CREATE TABLE sync_change (
                  position INTEGER PRIMARY KEY AUTOINCREMENT,
                  table_name TEXT NOT NULL,
                  row_id TEXT NOT NULL,
                  version INTEGER NOT NULL,
                  origin_station TEXT NOT NULL,
                  origin_event TEXT NOT NULL,
                  payload_version INTEGER NOT NULL,
                  data TEXT NOT NULL,
                  merged_into TEXT,
                  at TEXT NOT NULL
                );
                """)
        }),
        ("v5-sync-retention", { db in
            try db.execute(sql: """
                -- One row: positions below `floor` were pruned from the change log; a station
                -- behind it resets from a snapshot of the registry (docs/SYNC.md).
                CREATE TABLE sync_retention (
                  id INTEGER PRIMARY KEY CHECK (id = 1),
                  floor INTEGER NOT NULL,
                  pruned_at TEXT,
                  keep_days INTEGER,
                  deleted INTEGER NOT NULL DEFAULT 0
                );
                INSERT INTO sync_retention (id, floor) VALUES (1, 1);
                """)
        }),
    ]
}
