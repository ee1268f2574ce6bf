import GRDB

extension CentralDatabase {
    /// 'SPCE': Sportello central.
    static let applicationID: Int32 = 0x5350_4345

    /// The embedded central database's migrations, in the shape the PostgreSQL schema will
    /// take (same tables, same version numbers). Append only; never edit a released one.
    /// The queue's tables (`CentralQueueSchema`) follow the office's own.
    static let migrations = MigrationList(applicationID: applicationID, steps: [
        ("v1-office-counters-operators-stations", { @Sendable db in
            try db.create(table: "office") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("created_at", .text).notNull()
            }
            try db.create(table: "counter") { t in
                t.primaryKey("number", .integer)
                t.column("office_id", .integer).notNull().references("office")
                t.column("label", .text)
            }
            try db.create(table: "operator") { t in
                t.primaryKey("username", .text)
                t.column("full_name", .text).notNull()
                t.column("roles", .text).notNull()
                t.column("password_hash", .text).notNull()
                t.column("disabled", .boolean).notNull().defaults(to: false)
                t.column("created_at", .text).notNull()
                t.column("updated_at", .text).notNull()
            }
            try db.create(table: "station") { t in
                t.primaryKey("id", .text)
                t.column("kind", .text).notNull()
                t.column("counter", .integer)
                t.column("registered_at", .text).notNull()
                t.column("last_contact_at", .text).notNull()
            }
        }),
    ] + CentralQueueSchema.steps + CentralSyncSchema.steps + CentralQueueSchema.offlineSteps)
}
