import GRDB

/// The station's offline queue (migration 4 of the local store, appended to
/// `AppDatabase.migrations`): the number blocks the central side reserved for this station,
/// the last queue configuration seen, and the tickets issued from the blocks while the
/// central database was unreachable.
enum OfflineQueueSchema {
    static let migrationName = "v4-offline-ticket-blocks-and-tickets"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE offline_block (
              local_day TEXT NOT NULL,
              prefix TEXT NOT NULL,
              first_seq INTEGER NOT NULL,
              last_seq INTEGER NOT NULL CHECK (last_seq >= first_seq),
              next_seq INTEGER NOT NULL,
              reserved_at TEXT NOT NULL,
              PRIMARY KEY (local_day, prefix, first_seq)
            );
            -- The queue configuration as last read from the central side (services, priorities,
            -- rules): what the offline accoglienza offers.
            CREATE TABLE offline_configuration (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              doc TEXT NOT NULL,
              saved_at TEXT NOT NULL
            );
            -- One row per offline ticket; its id is the ticket's negative id. doc is the model's
            -- Ticket (with its history) as JSON.
            CREATE TABLE offline_ticket (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              local_day TEXT NOT NULL,
              prefix TEXT NOT NULL,
              seq INTEGER NOT NULL,
              state TEXT NOT NULL,
              counter INTEGER,
              token INTEGER,
              doc TEXT NOT NULL,
              UNIQUE (local_day, prefix, seq)
            );
            CREATE INDEX offline_ticket_open ON offline_ticket (local_day, state);
            """)
    }
}
