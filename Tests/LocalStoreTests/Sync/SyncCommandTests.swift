import Foundation
import Testing
@testable import LocalStore

/// The sync commands through the built binary: two stations on one embedded central file.
@Suite("Sync commands", .enabled(if: sportelloBinary != nil, "build sportello-tui first"))
struct SyncCommandTests {
    func run(_ arguments: [String]) throws -> CommandOutcome {
        try runSportello(arguments, environment: ["USER": "admin", "SPORTELLO_OPERATOR": ""])
    }

    func json(_ outcome: CommandOutcome) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any], "\(outcome.stderr)")
    }

    @Test func twoStationsSyncAndAnAdministratorResolvesADeadLetter() throws {
        let dir = try TemporaryDirectory()
        let first = dir.path + "/uno", second = dir.path + "/due"
        #expect(try run(["init", "--home", first, "--station", "sportello-1", "--counter", "1"]).status == 0)
        let joined = try run(["init", "--home", second, "--central", "sqlite://\(first)/central.sqlite",
                              "--station", "sportello-2", "--counter", "2"])
        #expect(joined.status == 0, "\(joined.stderr)")
        let file = dir.file("anagrafe.csv")
        try ContactImportStoreTests.goodAndBad.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try run(["contacts", "import", file, "--home", first]).status == 0)

        let sent = try json(try run(["sync", "once", "--json", "--home", first]))
        #expect(sent["sent"] as? Int == 1)
        #expect(sent["own"] as? Int == 3)
        let received = try json(try run(["sync", "once", "--json", "--home", second]))
        #expect(received["received"] as? Int == 3)
        #expect(received["position"] as? Int == 3)
        let search = try run(["contacts", "search", "niccolo", "--home", second])
        #expect(search.status == 0, "\(search.stderr)")

        // A poison event in the first station's outbox.
        let store = try AppDatabase.open(at: first + "/store.sqlite")
        try store.write { db in
            try OutboxEvent.appendJSON(db, type: "ticket.teleported", payloadVersion: 1, json: "{}", at: Date())
        }
        try store.close()
        let blocked = try run(["sync", "once", "--home", first])
        #expect(blocked.status == 0, "\(blocked.stderr)")
        #expect(blocked.stdout.contains("sync bloccata: 1 messaggi in sospeso"))
        let status = try json(try run(["sync", "status", "--json", "--home", first]))
        #expect(status["open_dead_letters"] as? Int == 1)
        #expect(status["outbox"] as? Int == 0)
        let letters = try run(["sync", "dead-letters", "--json", "--home", first])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(letters.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["reason"] as? String == "tipo di evento sconosciuto al database centrale: ticket.teleported")
        let id = try #require(rows.first?["id"] as? Int)

        let noReason = try run(["sync", "skip", "\(id)", "--home", first])
        #expect(noReason.status == 2)
        let unknown = try run(["sync", "retry", "999", "--reason", "prova", "--home", first])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "sportello-tui: messaggio in sospeso 999 non trovato\n")
        let skipped = try run(["sync", "skip", "\(id)", "--reason", "evento di prova", "--home", first])
        #expect(skipped.status == 0, "\(skipped.stderr)")
        let twice = try run(["sync", "skip", "\(id)", "--reason", "ancora", "--home", first])
        #expect(twice.status == 1)
        #expect(try json(try run(["sync", "status", "--json", "--home", first]))["open_dead_letters"] as? Int == 0)
        let reopened = try AppDatabase.open(at: first + "/store.sqlite")
        let actions = try reopened.adminActions()
        #expect(actions.map(\.action) == ["sync.skip"])
        #expect(actions.first?.operator == "sistema:admin")
        #expect(actions.first?.osUser == "admin")
        #expect(actions.first?.reason == "evento di prova")
        try reopened.close()
        let conflicts = try run(["sync", "conflicts", "--json", "--home", second])
        #expect(conflicts.status == 0)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(conflicts.stdout.utf8)) as? [Any])
        #expect(list.isEmpty)
    }
}
