import GRDB

extension CentralQueueSchema {
    /// One row per block of a prefix's daily sequence reserved for a station's offline tickets
    /// (`OfflineBlockPolicy`); the issue path jumps over them.
    static func createOfflineBlockTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE queue_offline_block (
                local_day TEXT NOT NULL,
                prefix TEXT NOT NULL,
                first_seq INTEGER NOT NULL,
                last_seq INTEGER NOT NULL CHECK (last_seq >= first_seq),
                station TEXT NOT NULL,
                reserved_at TEXT NOT NULL,
                PRIMARY KEY (local_day, prefix, first_seq)
            ) WITHOUT ROWID
            """)
    }
}
