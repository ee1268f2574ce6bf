import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// A station whose PostgreSQL server goes away and comes back (`SPORTELLO_TEST_PG_RESTART`;
/// run by scripts/test in its own step, after the other tests): logins keep working from the
/// cache, the queue says it is unreachable, and the same station picks the server up again
/// without being reopened.
@Suite(.serialized, .enabled(if: PostgresTestDatabase.isAvailable
    && ProcessInfo.processInfo.environment["SPORTELLO_TEST_PG_RESTART"] != nil))
struct PostgresStationFaultSuite {
    /// Runs the cluster's restart script with posix_spawn and waitpid: Foundation's `Process`
    /// keeps reporting a running child once `pg_ctl start` has left a server behind.
    static func server(_ action: String) throws {
        let script = ProcessInfo.processInfo.environment["SPORTELLO_TEST_PG_RESTART"]!
        var arguments: [UnsafeMutablePointer<CChar>?] = [strdup(script), strdup(action), nil]
        defer { for argument in arguments { free(argument) } }
        var pid: pid_t = 0
        #expect(posix_spawn(&pid, script, nil, nil, &arguments, environ) == 0)
        var status: Int32 = 0
        #expect(waitpid(pid, &status, 0) == pid)
        #expect(status == 0, "restart \(action)")
    }

    @Test func theStationWorksFromItsCacheAndReconnectsWhenTheServerIsBack() async throws {
        try await PostgresStationTests.withOffice("fault_station") { office in
            _ = try await PostgresStationTests.initStation(office)
            let station = try office.open()
            defer { station.close() }
            try await station.operatorDirectory().addOperator(
                OperatorAccount(username: "anna.neri", fullName: "Anna Neri", roles: [.counter]),
                password: "Sportello.Prova.2026", hasher: fastHasher)
            try await station.refreshCentralCache()
            let queue = PostgresStationQueue(link: try #require(station.postgres),
                                             clock: ContractClock(ContractFixture.rome("2026-11-30 10:00")))
            _ = try await queue.issue(IssueRequest(serviceCode: "ANA"))

            try Self.server("stop")
            await #expect(throws: StoreError.self) { try await station.refreshCentralCache() }
            await #expect(throws: QueueBackendError.self) { _ = try await queue.status() }
            let offline = await station.authenticate(username: "anna.neri", password: "Sportello.Prova.2026")

            try Self.server("start")
            guard case .authenticated = offline else {
                Issue.record("accesso dalla cache rifiutato con il server fermo")
                return
            }
            // The link waits a few seconds between attempts: ask until it answers (bounded).
            var status: QueueStatus?
            for _ in 0..<60 where status == nil {
                status = try? await queue.status()
                if status == nil { try await Task.sleep(for: .milliseconds(500)) }
            }
            let waiting = try #require(status).services.first { $0.serviceCode == "ANA" }?.waiting
            #expect(waiting == 1)
            #expect(try await station.refreshCentralCache() == 1)
        }
    }
}

