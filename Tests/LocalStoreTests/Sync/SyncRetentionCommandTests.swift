import Foundation
import Testing
@testable import LocalStore

/// `central prune` and the reset through the built binary, on one embedded central file.
@Suite("Sync retention commands", .enabled(if: sportelloBinary != nil, "build sportello-tui first"))
struct SyncRetentionCommandTests {
    func run(_ arguments: [String]) throws -> CommandOutcome {
        try runSportello(arguments, environment: ["USER": "admin", "SPORTELLO_OPERATOR": ""])
    }

    func json(_ outcome: CommandOutcome) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any], "\(outcome.stderr)")
    }

    @Test(arguments: ["-1", "abc", "3651", "1.5"])
    func aBadNumberOfDaysIsAUsageError(days: String) throws {
        let dir = try TemporaryDirectory()
        #expect(try run(["init", "--home", dir.path, "--station", "sportello-1", "--counter", "1"]).status == 0)
        let outcome = try run(["central", "prune", "--keep-days", days, "--home", dir.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "sportello-tui: giorni da conservare non validi: \(days) (un numero intero da 0 a 3650)\n")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func aMalformedURLIsAUsageError() throws {
        let outcome = try run(["central", "prune", "--url", "postgresql://nessuno"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("sportello-tui: URL del database centrale non valido"))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }

    @Test func pruneThenAStationBehindResetsAndReportsIt() throws {
        let dir = try TemporaryDirectory()
        let first = dir.path + "/uno", second = dir.path + "/due"
        #expect(try run(["init", "--home", first, "--station", "sportello-1", "--counter", "1"]).status == 0)
        #expect(try run(["init", "--home", second, "--central", "sqlite://\(first)/central.sqlite",
                         "--station", "sportello-2", "--counter", "2"]).status == 0)
        let file = dir.file("anagrafe.csv")
        try ContactImportStoreTests.goodAndBad.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try run(["contacts", "import", file, "--home", first]).status == 0)
        #expect(try run(["sync", "once", "--home", first]).status == 0)

        let kept = try json(try run(["central", "prune", "--json", "--home", first]))
        #expect(kept["deleted"] as? Int == 0)
        #expect(kept["keep_days"] as? Int == 30)
        Thread.sleep(forTimeInterval: 0.01)
        let pruned = try json(try run(["central", "prune", "--keep-days", "0", "--json", "--home", first]))
        #expect(pruned["deleted"] as? Int == 3)
        #expect(pruned["floor"] as? Int == 4)
        #expect(pruned["kept"] as? Int == 0)

        let synced = try json(try run(["sync", "once", "--json", "--home", second]))
        #expect(synced["reset"] as? Bool == true)
        #expect(synced["reset_rows"] as? Int == 3)
        #expect(synced["position"] as? Int == 3)
        let status = try json(try run(["sync", "status", "--json", "--home", second]))
        #expect(status["last_reset_rows"] as? Int == 3)
        #expect(status["last_reset_position"] as? Int == 3)
        #expect(status["reset_in_progress"] as? Bool == false)
        let text = try run(["sync", "status", "--home", second])
        #expect(text.stdout.contains("ultimo ripristino dall'istantanea: "))
        #expect(try run(["contacts", "search", "niccolo", "--home", second]).status == 0)
        let again = try json(try run(["sync", "once", "--json", "--home", second]))
        #expect(again["reset"] as? Bool == false)
    }
}
