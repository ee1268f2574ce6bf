import CruscottoModel
import Foundation
import Testing
@testable import LocalStore

/// Stations on the PostgreSQL central database (`SPORTELLO_TEST_PG`): init, the operators
/// and reference data kept centrally and cached at the station, offline logins, the change
/// mark, services import, and each bad input with its Italian message.
@Suite(.enabled(if: PostgresTestDatabase.isAvailable)) struct PostgresStationTests {
    /// An office database with one station role; its password in a 0600 file.
    struct Office {
        var handle: PostgresTestDatabase.Handle
        var dir: TemporaryDirectory
        var passwordFile: String
        var stationURL: String

        var home: StationHome { dir.home }

        func open(clock: any Clock = testClock) throws -> Station {
            try Station.open(home: home, clock: clock, hasher: fastHasher)
        }
    }

    static func withOffice<T: Sendable>(
        _ suite: String, officeName: String = "Comune di Prova", _ body: (Office) async throws -> T
    ) async throws -> T {
        try await PostgresTestDatabase.with(suite: suite) { handle in
            let outcome = try await PostgresCentralAdmin.initialize(
                handle.url, configuration: ContractFixture.configuration(), stations: ["sportello-1"],
                rolePrefix: handle.rolePrefix, officeName: officeName, at: testInstant)
            let dir = try TemporaryDirectory()
            let passwordFile = dir.file("sportello-1.password")
            #expect(FileManager.default.createFile(atPath: passwordFile, contents: Data((outcome.stations[0].password + "\n").utf8),
                                                   attributes: [.posixPermissions: 0o600]))
            let url = "postgresql://\(outcome.stations[0].role)@\(handle.url.host):\(handle.url.port)/\(handle.url.database)?password_file=\(passwordFile)"
            return try await body(Office(handle: handle, dir: dir, passwordFile: passwordFile, stationURL: url))
        }
    }

    static func initStation(_ office: Office, counter: Int = 1) async throws -> StationSetup.Outcome {
        try await StationSetup(kind: .counter, counter: counter, central: .postgresql(url: office.stationURL))
            .runConnected(in: office.home, clock: testClock)
    }

    @Test func initTakesTheOfficeAndOperatorsAndTheStationWorksOnThem() async throws {
        try await Self.withOffice("station_init") { office in
            let outcome = try await Self.initStation(office)
            #expect(outcome.config.officeName == "Comune di Prova")
            #expect(outcome.cachedOperators == 0)
            #expect(!outcome.createdCentral)
            let station = try office.open()
            defer { station.close() }
            #expect(station.postgres != nil && station.central == nil && station.centralError == nil)

            let directory = try await station.operatorDirectory()
            try await directory.addOperator(OperatorAccount(username: "anna.neri", fullName: "Anna Neri", roles: [.counter, .manager]),
                                            password: "Sportello.Prova.2026", hasher: fastHasher)
            await #expect(throws: StoreError.operatorExists("anna.neri")) {
                try await directory.addOperator(OperatorAccount(username: "anna.neri", fullName: "Anna", roles: [.counter]),
                                                password: "Sportello.Prova.2026", hasher: fastHasher)
            }
            #expect(try await station.refreshCentralCache() == 1)
            #expect(try station.store.cachedOperators().map(\.roles) == [[.counter, .manager]])
            #expect(await station.authenticate(username: "anna.neri", password: "Sportello.Prova.2026")
                == .authenticated(OperatorAccount(username: "anna.neri", fullName: "Anna Neri", roles: [.counter, .manager])))

            // Disabled centrally: the next refresh (at login) refuses it, offline too.
            try await directory.disableOperator("anna.neri")
            #expect(try await directory.listOperators().map(\.disabled) == [true])
            #expect(try await station.refreshCentralCache(onlyIfChanged: true) == 1)
            #expect(await station.authenticate(username: "anna.neri", password: "Sportello.Prova.2026") == .disabled)
            try await directory.enableOperator("anna.neri")
            try await directory.setPassword("anna.neri", password: "Nuova.Password.2026", hasher: fastHasher)
            try await station.refreshCentralCache(onlyIfChanged: true)
            #expect(await station.authenticate(username: "anna.neri", password: "Sportello.Prova.2026") == .rejected)
            guard case .authenticated = await station.authenticate(username: "anna.neri", password: "Nuova.Password.2026") else {
                Issue.record("la nuova password non è accettata")
                return
            }
            await #expect(throws: StoreError.operatorUnknown("nessuno")) { try await directory.disableOperator("nessuno") }
            await #expect(throws: StoreError.operatorUnknown("nessuno")) {
                try await directory.setPassword("nessuno", password: "Nuova.Password.2026", hasher: fastHasher)
            }
            await #expect(throws: StoreError.self) {
                try await directory.addOperator(OperatorAccount(username: "X", fullName: "X", roles: [.counter]),
                                                password: "Sportello.Prova.2026", hasher: fastHasher)
            }
            let status = try await PostgresCentralAdmin.status(office.handle.url)
            #expect(status.stations.map(\.kind) == ["counter"])
            #expect(status.stations[0].lastContact != nil)
        }
    }

    @Test func aRefusedPasswordLeavesTheStationUsableFromItsCache() async throws {
        try await Self.withOffice("station_offline") { office in
            _ = try await Self.initStation(office)
            do {
                let station = try office.open()
                defer { station.close() }
                try await station.operatorDirectory().addOperator(
                    OperatorAccount(username: "anna.neri", fullName: "Anna Neri", roles: [.counter]),
                    password: "Sportello.Prova.2026", hasher: fastHasher)
                try await station.refreshCentralCache()
            }
            try Data("sbagliata\n".utf8).write(to: URL(fileURLWithPath: office.passwordFile))
            let station = try office.open()
            defer { station.close() }
            let role = try #require(try station.config.centralPostgres()).user
            await #expect(throws: StoreError.postgres(.authenticationFailed(user: role))) {
                try await station.refreshCentralCache()
            }
            #expect(StoreError.postgres(.authenticationFailed(user: role)).description
                == "accesso al database centrale rifiutato per l'utente \(role): password errata o utente sconosciuto")
            guard case .authenticated = await station.authenticate(username: "anna.neri", password: "Sportello.Prova.2026") else {
                Issue.record("accesso dalla cache rifiutato")
                return
            }
            // The queue says why it cannot work; nothing is thrown at start.
            let queue = PostgresStationQueue(link: try #require(station.postgres), clock: testClock)
            await #expect(throws: QueueBackendError.self) { _ = try await queue.status() }
            await #expect(throws: StoreError.self) { _ = try await station.operatorDirectory() }
        }
    }

    @Test func aCentralSchemaNewerThanTheStationIsRefusedWithItsMessage() async throws {
        try await Self.withOffice("station_newer") { office in
            _ = try await Self.initStation(office)
            let newer = CentralMigrations.all.count + 1
            try await PostgresTestDatabase.exec(office.handle.url, """
                INSERT INTO sportello.central_migration (version, name, sha256) VALUES (\(newer), '9999_future', 'f')
                """)
            let expected = PostgresCentralError.schemaTooNew(central: newer, known: CentralMigrations.all.count)
            let station = try office.open()
            defer { station.close() }
            await #expect(throws: StoreError.postgres(expected)) { try await station.refreshCentralCache() }
            #expect(expected.description.contains("più recente di quello di questo programma"))
            let other = try TemporaryDirectory()
            await #expect(throws: StoreError.postgres(expected)) {
                _ = try await StationSetup(kind: .counter, counter: 2, central: .postgresql(url: office.stationURL))
                    .runConnected(in: other.home, clock: testClock)
            }
            #expect(!other.home.isInitialized)
        }
    }

    /// A malformed URL is a configuration error naming its line (what every bad key does);
    /// a well-formed one that leads nowhere lets the station start and says why.
    @Test(arguments: [
        ("postgresql://127.0.0.1/sportello", "manca l'utente"),
        ("postgresql://u@/sportello", "manca l'host"),
        ("postgresql://u@127.0.0.1:5432/sportello?sslmode=forse", "sslmode ammessi"),
        ("postgresql://u@127.0.0.1:5432/sportello?colore=blu", "parametro sconosciuto"),
    ])
    func aMalformedURLIsRefusedWithItsLine(url: String, reason: String) throws {
        let dir = try TemporaryDirectory()
        _ = try StationSetup(kind: .counter, counter: 1).run(in: dir.home, clock: testClock)
        try Self.setCentral(url, in: dir.home)
        let error = try #require(throws: ConfigError.self) { try Station.open(home: dir.home, clock: testClock) }
        #expect(error.description.contains("riga 12: URL del database centrale non valido"))
        #expect(error.description.contains(reason))
    }

    @Test func aDatabaseThatDoesNotExistLeavesTheStationUsable() async throws {
        try await Self.withOffice("station_nodb") { office in
            _ = try await Self.initStation(office)
            try Self.setCentral(office.stationURL.replacingOccurrences(
                of: "/\(office.handle.url.database)?", with: "/nessun_database_qui?"), in: office.home)
            let station = try office.open()
            defer { station.close() }
            await #expect(throws: StoreError.postgres(.unreachable(
                host: office.handle.url.host, port: office.handle.url.port, reason: "il database nessun_database_qui non esiste"))) {
                try await station.refreshCentralCache()
            }
            #expect(await station.authenticate(username: "nessuno", password: "x") == .rejected)
        }
    }

    static func setCentral(_ url: String, in home: StationHome) throws {
        var text = try String(contentsOfFile: home.configPath, encoding: .utf8)
        text = text.replacingOccurrences(of: #"central = "[^"]*""#, with: "central = \"\(url)\"", options: .regularExpression)
        try Data(text.utf8).write(to: URL(fileURLWithPath: home.configPath))
    }

    @Test(arguments: [("150004", true), ("150000", true), ("140011", false), ("160002", false), ("x", false)])
    func onlyTheSupportedMajorVersionIsAccepted(versionNumber: String, accepted: Bool) {
        #expect(PostgresCentral.isSupported(serverVersionNumber: versionNumber) == accepted)
    }

    @Test func anotherMajorVersionIsNamedInItsMessage() {
        #expect(PostgresCentralError.unsupportedServer(version: "14.11").description
            == "il server del database centrale è PostgreSQL 14.11: è richiesto PostgreSQL 15")
    }

    @Test func theChangeMarkMovesWithTicketsTheOfficeDayAndTheConfiguration() async throws {
        try await Self.withOffice("station_mark") { office in
            _ = try await Self.initStation(office)
            let station = try office.open()
            defer { station.close() }
            let clock = ContractClock(ContractFixture.rome("2026-11-30 10:00"))
            let queue = PostgresStationQueue(link: try #require(station.postgres), clock: clock)
            let first = try await queue.changeMark()
            #expect(try await queue.changeMark() == first)
            _ = try await queue.issue(IssueRequest(serviceCode: "ANA"))
            let afterIssue = try await queue.changeMark()
            #expect(afterIssue != first)
            #expect(try await queue.changeMark() == afterIssue)
            try await queue.openOffice()
            let afterOpen = try await queue.changeMark()
            #expect(afterOpen != afterIssue)
            var configuration = ContractFixture.configuration()
            configuration.services[0].name = "Anagrafe e certificati"
            let backend = try await queue.backend()
            try await backend.replaceConfiguration(configuration)
            #expect(try await queue.changeMark() != afterOpen)
            // The new configuration version reopened the queue: it reads the new name.
            #expect(try await queue.configuration().services[0].name == "Anagrafe e certificati")
        }
    }

    @Test func servicesImportKeepsServicesWithOpenTicketsToday() async throws {
        try await Self.withOffice("station_import") { office in
            _ = try await Self.initStation(office)
            let station = try office.open()
            defer { station.close() }
            let queue = PostgresStationQueue(link: try #require(station.postgres),
                                             clock: ContractClock(ContractFixture.rome("2026-11-30 10:00")))
            _ = try await queue.issue(IssueRequest(serviceCode: "STC"))
            var without = ContractFixture.configuration()
            without.services.removeAll { $0.code == "STC" }
            without.profiles[0].serviceCodes.removeAll { $0 == "STC" }
            let backend = try await queue.backend()
            await #expect(throws: QueueBackendError.invalidConfiguration(
                problems: ["Il servizio STC ha ancora biglietti aperti oggi: non si può eliminare"])) {
                try await backend.replaceConfiguration(without)
            }
            var invalid = ContractFixture.configuration()
            invalid.services.removeAll { $0.code == "ANA" }
            await #expect(throws: QueueBackendError.self) { try await backend.replaceConfiguration(invalid) }
            #expect(try await PostgresQueueBackend.open(central: backend.central, clock: testClock)
                .configuration().services.map(\.code) == ["ANA", "CIE", "STC"])
        }
    }
}
