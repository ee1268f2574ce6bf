import Foundation

/// The central side of sync, one protocol for both backends (the embedded central file and
/// PostgreSQL), proved equal by one contract suite. Every call carries the station's versions,
/// which the central side checks before anything else (`SyncVersions`).
public protocol SyncCentral: Sendable {
    /// The central schema version this backend's program knows (what the station expects).
    var knownCentralSchema: Int { get }

    /// Applies events in the order given, each once (an id already applied answers
    /// `.duplicate`); a refused event does not stop the ones after it. One transaction.
    func push(_ events: [SyncWireEvent], from station: SyncStationVersions) async throws -> [SyncAck]

    /// The registry's changes after a position, at most `limit`, in position order.
    /// Refused with `SyncError.behindRetention` when `position` is older than the retained log.
    func changes(after position: Int64, limit: Int, for station: SyncStationVersions) async throws -> SyncPage

    /// A page of the whole registry by id after `id` (nil: from the first), with the position
    /// its rows are at least as new as (a station behind the retention resets with it).
    func snapshot(after id: String?, limit: Int, for station: SyncStationVersions) async throws -> SyncSnapshotPage

    /// Administrators only: deletes the change rows older than `keepDays` days before `now`
    /// and records the floor (on PostgreSQL a station role is refused). One transaction.
    func prune(keepDays: Int, at now: Date) async throws -> SyncPruneResult
}
