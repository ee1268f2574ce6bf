import CruscottoModel
import GRDB

extension AppDatabase {
    /// Writes (or rewrites) the station's identity from its configuration.
    public func saveStationIdentity(_ config: StationConfig) throws {
        let now = clock.now()
        try writer.write { db in
            let createdAt = try StationRecord.fetchOne(db)?.createdAt ?? StoredInstant.iso(now)
            try StationRecord.deleteAll(db)
            try StationRecord(id: config.stationID, kind: config.kind.rawValue, counter: config.counter,
                              officeName: config.officeName, createdAt: createdAt).insert(db)
        }
    }

    /// The station's identity, nil in a store that was never given one.
    public func stationIdentity() throws -> StationRecord? {
        try writer.read { db in try StationRecord.fetchOne(db) }
    }

    static func stationID(_ db: Database) throws -> String {
        guard let id = try String.fetchOne(db, sql: "SELECT id FROM station LIMIT 1") else {
            throw StoreError.invalid("l'archivio locale non ha l'identità della stazione: rieseguire 'sportello-tui init --force'")
        }
        return id
    }
}
