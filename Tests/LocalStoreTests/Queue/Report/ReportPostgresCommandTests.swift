import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// `queue report --central postgresql://…`: the same days played on the embedded file and on
/// PostgreSQL give the same JSON and text from the command.
@Suite(.enabled(if: PostgresTestDatabase.isAvailable)) struct ReportPostgresCommandTests {
    /// 19:00 in Rome on the last (still open) day of `QueueReportContractTests.steps`.
    static let clock = ["SPORTELLO_FIXED_CLOCK": "2026-11-27T18:00:00Z"]
    static let range = ["--from", "2026-11-25", "--to", "2026-11-27"]

    /// The test server's URL pointing at another database.
    static func url(database: String) throws -> String {
        let server = try #require(PostgresTestDatabase.serverURL)
        var parts = try #require(URLComponents(string: server))
        parts.path = "/" + database
        return try #require(parts.string)
    }

    @Test func jsonAndTextAreTheSameAsOnTheEmbeddedFile() async throws {
        guard sportelloBinary != nil else { return }
        let steps = QueueReportContractTests.steps(seed: 21)
        let config = QueueReportContractTests.config

        let dir = try QueueTempDirectory()
        let fileClock = ContractClock(ContractFixture.rome("2026-11-25 08:00"))
        let file = try await QueueFixture.backend(in: dir, config: config, clock: fileClock)
        _ = await QueueContractRunner.run(steps, on: file) { fileClock.set($0) }
        let onFile = ["--central", "sqlite://" + dir.centralPath]
        let fileJSON = try runSportello(["queue", "report", "--json"] + Self.range + onFile, environment: Self.clock)
        let fileText = try runSportello(["queue", "report"] + Self.range + onFile, environment: Self.clock)
        #expect(fileJSON.status == 0)

        try await PostgresTestDatabase.with(suite: "report_command") { handle in
            let central = try await PostgresCentral.connect(handle.url)
            defer { central.shutdown() }
            try await PostgresQueueBackend.replaceConfiguration(config, in: central)
            let pgClock = ContractClock(ContractFixture.rome("2026-11-25 08:00"))
            let backend = try await PostgresQueueBackend.open(central: central, clock: pgClock)
            _ = await QueueContractRunner.run(steps, on: backend) { pgClock.set($0) }
            let onPostgres = ["--central", try Self.url(database: handle.url.database)]
            let json = try runSportello(["queue", "report", "--json"] + Self.range + onPostgres, environment: Self.clock)
            #expect(json.status == 0, "\(json.stderr)")
            #expect(json.stdout == fileJSON.stdout)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect((object["issued"] as? Int ?? 0) > 100)
            #expect(object["days_with_tickets"] as? Int == 3)
            // The first report stored the closed days' summaries; the second reads them.
            let again = try runSportello(["queue", "report", "--json"] + Self.range + onPostgres, environment: Self.clock)
            #expect(again.stdout == fileJSON.stdout)
            let text = try runSportello(["queue", "report"] + Self.range + onPostgres, environment: Self.clock)
            #expect(text.status == 0)
            #expect(text.stdout == fileText.stdout)
            #expect(text.stdout.hasPrefix("Rapporto della coda"))
            // A range without data on PostgreSQL says so, as on the file.
            let empty = try runSportello(["queue", "report", "--from", "2026-11-02", "--to", "2026-11-06"] + onPostgres,
                                         environment: Self.clock)
            #expect(empty.status == 1)
            #expect(empty.stderr.contains("Nessun dato dal 02/11/2026 al 06/11/2026"))
        }
    }
}
