import CruscottoModel
import Foundation
import PostgresNIO

/// Sync with the PostgreSQL central database: one function call per batch or page
/// (`sync_push`, `sync_changes` of `central/postgres/0003_sync.sql`; `sync_snapshot` and the
/// administrators' `sync_prune` of `0007_sync_retention.sql`).
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
        return try decode([SyncAck].self, answer)
    }

    public func changes(after position: Int64, limit: Int, for station: SyncStationVersions) async throws -> SyncPage {
        do {
            let answer = try await call(station, """
                SELECT sportello.sync_changes(\(station.station), \(station.storeSchema)::integer, \(station.centralSchema)::integer,
                                              \(clock.now()), \(position)::bigint, \(limit)::integer)::text
                """)
            return try decode(SyncPage.self, answer)
        } catch let refusal as CentralRefusal where refusal.sqlState == "SQ410" {
            throw SyncError.behindRetention(position: position, floor: Int64(refusal.message) ?? 0)
        }
    }

    public func snapshot(after id: String?, limit: Int, for station: SyncStationVersions) async throws -> SyncSnapshotPage {
        let answer = try await call(station, """
            SELECT sportello.sync_snapshot(\(station.station), \(station.storeSchema)::integer, \(station.centralSchema)::integer,
                                           \(clock.now()), \(id)::text, \(limit)::integer)::text
            """)
        return try decode(SyncSnapshotPage.self, answer)
    }

    public func prune(keepDays: Int, at now: Date) async throws -> SyncPruneResult {
        guard (0...SyncRetention.maximumKeepDays).contains(keepDays) else { throw SyncError.invalidKeepDays(keepDays) }
        let result: Result<String?, CentralRefusal>
        do {
            result = try await central.call("SELECT sportello.sync_prune(\(now), \(keepDays)::integer)::text")
        } catch .server(let message) where message.hasPrefix("permission denied") {
            // A station's role: the function is not granted to stations.
            throw SyncError.notAdministrator(message)
        } catch {
            throw SyncError.unreachable(error.description)
        }
        switch result {
        case .success(let text?): return try decode(SyncPruneResult.self, text)
        case .success(nil): throw SyncError.badAnswer("nessuna risposta")
        case .failure(let refusal): throw SyncError.badAnswer(refusal.message)
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ answer: String) throws -> T {
        do { return try JSONDecoder().decode(type, from: Data(answer.utf8)) } catch {
            throw SyncError.badAnswer(String(describing: error))
        }
    }

    /// Calls a station function; a refusal the sync understands is thrown as its `SyncError`,
    /// the `SQ410` of a pruned position as the `CentralRefusal` for the caller to name.
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
        case .failure(let refusal) where refusal.sqlState == "SQ410":
            throw refusal
        case .failure(let refusal):
            throw SyncError.badAnswer(refusal.message)
        }
    }
}
