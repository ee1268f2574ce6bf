import Foundation

/// One exchange with the central side: push the outbox in batches (in order), then pull the
/// change log in pages, each page applied in one transaction with the position it reached.
/// Versions travel with every call and are checked by the central side.
public struct SyncEngine: Sendable {
    public let store: AppDatabase
    public let central: any SyncCentral
    public let station: String
    public var pushBatch: Int
    public var pullPage: Int
    /// Registry rows per snapshot page when the station resets.
    public var snapshotPage: Int
    /// Where this engine fails or crashes on purpose (tests, `SPORTELLO_FAULT`).
    public var faults: FaultPoints

    public init(store: AppDatabase, central: any SyncCentral, station: String, pushBatch: Int = 200, pullPage: Int = 500,
                snapshotPage: Int = SyncRetention.snapshotPage, faults: FaultPoints = .environment) {
        self.store = store
        self.central = central
        self.station = station
        self.pushBatch = pushBatch
        self.pullPage = pullPage
        self.snapshotPage = snapshotPage
        self.faults = faults
    }

    /// A fault point: an armed failure is reported as a lost connection.
    private func fault(_ point: FaultPoint) throws {
        do { try faults.pass(point) } catch { throw SyncError.unreachable(error.description) }
    }

    public func versions() throws -> SyncStationVersions {
        SyncStationVersions(station: station, storeSchema: try store.schemaVersion(), centralSchema: central.knownCentralSchema)
    }

    @discardableResult
    public func once() async throws -> SyncReport {
        do {
            var report = try await push()
            let pulled = try await pull()
            report.pull = pulled.pull
            report.pullPages = pulled.pullPages
            report.reset = pulled.reset
            report.resetRows = pulled.resetRows
            report.resetPages = pulled.resetPages
            try store.noteSyncResult(error: nil)
            return report
        } catch {
            try? store.noteSyncResult(error: String(describing: error))
            throw error
        }
    }

    /// Sends the whole outbox, batch after batch.
    public func push() async throws -> SyncReport {
        let versions = try versions()
        var report = SyncReport()
        while true {
            let batch = try store.syncOutboxBatch(limit: pushBatch)
            if batch.isEmpty { break }
            try fault(.beforeSend)
            let acks = try await central.push(batch, from: versions)
            try fault(.afterSend)
            if faults.isArmed(.afterApplyAck) {
                // Half of the answers applied (one transaction), then the stop.
                let half = Array(acks.prefix(acks.count / 2))
                let ids = Set(half.map(\.id))
                _ = try store.applySyncAcks(batch.filter { ids.contains($0.id) }, half)
                try fault(.afterApplyAck)
            }
            report.push.add(try store.applySyncAcks(batch, acks))
            report.pushBatches += 1
            if batch.count < pushBatch { break }
        }
        return report
    }

    /// Pulls the change log from the remembered position to its end. A position older than
    /// the central retention is answered `behindRetention`: the station then resets from a
    /// snapshot (or finishes the reset an earlier exchange left midway) and pulls on from the
    /// snapshot's position.
    public func pull() async throws -> SyncReport {
        let versions = try versions()
        var report = SyncReport()
        if let pending = try store.syncResetInProgress() {
            try await reset(floor: pending.floor, versions: versions, into: &report)
        }
        var resets = 0
        while true {
            let position = try store.syncPulledPosition()
            let page: SyncPage
            do {
                page = try await central.changes(after: position, limit: pullPage, for: versions)
            } catch SyncError.behindRetention(_, let floor) where resets < 3 {
                // Pruned again while resetting: a new snapshot (bounded; the next exchange goes on).
                resets += 1
                try await reset(floor: floor, versions: versions, into: &report)
                continue
            }
            report.pull.add(try store.applySyncPage(page, station: station))
            report.pullPages += 1
            if !page.hasMore || page.changes.isEmpty { break }
            try fault(.betweenPages)
        }
        return report
    }

    /// Applies the registry's snapshot page after page, each in one transaction with its
    /// cursor, until the last one sets the position.
    func reset(floor: Int64, versions: SyncStationVersions, into report: inout SyncReport) async throws {
        report.reset = true
        var cursor = try store.syncResetInProgress()?.cursor
        while true {
            let page = try await central.snapshot(after: cursor, limit: snapshotPage, for: versions)
            let outcome = try store.applySyncSnapshotPage(page, station: station, floor: floor)
            report.pull.add(outcome.pull)
            report.resetRows += outcome.rows
            report.resetPages += 1
            if outcome.finished { break }
            // A snapshot page is a pull page: the same fault point stops the reset between two.
            try fault(.betweenPages)
            cursor = outcome.cursor
        }
    }
}
