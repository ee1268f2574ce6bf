/// The central schema's migrations, in order (SQL in `central/postgres/`, compiled in with
/// `scripts/embed-resource`). The central schema version is the number of migrations applied.
public enum CentralMigrations {
    public static let all: [CentralMigration] = [
        CentralMigration(version: 1, name: "0001_queue", sql: CentralMigration0001Queue.text,
                         sha256: CentralMigration0001Queue.sha256),
        CentralMigration(version: 2, name: "0002_reference", sql: CentralMigration0002Reference.text,
                         sha256: CentralMigration0002Reference.sha256),
        CentralMigration(version: 3, name: "0003_sync", sql: CentralMigration0003Sync.text,
                         sha256: CentralMigration0003Sync.sha256),
        CentralMigration(version: 4, name: "0004_report", sql: CentralMigration0004Report.text,
                         sha256: CentralMigration0004Report.sha256),
        CentralMigration(version: 5, name: "0005_queue_fast_path", sql: CentralMigration0005QueueFastPath.text,
                         sha256: CentralMigration0005QueueFastPath.sha256),
        CentralMigration(version: 6, name: "0006_offline_blocks", sql: CentralMigration0006OfflineBlocks.text,
                         sha256: CentralMigration0006OfflineBlocks.sha256),
        CentralMigration(version: 7, name: "0007_sync_retention", sql: CentralMigration0007SyncRetention.text,
                         sha256: CentralMigration0007SyncRetention.sha256),
        CentralMigration(version: 8, name: "0008_offline_tickets_central", sql: CentralMigration0008OfflineTicketsCentral.text,
                         sha256: CentralMigration0008OfflineTicketsCentral.sha256),
    ]
}
