import Foundation
import Testing
@testable import LocalStore

/// The station commands driven through the built binary, as an administrator would run them.
@Suite("Station commands", .enabled(if: sportelloBinary != nil, "build sportello-tui first"))
struct CommandLineTests {

    func run(_ arguments: [String], stdin: String = "") throws -> CommandOutcome {
        try runSportello(arguments, stdin: stdin)
    }

    @Test func initOperatorsAndRefusals() throws {
        let dir = try TemporaryDirectory()
        let home = dir.home.path
        let created = try run(["init", "--home", home, "--office", "Comune di Piacenza", "--counter", "3"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("stazione sportello-3"))

        let again = try run(["init", "--home", home])
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("sportello-tui: la stazione in"))
        #expect(again.stderr.split(separator: "\n").count == 1)

        let add = try run(["operator", "add", "mrossi", "--home", home, "--name", "Mario Rossi",
                           "--role", "counter", "--role", "cie", "--password-stdin"], stdin: "sportello-2026\n")
        #expect(add.status == 0, "\(add.stderr)")
        let duplicate = try run(["operator", "add", "mrossi", "--home", home, "--name", "M", "--password-stdin"],
                                stdin: "sportello-2026\n")
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr == "sportello-tui: l'operatore mrossi esiste già\n")
        let badRole = try run(["operator", "add", "xy", "--home", home, "--name", "X", "--role", "boss", "--password-stdin"])
        #expect(badRole.status == 2)

        #expect(try run(["operator", "passwd", "mrossi", "--home", home, "--password-stdin"], stdin: "nuova-password\n").status == 0)
        #expect(try run(["operator", "disable", "mrossi", "--home", home]).status == 0)
        #expect(try run(["operator", "disable", "nessuno", "--home", home]).status == 1)
        #expect(try run(["operator", "enable", "mrossi", "--home", home]).status == 0)
        #expect(try run(["operator", "disable", "mrossi", "--home", home]).status == 0)

        let list = try run(["operator", "list", "--json", "--home", home])
        #expect(list.status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 1)
        #expect(rows?.first?["username"] as? String == "mrossi")
        #expect(rows?.first?["full_name"] as? String == "Mario Rossi")
        #expect(rows?.first?["roles"] as? [String] == ["counter", "cie"])
        #expect(rows?.first?["disabled"] as? Bool == true)

        // The station's cache followed every change.
        let store = try AppDatabase.open(at: dir.home.storePath)
        #expect(try store.cachedOperators().map(\.disabled) == [true])
        try store.close()
    }

    /// Stations in separate processes write to one embedded central file at the same time:
    /// every write waits its turn (BEGIN IMMEDIATE, busy timeout) and none is lost.
    @Test func stationsInSeparateProcessesShareOneCentralFile() throws {
        let dir = try TemporaryDirectory()
        let central = dir.file("h0/central.sqlite")
        #expect(try run(["init", "--home", dir.file("h0")]).status == 0)
        for index in 1...4 {
            let joined = try run(["init", "--home", dir.file("h\(index)"), "--central", "sqlite://" + central,
                                  "--station", "s\(index)", "--kind", "backoffice"])
            #expect(joined.status == 0, "\(joined.stderr)")
        }
        var processes: [Process] = []
        for index in 1...4 {
            let process = Process()
            // Four shells run at once, each adding two operators through its own station.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", """
                printf 'password-\(index)a\\n' | "$0" operator add u\(index)a --home "$1" --name "U\(index)a" --password-stdin && \
                printf 'password-\(index)b\\n' | "$0" operator add u\(index)b --home "$1" --name "U\(index)b" --password-stdin
                """, sportelloBinary!, dir.file("h\(index)")]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            processes.append(process)
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0, 0, 0])
        let list = try run(["operator", "list", "--json", "--home", dir.file("h0")])
        let rows = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 8)
    }

    @Test func environmentProblemsExitWithTwo() throws {
        let dir = try TemporaryDirectory()
        try Data().write(to: URL(fileURLWithPath: dir.file("plain-file")))
        let unwritable = try run(["init", "--home", dir.file("plain-file") + "/home"])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("impossibile scrivere"))

        let missing = try run(["operator", "list", "--home", dir.file("nowhere")])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("eseguire prima 'sportello-tui init'"))

        // Nothing listens on port 1: the station is not created.
        let postgres = try run(["init", "--home", dir.home.path, "--central", "postgresql://u:segreta@127.0.0.1:1/x"])
        #expect(postgres.status == 2)
        #expect(postgres.stderr.hasPrefix("sportello-tui: database centrale non raggiungibile (127.0.0.1:1)"))
        #expect(!postgres.stderr.contains("segreta"))
        #expect(!dir.home.isInitialized)
        let malformed = try run(["init", "--home", dir.home.path, "--central", "postgresql://127.0.0.1/x"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr == "sportello-tui: URL del database centrale non valido (postgresql://127.0.0.1/x): manca l'utente (utente@host)\n")

        // A station configured for PostgreSQL starts from its cache, but operator
        // administration needs the central side.
        #expect(try run(["init", "--home", dir.home.path]).status == 0)
        let text = try String(contentsOfFile: dir.home.configPath, encoding: .utf8)
            .replacingOccurrences(of: "sqlite://" + dir.home.defaultCentralPath, with: "postgresql://u:segreta@127.0.0.1:1/x")
        try text.write(toFile: dir.home.configPath, atomically: false, encoding: .utf8)
        let list = try run(["operator", "list", "--home", dir.home.path])
        #expect(list.status == 2)
        #expect(list.stderr.hasPrefix("sportello-tui: database centrale non raggiungibile (127.0.0.1:1)"))
        #expect(!list.stderr.contains("segreta"))
    }

    @Test func aBrokenConfigurationStopsEveryCommand() throws {
        let dir = try TemporaryDirectory()
        #expect(try run(["init", "--home", dir.home.path]).status == 0)
        try Data("office = \"O\"\nstation = \"s\"\nkind = \"counter\"\ncounter = 1\ncolor = 3\n".utf8)
            .write(to: URL(fileURLWithPath: dir.home.configPath))
        let list = try run(["operator", "list", "--home", dir.home.path])
        #expect(list.status == 2)
        #expect(list.stderr.contains("riga 5: chiave sconosciuta 'color'"))
    }

    @Test func backupAndRestoreCommands() throws {
        let dir = try TemporaryDirectory()
        #expect(try run(["init", "--home", dir.home.path]).status == 0)
        let backup = try run(["backup", "--home", dir.home.path, "--to", dir.file("copia.sqlite")])
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(SecureFiles.mode(of: dir.file("copia.sqlite")) == 0o600)
        #expect(try run(["restore", "--home", dir.home.path, "--from", dir.file("copia.sqlite")]).status == 0)
        try Data("nope".utf8).write(to: URL(fileURLWithPath: dir.file("nope")))
        let refused = try run(["restore", "--home", dir.home.path, "--from", dir.file("nope")])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("non è un archivio"))
    }
}
