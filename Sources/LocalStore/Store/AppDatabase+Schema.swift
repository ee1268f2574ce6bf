import GRDB

extension AppDatabase {
    /// 'SPLS': Sportello local store.
    static let applicationID: Int32 = 0x5350_4C53

    /// The local store's migrations. Append new ones at the end; never edit a released one.
    static let migrations = MigrationList(applicationID: applicationID, steps: [
        ("v1-station-operators-sessions-outbox-audit", { db in
            try db.create(table: "station") { t in
                t.primaryKey("id", .text)
                t.column("kind", .text).notNull()
                t.column("counter", .integer)
                t.column("office_name", .text).notNull()
                t.column("created_at", .text).notNull()
            }
            try db.create(table: "operator_cache") { t in
                t.primaryKey("username", .text)
                t.column("full_name", .text).notNull()
                t.column("roles", .text).notNull()
                t.column("password_hash", .text).notNull()
                t.column("disabled", .boolean).notNull().defaults(to: false)
                t.column("central_updated_at", .text).notNull()
                t.column("refreshed_at", .text).notNull()
            }
            try db.create(table: "session_event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                    .check(sql: "kind IN ('login','logout','lock','unlock','login_failed')")
                t.column("operator", .text).notNull()
                t.column("station", .text).notNull()
                t.column("at", .text).notNull()
                t.column("local_day", .text).notNull()
            }
            try db.create(index: "session_event_by_day", on: "session_event", columns: ["local_day", "id"])
            try db.create(table: "outbox") { t in
                t.autoIncrementedPrimaryKey("seq")
                t.column("id", .text).notNull().unique()
                t.column("type", .text).notNull()
                t.column("payload_version", .integer).notNull()
                t.column("payload", .text).notNull()
                t.column("created_at", .text).notNull()
            }
            try db.create(table: "audit_access") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("operator", .text).notNull()
                t.column("station", .text).notNull()
                t.column("purpose", .text).notNull()
                t.column("what", .text).notNull()
                t.column("at", .text).notNull()
                t.column("local_day", .text).notNull()
                t.column("previous_hash", .text).notNull()
                t.column("hash", .text).notNull()
            }
            // Append-only: the database itself refuses to change or remove an audit row.
            try db.execute(sql: """
                CREATE TRIGGER audit_access_no_update BEFORE UPDATE ON audit_access
                BEGIN SELECT RAISE(ABORT, 'audit_access is append-only'); END;
                CREATE TRIGGER audit_access_no_delete BEFORE DELETE ON audit_access
                BEGIN SELECT RAISE(ABORT, 'audit_access is append-only'); END;
                """)
        }),
        (ContactSchema.migrationName, ContactSchema.migrate),
        (SyncStoreSchema.migrationName, SyncStoreSchema.migrate),
        (OfflineQueueSchema.migrationName, OfflineQueueSchema.migrate),
        (SyncResetStoreSchema.migrationName, SyncResetStoreSchema.migrate),
    ])
}
