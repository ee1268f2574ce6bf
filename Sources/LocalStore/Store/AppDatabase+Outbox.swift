import GRDB

extension AppDatabase {
    /// The oldest events not yet acknowledged by the central side, in sending order.
    public func pendingOutbox(limit: Int = 100) throws -> [OutboxEvent] {
        try writer.read { db in try OutboxEvent.order(OutboxEvent.Columns.seq).limit(limit).fetchAll(db) }
    }

    /// How many events wait to be sent (shown in the header while offline).
    public func outboxCount() throws -> Int {
        try writer.read { db in try OutboxEvent.fetchCount(db) }
    }

    /// Removes events the central side acknowledged.
    public func acknowledgeOutbox(ids: [String]) throws {
        try writer.write { db in
            _ = try OutboxEvent.filter(ids.contains(OutboxEvent.Columns.id)).deleteAll(db)
        }
    }

    /// Runs a change and the outbox events it appends as one transaction (for the
    /// repositories built on this store inside LocalStore: tickets, intake, contacts…;
    /// callers outside it use intent-named methods, never SQL).
    @discardableResult
    func write<T: Sendable>(_ change: @Sendable (Database) throws -> T) throws -> T {
        try writer.write(change)
    }
}
