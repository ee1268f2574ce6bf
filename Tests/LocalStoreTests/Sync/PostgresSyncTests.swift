import CruscottoModel
import Foundation
import PostgresNIO
import Testing
@testable import LocalStore

/// PostgreSQL-only parts of sync: a change whose transaction commits late is still pulled,
/// and station roles reach the registry only through the sync functions, in their own name.
@Suite(.enabled(if: PostgresTestDatabase.isAvailable)) struct PostgresSyncTests {
    static let start = Date(timeIntervalSince1970: 1_796_031_720)

    @Test func aChangeWithALowerSequenceThatCommitsLateIsStillPulled() async throws {
        try await PostgresTestDatabase.with(suite: "synclate") { handle in
            let central = try await PostgresCentral.connect(handle.url)
            defer { central.shutdown() }
            let clock = MovingClock(Self.start)
            let sync = PostgresSyncCentral(central: central, clock: clock)
            let slowStation = try SyncTestStation("sportello-1", central: sync, clock: clock)
            let fastStation = try SyncTestStation("sportello-2", central: sync, clock: clock)
            let reader = try SyncTestStation("sportello-3", central: sync, clock: clock)
            let slowContact = try slowStation.create("Lenti", "Lino", born: "1960-01-01")
            let fastContact = try fastStation.create("Veloci", "Vera", born: "1990-01-01")

            // The slow push writes its change (taking the lower sequence number) and stays open.
            let (_, configuration) = try PostgresCentral.configurations(handle.url, maximumConnections: 1)
            let slow = try await PostgresConnection.connect(configuration: configuration, id: 7, logger: central.logger)
            let versions = try slowStation.versions
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let events = String(decoding: try encoder.encode(try slowStation.store.syncOutboxBatch(limit: 10)), as: UTF8.self)
            _ = try await slow.query("BEGIN", logger: central.logger)
            _ = try await slow.query("""
                SELECT sportello.sync_push(\(versions.station), \(versions.storeSchema)::integer, \(versions.centralSchema)::integer,
                                           \(clock.now()), \(events)::jsonb)::text
                """, logger: central.logger)

            // A later push commits first; a reader takes it.
            try await fastStation.engine.once()
            let during = try await reader.engine.pull()
            #expect(during.pull.applied == 1)
            #expect(try reader.store.syncPulledPosition() == 1)
            #expect(try reader.contact(fastContact.id).contact.surname == "Veloci")

            // The slow one commits with its lower sequence: the reader still gets it, after.
            _ = try await slow.query("COMMIT", logger: central.logger)
            try await slow.close()
            let after = try await reader.engine.pull()
            #expect(after.pull.applied == 1)
            #expect(try reader.store.syncPulledPosition() == 2)
            #expect(try reader.contact(slowContact.id).contact.surname == "Lenti")
            let order = try await central.text(PostgresNIOQuery.make(
                "SELECT string_agg(row_id, ',' ORDER BY position) || '|' || string_agg(row_id, ',' ORDER BY seq) FROM sportello.sync_change"))
            #expect(order == "\(fastContact.id),\(slowContact.id)|\(slowContact.id),\(fastContact.id)")
            // The slow station's own retry finds its event applied.
            let retry = try await slowStation.engine.once()
            #expect(retry.push.duplicates == 1)
        }
    }

    @Test func stationRolesSyncOnlyThroughTheFunctionsAndInTheirOwnName() async throws {
        try await PostgresTestDatabase.with(suite: "syncroles") { handle in
            let outcome = try await PostgresCentralAdmin.initialize(
                handle.url, configuration: ContractFixture.configuration(), stations: ["sportello-1"], rolePrefix: handle.rolePrefix)
            var url = handle.url
            url.user = outcome.stations[0].role
            url.password = .inline(outcome.stations[0].password)
            let central = try await PostgresCentral.connect(url)
            defer { central.shutdown() }
            let clock = MovingClock(Self.start)
            let sync = PostgresSyncCentral(central: central, clock: clock)
            // The station claims to be another: the central side records its login's station.
            let station = try SyncTestStation("sportello-9", central: sync, clock: clock)
            _ = try station.create("Rossi", "Mario", born: "1980-03-12")
            let report = try await station.engine.once()
            #expect(report.push.applied == 1)
            let page = try await sync.changes(after: 0, limit: 10, for: try station.versions)
            #expect(page.changes.map(\.originStation) == ["sportello-1"])
            for sql in ["SELECT count(*)::text FROM sportello.sync_contact",
                        "UPDATE sportello.sync_contact SET version = 0",
                        "SELECT sportello.sync_apply('x', '{}'::jsonb, '{}'::jsonb, now())::text"] {
                await #expect(throws: PostgresCentralError.self, "\(sql)") {
                    _ = try await central.text(PostgresNIOQuery.make(sql))
                }
            }
        }
    }
}
