import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// PostgreSQL-only parts of retention: a station role resets through `sync_snapshot` but
/// cannot prune (an administrator's operation, with the owner's URL).
@Suite(.enabled(if: PostgresTestDatabase.isAvailable)) struct PostgresSyncRetentionTests {
    static let start = Date(timeIntervalSince1970: 1_796_031_720)

    @Test func aStationRoleResetsButCannotPrune() async throws {
        try await PostgresTestDatabase.with(suite: "syncretrole") { handle in
            let outcome = try await PostgresCentralAdmin.initialize(
                handle.url, configuration: ContractFixture.configuration(), stations: ["sportello-1", "sportello-2"],
                rolePrefix: handle.rolePrefix)
            let clock = MovingClock(Self.start)
            func connect(_ index: Int) async throws -> PostgresCentral {
                var url = handle.url
                url.user = outcome.stations[index].role
                url.password = .inline(outcome.stations[index].password)
                return try await PostgresCentral.connect(url)
            }
            let first = try await connect(0), second = try await connect(1)
            let owner = try await PostgresCentral.connect(handle.url)
            defer { first.shutdown(); second.shutdown(); owner.shutdown() }
            let a = try SyncTestStation("sportello-1", central: PostgresSyncCentral(central: first, clock: clock), clock: clock)
            let b = try SyncTestStation("sportello-2", central: PostgresSyncCentral(central: second, clock: clock), clock: clock)
            for index in 0..<3 { try a.create("Ruoli", "Rosa", born: "19\(70 + index)-01-01") }
            try await a.engine.once()
            clock.advance(31 * 86_400)

            await #expect(throws: SyncError.self) {
                _ = try await PostgresSyncCentral(central: first, clock: clock).prune(keepDays: 30, at: clock.now())
            }
            do {
                _ = try await PostgresSyncCentral(central: first, clock: clock).prune(keepDays: 30, at: clock.now())
            } catch let error as SyncError {
                guard case .notAdministrator = error else { Issue.record("\(error)"); return }
            }
            let pruned = try await PostgresSyncCentral(central: owner, clock: clock).prune(keepDays: 30, at: clock.now())
            #expect(pruned.deleted == 3)
            let report = try await b.engine.once()
            #expect(report.reset)
            #expect(report.resetRows == 3)
            #expect(try b.store.contactCount() == 3)
            #expect(try b.store.syncPulledPosition() == 3)
        }
    }
}
