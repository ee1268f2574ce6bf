import GRDB

/// The queue's tables in the central database. The central database's migrator appends
/// these steps after its own (they use its `counter` table, adding the counter's profile),
/// so they share its version numbering. Append only; never edit a released step.
///
/// Every number is set here, on the central side: ticket ids and change positions are
/// AUTOINCREMENT row ids (never reused), seqs come from `queue_numbering`, fencing tokens from
/// `queue_sequence`. Instants are ISO-8601 UTC with whole seconds; rows of an office day also
/// carry its Europe/Rome `local_day` and `hour`.
public enum CentralQueueSchema {
    public typealias Step = (name: String, body: @Sendable (Database) throws -> Void)

    /// The queue's migration steps, in order.
    public static let steps: [Step] = [
        ("v2-queue", { db in try createQueueTables(db) }),
        ("v3-queue-report-day", { db in try createReportDayTable(db) }),
    ]

    /// Offline ticket blocks, appended after the sync steps (`CentralDatabase` migrations).
    public static let offlineSteps: [Step] = [
        ("v4-offline-ticket-blocks", { db in try createOfflineBlockTable(db) }),
        ("v6-offline-tickets-central", { db in try writeReceivedOfflineTickets(db) }),
    ]

    /// Registers the steps on a migrator (for a migrator built outside `MigrationList`).
    public static func registerMigrations(in migrator: inout DatabaseMigrator) {
        for step in steps + offlineSteps {
            migrator.registerMigration(step.name, migrate: step.body)
        }
    }

    /// Columns that describe a ticket's state, shared by `queue_ticket` and the change log's
    /// snapshots (the change row is a copy of the ticket row after the change).
    static let snapshotColumns = [
        "local_day", "hour", "service_code", "issued_service_code", "prefix", "seq", "priority",
        "is_priority", "arrival", "estimated_wait_minutes", "people_ahead", "contact_id", "phone",
        "note", "state", "state_since", "counter", "operator_id", "target_counter", "token",
        "recall_count", "first_called_at", "outcome", "procedures", "event_count",
    ]

    private static func createQueueTables(_ db: Database) throws {
        // Reference data of the office's queue.
        try db.execute(sql: """
            CREATE TABLE queue_service (
              code TEXT PRIMARY KEY NOT NULL,
              position INTEGER NOT NULL,
              name TEXT NOT NULL,
              prefix TEXT NOT NULL,
              colour TEXT NOT NULL,
              hours TEXT NOT NULL,
              typical_service_minutes INTEGER NOT NULL
            );
            CREATE TABLE queue_priority (
              code TEXT PRIMARY KEY NOT NULL,
              position INTEGER NOT NULL,
              name TEXT NOT NULL
            );
            CREATE TABLE queue_profile (
              code TEXT PRIMARY KEY NOT NULL,
              position INTEGER NOT NULL,
              name TEXT NOT NULL,
              services TEXT NOT NULL
            );
            CREATE TABLE queue_outcome (
              code TEXT PRIMARY KEY NOT NULL,
              position INTEGER NOT NULL,
              name TEXT NOT NULL,
              served INTEGER NOT NULL,
              set_by TEXT NOT NULL
            );
            CREATE TABLE queue_policy (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              interleave INTEGER NOT NULL,
              max_wait_minutes INTEGER,
              recalls_before_no_show INTEGER NOT NULL,
              no_show_reactivation_minutes INTEGER NOT NULL,
              config_version INTEGER NOT NULL
            );
            ALTER TABLE counter ADD COLUMN profile_code TEXT;
            """)
        // Central-side counters: fencing tokens (one office-wide sequence), daily numbering.
        try db.execute(sql: """
            CREATE TABLE queue_sequence (
              name TEXT PRIMARY KEY NOT NULL,
              value INTEGER NOT NULL
            ) WITHOUT ROWID;
            INSERT INTO queue_sequence (name, value) VALUES ('token', 0);
            CREATE TABLE queue_numbering (
              prefix TEXT NOT NULL,
              local_day TEXT NOT NULL,
              last_seq INTEGER NOT NULL,
              PRIMARY KEY (prefix, local_day)
            ) WITHOUT ROWID;
            CREATE TABLE queue_counter_history (
              local_day TEXT NOT NULL,
              counter INTEGER NOT NULL,
              ordinary_since_priority INTEGER,
              PRIMARY KEY (local_day, counter)
            ) WITHOUT ROWID;
            CREATE TABLE queue_office_day (
              local_day TEXT PRIMARY KEY NOT NULL,
              opened_at TEXT,
              closed_at TEXT,
              state TEXT NOT NULL
            ) WITHOUT ROWID;
            """)
        try db.execute(sql: """
            CREATE TABLE queue_ticket (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              local_day TEXT NOT NULL,
              hour INTEGER NOT NULL,
              service_code TEXT NOT NULL,
              issued_service_code TEXT NOT NULL,
              prefix TEXT NOT NULL,
              seq INTEGER NOT NULL,
              priority TEXT,
              is_priority INTEGER NOT NULL,
              arrival TEXT NOT NULL,
              estimated_wait_minutes INTEGER,
              people_ahead INTEGER,
              contact_id TEXT,
              phone TEXT,
              note TEXT,
              state TEXT NOT NULL,
              state_since TEXT NOT NULL,
              counter INTEGER,
              operator_id TEXT,
              target_counter INTEGER,
              token INTEGER,
              recall_count INTEGER NOT NULL,
              first_called_at TEXT,
              outcome TEXT,
              procedures TEXT NOT NULL,
              event_count INTEGER NOT NULL,
              UNIQUE (local_day, prefix, seq)
            );
            -- The claim's lanes (docs/QUEUE.md): each is one index range whose order is the
            -- rank's tail (arrival, seq, id); tickets leave them when they are called or end.
            CREATE INDEX queue_ticket_line ON queue_ticket
              (local_day, service_code, is_priority, arrival, seq, id)
              WHERE state IN ('waiting', 'transferred') AND target_counter IS NULL;
            CREATE INDEX queue_ticket_parked ON queue_ticket (local_day, service_code, arrival, seq, id)
              WHERE state = 'parked' AND target_counter IS NULL;
            CREATE INDEX queue_ticket_directed ON queue_ticket (local_day, target_counter, arrival, seq, id)
              WHERE state IN ('waiting', 'parked', 'transferred') AND target_counter IS NOT NULL;
            -- The ticket a counter holds (one at a time).
            CREATE INDEX queue_ticket_held ON queue_ticket (local_day, counter)
              WHERE state IN ('called', 'serving');
            -- Tickets still open when the office closes (any day up to today).
            CREATE INDEX queue_ticket_open ON queue_ticket (local_day, id)
              WHERE state IN ('waiting', 'parked', 'transferred', 'called', 'serving');
            CREATE TABLE queue_ticket_event (
              ticket_id INTEGER NOT NULL REFERENCES queue_ticket(id),
              ordinal INTEGER NOT NULL,
              kind TEXT NOT NULL,
              at TEXT NOT NULL,
              local_day TEXT NOT NULL,
              hour INTEGER NOT NULL,
              from_state TEXT,
              to_state TEXT NOT NULL,
              counter INTEGER,
              operator_id TEXT,
              detail TEXT,
              PRIMARY KEY (ticket_id, ordinal)
            ) WITHOUT ROWID;
            """)
        // The change log: one row per change, a copy of the ticket row after it.
        let columns = snapshotColumns.map { column -> String in
            switch column {
            case "hour", "seq", "is_priority", "recall_count", "event_count": "\(column) INTEGER NOT NULL"
            case "estimated_wait_minutes", "people_ahead", "counter", "target_counter", "token":
                "\(column) INTEGER"
            case "local_day", "service_code", "issued_service_code", "prefix", "arrival", "state",
                 "state_since", "procedures": "\(column) TEXT NOT NULL"
            default: "\(column) TEXT"
            }
        }
        try db.execute(sql: """
            CREATE TABLE queue_change (
              position INTEGER PRIMARY KEY AUTOINCREMENT,
              kind TEXT NOT NULL,
              at TEXT NOT NULL,
              ticket_id INTEGER NOT NULL REFERENCES queue_ticket(id),
              \(columns.joined(separator: ",\n  "))
            );
            """)
    }
}
