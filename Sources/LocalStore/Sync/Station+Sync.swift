import Foundation

extension Station {
    /// How long one background exchange with PostgreSQL may take before the station gives up
    /// on it and drops the connection; a catch-up applies pages one transaction each, so an
    /// exchange cut short loses nothing and the next one goes on from the remembered position.
    static let postgresSyncSeconds: Double = 60

    /// One push-then-pull exchange with the central database the station is configured for
    /// (the embedded file or PostgreSQL through the station's link). Errors are kept in the
    /// store's sync state by the engine; a PostgreSQL failure also drops the link so that the
    /// next exchange connects again.
    public func syncOnce() async throws -> SyncReport {
        if let central {
            let engine = SyncEngine(store: store, central: SQLiteSyncCentral(central: central), station: config.stationID)
            return try await engine.once()
        }
        guard let postgres else { throw StoreError.invalid("nessun database centrale disponibile per la sincronizzazione") }
        let connection = try await postgres.connected()
        let engine = SyncEngine(store: store, central: PostgresSyncCentral(central: connection, clock: clock),
                                station: config.stationID)
        do {
            return try await PostgresDeadline.within(Self.postgresSyncSeconds) { try await engine.once() }
        } catch is PostgresDeadline.Expired {
            let problem = PostgresCentralError.unreachable(
                host: postgres.url.host, port: postgres.url.port,
                reason: "nessuna risposta entro \(Int(Self.postgresSyncSeconds)) secondi")
            await postgres.failed(problem)
            throw problem
        } catch let error as PostgresCentralError {
            await postgres.failed(error)
            throw error
        }
    }
}
