import CruscottoModel
import Testing
@testable import LocalStore

@Suite("Station configuration")
struct ConfigTests {
    @Test func aWrittenConfigurationReadsBackTheSame() throws {
        let config = StationConfig(officeName: "Comune di Piacenza \"Sportello\"", stationID: "sportello-3", kind: .cie,
                                   counter: 3, central: .sqlite(path: "/srv/sportello/central.sqlite"), idleLockMinutes: 7)
        #expect(try StationConfig.parse(config.tomlText, path: "/h/sportello.toml") == config)
    }

    @Test func theCentralDatabaseDefaultsToTheHome() throws {
        let text = """
        office = "Comune di Prova"
        station = "totem"
        kind = "totem"
        """
        let config = try StationConfig.parse(text, path: "/srv/home/sportello.toml")
        #expect(config.central == .sqlite(path: "/srv/home/central.sqlite"))
        #expect(config.idleLockMinutes == StationConfig.defaultIdleLockMinutes)
        #expect(config.counter == nil)
    }

    @Test func everyErrorIsListedWithItsLine() throws {
        let text = """
        # a comment
        office = "Comune di Prova"
        station = "Sportello Uno"
        kind = "bancone"
        counter = 1
        colour = "blu"
        idle_lock_minutes = "cinque"
        central = "ftp://server/central"
        """
        let error = try #require(throws: ConfigError.self) { try StationConfig.parse(text, path: "f.toml") }
        #expect(error.issues.map(\.line) == [3, 4, 6, 7, 8])
        #expect(error.issues[0].message.contains("'station' non valido"))
        #expect(error.issues[1].message.contains("bancone"))
        #expect(error.issues[2].message.contains("chiave sconosciuta 'colour'"))
        #expect(error.issues[3].message.contains("numero intero"))
        #expect(error.issues[4].message.contains("non riconosciuto"))
    }

    @Test func keysInsideTablesAreUnknownKeysWithTheirLine() throws {
        let text = """
        office = "Comune di Prova"
        station = "s1"
        kind = "counter"
        counter = 2

        [display]
        theme = "dark"
        """
        let error = try #require(throws: ConfigError.self) { try StationConfig.parse(text, path: "f.toml") }
        #expect(error.issues == [ConfigIssue(line: 6, message: "chiave sconosciuta 'display' (ammesse: office, station, kind, counter, central, idle_lock_minutes, printer)")])
    }

    @Test func missingKeysAndCounterRulesAreReported() throws {
        let missing = try #require(throws: ConfigError.self) { try StationConfig.parse("kind = \"counter\"\n", path: "f") }
        #expect(missing.issues.map(\.line) == [nil, nil, nil])
        #expect(missing.issues.contains { $0.message.contains("manca 'counter'") })

        let extra = try #require(throws: ConfigError.self) {
            try StationConfig.parse("office = \"O\"\nstation = \"d\"\nkind = \"display\"\ncounter = 4\n", path: "f")
        }
        #expect(extra.issues == [ConfigIssue(line: 4, message: "'counter' non ammesso per una stazione 'display'")])
    }

    @Test func aSyntaxErrorGivesTheParserLine() throws {
        let text = "office = \"O\"\nstation = \"s\"\nkind = = \"counter\"\n"
        let error = try #require(throws: ConfigError.self) { try StationConfig.parse(text, path: "f") }
        #expect(error.issues.count == 1)
        #expect(error.issues[0].line == 3)
    }

    @Test func postgresqlIsAcceptedByTheParserAndHasNoCentralFile() throws {
        let text = """
        office = "O"
        station = "s"
        kind = "backoffice"
        central = "postgresql://sportello:segreta@db.comune.local/sportello"
        """
        let config = try StationConfig.parse(text, path: "f")
        let error = try #require(throws: StoreError.self) { try config.centralSQLitePath() }
        #expect(error == .notEmbeddedCentral(url: "postgresql://sportello:segreta@db.comune.local/sportello"))
        #expect(error.description.contains("vale solo per il file centrale"))
        #expect(!error.description.contains("segreta"))
    }

    @Test(arguments: [
        ("", nil as String?, nil as String?, nil as String?, "/root/.local/share/sportello-tui"),
        ("/x/explicit", "/env/home", "/xdg", "/root", "/x/explicit"),
        ("", "/env/home", "/xdg", "/root", "/env/home"),
        ("", nil, "/xdg", "/root", "/xdg/sportello-tui"),
    ])
    func homeResolutionOrder(explicit: String, sportelloHome: String?, xdg: String?, user: String?, expected: String) throws {
        var environment: [String: String] = ["HOME": "/root"]
        environment["SPORTELLO_HOME"] = sportelloHome
        environment["XDG_DATA_HOME"] = xdg
        if let user { environment["HOME"] = user }
        let home = try StationHome.resolve(explicit: explicit.isEmpty ? nil : explicit, environment: environment)
        #expect(home.path == expected)
    }
}
