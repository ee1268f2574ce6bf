import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// The station commands on a PostgreSQL central database, through the built binary, with a
/// station role (its password in a 0600 file): init, operators, services export and import,
/// the queue; and the refusals, each a one-line Italian message with its exit code.
@Suite(.enabled(if: PostgresTestDatabase.isAvailable && sportelloBinary != nil))
struct PostgresStationCommandTests {
    func run(_ arguments: [String], stdin: String = "") throws -> CommandOutcome {
        try runSportello(arguments, stdin: stdin, environment: ["SPORTELLO_FIXED_CLOCK": "2026-11-30T09:42:00Z"])
    }

    @Test func aStationOnPostgresRunsTheOperatorServicesAndQueueCommands() async throws {
        try await PostgresStationTests.withOffice("command_station", officeName: "Comune di Piacenza") { office in
            let home = office.home.path
            let created = try run(["init", "--home", home, "--central", office.stationURL, "--counter", "2"])
            #expect(created.status == 0, "\(created.stderr)")
            #expect(created.stdout.contains("ufficio: Comune di Piacenza"))
            #expect(created.stdout.contains("operatori in cache: 0"))

            let added = try run(["operator", "add", "anna.neri", "--name", "Anna Neri", "--role", "administrator",
                                 "--password-stdin", "--home", home], stdin: "Sportello.Prova.2026\n")
            #expect(added.status == 0, "\(added.stderr)")
            let twice = try run(["operator", "add", "anna.neri", "--name", "Anna Neri", "--password-stdin", "--home", home],
                                stdin: "Sportello.Prova.2026\n")
            #expect(twice.status == 1)
            #expect(twice.stderr == "sportello-tui: l'operatore anna.neri esiste già\n")
            #expect(try run(["operator", "disable", "anna.neri", "--home", home]).status == 0)
            let list = try run(["operator", "list", "--json", "--home", home])
            #expect(list.status == 0)
            #expect(list.stdout.contains("\"disabled\" : true"))
            #expect(try run(["operator", "enable", "anna.neri", "--home", home]).status == 0)
            let passwd = try run(["operator", "passwd", "anna.neri", "--password-stdin", "--home", home],
                                 stdin: "Nuova.Password.2026\n")
            #expect(passwd.status == 0, "\(passwd.stderr)")
            let unknown = try run(["operator", "disable", "nessuno", "--home", home])
            #expect(unknown.status == 1)
            #expect(unknown.stderr == "sportello-tui: operatore nessuno sconosciuto\n")
            // The station's cache follows the central operators.
            let station = try office.open()
            #expect(try station.store.cachedOperators().map(\.username) == ["anna.neri"])
            station.close()

            let file = office.dir.file("servizi.toml")
            let exported = try run(["services", "export", file, "--home", home])
            #expect(exported.status == 0, "\(exported.stderr)")
            #expect(exported.stdout.contains("3 servizi, 2 profili, 4 sportelli"))
            var text = try String(contentsOfFile: file, encoding: .utf8)
            text = text.replacingOccurrences(of: "name = \"Anagrafe\"", with: "name = \"Anagrafe e certificati\"")
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            let imported = try run(["services", "import", file, "--home", home])
            #expect(imported.status == 0, "\(imported.stderr)")
            let issued = try run(["queue", "issue", "--service", "ANA", "--home", home])
            #expect(issued.stdout.contains("Biglietto A001 – Anagrafe e certificati"), "\(issued.stderr)")
            let broken = office.dir.file("rotto.toml")
            try Data("[[services]]\ncode = \"ANA\"\n".utf8).write(to: URL(fileURLWithPath: broken))
            let refused = try run(["services", "import", broken, "--home", home])
            #expect(refused.status == 1)
            #expect(refused.stderr.hasPrefix("sportello-tui: \(broken):"))
        }
    }

    @Test func refusalsAreOneLineWithTheirExitCode() async throws {
        try await PostgresStationTests.withOffice("command_refusals") { office in
            let home = office.home.path
            #expect(try run(["init", "--home", home, "--central", office.stationURL]).status == 0)
            let role = try PostgresCentralURL(parsing: office.stationURL).user

            // A password file others can read is refused before any connection.
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: office.passwordFile)
            let open = try run(["operator", "list", "--home", home])
            #expect(open.status == 2)
            #expect(open.stderr == "sportello-tui: file della password leggibile da altri (permessi 644): \(office.passwordFile); usare chmod 600\n")
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: office.passwordFile)

            // A central schema newer than the program: the answer is no (exit 1).
            let newer = CentralMigrations.all.count + 1
            try await PostgresTestDatabase.exec(office.handle.url, """
                INSERT INTO sportello.central_migration (version, name, sha256) VALUES (\(newer), '9999_future', 'f')
                """)
            let tooNew = try run(["operator", "list", "--home", home])
            #expect(tooNew.status == 1)
            #expect(tooNew.stderr == "sportello-tui: il database centrale ha lo schema \(newer), più recente di quello di questo programma (\(CentralMigrations.all.count)): aggiornare sportello-tui\n")
            let other = try TemporaryDirectory()
            let initTooNew = try run(["init", "--home", other.home.path, "--central", office.stationURL])
            #expect(initTooNew.status == 1)
            #expect(!other.home.isInitialized)
            try await PostgresTestDatabase.exec(office.handle.url, "DELETE FROM sportello.central_migration WHERE version = \(newer)")

            // A refused password.
            try Data("sbagliata\n".utf8).write(to: URL(fileURLWithPath: office.passwordFile))
            let refused = try run(["services", "export", "-", "--home", home])
            #expect(refused.status == 2)
            #expect(refused.stderr == "sportello-tui: accesso al database centrale rifiutato per l'utente \(role): password errata o utente sconosciuto\n")
            let initRefused = try run(["init", "--home", other.home.path, "--central", office.stationURL])
            #expect(initRefused.status == 2)
            #expect(initRefused.stderr == refused.stderr)
        }
    }
}
