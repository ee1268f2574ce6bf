import CruscottoModel
import Foundation
import PostgresNIO
import Testing
@testable import LocalStore

/// Connection, migrations, roles and refusals on the test cluster (`SPORTELLO_TEST_PG`).
@Suite(.enabled(if: PostgresTestDatabase.isAvailable)) struct PostgresCentralTests {
    static var serverURL: PostgresCentralURL { try! PostgresCentralURL(parsing: PostgresTestDatabase.serverURL!) }

    @Test func wrongPasswordIsAClearRefusal() async throws {
        var url = Self.serverURL
        url.password = .inline("sbagliata")
        await #expect(throws: PostgresCentralError.authenticationFailed(user: url.user)) {
            _ = try await PostgresCentral.connect(url, requireSchema: false)
        }
    }

    @Test func unreachableServerSaysWhere() async throws {
        var url = Self.serverURL
        url.port = 1
        do {
            _ = try await PostgresCentral.connect(url, requireSchema: false)
            Issue.record("connessione riuscita su una porta chiusa")
        } catch {
            guard case let .unreachable(host, port, _) = error else {
                Issue.record("errore inatteso: \(error)")
                return
            }
            #expect(host == url.host && port == 1)
            #expect(error.description.hasPrefix("database centrale non raggiungibile"))
        }
    }

    @Test func missingDatabaseAndMissingSchemaAreNamed() async throws {
        let url = Self.serverURL.with(database: "sportello_test_nessuno_\(UInt32.random(in: 0...UInt32.max))")
        await #expect(throws: PostgresCentralError.self) { _ = try await PostgresCentral.connect(url) }
        _ = try await PostgresTestDatabase.with(suite: "central_empty", migrated: false) { handle in
            await #expect(throws: PostgresCentralError.schemaMissing) { _ = try await PostgresCentral.connect(handle.url) }
        }
    }

    @Test func migrationsAreAppliedOnceAndRecorded() async throws {
        try await PostgresTestDatabase.with(suite: "central_migrate", migrated: false) { handle in
            let first = try await CentralMigrator.migrate(handle.url)
            #expect(first.before == 0)
            #expect(first.after == CentralMigrations.all.count)
            #expect(first.applied == CentralMigrations.all.map(\.name))
            let second = try await CentralMigrator.migrate(handle.url)
            #expect(second.applied.isEmpty)
            #expect(second.before == CentralMigrations.all.count)
        }
    }

    @Test func aFailingMigrationLeavesNothingBehind() async throws {
        try await PostgresTestDatabase.with(suite: "central_fail", migrated: true) { handle in
            let broken = CentralMigration(
                version: CentralMigrations.all.count + 1, name: "9999_broken",
                sql: "CREATE TABLE sportello.half_done (id integer);\nSELECT * FROM sportello.no_such_table;",
                sha256: "x")
            await #expect(throws: PostgresCentralError.self) {
                _ = try await CentralMigrator.migrate(handle.url, migrations: CentralMigrations.all + [broken])
            }
            let central = try await PostgresCentral.connect(handle.url)
            defer { central.shutdown() }
            #expect(try await central.text("SELECT to_regclass('sportello.half_done')::text") == nil)
            #expect(try await central.text("SELECT max(version)::text FROM sportello.central_migration")
                == String(CentralMigrations.all.count))
        }
    }

    @Test func aNewerCentralSchemaIsRefusedByAnOlderStation() async throws {
        try await PostgresTestDatabase.with(suite: "central_newer", migrated: true) { handle in
            let newer = CentralMigrations.all.count + 1
            try await PostgresTestDatabase.exec(handle.url, """
                INSERT INTO sportello.central_migration (version, name, sha256) VALUES (\(newer), '9999_future', 'f')
                """)
            let expected = PostgresCentralError.schemaTooNew(central: newer, known: CentralMigrations.all.count)
            await #expect(throws: expected) { _ = try await PostgresCentral.connect(handle.url) }
            await #expect(throws: expected) { _ = try await CentralMigrator.migrate(handle.url) }
            #expect(expected.description.contains("aggiornare sportello-tui"))
        }
    }

    @Test func aChangedMigrationIsRefused() async throws {
        try await PostgresTestDatabase.with(suite: "central_changed", migrated: true) { handle in
            try await PostgresTestDatabase.exec(handle.url, "UPDATE sportello.central_migration SET sha256 = 'altro' WHERE version = 1")
            await #expect(throws: PostgresCentralError.migrationChanged(name: CentralMigrations.all[0].name)) {
                _ = try await CentralMigrator.migrate(handle.url)
            }
        }
    }

    @Test func stationRolesMayOnlyCallTheStationFunctions() async throws {
        try await PostgresTestDatabase.with(suite: "central_roles") { handle in
            let outcome = try await PostgresCentralAdmin.initialize(
                handle.url, configuration: ContractFixture.configuration(), stations: ["sportello-1", "totem"],
                rolePrefix: handle.rolePrefix)
            #expect(outcome.configurationWritten)
            #expect(outcome.stations.map(\.role) == [handle.rolePrefix + "sportello_1", handle.rolePrefix + "totem"])
            let station = outcome.stations[0]
            var url = handle.url
            url.user = station.role
            url.password = .inline(station.password)
            let central = try await PostgresCentral.connect(url)
            defer { central.shutdown() }
            // The queue works through the functions...
            let clock = ContractClock(ContractFixture.rome("2026-11-30 09:00"))
            let backend = try await PostgresQueueBackend.open(central: central, clock: clock)
            let ticket = try await backend.issue(IssueRequest(serviceCode: "ANA"))
            #expect(ticket.number.display == "A001")
            let claim = try #require(try await backend.claim(ClaimRequest(counter: 1)))
            #expect(claim.ticket.id == ticket.id)
            #expect(try await PostgresCentralAdmin.contact(central, program: "test", at: clock.now()) == CentralMigrations.all.count)
            // ...but tables are closed, and so are the owner's functions.
            for sql in ["SELECT count(*)::text FROM sportello.queue_ticket",
                        "UPDATE sportello.queue_ticket SET state = 'waiting'",
                        "SELECT sportello.queue_config_put('{}'::jsonb, 1, NULL, '[]'::jsonb)::text",
                        "SELECT sportello.queue_ticket_put('{}'::jsonb, current_date, now())::text"] {
                await #expect(throws: PostgresCentralError.self, "\(sql)") {
                    _ = try await central.text(PostgresNIOQuery.make(sql))
                }
            }
            let status = try await PostgresCentralAdmin.status(handle.url)
            #expect(status.stations.map(\.name) == ["sportello-1", "totem"])
            #expect(status.stations[0].lastContact != nil)
            #expect(status.stations[1].lastContact == nil)
            #expect(status.schemaVersion == CentralMigrations.all.count)
        }
    }

    @Test func theClaimUsesTheLaneIndexesInTheirOwnOrder() async throws {
        try await PostgresTestDatabase.with(suite: "central_plan") { handle in
            let central = try await PostgresCentral.connect(handle.url)
            defer { central.shutdown() }
            let lanes = [
                ("queue_ticket_line", """
                    SELECT id FROM sportello.queue_ticket WHERE local_day = '2026-11-30' AND service_code = 'ANA'
                    AND is_priority = false AND state IN ('waiting', 'transferred') AND target_counter IS NULL
                    ORDER BY local_day, service_code, is_priority, arrival, seq, id LIMIT 1 FOR UPDATE SKIP LOCKED
                    """),
                ("queue_ticket_parked", """
                    SELECT id FROM sportello.queue_ticket WHERE local_day = '2026-11-30' AND service_code = 'ANA'
                    AND state = 'parked' AND target_counter IS NULL
                    ORDER BY local_day, service_code, arrival, seq, id LIMIT 1 FOR UPDATE SKIP LOCKED
                    """),
                ("queue_ticket_directed", """
                    SELECT id FROM sportello.queue_ticket WHERE local_day = '2026-11-30' AND target_counter = 3
                    AND state IN ('waiting', 'parked', 'transferred')
                    ORDER BY local_day, target_counter, arrival, seq, id LIMIT 1 FOR UPDATE SKIP LOCKED
                    """),
            ]
            for (index, sql) in lanes {
                let plan = try await central.withConnection { connection in
                    _ = try await connection.query("SET enable_seqscan = off", logger: central.logger)
                    var lines: [String] = []
                    for try await line in try await connection.query(PostgresNIOQuery.make("EXPLAIN " + sql), logger: central.logger)
                        .decode(String.self) { lines.append(line) }
                    return lines.joined(separator: "\n")
                }
                #expect(plan.contains("Index Scan using \(index)"), "\(plan)")
                #expect(!plan.contains("Sort"), "\(plan)")
            }
            let options = try await central.text(
                "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = 'sportello.queue_ticket'::regclass")
            #expect(options?.contains("autovacuum_vacuum_scale_factor=0") == true)
            #expect(options?.contains("autovacuum_vacuum_cost_delay=0") == true)
        }
    }
}
