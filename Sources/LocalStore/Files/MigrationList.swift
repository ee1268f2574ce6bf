import GRDB

/// Migrations of one database, registered by name in order and never edited once released.
/// Migration number N (1-based) records version N in `schema_version`, which is what a
/// newer or older program compares against.
struct MigrationList: Sendable {
    let applicationID: Int32
    let steps: [(name: String, body: @Sendable (Database) throws -> Void)]

    var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (index, step) in steps.enumerated() {
            let applicationID = applicationID
            migrator.registerMigration(step.name) { db in
                if index == 0 { try SchemaIdentity.stamp(db, applicationID: applicationID) }
                try step.body(db)
                try SchemaIdentity.record(db, version: index + 1, migration: step.name)
            }
        }
        return migrator
    }
}
