import GRDB

/// The local store's sync tables (migration 3, appended to `AppDatabase.migrations`).
enum SyncStoreSchema {
    static let migrationName = "v3-sync-state-conflicts-dead-letters-admin-actions"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            -- The central version of each contact as last pulled: a local edit made on it is sent
            -- with it, so the central side sees another station's change the edit did not know.
            ALTER TABLE contact ADD COLUMN sync_version INTEGER NOT NULL DEFAULT 0;
            CREATE TABLE sync_state (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              pulled_position INTEGER NOT NULL,
              last_push_at TEXT,
              last_pull_at TEXT,
              last_success_at TEXT,
              last_error TEXT
            );
            INSERT INTO sync_state (id, pulled_position) VALUES (1, 0);
            CREATE TABLE sync_conflict (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              at TEXT NOT NULL,
              table_name TEXT NOT NULL,
              row_id TEXT NOT NULL,
              detected TEXT NOT NULL CHECK (detected IN ('push', 'pull')),
              rule TEXT NOT NULL,
              other_station TEXT NOT NULL,
              local_data TEXT NOT NULL,
              remote_data TEXT NOT NULL
            );
            CREATE TABLE sync_dead_letter (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              direction TEXT NOT NULL CHECK (direction IN ('push', 'pull')),
              event_id TEXT NOT NULL,
              type TEXT NOT NULL,
              payload_version INTEGER NOT NULL,
              payload TEXT NOT NULL,
              reason TEXT NOT NULL,
              created_at TEXT NOT NULL,
              failed_at TEXT NOT NULL,
              state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'skipped', 'retried')),
              resolved_at TEXT
            );
            CREATE INDEX sync_dead_letter_open ON sync_dead_letter (id) WHERE state = 'open';
            -- Administrators' actions (dead letters skipped or retried…): append-only.
            CREATE TABLE admin_actions (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              action TEXT NOT NULL,
              target TEXT NOT NULL,
              operator TEXT NOT NULL,
              os_user TEXT NOT NULL,
              at TEXT NOT NULL,
              reason TEXT NOT NULL
            );
            CREATE TRIGGER admin_actions_no_update BEFORE UPDATE ON admin_actions
            BEGIN SELECT RAISE(ABORT, 'admin_actions is append-only'); END;
            CREATE TRIGGER admin_actions_no_delete BEFORE DELETE ON admin_actions
            BEGIN SELECT RAISE(ABORT, 'admin_actions is append-only'); END;
            """)
    }
}
