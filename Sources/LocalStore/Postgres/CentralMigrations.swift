/// The central schema's migrations, in order (SQL in `central/postgres/`, compiled in with
/// `scripts/embed-resource`). The central schema version is the number of migrations applied.
public enum CentralMigrations {
    public static let all: [CentralMigration] = [
        CentralMigration(version: 1, name: "0001_queue", sql: CentralMigration0001Queue.text,
                         sha256: CentralMigration0001Queue.sha256),
        // Number 0004 is reserved for sync; its version is its position in this list.
        CentralMigration(version: 2, name: "0004_sync", sql: CentralMigration0004Sync.text,
                         sha256: CentralMigration0004Sync.sha256),
    ]
}
