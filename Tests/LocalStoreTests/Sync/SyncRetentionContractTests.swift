import CruscottoModel
import Foundation
import GRDB
import Testing
@testable import LocalStore

/// Retention of the central change log and the reset from a snapshot, on both backends: the
/// prune keeps recent rows and sets the floor; a station behind the floor resets and ends
/// identical to one that never fell behind, keeping its unsent events; an interrupted reset
/// repeated ends the same.
@Suite struct SyncRetentionContractTests {
    static let start = Date(timeIntervalSince1970: 1_796_031_720) // 2026-11-30T09:42:00Z
    static let day: TimeInterval = 86_400

    @Test(arguments: SyncBackendKind.available)
    func pruneKeepsRecentRowsAndSetsTheFloor(kind: SyncBackendKind) async throws {
        let clock = MovingClock(Self.start)
        try await kind.with(suite: "syncprune", clock: clock) { central in
            let a = try SyncTestStation("sportello-1", central: central, clock: clock)
            for index in 0..<3 { try a.create("Antichi", "Ada", born: "19\(60 + index)-01-01") }
            try await a.engine.once()
            clock.advance(40 * Self.day)
            for index in 0..<2 { try a.create("Recenti", "Rita", born: "19\(80 + index)-01-01") }
            try await a.engine.once()
            let versions = try a.versions

            let pruned = try await central.prune(keepDays: 30, at: clock.now())
            #expect(pruned == SyncPruneResult(deleted: 3, floor: 4, kept: 2, lastPosition: 5))
            let page = try await central.changes(after: 3, limit: 10, for: versions)
            #expect(page.changes.map(\.position) == [4, 5])
            await #expect(throws: SyncError.behindRetention(position: 2, floor: 4)) {
                _ = try await central.changes(after: 2, limit: 10, for: versions)
            }
            // Again: nothing older left, the floor stays; a station at the end is never behind.
            #expect(try await central.prune(keepDays: 30, at: clock.now()) == SyncPruneResult(deleted: 0, floor: 4, kept: 2, lastPosition: 5))
            #expect(try await central.changes(after: 5, limit: 10, for: versions).changes.isEmpty)
            await #expect(throws: SyncError.invalidKeepDays(-1)) { _ = try await central.prune(keepDays: -1, at: clock.now()) }
            // Zero days: everything older than now goes; the floor is past the last position.
            clock.advance(1)
            #expect(try await central.prune(keepDays: 0, at: clock.now()) == SyncPruneResult(deleted: 2, floor: 6, kept: 0, lastPosition: 5))
            #expect(try await central.changes(after: 5, limit: 10, for: versions).changes.isEmpty)
            // Positions are never given again after a prune.
            try a.create("Nuovi", "Nino", born: "1999-09-09")
            try await a.engine.once()
            #expect(try await central.changes(after: 5, limit: 10, for: versions).changes.map(\.position) == [6])
        }
    }

    @Test(arguments: SyncBackendKind.available)
    func aStationBehindTheFloorResetsAndEndsIdenticalToOneThatNeverFellBehind(kind: SyncBackendKind) async throws {
        let clock = MovingClock(Self.start)
        try await kind.with(suite: "syncreset", clock: clock) { central in
            let a = try SyncTestStation("sportello-1", central: central, clock: clock)
            let b = try SyncTestStation("sportello-2", central: central, clock: clock)
            let late = try SyncTestStation("sportello-3", central: central, clock: clock)
            let lateEngine = SyncEngine(store: late.store, central: central, station: late.id, snapshotPage: 2)
            var people: [Contact] = []
            for index in 0..<4 { people.append(try a.create("Conti", "Carlo", born: "19\(50 + index)-02-02")) }
            try await a.engine.once()
            try await b.engine.once()
            try await lateEngine.once()
            #expect(try late.store.syncPulledPosition() == 4)

            // Weeks of changes the late station does not see: edits, visits, a merge, new people.
            clock.advance(20 * Self.day)
            try a.store.updateContact(people[0].id, with: contactForm("Conti", "Carla", born: "1950-02-02", phones: ["333 4444444"]),
                                      context: a.context)
            _ = try a.store.appendContactHistory(people[1].id, kind: .ticket, summary: "A001", context: a.context)
            _ = try a.store.mergeContacts(keep: people[2].id, merge: people[3].id, context: a.context)
            for index in 0..<3 { people.append(try b.create("Nuovi", "Nadia", born: "19\(70 + index)-03-03")) }
            try await a.engine.once()
            try await b.engine.once()
            clock.advance(40 * Self.day)
            try b.store.updateContact(people[4].id, with: contactForm("Nuovi", "Nadia", born: "1970-03-03", emails: ["nadia@example.it"]),
                                      context: b.context)
            try await b.engine.once()
            try await a.engine.once()
            let pruned = try await central.prune(keepDays: 30, at: clock.now())
            #expect(pruned.floor > 5)

            let report = try await lateEngine.once()
            #expect(report.reset)
            #expect(report.resetRows == 7)
            #expect(report.resetPages == 4)
            try await b.engine.once()
            #expect(try Self.registry(late.store) == Self.registry(b.store))
            #expect(try late.store.syncPulledPosition() == b.store.syncPulledPosition())
            #expect(try late.store.syncConflicts().isEmpty)
            let status = try late.store.syncStatus()
            #expect(status.lastResetRows == 7)
            #expect(status.lastResetAt != nil)
            #expect(!status.resetInProgress)
            let actions = try late.store.adminActions()
            #expect(actions.map(\.action) == ["sync.reset"])
            #expect(actions.first?.operator == "sistema:sync")
            #expect(actions.first?.target == "posizione 4 → \(status.lastResetPosition ?? -1)")

            // A new station joining after the prune resets from the snapshot too.
            let joining = try SyncTestStation("sportello-4", central: central, clock: clock)
            let joined = try await joining.engine.once()
            #expect(joined.reset)
            #expect(try Self.registry(joining.store) == Self.registry(b.store))
            // The next exchange just pulls.
            let next = try await lateEngine.once()
            #expect(!next.reset)
        }
    }

    @Test(arguments: SyncBackendKind.available)
    func aStationWithUnsentEditsResetsKeepsThemThenPushesThem(kind: SyncBackendKind) async throws {
        let clock = MovingClock(Self.start)
        try await kind.with(suite: "syncresetkeep", clock: clock) { central in
            let a = try SyncTestStation("sportello-1", central: central, clock: clock)
            let c = try SyncTestStation("sportello-3", central: central, clock: clock)
            let shared = try a.create("Greco", "Gino", born: "1966-06-06")
            let visited = try a.create("Lodi", "Lia", born: "1977-07-07")
            try await a.engine.once()
            try await c.engine.once()

            // C works without reaching the central side: an edit, a visit, a new person.
            clock.advance(60)
            try c.store.updateContact(shared.id, with: contactForm("Greco", "Gino", born: "1966-06-06", phones: ["333 5555555"]),
                                      context: c.context)
            _ = try c.store.appendContactHistory(visited.id, kind: .ticket, summary: "C001", context: c.context)
            let mine = try c.create("Proprio", "Pino", born: "1988-08-08")
            let unsent = try c.store.outboxCount()
            // Meanwhile A edits the same person; weeks pass and the log is pruned.
            clock.advance(60)
            try a.store.updateContact(shared.id, with: contactForm("Greco", "Gino", born: "1966-06-06", emails: ["gino@example.it"]),
                                      context: a.context)
            try await a.engine.once()
            clock.advance(40 * Self.day)
            _ = try a.create("Ultimi", "Ugo", born: "1999-01-01")
            try await a.engine.once()
            _ = try await central.prune(keepDays: 30, at: clock.now())

            // C pulls before its push could go: it resets, its unsent events stay.
            let pulled = try await c.engine.pull()
            #expect(pulled.reset)
            #expect(try c.store.outboxCount() == unsent)
            #expect(try c.contact(shared.id).contact.phones.map(\.e164) == ["+393335555555"])
            #expect(try c.contact(mine.id).contact.surname == "Proprio")
            let conflicts = try c.store.syncConflicts()
            #expect(conflicts.map(\.rule) == [.contactLocalEditKept])
            #expect(conflicts.first?.rowID == shared.id.rawValue)

            // Then its push: the registry takes the edit (the snapshot's version was noted: no
            // second conflict), the visit and the new person; A ends with the same data.
            let pushed = try await c.engine.once()
            #expect(pushed.push.refused == 0)
            #expect(pushed.push.conflicts == 0)
            #expect(try c.store.outboxCount() == 0)
            try await a.engine.once()
            #expect(try Self.registry(a.store) == Self.registry(c.store))
            #expect(try a.contact(shared.id).contact.phones.map(\.e164) == ["+393335555555"])
            #expect(try a.contact(visited.id).contact.lastVisitAt == Self.start.addingTimeInterval(60))
            #expect(try a.contact(mine.id).contact.surname == "Proprio")
        }
    }

    @Test(arguments: SyncBackendKind.available)
    func anInterruptedResetRepeatedEndsTheSame(kind: SyncBackendKind) async throws {
        let clock = MovingClock(Self.start)
        try await kind.with(suite: "syncresetcut", clock: clock) { central in
            let a = try SyncTestStation("sportello-1", central: central, clock: clock)
            let b = try SyncTestStation("sportello-2", central: central, clock: clock)
            for index in 0..<7 { try a.create("Sette", "Sara", born: "19\(60 + index)-04-04") }
            try await a.engine.once()
            clock.advance(40 * Self.day)
            let edited = try a.create("Dopo", "Dora", born: "1990-05-05")
            try await a.engine.once()
            _ = try await central.prune(keepDays: 30, at: clock.now())

            // The exchange breaks after the second snapshot page.
            let flaky = SnapshotCuttingCentral(central, failOnSnapshotCall: 3)
            let cut = SyncEngine(store: b.store, central: flaky, station: b.id, snapshotPage: 2)
            await #expect(throws: SyncError.self) { try await cut.once() }
            let halfway = try #require(try b.store.syncResetInProgress())
            #expect(halfway.rows == 4)
            #expect(halfway.from == 0)
            #expect(try b.store.syncStatus().resetInProgress)
            #expect(try b.store.syncPulledPosition() == 0)

            // A change lands in between; the next exchange finishes the reset and pulls it.
            try a.store.updateContact(edited.id, with: contactForm("Dopo", "Dora", born: "1990-05-05", phones: ["333 6666666"]),
                                      context: a.context)
            try await a.engine.once()
            let resumed = try await cut.once()
            #expect(resumed.reset)
            #expect(try b.store.syncResetInProgress() == nil)
            #expect(try Self.registry(b.store) == Self.registry(a.store))
            #expect(try b.contact(edited.id).contact.phones.map(\.e164) == ["+393336666666"])
            #expect(try b.store.adminActions().map(\.action) == ["sync.reset"])

            // The same reset run whole at another station ends identical.
            let whole = try SyncTestStation("sportello-3", central: central, clock: clock)
            try await whole.engine.once()
            #expect(try Self.registry(whole.store) == Self.registry(b.store))
            // A snapshot page applied twice changes nothing.
            let page = try await central.snapshot(after: nil, limit: 100, for: try whole.versions)
            try await whole.store.writer.write { db in
                try db.execute(sql: "UPDATE sync_state SET reset_position = ?, reset_from = 0, reset_floor = 1 WHERE id = 1",
                               arguments: [page.position])
            }
            let again = try whole.store.applySyncSnapshotPage(page, station: whole.id, floor: 1)
            #expect(again.finished)
            #expect(again.pull.applied == 0)
            #expect(try Self.registry(whole.store) == Self.registry(b.store))
        }
    }

    /// Every contact of a store with what sync carries: details, visit, merge, version.
    static func registry(_ store: AppDatabase) throws -> [String] {
        try store.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, surname, name, phones, emails, notes, updated_at, updated_by, last_visit_at, merged_into, sync_version
                  FROM contact ORDER BY id
                """).map { row in row.description }
        }
    }
}

/// A central side whose n-th snapshot call fails (the network breaking during a reset).
final class SnapshotCuttingCentral: SyncCentral, @unchecked Sendable {
    let base: any SyncCentral
    private let lock = NSLock()
    private var calls = 0
    private let failOn: Int

    init(_ base: any SyncCentral, failOnSnapshotCall: Int) {
        self.base = base
        failOn = failOnSnapshotCall
    }

    var knownCentralSchema: Int { base.knownCentralSchema }

    func push(_ events: [SyncWireEvent], from station: SyncStationVersions) async throws -> [SyncAck] {
        try await base.push(events, from: station)
    }

    func changes(after position: Int64, limit: Int, for station: SyncStationVersions) async throws -> SyncPage {
        try await base.changes(after: position, limit: limit, for: station)
    }

    func snapshot(after id: String?, limit: Int, for station: SyncStationVersions) async throws -> SyncSnapshotPage {
        let call = lock.withLock { calls += 1; return calls }
        if call == failOn { throw SyncError.unreachable("rete interrotta durante il ripristino") }
        return try await base.snapshot(after: id, limit: limit, for: station)
    }

    func prune(keepDays: Int, at now: Date) async throws -> SyncPruneResult {
        try await base.prune(keepDays: keepDays, at: now)
    }
}
