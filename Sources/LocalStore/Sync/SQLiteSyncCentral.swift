import Foundation

/// Sync with the embedded central file.
public struct SQLiteSyncCentral: SyncCentral {
    public let central: CentralDatabase

    public init(central: CentralDatabase) { self.central = central }

    public var knownCentralSchema: Int { CentralDatabase.migrations.steps.count }

    public func push(_ events: [SyncWireEvent], from station: SyncStationVersions) async throws -> [SyncAck] {
        try central.syncPush(events, from: station)
    }

    public func changes(after position: Int64, limit: Int, for station: SyncStationVersions) async throws -> SyncPage {
        try central.syncChanges(after: position, limit: limit, for: station)
    }

    public func snapshot(after id: String?, limit: Int, for station: SyncStationVersions) async throws -> SyncSnapshotPage {
        try central.syncSnapshot(after: id, limit: limit, for: station)
    }

    public func prune(keepDays: Int, at now: Date) async throws -> SyncPruneResult {
        try central.syncPrune(keepDays: keepDays, at: now)
    }
}
