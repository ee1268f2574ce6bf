import Testing
@testable import LocalStore

@Suite struct StationConfigPostgresTests {
    static func config(central: String) -> String {
        "office = \"O\"\nstation = \"sportello-1\"\nkind = \"counter\"\ncounter = 1\ncentral = \"\(central)\"\n"
    }

    @Test func aPostgresqlCentralWithItsPasswordFileAndTLS() throws {
        let text = Self.config(central: "postgresql://sportello_1@db.comune.local:5433/ufficio?password_file=/etc/sportello/pw&sslmode=require")
        let config = try StationConfig.parse(text, path: "f")
        let url = try #require(try config.centralPostgres(environment: [:]))
        #expect(url.host == "db.comune.local" && url.port == 5433 && url.database == "ufficio")
        #expect(url.password == .file("/etc/sportello/pw"))
        #expect(url.tls == .require)
    }

    @Test func anEmbeddedCentralHasNoPostgresURL() throws {
        let config = try StationConfig.parse(Self.config(central: "sqlite:///srv/central.sqlite"), path: "f")
        #expect(try config.centralPostgres(environment: [:]) == nil)
    }

    @Test(arguments: ["postgresql://db.comune.local/ufficio", "postgresql://u@h/db?sslmode=sometimes",
                      "postgresql://u@h/db?colour=blue"])
    func aBadPostgresqlURLIsAConfigurationIssueOnItsLine(central: String) throws {
        let error = try #require(throws: ConfigError.self) { try StationConfig.parse(Self.config(central: central), path: "f") }
        #expect(error.issues.count == 1)
        #expect(error.issues[0].line == 5)
        #expect(error.description.contains("URL del database centrale non valido"))
    }

    @Test func aPasswordVariableIsCheckedWhenTheStationConnectsNotWhenTheFileIsRead() throws {
        let config = try StationConfig.parse(Self.config(central: "postgresql://u@h/db?password_env=SPORTELLO_PW_TEST"), path: "f")
        #expect(throws: PostgresCentralError.passwordEnvironmentMissing(name: "SPORTELLO_PW_TEST")) {
            try config.centralPostgres(environment: [:])
        }
        #expect(try config.centralPostgres(environment: ["SPORTELLO_PW_TEST": "x"])?.password == .environment("SPORTELLO_PW_TEST"))
    }
}
