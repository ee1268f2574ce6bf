import GRDB

extension AppDatabase {
    /// Bytes the store's pages take (WAL content included), for the benchmark's size per contact.
    public func storeBytes() throws -> Int64 {
        try writer.read { db in
            let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let size = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return pages * size
        }
    }

    /// Copies the WAL into the database file (after a bulk load, before measuring sizes).
    public func checkpoint() throws {
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }
}
