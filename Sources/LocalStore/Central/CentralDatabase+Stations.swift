import GRDB

extension CentralDatabase {
    /// Registers a station (or updates its kind and counter) and notes the contact.
    public func registerStation(_ config: StationConfig) throws {
        let now = StoredInstant.iso(clock.now())
        try writer.write { db in
            if var row = try RegisteredStation.fetchOne(db, key: config.stationID) {
                row.kind = config.kind.rawValue
                row.counter = config.counter
                row.lastContactAt = now
                try row.update(db)
            } else {
                try RegisteredStation(id: config.stationID, kind: config.kind.rawValue, counter: config.counter,
                                      registeredAt: now, lastContactAt: now).insert(db)
            }
        }
    }

    /// Notes that a station was heard from.
    public func recordContact(stationID: String) throws {
        let now = StoredInstant.iso(clock.now())
        try writer.write { db in
            try db.execute(sql: "UPDATE station SET last_contact_at = ? WHERE id = ?", arguments: [now, stationID])
        }
    }

    /// Every registered station, by id.
    public func stations() throws -> [RegisteredStation] {
        try writer.read { db in try RegisteredStation.order(Column("id")).fetchAll(db) }
    }
}
