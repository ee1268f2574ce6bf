import CruscottoModel
import Foundation
import PostgresNIO

/// Sync with the PostgreSQL central database: one function call per batch or page
/// (`sync_push`, `sync_changes` of `central/postgres/0003_sync.sql`).
public struct PostgresSyncCentral: SyncCentral {
    public let central: PostgresCentral
    public let clock: any Clock

    public init(central: PostgresCentral, clock: any Clock = SystemClock()) {
        self.central = central
        self.clock = clock
    }

    public var knownCentralSchema: Int { CentralMigrations.all.count }

    public func push(_ events: [SyncWireEvent], from station: SyncStationVersions) async throws -> [SyncAck] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = String(decoding: try encoder.encode(events), as: UTF8.self)
        let answer = try await call(station, """
            SELECT sportello.sync_push(\(station.station), \(station.storeSchema)::integer, \(station.centralSchema)::integer,
                                       \(clock.now()), \(body)::jsonb)::text
            """)
        do { return try JSONDecoder().decode([SyncAck].self, from: Data(answer.utf8)) } catch {
            throw SyncError.badAnswer(String(describing: error))
        }
    }

    public func changes(after position: Int64, limit: Int, for station: SyncStationVersions) async throws -> SyncPage {
        let answer = try await call(station, """
            SELECT sportello.sync_changes(\(station.station), \(station.storeSchema)::integer, \(station.centralSchema)::integer,
                                          \(clock.now()), \(position)::bigint, \(limit)::integer)::text
            """)
        do { return try JSONDecoder().decode(SyncPage.self, from: Data(answer.utf8)) } catch {
            throw SyncError.badAnswer(String(describing: error))
        }
    }

    private func call(_ station: SyncStationVersions, _ query: PostgresQuery) async throws -> String {
        let result: Result<String?, CentralRefusal>
        do { result = try await central.call(query) } catch {
            throw SyncError.unreachable(error.description)
        }
        switch result {
        case .success(let text?): return text
        case .success(nil): throw SyncError.badAnswer("nessuna risposta")
        case .failure(let refusal) where refusal.sqlState == "SQ426":
            throw SyncError.centralSchemaMismatch(central: Int(refusal.message) ?? 0, station: station.centralSchema)
        case .failure(let refusal) where refusal.sqlState == "SQ427":
            throw SyncError.storeSchemaTooOld(store: station.storeSchema, minimum: Int(refusal.message) ?? SyncVersions.minimumStoreSchema)
        case .failure(let refusal):
            throw SyncError.badAnswer(refusal.message)
        }
    }
}
