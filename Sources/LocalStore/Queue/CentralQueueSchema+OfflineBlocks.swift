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

extension CentralQueueSchema {
    /// The offline tickets' events received before their tickets were written centrally: each
    /// is applied now as a push applies it (`OfflineTicketCentral`), so the days' tickets and
    /// reports count them. An event whose number lies outside its station's blocks is left as
    /// it was (kept, not written).
    static func writeReceivedOfflineTickets(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT station, payload, received_at FROM sync_station_event WHERE type = 'queue.offline_ticket' ORDER BY event_id
            """)
        for row in rows {
            do {
                try db.inSavepoint {
                    try OfflineTicketCentral.apply(db, payload: row["payload"], station: row["station"], at: row["received_at"])
                    return .commit
                }
            } catch is SyncRefusal {
                continue
            }
        }
    }
}
