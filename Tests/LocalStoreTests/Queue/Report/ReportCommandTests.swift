import Foundation
import Testing

/// `queue report` on the command line: bad ranges, empty ranges, text and JSON.
struct ReportCommandTests {
    static let clock = ["SPORTELLO_FIXED_CLOCK": "2026-11-26T17:00:00Z"]

    @Test(arguments: [
        (["--from", "2026-11-20", "--to", "2026-11-10"], "intervallo al contrario"),
        (["--from", "2026-12-01"], "è nel futuro"),
        (["--from", "2026-02-30"], "data non valida per --from"),
        (["--from", "26/11/2026"], "data non valida per --from"),
        (["--json", "--screen"], "--json e --screen"),
    ])
    func badRangesAreUsageErrors(arguments: [String], message: String) throws {
        guard sportelloBinary != nil else { return }
        let dir = try QueueTempDirectory()
        let outcome = try runSportello(["queue", "report", "--central", "sqlite://" + dir.centralPath] + arguments,
                                       environment: Self.clock)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(message))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }

    @Test func rangeWithoutDataSaysSoAndExitsOne() throws {
        guard sportelloBinary != nil else { return }
        let dir = try QueueTempDirectory()
        let outcome = try runSportello(["queue", "report", "--central", "sqlite://" + dir.centralPath,
                                        "--from", "2026-11-02", "--to", "2026-11-06"], environment: Self.clock)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("Nessun dato dal 02/11/2026 al 06/11/2026"))
    }

    @Test func todaysReportInTextAndJSON() throws {
        guard sportelloBinary != nil else { return }
        let dir = try QueueTempDirectory()
        let central = ["--central", "sqlite://" + dir.centralPath]
        let issue = try runSportello(["queue", "issue", "--service", "ANA"] + central,
                                     environment: ["SPORTELLO_FIXED_CLOCK": "2026-11-26T08:00:00Z"])
        #expect(issue.status == 0)
        let text = try runSportello(["queue", "report"] + central, environment: Self.clock)
        #expect(text.status == 0)
        #expect(text.stdout.contains("Rapporto della coda – giornata del 26/11/2026"))
        #expect(text.stdout.contains("Biglietti emessi 1, chiamati 0"))
        #expect(text.stdout.contains("09:00–10:00"))
        let json = try runSportello(["queue", "report", "--json"] + central, environment: Self.clock)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["issued"] as? Int == 1)
        #expect(object["still_open"] as? Int == 1)
        #expect(object["estimate"] == nil)
    }
}
