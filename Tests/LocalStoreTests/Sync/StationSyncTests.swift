import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// `Station.syncOnce`, what the cruscotto runs in the background: it syncs with whichever
/// central database the station is configured for, PostgreSQL through the station's link.
@Suite(.enabled(if: PostgresTestDatabase.isAvailable)) struct StationSyncPostgresTests {
    @Test func aPostgreSQLStationPushesItsOutboxAndAPlainRetryAppliesNothingTwice() async throws {
        try await PostgresStationTests.withOffice("station_sync") { office in
            _ = try await PostgresStationTests.initStation(office)
            let station = try office.open()
            defer { station.close() }
            _ = try station.store.recordSessionEvent(.login, operator: "anna.neri")
            _ = try station.store.recordSessionEvent(.logout, operator: "anna.neri")
            let waiting = try station.store.outboxCount()
            #expect(waiting >= 2)

            let first = try await station.syncOnce()
            #expect(first.push.applied == waiting)
            #expect(first.push.refused == 0)
            #expect(try station.store.outboxCount() == 0)

            let second = try await station.syncOnce()
            #expect(second.push.applied == 0 && second.push.duplicates == 0)
            #expect(try station.store.openDeadLetterCount() == 0)
        }
    }
}
