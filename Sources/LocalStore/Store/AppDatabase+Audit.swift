import CruscottoModel
import GRDB

extension AppDatabase {
    /// Records an access to a person's data made outside a store write (for example a
    /// lookup shown on screen). Writes that change data call `AccessAuditEntry.record`
    /// inside their own transaction instead.
    @discardableResult
    public func recordAccess(_ context: AccessContext, what: String) throws -> AccessAuditEntry {
        let now = clock.now()
        return try writer.write { db in try AccessAuditEntry.record(db, context, what: what, at: now) }
    }

    /// The access log, oldest first.
    public func accessLog(limit: Int = 1000) throws -> [AccessAuditEntry] {
        try writer.read { db in
            try AccessAuditEntry.order(AccessAuditEntry.Columns.id).limit(limit).fetchAll(db)
        }
    }

    /// The id of the first row whose hash does not match its content or its predecessor,
    /// nil when the whole chain is intact.
    public func verifyAccessLog() throws -> Int64? {
        try writer.read { db in
            var previous = AccessAuditEntry.genesis
            let cursor = try AccessAuditEntry.order(AccessAuditEntry.Columns.id).fetchCursor(db)
            while let entry = try cursor.next() {
                if entry.previousHash != previous || entry.computedHash != entry.hash { return entry.id }
                previous = entry.hash
            }
            return nil
        }
    }
}
