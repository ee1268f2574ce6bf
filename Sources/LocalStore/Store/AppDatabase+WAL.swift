import GRDB

extension AppDatabase {
    /// Frames (pages) in the WAL now, as a passive checkpoint reports them: what the writes
    /// since the last reset of the WAL added (benchmarks measure the pages of one write).
    public func walFrames() throws -> Int {
        try writer.writeWithoutTransaction { db in
            let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")
            return row?[1] ?? 0
        }
    }
}
